package org.jpledger.training.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jpledger.training.evidence.config.EvidenceConfig;
import org.jpledger.training.evidence.domain.CertificateType;
import org.jpledger.training.evidence.domain.EvidenceBlob;
import org.jpledger.training.evidence.domain.EvidenceBlobRepository;

/** Keeps certificate contents once per hash, where the configuration says, and reads them back from where they are. */
@ApplicationScoped
public class BlobStore {

    private final EvidenceBlobRepository blobs;
    private final EvidenceConfig config;
    private final Clock clock;
    private DirectoryFiles files;

    public BlobStore(EvidenceBlobRepository blobs, EvidenceConfig config, Clock clock) {
        this.blobs = blobs;
        this.config = config;
        this.clock = clock;
    }

    /** Keeps {@code content} (of {@code type}, hashed {@code sha256}) unless it is kept already. */
    void keep(String sha256, CertificateType type, byte[] content) {
        if (blobs.exists(sha256)) {
            return;
        }
        EvidenceBlob blob = new EvidenceBlob();
        blob.sha256 = sha256;
        blob.contentType = type.mediaType();
        blob.sizeBytes = content.length;
        blob.createdAt = clock.instant();
        if (config.store() == EvidenceConfig.Store.DIRECTORY) {
            blob.storedIn = EvidenceBlob.StoredIn.DIRECTORY;
            // Before the row: a row never names a file that is not there. A file whose row is rolled back is harmless:
            // it is named by its content, and the next upload of that content finds it in place.
            files().write(sha256, content);
            blobs.keep(blob, null);
        } else {
            blob.storedIn = EvidenceBlob.StoredIn.DATABASE;
            blobs.keep(blob, content);
        }
    }

    /** The content of {@code blob}. */
    byte[] read(EvidenceBlob blob) {
        return switch (blob.storedIn) {
            case DIRECTORY -> files().read(blob.sha256);
            case DATABASE -> blobs.content(blob.sha256).orElseThrow(() ->
                    new IllegalStateException("evidence " + blob.sha256 + " has no content"));
        };
    }

    private synchronized DirectoryFiles files() {
        if (files == null) {
            files = new DirectoryFiles(config.directory().orElseThrow(() -> new IllegalStateException(
                    "jpledger.evidence.directory must be set when a certificate is kept in or read from a directory")));
        }
        return files;
    }
}
