package org.jpledger.training.evidence.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a training kind requires before its completions may be verified. */
public record EvidenceRequirementRequest(
        @Schema(description = "Whether a certificate number is required", required = true) @NotNull
        Boolean certificateNumber,
        @Schema(description = "Whether a certificate file is required", required = true) @NotNull Boolean file) {
}
