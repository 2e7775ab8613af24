package org.jpledger.training.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
                + "Asia/Jakarta)") String timeZone,
        @Schema(description = "The unit's name and parent over time, oldest first; name and parentCode are those of "
                + "the latest period (or, in a list asOf a date, of the period in force then)")
        List<UnitPeriodItem> history,
        @Schema(description = "The first day the unit no longer exists; absent while it does") LocalDate dissolvedOn,
        @Schema(description = "The unit that took over a dissolved unit; absent when none did") String successorCode,
        @Schema(description = "The SK or Perda that dissolved the unit; absent while it exists")
        String dissolutionReference,
        @Schema(description = "SIASN's id of the agency a root unit stands for; absent when not known") String instansiId) {

    public static UnitResponse from(UnitView unit) {
        return new UnitResponse(unit.code(), unit.name(), unit.parentCode(), unit.version(), unit.updatedAt(),
                unit.timeZone(), unit.history().stream().map(UnitPeriodItem::from).toList(), unit.dissolvedOn(),
                unit.successorCode(), unit.dissolutionReference(), unit.instansiId());
    }
}
