package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.reference.ExemptionKind;

/** A period, both days included, in which an employee is not judged; a deletion keeps it as history. */
@Entity
@Table(name = "employee_exemption")
public class Exemption {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String nip;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExemptionKind kind;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    /** Null while open-ended. */
    @Column(name = "until_date")
    public LocalDate untilDate;

    /** The number of the decision (SK) that grants it. */
    @Column(nullable = false)
    public String reference;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    public boolean active() {
        return deletedAt == null;
    }

    /** Whether the two periods share a day; an open end reaches every day after its start. */
    public boolean overlaps(LocalDate otherFrom, LocalDate otherUntil) {
        return (otherUntil == null || !fromDate.isAfter(otherUntil))
                && (untilDate == null || !otherFrom.isAfter(untilDate));
    }
}
