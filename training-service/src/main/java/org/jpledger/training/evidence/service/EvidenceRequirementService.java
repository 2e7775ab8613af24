package org.jpledger.training.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.training.evidence.domain.EvidenceRequirement;
import org.jpledger.training.evidence.domain.EvidenceRequirementRepository;

/**
 * The evidence each training kind requires before a verifier may verify its completions, set by a policy admin. By
 * default no kind requires any: PermenPAN-RB 38/2017 and Perka LAN 10/2018 have diklat struktural, fungsional and
 * teknis end with an STTPP or sertifikat, but neither makes the JP depend on it being shown to the agency, so requiring
 * it is each agency's choice (and today's behaviour is that nothing is required).
 */
@ApplicationScoped
public class EvidenceRequirementService {

    /**
     * Kinds whose training ends with a certificate: Diklat Struktural (STTPP, Perka LAN 10/2018 and the pelatihan
     * kepemimpinan rules), Diklat Fungsional and Diklat Teknis (sertifikat, PermenPAN-RB 38/2017). Reference only.
     */
    static final Set<Integer> ISSUING_CERTIFICATES = Set.of(1, 2, 3);

    private final EvidenceRequirementRepository requirements;
    private final Caller caller;
    private final Clock clock;

    public EvidenceRequirementService(EvidenceRequirementRepository requirements, Caller caller, Clock clock) {
        this.requirements = requirements;
        this.caller = caller;
        this.clock = clock;
    }

    /** Every kind's requirement, in kind order. */
    @Transactional
    public List<RequirementView> list() {
        Map<Integer, EvidenceRequirement> set = requirements.listAll().stream()
                .collect(Collectors.toMap(r -> r.kindId, Function.identity()));
        return TrainingKinds.all().stream().map(kind -> view(kind, set.get(kind.id()))).toList();
    }

    /** Sets what a kind requires; 404 for a kind that does not exist. */
    @Transactional
    public RequirementView set(int kindId, boolean certificateNumber, boolean file) {
        TrainingKind kind = TrainingKinds.byId(kindId).orElseThrow(() ->
                new ResourceNotFoundException("No training kind " + kindId + "."));
        EvidenceRequirement requirement = requirements.findByIdOptional(kindId).orElse(null);
        boolean fresh = requirement == null;
        if (fresh) {
            requirement = new EvidenceRequirement();
            requirement.kindId = kindId;
        }
        requirement.certificateNumberRequired = certificateNumber;
        requirement.fileRequired = file;
        requirement.updatedBy = caller.subject();
        requirement.updatedAt = clock.instant();
        if (fresh) {
            // Hibernate takes a new row's values when it is persisted: set them first.
            requirements.persist(requirement);
        }
        return view(kind, requirement);
    }

    private static RequirementView view(TrainingKind kind, EvidenceRequirement requirement) {
        boolean issues = ISSUING_CERTIFICATES.contains(kind.id());
        return requirement == null ? new RequirementView(kind.id(), kind.name(), issues, false, false, null, null)
                : new RequirementView(kind.id(), kind.name(), issues, requirement.certificateNumberRequired,
                        requirement.fileRequired, requirement.updatedBy, requirement.updatedAt);
    }
}
