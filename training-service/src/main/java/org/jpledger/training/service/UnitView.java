package org.jpledger.training.service;

import java.time.Instant;
import org.jpledger.training.domain.Unit;

/** A unit at its current version; {@code timeZone} is its own, null when it takes its parent's. */
public record UnitView(String code, String name, String parentCode, long version, Instant updatedAt,
        String timeZone) {

    public static UnitView of(Unit unit) {
        return new UnitView(unit.code, unit.name, unit.parentCode, unit.version, unit.updatedAt, unit.timeZone);
    }
}
