package org.jpledger.reporting.consumer;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jpledger.reporting.config.EventConsumerConfig;

/**
 * Reports DOWN while a partition this instance reads has lagged without its offset moving for longer than
 * {@code jpledger.consumer.stall-timeout}: its answers would be stale with no catching up under way. Lag alone is not a
 * stall (a busy consumer moves), nor is a broker that does not answer (the Kafka check reports that). Once the poll loop
 * has died (the liveness check is DOWN then) every partition is watched, as any progress must come from another instance.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadinessCheck implements HealthCheck {

    static final String NAME = "Event consumer progress";

    private final ConsumerProgress progress;
    private final Clock clock;
    private final StallWatch watch;

    public ConsumerReadinessCheck(ConsumerProgress progress, EventConsumerConfig config, Clock clock) {
        this.progress = progress;
        this.clock = clock;
        this.watch = new StallWatch(config.stallTimeout());
    }

    @Override
    public HealthCheckResponse call() {
        boolean running = progress.consumerRunning();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("consumerRunning", running)
                .withData("stallTimeout", watch.timeout().toString());
        ConsumerPositions positions;
        try {
            positions = progress.positions();
        } catch (RuntimeException e) {
            Log.warn("Reading the consumer's stored offsets failed", e);
            return response.down().withData("error", "the stored offsets could not be read: " + e.getMessage()).build();
        }
        List<PartitionPosition> watched = running
                ? positions.partitions().stream().filter(PartitionPosition::assignedHere).toList()
                : positions.partitions();
        StallWatch.Verdict verdict = watch.look(clock.instant(), watched);
        response.status(verdict.ready()).withData("partitionsWatched", verdict.watching());
        if (verdict.lag() != null) {
            response.withData("lag", verdict.lag());
        } else {
            response.withData("lag", "unknown: " + positions.lagUnknownReason());
        }
        for (StallWatch.Stall stall : verdict.stalled()) {
            response.withData("stalled " + stall.partition(), "lag " + stall.lag() + ", offset unmoved for "
                    + stall.withoutProgress().toSeconds() + " s");
        }
        return response.build();
    }
}
