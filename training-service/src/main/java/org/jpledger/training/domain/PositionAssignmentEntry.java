package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * From {@code effectiveFrom} on, the employee had this employment type and position level (until the next entry's
 * date).
 */
@Entity
@Table(name = "employee_position_assignment")
@IdClass(PositionAssignmentEntry.Key.class)
public class PositionAssignmentEntry {

    /** Primary key: employee and the date the position took effect. */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false)
    public EmploymentType employmentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_level", nullable = false)
    public PositionLevel positionLevel;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
