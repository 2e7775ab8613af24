package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Completions by id and by the integrating system's idempotency key. */
@ApplicationScoped
public class CompletionRepository implements PanacheRepositoryBase<Completion, UUID> {

    public Optional<Completion> findByExternalId(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResultOptional();
    }
}
