package org.jpledger.training.evidence.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.evidence.domain.EvidenceRequirement;
import org.junit.jupiter.api.Test;

/** What a kind's evidence requirement finds missing on a completion. */
class EvidenceGuardTest {

    @Test
    void aKindRequiringBothNamesBothWhenBothAreMissing() {
        FieldErrors missing = new FieldErrors();

        EvidenceGuard.check(requirement(true, true), null, 0, missing);

        assertThatThrownBy(missing::throwIfAny).isInstanceOfSatisfying(InvalidRequestException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("certificateNumber",
                        "certificates"));
    }

    @Test
    void aBlankCertificateNumberIsNoCertificateNumber() {
        FieldErrors missing = new FieldErrors();

        EvidenceGuard.check(requirement(true, false), "   ", 3, missing);

        assertThatThrownBy(missing::throwIfAny).isInstanceOfSatisfying(InvalidRequestException.class, e ->
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("certificateNumber");
                    assertThat(error.reason()).isEqualTo("required for kind 3 before verification");
                }));
    }

    @Test
    void whatIsPresentOrNotRequiredIsNotMissing() {
        FieldErrors missing = new FieldErrors();

        EvidenceGuard.check(requirement(true, true), "STTPP/2026/17", 1, missing);
        EvidenceGuard.check(requirement(false, false), null, 0, missing);

        missing.throwIfAny();
    }

    private static EvidenceRequirement requirement(boolean certificateNumber, boolean file) {
        EvidenceRequirement requirement = new EvidenceRequirement();
        requirement.kindId = 3;
        requirement.certificateNumberRequired = certificateNumber;
        requirement.fileRequired = file;
        return requirement;
    }
}
