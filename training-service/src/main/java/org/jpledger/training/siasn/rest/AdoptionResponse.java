package org.jpledger.training.siasn.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.rest.BatchItemResult;
import org.jpledger.training.siasn.service.AdoptionResult;

/** What taking SIASN records into the ledger came to. */
@Schema(name = "SiasnAdoptionResponse", description = "Counts, and per item created (recorded now), existing (taken "
        + "in before: recorded once) or error with its problem details.")
public record AdoptionResponse(
        @Schema(description = "Items recorded now") int created,
        @Schema(description = "Items taken in before (recorded once)") int existing,
        @Schema(description = "Items not taken in") int failed,
        @Schema(description = "One result per item, in the order named (all: in item order)") List<Item> items) {

    static AdoptionResponse from(AdoptionResult r) {
        return new AdoptionResponse(r.created(), r.existing(), r.failed(), r.items().stream()
                .map(i -> new Item(i.itemId(), switch (i.status()) {
                    case CREATED -> BatchItemResult.Outcome.created;
                    case EXISTING -> BatchItemResult.Outcome.existing;
                    case ERROR -> BatchItemResult.Outcome.error;
                }, i.completionId(), i.problem())).toList());
    }

    /** One item's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SiasnAdoptionItem")
    public record Item(
            @Schema(description = "The reconciliation item") int itemId,
            @Schema(description = "created, existing or error") BatchItemResult.Outcome status,
            @Schema(description = "The completion the record is in the ledger as") UUID completionId,
            @Schema(description = "Why the item was not taken in (error only)") Problem problem) {
    }
}
