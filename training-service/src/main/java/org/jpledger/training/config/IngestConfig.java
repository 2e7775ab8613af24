package org.jpledger.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of bulk recording (batch and CSV import). */
@ConfigMapping(prefix = "jpledger.ingest")
public interface IngestConfig {

    /**
     * Items recorded at once across all running batches and imports; each holds a database connection while it
     * records, so keep it well below the connection pool size.
     */
    @WithDefault("4")
    int parallelism();

    /** CSV rows read ahead and recorded together; bounds the memory an import holds. */
    @WithDefault("500")
    int importChunkRows();
}
