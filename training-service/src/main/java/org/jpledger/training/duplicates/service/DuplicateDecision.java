package org.jpledger.training.duplicates.service;

import java.util.UUID;
import org.jpledger.training.duplicates.domain.DuplicatePair;

/**
 * A verifier's decision on the pair of {@code id} and {@code otherId}: NOT_DUPLICATE, or DUPLICATE keeping {@code keep}
 * (one of the two; null for {@code id}) and voiding the other.
 */
public record DuplicateDecision(UUID id, UUID otherId, DuplicatePair.State decision, UUID keep) {
}
