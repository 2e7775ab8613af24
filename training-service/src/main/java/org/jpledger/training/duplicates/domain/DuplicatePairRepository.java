package org.jpledger.training.duplicates.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The possible-duplicate pairs of completions. */
@ApplicationScoped
public class DuplicatePairRepository implements PanacheRepositoryBase<DuplicatePair, DuplicatePair.Key> {

    /** Every pair {@code id} is in, whatever its state, oldest first. */
    public List<DuplicatePair> of(UUID id) {
        return list("(completionId = ?1 or otherId = ?1) order by foundAt, completionId, otherId", id);
    }

    /** Up to {@code limit} pairs {@code id} is in, oldest first. */
    public List<DuplicatePair> of(UUID id, int limit) {
        return find("(completionId = ?1 or otherId = ?1) order by foundAt, completionId, otherId", id)
                .page(0, limit).list();
    }

    /** The pair of {@code a} and {@code b}, in either order. */
    public Optional<DuplicatePair> pair(UUID a, UUID b) {
        return findByIdOptional(DuplicatePair.key(a, b));
    }

    /** Whether {@code id} is in a pair still waiting for a verifier. */
    public boolean hasOpen(UUID id) {
        return count("(completionId = ?1 or otherId = ?1) and state = ?2", id, DuplicatePair.State.OPEN) > 0;
    }
}
