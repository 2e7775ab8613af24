package org.jpledger.training.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;

/** Gauges of the outbox backlog: unpublished rows and the age of the oldest, read from the database at each scrape. */
@ApplicationScoped
public class OutboxMetrics {

    private final OutboxRepository outbox;
    private final MeterRegistry registry;

    public OutboxMetrics(OutboxRepository outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("jpledger.outbox.backlog", this, m -> m.backlog().rows())
                .description("Outbox rows committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("jpledger.outbox.oldest.unpublished.age", this, OutboxMetrics::oldestAgeSeconds)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox row; 0 when none")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant oldest = backlog().oldest();
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    private OutboxRepository.Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(outbox::backlog);
    }
}
