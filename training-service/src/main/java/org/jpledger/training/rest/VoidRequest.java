package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/completions/{id}/void}. */
@Schema(name = "VoidRequest", description = "Why a completion is voided.")
public record VoidRequest(
        @Schema(description = "Why the completion is void", examples = "Duplicate of certificate BPSDMD/2026/0398")
        @NotBlank @Size(max = 500) String reason) {
}
