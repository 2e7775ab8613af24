package org.jpledger.training.siasn.service;

import java.io.InputStream;

/**
 * The command to reconcile a SIASN file with the ledger.
 *
 * @param unitCode the root of the subtree SIASN's records are of
 * @param shape    kursus or struktural; null to recognise it from a CSV header
 * @param body     the file, read as it streams
 */
public record NewReconciliation(String unitCode, String shape, SiasnFile.Format format, InputStream body) {
}
