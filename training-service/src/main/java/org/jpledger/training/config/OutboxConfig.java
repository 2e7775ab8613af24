package org.jpledger.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.jpledger.contracts.events.EventSources;

/** Settings of the outbox relay and of the topics it publishes to. */
@ConfigMapping(prefix = "jpledger.outbox")
public interface OutboxConfig {

    /** How long the relay waits before looking again when it found nothing to publish. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Most outbox rows published and marked in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits after a failed pass (broker or database down) before it tries again. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long published rows are kept (for inspection and forensics) before the relay deletes them. */
    @WithDefault("7d")
    Duration retention();

    /** How often the relay deletes published rows older than the retention. */
    @WithDefault("1h")
    Duration cleanupInterval();

    /** Partitions of each topic the relay creates when missing; events of one key always land in one partition. */
    @WithDefault("6")
    int topicPartitions();

    /** Replication factor of the topics the relay creates; 3 on a production cluster. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** CloudEvents {@code source} attribute of every event this service publishes. */
    @WithDefault(EventSources.TRAINING_SERVICE)
    String eventSource();
}
