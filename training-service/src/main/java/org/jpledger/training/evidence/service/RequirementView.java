package org.jpledger.training.evidence.service;

import java.time.Instant;

/**
 * What one training kind requires before verification, and whether the regulation has the kind end with a
 * certificate (STTPP or sertifikat); updatedBy and updatedAt null for a kind nobody configured.
 */
public record RequirementView(int kindId, String kindName, boolean issuesCertificate, boolean certificateNumber,
        boolean file, String updatedBy, Instant updatedAt) {
}
