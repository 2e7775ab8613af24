package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;

/** An employee as of the newest {@code employee.upserted} event applied. */
@Entity
@Table(name = "employee")
public class Employee {

    @Id
    public String nip;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type")
    public EmploymentType employmentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_level")
    public PositionLevel positionLevel;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "employed_from")
    public LocalDate employedFrom;

    @Column(name = "employed_until")
    public LocalDate employedUntil;

    @Column(nullable = false)
    public long version;

    /** The position history as the newest event states it, JSON (see {@link EmployeeRecords}); null without one. */
    @Column(name = "position_history")
    public String positionHistory;

    /** The exemption periods as the newest event states them, JSON (see {@link EmployeeRecords}); null without any. */
    @Column(name = "exemptions")
    public String exemptions;

    @Enumerated(EnumType.STRING)
    @Column(name = "leaving_reason")
    public LeavingReason leavingReason;

    /** SIASN's id of the person; null when not known. */
    @Column(name = "pns_orang_id")
    public String pnsOrangId;
}
