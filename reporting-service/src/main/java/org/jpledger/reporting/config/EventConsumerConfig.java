package org.jpledger.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Kafka consumer that feeds the projections. */
@ConfigMapping(prefix = "jpledger.consumer")
public interface EventConsumerConfig {

    /** Kafka consumer group shared by every reporting-service instance; each partition is read by one of them. */
    @WithDefault("reporting-service")
    String groupId();

    /** Longest time one poll waits for records before the loop looks again (and notices a shutdown). */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Most records one poll returns, and so the most applied in one database transaction. */
    @WithDefault("500")
    int maxPollRecords();

    /** Pause after a failed poll or transaction before the same records are read again from the stored offsets. */
    @WithDefault("1s")
    Duration retryBackoff();
}
