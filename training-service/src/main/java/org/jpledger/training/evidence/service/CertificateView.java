package org.jpledger.training.evidence.service;

import java.time.Instant;
import org.jpledger.training.evidence.domain.CompletionEvidence;
import org.jpledger.training.evidence.domain.EvidenceBlob;

/** A certificate file of a completion: its content's hash, size and sniffed type, and who attached it under what name. */
public record CertificateView(String sha256, long size, String contentType, String fileName, String attachedBy,
        Instant attachedAt) {

    static CertificateView of(CompletionEvidence link, EvidenceBlob blob) {
        return new CertificateView(link.sha256, blob.sizeBytes, blob.contentType, link.fileName, link.attachedBy,
                link.attachedAt);
    }
}
