package org.jpledger.training.evidence.service;

/** A certificate file to download: what it is, and its bytes (at most the size limit). */
public record CertificateFile(CertificateView view, byte[] content) {
}
