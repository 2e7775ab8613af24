package org.jpledger.training.verification.service;

import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.domain.Completion;

/**
 * A condition a completion must meet before a verifier may verify it (e.g. the certificate its kind requires). The
 * verification use case asks every guard bean before a VERIFIED decision; a guard adds a field-level reason for each
 * thing missing, and any reason refuses the decision (400) without changing anything.
 */
public interface VerificationGuard {

    /** Adds to {@code missing} what {@code completion} lacks before it may be verified. */
    void check(Completion completion, FieldErrors missing);
}
