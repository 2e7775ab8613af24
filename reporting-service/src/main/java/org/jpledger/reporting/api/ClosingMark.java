package org.jpledger.reporting.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The standing closing of a year that an answer's figures come from, or that stands beside live figures. */
@Schema(name = "ClosingMark", description = "The standing closing of the year (see GET /api/v1/years)")
public record ClosingMark(
        @Schema(description = "The closed training year") int year,
        @Schema(description = "Root of the closed subtree; absent when the whole organisation is closed")
        String unitCode,
        @Schema(description = "The closing's version: 1, and one more for each closing after a reopening") int version,
        @Schema(description = "When the year was closed") Instant closedAt,
        @Schema(description = "Who closed it (the token's subject)") String closedBy,
        @Schema(description = "The note given when closing") String note,
        @Schema(description = "Late corrections since the closing (GET /api/v1/years/{year}/corrections)")
        long corrections) {
}
