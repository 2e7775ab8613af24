package org.jpledger.training.verification.service;

import static org.jpledger.contracts.reference.VerificationState.AUTO_VERIFIED;
import static org.jpledger.contracts.reference.VerificationState.REJECTED;
import static org.jpledger.contracts.reference.VerificationState.SUBMITTED;
import static org.jpledger.contracts.reference.VerificationState.VERIFIED;

import java.util.Map;
import java.util.Set;
import org.jpledger.contracts.reference.VerificationState;

/**
 * The verifier's state machine: from each state, the decisions that make a new version. Deciding what a completion
 * already is (VERIFIED again, or REJECTED again with the same reason and note) is a repeat: answered, nothing changed.
 * Only VERIFIED and REJECTED are decisions; SUBMITTED and AUTO_VERIFIED are reached by recording and amending.
 */
final class VerificationTransitions {

    /** The table of docs/api.md (Verification). */
    static final Map<VerificationState, Set<VerificationState>> ALLOWED = Map.of(
            SUBMITTED, Set.of(VERIFIED, REJECTED),
            // A trusted source's record may still be looked at.
            AUTO_VERIFIED, Set.of(VERIFIED, REJECTED),
            VERIFIED, Set.of(REJECTED),
            // A verifier corrects a refusal, or its reason.
            REJECTED, Set.of(VERIFIED, REJECTED));

    private VerificationTransitions() {
    }

    /** Whether deciding {@code decision} on a completion in state {@code from} makes a new version. */
    static boolean allowed(VerificationState from, VerificationState decision) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(decision);
    }
}
