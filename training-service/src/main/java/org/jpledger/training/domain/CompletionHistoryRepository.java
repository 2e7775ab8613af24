package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The version history of completions. */
@ApplicationScoped
public class CompletionHistoryRepository implements PanacheRepositoryBase<CompletionHistoryEntry, CompletionHistoryEntry.Key> {

    public List<CompletionHistoryEntry> versionsOf(UUID completionId) {
        return list("completionId = ?1 order by version", completionId);
    }
}
