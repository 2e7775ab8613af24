package org.jpledger.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;
import org.jpledger.contracts.events.EventSources;
import org.jpledger.contracts.events.Topics;

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

    /**
     * How long a partition read here may lag without its offset moving before readiness reports the consumer stalled.
     */
    @WithDefault("2m")
    Duration stallTimeout();

    /**
     * Longest wait for the broker's log offsets when the status endpoint or the readiness check asks; past it the lag
     * is reported unknown rather than the answer held up.
     */
    @WithDefault("2s")
    Duration brokerTimeout();

    /** Parked events retried in one transaction by a retry of all of them; the consumer waits while one runs. */
    @WithDefault("100")
    int retryPageSize();

    /**
     * How long a completion event may wait for its employee's event before it is parked as one whose employee never
     * arrived (its fact stays stored and counts if the employee comes after all).
     */
    @WithDefault("1h")
    Duration heldTimeout();

    /**
     * {@code JPLEDGER_CONSUMER_TRUSTED_TOPICS}: the topics whose records may be applied (a name ending in {@code *}: every
     * topic starting with the rest); a record from any other topic is parked, not applied. Defaults to the topics
     * training-service publishes to.
     */
    @WithDefault(Topics.UNITS + "," + Topics.EMPLOYEES)
    Set<String> trustedTopics();

    /**
     * {@code JPLEDGER_CONSUMER_TRUSTED_SOURCES}: the CloudEvents {@code source} attributes of the producers whose events
     * may be applied (a name ending in {@code *}: every source starting with the rest); an event from any other source
     * is parked, not applied. Defaults to training-service's.
     */
    @WithDefault(EventSources.TRAINING_SERVICE)
    Set<String> trustedSources();
}
