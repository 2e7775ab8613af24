package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The version history of completions. */
@ApplicationScoped
public class CompletionHistoryRepository implements PanacheRepositoryBase<CompletionHistoryEntry, CompletionHistoryEntry.Key> {

    public List<CompletionHistoryEntry> versionsOf(UUID completionId) {
        return list("completionId = ?1 order by version", completionId);
    }

    /** Who made the current version of each of the completions {@code ids}, in one query. */
    public Map<UUID, String> currentAuthorsOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select h.completionId, h.changedBy from CompletionHistoryEntry h, "
                        + "Completion c where c.id in ?1 and h.completionId = c.id and h.version = c.version", Object[].class)
                .setParameter(1, ids).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }
}
