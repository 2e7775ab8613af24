package org.jpledger.training.verification.service;

import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.training.service.CompletionSnapshot;

/**
 * What a decision did: the completion as it now is, the state it was in, and whether a new version was written
 * (false for a repeat).
 */
public record VerificationOutcome(CompletionSnapshot completion, VerificationState before, boolean changed) {
}
