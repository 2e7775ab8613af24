package org.jpledger.reporting.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jpledger.reporting.config.ExportsConfig;
import org.jpledger.support.limits.TooManyRequestsException;

/**
 * The places for on-demand exports streaming at once: one is taken before an export's snapshot takes its database
 * connection and given back when the export ends, so slow clients can hold at most this many of the pool's connections.
 */
@ApplicationScoped
public class ExportPermits {

    private final int places;
    private final Semaphore free;
    private final long retryAfterSeconds;
    private final Counter refused;

    public ExportPermits(ExportsConfig config, MeterRegistry registry) {
        if (config.maxStreaming() < 1) {
            throw new IllegalArgumentException("jpledger.exports.max-streaming must be at least 1");
        }
        this.places = config.maxStreaming();
        this.free = new Semaphore(places);
        this.retryAfterSeconds = Math.max(1, (config.busyRetryAfter().toMillis() + 999) / 1000);
        Gauge.builder("jpledger.exports.streaming", this, ExportPermits::inFlight)
                .description("On-demand exports streaming now").register(registry);
        this.refused = Counter.builder("jpledger.exports.refused")
                .description("On-demand exports refused because every place was taken").register(registry);
    }

    /**
     * Takes a place without waiting; the returned action gives it back (once, however often it runs).
     *
     * @throws TooManyRequestsException when every place is taken
     */
    public Runnable acquire() {
        if (!free.tryAcquire()) {
            refused.increment();
            throw new TooManyRequestsException("Too many exports are streaming now (at most " + places
                    + " at once); retry in " + retryAfterSeconds + " s.", retryAfterSeconds);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                free.release();
            }
        };
    }

    /** How many exports hold a place now. */
    public int inFlight() {
        return places - free.availablePermits();
    }
}
