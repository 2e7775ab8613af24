package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organisational unit (unit kerja); each points to its parent, the root has none. */
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

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
