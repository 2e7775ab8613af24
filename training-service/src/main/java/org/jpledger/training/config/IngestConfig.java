package org.jpledger.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of bulk recording (batch and CSV import). */
@ConfigMapping(prefix = "jpledger.ingest")
public interface IngestConfig {

    /**
     * Items recorded at once across all running batches and imports; each holds a database connection while it
     * records, so keep it well below the connection pool size.
     */
    @WithDefault("4")
    int parallelism();

    /**
     * Batches and imports admitted to the workers at once, recording or waiting for a worker; one more is answered 429
     * with Retry-After at once instead of queueing, so at most parallelism times this many groups of items wait.
     */
    @WithDefault("16")
    int queueSize();

    /** What a bulk request refused because queue-size requests are admitted is told to wait (Retry-After). */
    @WithDefault("5s")
    Duration busyRetryAfter();

    /** CSV rows read ahead and recorded together; bounds the memory an import holds. */
    @WithDefault("500")
    int importChunkRows();

    /** Characters of CSV cells read ahead at most: a chunk is recorded once it holds this many, even under its rows. */
    @WithDefault("1000000")
    long importChunkChars();

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
