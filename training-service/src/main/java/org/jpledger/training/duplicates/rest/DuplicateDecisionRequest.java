package org.jpledger.training.duplicates.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/completions/{id}/duplicates/{otherId}}. */
@Schema(name = "DuplicateDecisionRequest", description = "A verifier's decision on a possible duplicate pair.")
public record DuplicateDecisionRequest(
        @Schema(description = "NOT_DUPLICATE: two trainings, the flags are cleared and the pair is never raised again. "
                + "DUPLICATE: one training, the one not kept is voided with reason DUPLICATE.")
        @NotNull Decision decision,
        @Schema(description = "For DUPLICATE: the id of the completion to keep, {id} or {otherId}; {id} when absent")
        UUID keep) {

    /** What a verifier may decide. */
    public enum Decision {
        NOT_DUPLICATE,
        DUPLICATE
    }
}
