package org.jpledger.training.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.evidence.domain.CompletionEvidenceRepository;
import org.jpledger.training.evidence.domain.EvidenceRequirement;
import org.jpledger.training.evidence.domain.EvidenceRequirementRepository;
import org.jpledger.training.verification.service.VerificationGuard;

/**
 * The evidence a completion's kind requires before verification (see {@link EvidenceRequirementService}): a
 * certificate number, a certificate file, or both. A kind without a requirement needs neither.
 */
@ApplicationScoped
public class EvidenceGuard implements VerificationGuard {

    private final EvidenceRequirementRepository requirements;
    private final CompletionEvidenceRepository files;

    public EvidenceGuard(EvidenceRequirementRepository requirements, CompletionEvidenceRepository files) {
        this.requirements = requirements;
        this.files = files;
    }

    @Override
    public void check(Completion completion, FieldErrors missing) {
        requirements.findByIdOptional(completion.kindId).ifPresent(requirement -> check(requirement,
                completion.certificateNumber, requirement.fileRequired ? files.countOf(completion.id) : 0, missing));
    }

    /** Adds what a completion with {@code certificateNumber} and {@code files} certificate files lacks. */
    static void check(EvidenceRequirement requirement, String certificateNumber, long files, FieldErrors missing) {
        if (requirement.certificateNumberRequired && (certificateNumber == null || certificateNumber.isBlank())) {
            missing.add("certificateNumber", "required for kind " + requirement.kindId + " before verification");
        }
        if (requirement.fileRequired && files == 0) {
            missing.add("certificates", "a certificate file is required for kind " + requirement.kindId
                    + " before verification; attach it at /api/v1/completions/{id}/certificates");
        }
    }
}
