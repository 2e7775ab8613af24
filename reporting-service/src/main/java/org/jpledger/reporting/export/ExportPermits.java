package org.jpledger.reporting.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jpledger.reporting.config.ExportsConfig;
import org.jpledger.support.limits.Admission;
import org.jpledger.support.limits.TooManyRequestsException;

/**
 * The places for on-demand exports streaming at once: one is taken before an export's snapshot takes its database
 * connection and given back when the export ends, so slow clients can hold at most this many of the pool's connections.
 */
@ApplicationScoped
public class ExportPermits {

    private final Admission places;
    private final Counter refused;

    public ExportPermits(ExportsConfig config, MeterRegistry registry) {
        this.places = new Admission("streaming export", config.maxStreaming(), config.busyRetryAfter());
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
        try {
            return places.enter()::close;
        } catch (TooManyRequestsException e) {
            refused.increment();
            throw e;
        }
    }

    /** How many exports hold a place now. */
    public int inFlight() {
        return places.admitted();
    }
}
