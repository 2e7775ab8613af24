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
        VOIDED,
        /** Only the verification state or the flags changed: verified, rejected, flagged, a flag cleared. */
        REVIEWED
    }

    /** Why a version has the recognised JP (and rule version) it has. */
    public enum Recognition {
        /** Computed when recorded, by the rules in force on the end date. */
        RECORDED,
        /** An amendment changed what recognition reads, so it was computed again by the rules in force on the end date. */
        INPUT_CHANGED,
        /** Kept from the version before: nothing recognition reads changed (or the version voided the record). */
        UNCHANGED,
        /** Computed again under a newer table with no input changed: amendments made before rules had validity only. */
        RULES_CHANGED
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

    /** Why the recognised JP is what it is; null in rows written by hand. */
    @Enumerated(EnumType.STRING)
    public Recognition recognition;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;
}
