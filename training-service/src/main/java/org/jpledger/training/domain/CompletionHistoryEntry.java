package org.jpledger.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One version of a completion as it was, with what changed, when and by whom; written once, never updated. */
@Entity
@Table(name = "completion_history")
@IdClass(CompletionHistoryEntry.Key.class)
public class CompletionHistoryEntry {

    /** What a version did to the completion. */
    public enum Change {
        RECORDED,
        AMENDED,
        VOIDED
    }

    /** Primary key: completion and version. */
    public record Key(UUID completionId, long version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "completion_id")
    public UUID completionId;

    @Id
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Change change;

    /**
     * The completion at this version, as JSON of the service's CompletionSnapshot; rows written before it hold the
     * API's former CompletionResponse under the same property names.
     */
    @Column(nullable = false)
    public String state;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;
}
