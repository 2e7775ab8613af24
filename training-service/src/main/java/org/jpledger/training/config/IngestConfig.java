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

    /**
     * The most characters of one line of a CSV import, the header included (a quoted line break continues the line);
     * reading stops where a line passes it, and the import ends there with 413.
     */
    @WithDefault("65536")
    int csvMaxLineChars();

    /** The most characters of one cell of a CSV import; a row with a longer cell is refused on its own (400). */
    @WithDefault("8192")
    int csvMaxFieldChars();
}
