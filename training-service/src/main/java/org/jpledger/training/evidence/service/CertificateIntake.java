package org.jpledger.training.evidence.service;

import java.util.UUID;

/**
 * Certificate evidence as the xAPI LRS reaches it: an attachment with the certificate usage type of a statement that
 * became a completion is stored as that completion's certificate file, sniffed and bounded as an upload is.
 */
public interface CertificateIntake {

    /**
     * Refuses content that cannot be a certificate file: 400 naming {@code field} when its bytes are no PDF, PNG, JPEG
     * or WebP, 413 when it is larger than the size limit.
     */
    void check(byte[] content, String field);

    /**
     * Attaches {@code content} (checked) to the completion as evidence from {@code by}, in the caller's transaction
     * (whose employee locks it holds); nothing when the completion holds it already or is voided, 409 when the
     * completion holds as many files as it may.
     */
    void attachReported(UUID completionId, byte[] content, String fileName, String by);
}
