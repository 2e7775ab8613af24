package org.jpledger.training.verification.service;

import jakarta.inject.Singleton;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.domain.Completion;

/**
 * A test-only guard: a completion whose title carries {@link #MARKER} lacks what VERIFIED needs. It stands for the
 * evidence rules (another part of issue 25) so that the use case's refusal is tested through a real guard bean.
 */
@Singleton
public class MissingEvidenceGuard implements VerificationGuard {

    public static final String MARKER = "[tanpa bukti]";

    @Override
    public void check(Completion completion, FieldErrors missing) {
        if (completion.title.contains(MARKER)) {
            missing.add("certificate", "this kind needs a certificate file before it is verified");
        }
    }
}
