package org.jpledger.training.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.UnitRepository.SubtreeRow;
import org.jpledger.training.service.SubtreeUnit;

/** A unit within a subtree listing. */
@Schema(name = "SubtreeUnit", description = "A unit of a subtree with its depth below the subtree's top unit.")
public record SubtreeUnitResponse(
        @Schema(description = "The unit's code") String code,
        @Schema(description = "The unit's name") String name,
        @Schema(description = "Code of its parent; absent for a root") String parentCode,
        @Schema(description = "Version; one more per change") long version,
        @Schema(description = "0 for the top unit, 1 for its children, and so on") int depth,
        @Schema(description = "The unit's name and parent over time, oldest first") List<UnitPeriodItem> history,
        @Schema(description = "The first day the unit no longer exists; absent while it does") LocalDate dissolvedOn,
        @Schema(description = "The unit that took over a dissolved unit; absent when none did") String successorCode) {

    public static SubtreeUnitResponse from(SubtreeUnit unit) {
        SubtreeRow row = unit.row();
        return new SubtreeUnitResponse(row.code(), row.name(), row.parentCode(), row.version(), row.depth(),
                unit.history().stream().map(UnitPeriodItem::from).toList(), row.dissolvedOn(), row.successorCode());
    }
}
