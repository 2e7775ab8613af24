package org.jpledger.training.rest;

import java.time.Instant;
import org.jpledger.training.domain.Unit;

/** A unit as the API shows it. */
public record UnitResponse(String code, String name, String parentCode, long version, Instant updatedAt) {

    public static UnitResponse from(Unit unit) {
        return new UnitResponse(unit.code, unit.name, unit.parentCode, unit.version, unit.updatedAt);
    }
}
