package org.jpledger.reporting.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A unit (unor) as of the newest {@code unit.upserted} event applied: its name and parent today; its names and parents
 * over time are in {@code unit_period} (see {@link UnitPeriodRepository} and {@link YearTree}).
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

    @Column(nullable = false)
    public long version;

    /** The first day the unit no longer exists; null while it does. */
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    /** The unit that takes over a dissolved unit's people; null when none does. */
    @Column(name = "successor_code")
    public String successorCode;

    /** SIASN's id of the agency this (root) unit stands for; null when not known. */
    @Column(name = "instansi_id")
    public String instansiId;
}
