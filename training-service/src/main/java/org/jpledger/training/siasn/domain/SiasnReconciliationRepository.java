package org.jpledger.training.siasn.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Stored reconciliations. */
@ApplicationScoped
public class SiasnReconciliationRepository implements PanacheRepositoryBase<SiasnReconciliation, UUID> {
}
