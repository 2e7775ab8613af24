package org.jpledger.reporting.rebuild;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jpledger.reporting.consumer.EventBatchApplier;
import org.jpledger.reporting.consumer.EventConsumer;
import org.jpledger.reporting.projection.ProjectionLock;
import org.jpledger.reporting.projection.UnitFiguresRefresher;
import org.jpledger.support.problem.ConflictException;

/**
 * Rebuilds every projection from the earliest offset of the topics into fresh tables while the live consumer and the
 * queries go on with the current ones, then switches atomically. The replay never passes the live consumer's stored
 * offsets; the switch waits for the live batches in flight, brings the replay exactly to those offsets and swaps the
 * tables with their offsets in one transaction, so the live consumer continues where it was, on the new tables.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Duration POLL = Duration.ofMillis(500);

    /** Where a rebuild is, as the admin API shows it. */
    public enum State { IDLE, REPLAYING, SWITCHING, DONE, FAILED }

    /** A rebuild's progress. */
    public record Progress(State state, Instant startedAt, Instant finishedAt, long eventsReplayed, String failure) {

        /** Events replayed per second of the whole rebuild so far; 0 before the first. */
        public double eventsPerSecond(Instant now) {
            Instant end = finishedAt != null ? finishedAt : now;
            long millis = startedAt == null ? 0 : Duration.between(startedAt, end).toMillis();
            return millis <= 0 ? 0 : eventsReplayed * 1000.0 / millis;
        }
    }

    private final Map<String, Object> kafkaConfig;
    private final EventBatchApplier applier;
    private final RebuildSchema schema;
    private final ProjectionLock lock;
    private final UnitFiguresRefresher refresher;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(
            new Progress(State.IDLE, null, null, 0, null));
    private volatile boolean stopping;

    public ProjectionRebuild(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventBatchApplier applier, RebuildSchema schema, ProjectionLock lock, UnitFiguresRefresher refresher,
            Clock clock) {
        this.kafkaConfig = kafkaConfig;
        this.applier = applier;
        this.schema = schema;
        this.lock = lock;
        this.refresher = refresher;
        this.clock = clock;
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild on a thread of its own; refused while one runs. */
    public synchronized Progress start() {
        State state = progress.get().state();
        if (state == State.REPLAYING || state == State.SWITCHING) {
            throw new ConflictException("A rebuild is already running; follow it with GET /api/v1/admin/rebuild.");
        }
        Progress started = new Progress(State.REPLAYING, clock.instant(), null, 0, null);
        progress.set(started);
        Thread thread = new Thread(this::run, "jpledger-projection-rebuild");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> replay = replayConsumer()) {
            schema.create();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : EventConsumer.TOPICS) {
                replay.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            replay.assign(partitions);
            replay.seekToBeginning(partitions);
            Log.infof("Rebuild: replaying %s from the earliest offsets", partitions);
            // Catch up without holding anything up, then once more under the lock, where the live offsets stand still.
            while (!stopping && !caughtUp(replay, partitions, liveOffsets(), 10_000)) {
                replayOnce(replay, liveOffsets(), false);
            }
            // The copies' unit figures are rated once, before the switch, and moved by every batch replayed after: they
            // are fresh when the copies go live. Rating takes a while at scale, so catch up again before the switch.
            refresher.refreshRebuildCopies(schema::useInThisTransaction);
            while (!stopping && !caughtUp(replay, partitions, liveOffsets(), 10_000)) {
                replayOnce(replay, liveOffsets(), false);
            }
            setState(State.SWITCHING);
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                lock.takeAlone();
                Map<TopicPartition, Long> live = schema.liveOffsets();
                while (!caughtUp(replay, partitions, live, 0)) {
                    if (stopping) {
                        throw new IllegalStateException("shutting down during the switch");
                    }
                    replayOnce(replay, live, true);
                }
                schema.swap();
            });
            schema.dropLeftovers();
            Progress done = progress.get();
            progress.set(new Progress(State.DONE, done.startedAt(), clock.instant(), done.eventsReplayed(), null));
            Log.infof("Rebuild: switched after %d events (%.0f per second)", done.eventsReplayed(),
                    progress.get().eventsPerSecond(clock.instant()));
        } catch (RuntimeException e) {
            Log.error("Rebuild failed; the live projections are unchanged", e);
            Progress failed = progress.get();
            progress.set(new Progress(State.FAILED, failed.startedAt(), clock.instant(), failed.eventsReplayed(),
                    e.toString()));
        }
    }

    /**
     * Polls once and applies, in the rebuild tables, the records below each partition's live offset; a partition whose
     * records reach past it is sought back, so the replay waits there for the live consumer. In the switch the batch joins
     * the switch transaction; otherwise it commits in one of its own.
     */
    private void replayOnce(KafkaConsumer<byte[], byte[]> replay, Map<TopicPartition, Long> live, boolean inSwitch) {
        ConsumerRecords<byte[], byte[]> polled = replay.poll(POLL);
        List<ConsumerRecord<byte[], byte[]>> below = new ArrayList<>();
        Map<TopicPartition, Long> seekBack = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < live.getOrDefault(partition, 0L)) {
                below.add(record);
            } else {
                seekBack.merge(partition, record.offset(), Math::min);
            }
        }
        seekBack.forEach(replay::seek);
        if (below.isEmpty()) {
            return;
        }
        if (inSwitch) {
            schema.useInThisTransaction();
            applier.apply(below);
        } else {
            QuarkusTransaction.requiringNew().run(() -> {
                schema.useInThisTransaction();
                applier.apply(below);
            });
        }
        Progress now = progress.get();
        progress.set(new Progress(now.state(), now.startedAt(), null, now.eventsReplayed() + below.size(), null));
    }

    /** Whether the replay is within {@code slack} records of the live offsets on every partition. */
    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> replay, List<TopicPartition> partitions,
            Map<TopicPartition, Long> live, long slack) {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            behind += Math.max(0, live.getOrDefault(partition, 0L) - replay.position(partition));
        }
        return behind <= slack;
    }

    private Map<TopicPartition, Long> liveOffsets() {
        return QuarkusTransaction.requiringNew().call(schema::liveOffsets);
    }

    private void setState(State state) {
        Progress now = progress.get();
        progress.set(new Progress(state, now.startedAt(), null, now.eventsReplayed(), null));
    }

    private KafkaConsumer<byte[], byte[]> replayConsumer() {
        Map<String, Object> properties = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        // Assigned partitions and no group: the replay takes nothing from the live consumer group and commits nothing.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
