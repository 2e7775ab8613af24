package org.jpledger.contracts.reference;

/**
 * One training kind (jenis diklat) of the national HR system.
 *
 * @param id the national id
 */
public record TrainingKind(int id, String name, TrainingMethod method) {
}
