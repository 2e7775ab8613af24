package org.jpledger.training.service;

import org.jpledger.contracts.reference.VerificationState;

/**
 * The verification state a new completion is recorded in, by where it comes from: implemented by the verification
 * part (trusted sources per unit subtree), asked by recording so that recording need not know how trust is kept.
 */
public interface SourceTrust {

    /** AUTO_VERIFIED when {@code sourceSystem} is trusted for {@code unitCode} (or a unit above it), else SUBMITTED. */
    VerificationState initialState(String unitCode, String sourceSystem);
}
