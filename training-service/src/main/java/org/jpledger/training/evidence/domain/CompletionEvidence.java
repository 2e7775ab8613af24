package org.jpledger.training.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One certificate file attached to one completion: evidence beside the record, not a version of it. */
@Entity
@Table(name = "completion_evidence")
@IdClass(CompletionEvidence.Key.class)
public class CompletionEvidence {

    @Id
    @Column(name = "completion_id")
    public UUID completionId;

    /** The {@link EvidenceBlob} holding the content. */
    @Id
    public String sha256;

    /** The name the file was sent with (path and control characters removed). */
    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** Who attached it: the token subject, or the xAPI system whose statement carried it. */
    @Column(name = "attached_by", nullable = false)
    public String attachedBy;

    @Column(name = "attached_at", nullable = false)
    public Instant attachedAt;

    /** The primary key: a completion holds each content once. */
    public static class Key implements Serializable {

        public UUID completionId;
        public String sha256;

        public Key() {
        }

        public Key(UUID completionId, String sha256) {
            this.completionId = completionId;
            this.sha256 = sha256;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(completionId, key.completionId)
                    && Objects.equals(sha256, key.sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(completionId, sha256);
        }
    }
}
