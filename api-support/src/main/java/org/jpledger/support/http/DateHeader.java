package org.jpledger.support.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Sends a {@code Date} header on every response (RFC 9110 §6.6.1: an origin server with a clock must), including the
 * ones Vert.x answers itself: health, static files, refusals before a resource is reached. xAPI clients use it to
 * compute their clock skew.
 */
@ApplicationScoped
public class DateHeader {

    // RFC 1123's formatter writes a one-digit day ("7 Dec"); IMF-fixdate wants two.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** Runs before the security and resource filters, so every answer passes here first. */
    static final int PRIORITY = 10_000;

    private final Clock clock;

    public DateHeader() {
        this(Clock.systemUTC());
    }

    DateHeader(Clock clock) {
        this.clock = clock;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (!context.response().headers().contains("Date")) {
                    context.response().putHeader("Date", now());
                }
            });
            context.next();
        }, PRIORITY);
    }

    /** The current time in the IMF-fixdate form, e.g. {@code Mon, 07 Dec 2026 05:40:00 GMT}. */
    String now() {
        return IMF_FIXDATE.format(clock.instant().atZone(ZoneOffset.UTC));
    }
}
