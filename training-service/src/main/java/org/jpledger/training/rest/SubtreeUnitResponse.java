package org.jpledger.training.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.UnitRepository.SubtreeRow;

/** A unit within a subtree listing. */
@Schema(name = "SubtreeUnit", description = "A unit of a subtree with its depth below the subtree's top unit.")
public record SubtreeUnitResponse(
        @Schema(description = "The unit's code") String code,
        @Schema(description = "The unit's name") String name,
        @Schema(description = "Code of its parent; absent for a root") String parentCode,
        @Schema(description = "Version; one more per change") long version,
        @Schema(description = "0 for the top unit, 1 for its children, and so on") int depth) {

    public static SubtreeUnitResponse from(SubtreeRow row) {
        return new SubtreeUnitResponse(row.code(), row.name(), row.parentCode(), row.version(), row.depth());
    }
}
