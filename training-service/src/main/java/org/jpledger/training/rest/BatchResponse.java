package org.jpledger.training.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.BatchResult;

/** The answer to a batch: counts and one result per item in input order. */
@Schema(name = "BatchResponse", description = "Counts, and one result per item in input order.")
public record BatchResponse(
        @Schema(description = "Items recorded now") int created,
        @Schema(description = "Items already recorded before (retries)") int existing,
        @Schema(description = "Items refused") int failed,
        @Schema(description = "One result per item, in input order") List<BatchItemResult> items) {

    public static BatchResponse from(BatchResult result) {
        return new BatchResponse(result.created(), result.existing(), result.failed(),
                result.items().stream().map(BatchItemResult::from).toList());
    }
}
