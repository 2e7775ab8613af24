package org.jpledger.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of closing a year, or of reopening its closing. */
@Schema(name = "YearClosingRequest", description = "Closing a year, or reopening its closing")
public record ClosingRequest(
        @Schema(description = "Closing: why, or by what decision (at most 2000 characters); required when closing")
        String note,
        @Schema(description = "Reopening: why (at most 2000 characters); required when reopening") String reason,
        @Schema(description = "Root of the unit subtree; absent for the whole organisation",
                examples = "PEMPROV-JATENG") String unitCode) {
}
