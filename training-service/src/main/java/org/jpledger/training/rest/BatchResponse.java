package org.jpledger.training.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: counts and one result per item in input order. */
@Schema(name = "BatchResponse", description = "Counts, and one result per item in input order.")
public record BatchResponse(
        @Schema(description = "Items recorded now") int created,
        @Schema(description = "Items already recorded before (retries)") int existing,
        @Schema(description = "Items refused") int failed,
        @Schema(description = "One result per item, in input order") List<BatchItemResult> items) {
}
