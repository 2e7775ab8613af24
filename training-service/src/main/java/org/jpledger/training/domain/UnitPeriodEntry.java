package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** From {@code effectiveFrom} on, the unit had this name and parent (until the next entry's date). */
@Entity
@Table(name = "unit_period")
@IdClass(UnitPeriodEntry.Key.class)
public class UnitPeriodEntry {

    /** Primary key: unit and the date the period took effect. */
    public record Key(String unitCode, LocalDate effectiveFrom) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
