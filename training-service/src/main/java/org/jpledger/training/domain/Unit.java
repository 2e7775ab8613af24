package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisational unit (unit kerja); each points to its current parent, the root has none. Its name and parent over
 * time are its {@link UnitPeriodEntry periods}; from {@code dissolvedOn} on it no longer exists.
 */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    /** The unit's own time zone (an {@link UnitZones} name); null when it takes its parent's. */
    @Column(name = "time_zone")
    public String timeZone;

    /** The first day the unit no longer exists; null while it does. */
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    /** The unit that takes over a dissolved unit's people; null when none does or the unit is not dissolved. */
    @Column(name = "successor_code")
    public String successorCode;

    /** The decision (SK, Perda) that dissolved the unit; present exactly while it is dissolved. */
    @Column(name = "dissolution_reference")
    public String dissolutionReference;

    /** SIASN's id of the agency (instansi) this root unit stands for, when known. */
    @Column(name = "instansi_id")
    public String instansiId;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether the unit no longer exists on {@code date}. */
    public boolean dissolvedBy(LocalDate date) {
        return dissolvedOn != null && !date.isBefore(dissolvedOn);
    }
}
