package org.jpledger.training.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.BatchResult;
import org.jpledger.contracts.problem.Problem;

/** The outcome of one item of a batch or one row of an import. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchItemResult", description = "What happened to one item: created, existing (an identical earlier "
        + "record) or error (with the problem; nothing stored for this item).")
public record BatchItemResult(
        @Schema(description = "Position in the input, from 0") int index,
        @Schema(description = "What happened to the item") Outcome status,
        @Schema(description = "The stored completion (created or existing)") CompletionResponse completion,
        @Schema(description = "Why the item was refused (error only)") Problem problem) {

    /** What happened to an item. */
    public enum Outcome {
        @Schema(description = "recorded now")
        created,
        @Schema(description = "already recorded by an identical earlier item or request")
        existing,
        @Schema(description = "refused; see problem")
        error
    }

    public static BatchItemResult from(BatchResult.Item item) {
        return new BatchItemResult(item.index(), switch (item.status()) {
            case CREATED -> Outcome.created;
            case EXISTING -> Outcome.existing;
            case ERROR -> Outcome.error;
        }, item.completion() == null ? null : CompletionResponse.from(item.completion()), item.problem());
    }
}
