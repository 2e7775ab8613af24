package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** From {@code effectiveFrom} on, the employee belonged to {@code unitCode} (until the next entry's date). */
@Entity
@Table(name = "employee_unit_assignment")
@IdClass(UnitAssignmentEntry.Key.class)
public class UnitAssignmentEntry {

    /** Primary key: employee and the date the assignment took effect. */
    public record Key(String nip, LocalDate effectiveFrom) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String nip;

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
