package org.jpledger.reporting.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Reports DOWN once the poll loop thread has died, so the platform restarts the instance instead of letting it go stale. */
@Liveness
@ApplicationScoped
public class ConsumerLivenessCheck implements HealthCheck {

    private final EventConsumer consumer;

    public ConsumerLivenessCheck(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Event consumer").status(consumer.isAlive()).build();
    }
}
