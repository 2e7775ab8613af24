package org.jpledger.training.evidence.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings of certificate evidence: how large a file may be, how many a completion holds, and where bytes are kept. */
@ConfigMapping(prefix = "jpledger.evidence")
public interface EvidenceConfig {

    /** Where new certificate contents are kept; a content already kept stays where it is. */
    enum Store {
        /** In the database (the evidence_blob row), backed up with it. */
        DATABASE,
        /** In {@link #directory()}, one file per SHA-256. */
        DIRECTORY
    }

    /** The largest certificate file; a larger one is refused with 413 and nothing is stored (xAPI attachments too). */
    @WithDefault("5M")
    MemorySize maxFileSize();

    /** Certificate files one completion holds at most; one more is refused with 409. */
    @WithDefault("10")
    int maxFilesPerCompletion();

    /** database or directory. */
    @WithDefault("database")
    Store store();

    /** The directory of store=directory (created if missing); required then. */
    Optional<Path> directory();
}
