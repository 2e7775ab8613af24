package org.jpledger.training.verification.service;

import org.jpledger.contracts.reference.RejectionReason;
import org.jpledger.contracts.reference.VerificationState;

/**
 * A verifier's decision on a completion: VERIFIED, or REJECTED with a reason (and a note, required for OTHER).
 *
 * @param reason null unless REJECTED
 * @param note null when none (never blank)
 */
public record VerificationDecision(VerificationState decision, RejectionReason reason, String note) {
}
