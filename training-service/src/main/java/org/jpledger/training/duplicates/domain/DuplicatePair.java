package org.jpledger.training.duplicates.domain;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Two completions of one employee that look like one training reported twice, stored once with the smaller id first
 * (see {@link #key}), and what a verifier decided about them.
 */
@Entity
@Table(name = "completion_duplicate")
@IdClass(DuplicatePair.Key.class)
public class DuplicatePair {

    /** Whether the pair still waits for a verifier, or what the verifier decided. */
    public enum State {
        OPEN,
        /** Not one training: never raised again for this pair, whatever later amendments do. */
        NOT_DUPLICATE,
        /** One training: one of the two was voided as a duplicate of the other. */
        DUPLICATE
    }

    @Id
    @Column(name = "completion_id")
    public UUID completionId;

    @Id
    @Column(name = "other_id")
    public UUID otherId;

    /** DuplicateRule names that matched, in DuplicateRule order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] rules = {};

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.OPEN;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The completion of the pair that is not {@code id}. */
    public UUID partnerOf(UUID id) {
        return completionId.equals(id) ? otherId : completionId;
    }

    /**
     * The stored key of the pair {@code a}, {@code b}: the smaller id first, compared as the database compares uuids
     * (their bytes unsigned, as their lower-case text sorts), not as {@link UUID#compareTo} does (signed).
     */
    public static Key key(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0 ? new Key(a, b) : new Key(b, a);
    }

    /** The composite id. */
    public record Key(UUID completionId, UUID otherId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
