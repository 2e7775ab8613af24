package org.jpledger.training.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jpledger.contracts.events.Topics;
import org.jpledger.training.config.OutboxConfig;

/**
 * The background loop that moves committed outbox rows to Kafka: creates the topics if missing, then publishes batch after
 * batch, backing off while the broker or the database is unavailable, and now and then deletes rows published longer ago
 * than the retention. Nothing is skipped; a failed row is retried.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxPublisher publisher;
    private final KafkaClients kafka;
    private final OutboxConfig config;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxPublisher publisher, KafkaClients kafka, OutboxConfig config) {
        this.publisher = publisher;
        this.kafka = kafka;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            // The current batch finishes and commits; waiting longer than a delivery timeout would not help.
            thread.join(Duration.ofSeconds(35).toMillis());
        }
    }

    private void run() {
        while (running && !ensureTopics()) {
            pause(config.retryBackoff());
        }
        Instant nextCleanup = Instant.now();
        while (running) {
            try {
                if (!Instant.now().isBefore(nextCleanup)) {
                    cleanUp();
                    nextCleanup = Instant.now().plus(config.cleanupInterval());
                }
                OutboxPublisher.Pass pass = publisher.publishBatch(config.batchSize());
                if (pass.failed()) {
                    pause(config.retryBackoff());
                } else if (pass.published() == 0) {
                    pause(config.pollInterval());
                }
            } catch (RuntimeException e) {
                Log.warnf("outbox: relay pass failed, retrying in %s: %s", config.retryBackoff(), e.toString());
                pause(config.retryBackoff());
            }
        }
    }

    private void cleanUp() {
        Instant cutoff = Instant.now().minus(config.retention());
        int deleted;
        long total = 0;
        do {
            deleted = publisher.deletePublishedBefore(cutoff);
            total += deleted;
        } while (deleted > 0 && running);
        if (total > 0) {
            Log.infof("outbox: deleted %d rows published before %s", total, cutoff);
        }
    }

    private boolean ensureTopics() {
        try (Admin admin = kafka.admin()) {
            for (String topic : List.of(Topics.UNITS, Topics.EMPLOYEES)) {
                try {
                    // The ledger is kept for good: rebuilds and the verification of a year's closing replay it from
                    // the start, which a time-based retention (the broker's default is a week) would make impossible.
                    admin.createTopics(List.of(new NewTopic(topic, config.topicPartitions(), config.topicReplicationFactor())
                                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                            .all().get(30, TimeUnit.SECONDS);
                    Log.infof("outbox: created topic %s", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            Log.warnf("outbox: topics not ready yet, retrying in %s: %s", config.retryBackoff(), e.toString());
            return false;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
