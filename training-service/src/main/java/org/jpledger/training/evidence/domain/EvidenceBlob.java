package org.jpledger.training.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The content of one certificate file, kept once per SHA-256 however many completions it is evidence of. */
@Entity
@Table(name = "evidence_blob")
public class EvidenceBlob {

    /** Where the bytes are. */
    public enum StoredIn {
        /** In the row's content column (see {@link EvidenceBlobRepository#content}), read only for a download. */
        DATABASE,
        /** In the configured directory, as a file named by the hash. */
        DIRECTORY
    }

    /** Lower-case hex. */
    @Id
    public String sha256;

    /** The media type of the sniffed {@link CertificateType}. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "stored_in", nullable = false)
    public StoredIn storedIn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
