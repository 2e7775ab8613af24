package org.jpledger.training.evidence.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.evidence.service.CertificateView;

/** A certificate file of a completion as the API shows it. */
@Schema(description = "A certificate file attached to a completion")
public record CertificateResponse(
        @Schema(description = "Lower-case hex SHA-256 of the content; names the file in its download URL") String sha256,
        @Schema(description = "Bytes") long size,
        @Schema(description = "What the bytes are (application/pdf, image/png, image/jpeg, image/webp), whatever the "
                + "upload's Content-Type said") String contentType,
        @Schema(description = "The name it was sent with") String fileName,
        @Schema(description = "Who attached it (token subject, or the xAPI system)") String attachedBy,
        @Schema(description = "When it was attached") Instant attachedAt) {

    static CertificateResponse from(CertificateView view) {
        return new CertificateResponse(view.sha256(), view.size(), view.contentType(), view.fileName(),
                view.attachedBy(), view.attachedAt());
    }
}
