package org.jpledger.reporting.parking;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jpledger.reporting.config.EventConsumerConfig;

/** Parks, every minute, the completion events that have waited for their employee longer than the held timeout. */
@ApplicationScoped
public class HeldEventWatch {

    private final HeldEvents held;
    private final EventConsumerConfig config;
    private final Clock clock;

    public HeldEventWatch(HeldEvents held, EventConsumerConfig config, Clock clock) {
        this.held = held;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1m", delay = 30, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void parkExpired() {
        Instant now = clock.instant();
        held.parkHeldSince(now.minus(config.heldTimeout()), now);
    }
}
