package org.jpledger.training.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.UnitView;

/** A unit as the API shows it. */
public record UnitResponse(
        @Schema(description = "The unit's code") String code,
        @Schema(description = "The unit's name") String name,
        @Schema(description = "Code of its parent; absent for a root") String parentCode,
        @Schema(description = "Version; 1 when created, one more per change") long version,
        @Schema(description = "When the current version was written") Instant updatedAt,
        @Schema(description = "The unit's own time zone; absent when it takes its parent's (a root without one is in "
                + "Asia/Jakarta)") String timeZone) {

    public static UnitResponse from(UnitView unit) {
        return new UnitResponse(unit.code(), unit.name(), unit.parentCode(), unit.version(), unit.updatedAt(),
                unit.timeZone());
    }
}
