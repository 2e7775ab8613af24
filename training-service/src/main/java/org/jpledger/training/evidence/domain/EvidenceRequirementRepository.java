package org.jpledger.training.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Evidence requirements by training kind. */
@ApplicationScoped
public class EvidenceRequirementRepository implements PanacheRepositoryBase<EvidenceRequirement, Integer> {
}
