package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;

/** A civil servant (ASN) identified by NIP; each change is a new version. */
@Entity
@Table(name = "employee")
public class Employee {

    @Id
    public String nip;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false)
    public EmploymentType employmentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_level", nullable = false)
    public PositionLevel positionLevel;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "employed_from", nullable = false)
    public LocalDate employedFrom;

    @Column(name = "employed_until")
    public LocalDate employedUntil;

    /** Why the employee left; present exactly while {@link #employedUntil} is. */
    @Enumerated(EnumType.STRING)
    @Column(name = "leaving_reason")
    public LeavingReason leavingReason;

    /** SIASN's own id of the person, when known. */
    @Column(name = "pns_orang_id")
    public String pnsOrangId;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the employee was in service on {@code day}. */
    public boolean employedOn(LocalDate day) {
        return !day.isBefore(employedFrom) && (employedUntil == null || !day.isAfter(employedUntil));
    }
}
