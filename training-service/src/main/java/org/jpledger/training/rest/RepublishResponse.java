package org.jpledger.training.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.RepublishCounts;

/** How many current states a republish emitted. */
@Schema(name = "RepublishResult", description = "Events emitted by a republish, one per aggregate.")
public record RepublishResponse(
        @Schema(description = "Unit events appended") long units,
        @Schema(description = "Employee events appended") long employees,
        @Schema(description = "Completion events appended") long completions) {

    public static RepublishResponse from(RepublishCounts counts) {
        return new RepublishResponse(counts.units(), counts.employees(), counts.completions());
    }
}
