package org.jpledger.training.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The certificate files of completions. */
@ApplicationScoped
public class CompletionEvidenceRepository implements PanacheRepositoryBase<CompletionEvidence, CompletionEvidence.Key> {

    /** The files of a completion, in the order they were attached. */
    public List<CompletionEvidence> of(UUID completionId) {
        return list("completionId = ?1 order by attachedAt, sha256", completionId);
    }

    public Optional<CompletionEvidence> find(UUID completionId, String sha256) {
        return findByIdOptional(new CompletionEvidence.Key(completionId, sha256));
    }

    /** How many files a completion holds. */
    public long countOf(UUID completionId) {
        return count("completionId", completionId);
    }

    /** Whether any completion still holds the content. */
    public boolean used(String sha256) {
        return count("sha256", sha256) > 0;
    }
}
