package org.jpledger.training.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.problem.Problem;

/** The outcome of one item of a batch or one row of an import. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchItemResult", description = "What happened to one item: created, existing (an identical earlier "
        + "record) or error (with the problem; nothing stored for this item).")
public record BatchItemResult(
        @Schema(description = "Position in the input, from 0") int index,
        Outcome status,
        CompletionResponse completion,
        Problem problem) {

    /** What happened to an item. */
    public enum Outcome {
        @Schema(description = "recorded now")
        created,
        @Schema(description = "already recorded by an identical earlier item or request")
        existing,
        @Schema(description = "refused; see problem")
        error
    }
}
