package org.jpledger.training.evidence.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.evidence.service.RequirementView;

/** A training kind's evidence requirement as the API shows it. */
public record EvidenceRequirementResponse(
        @Schema(description = "Id of the training kind (jenis diklat)") int kindId,
        @Schema(description = "Name of the training kind") String kindName,
        @Schema(description = "Whether the regulation has this kind end with an STTPP or sertifikat (diklat "
                + "struktural, fungsional, teknis); reference only") boolean issuesCertificate,
        @Schema(description = "A certificate number is required before verification") boolean certificateNumber,
        @Schema(description = "A certificate file is required before verification") boolean file,
        @Schema(description = "Who last set it; null when nobody has") String updatedBy,
        @Schema(description = "When it was last set; null when never") Instant updatedAt) {

    static EvidenceRequirementResponse from(RequirementView view) {
        return new EvidenceRequirementResponse(view.kindId(), view.kindName(), view.issuesCertificate(),
                view.certificateNumber(), view.file(), view.updatedBy(), view.updatedAt());
    }
}
