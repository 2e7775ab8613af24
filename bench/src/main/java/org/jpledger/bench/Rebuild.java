package org.jpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * The projection rebuild of reporting-service (POST /api/v1/admin/rebuild), followed until it reports DONE: events
 * replayed per second.
 */
final class Rebuild {

    static final String KEY = "rebuild";
    static final double TARGET = 20_000;

    private final BenchStack stack;
    private final Log log;

    Rebuild(BenchStack stack, Log log) {
        this.stack = stack;
        this.log = log;
    }

    Measurement measure(Duration timeout) {
        Http http = stack.reporting();
        long started = System.nanoTime();
        Http.Answer start = http.send("POST", "/api/v1/admin/rebuild", null, Map.of(), Duration.ofSeconds(60));
        if (start.status() != 202) {
            throw new Outcomes.BenchmarkFailure("the rebuild did not start: " + start);
        }
        long deadline = started + timeout.toNanos();
        JsonNode progress;
        while (true) {
            Pause.millis(250);
            progress = http.expect("GET", "/api/v1/admin/rebuild", null, Duration.ofSeconds(30), 200).json();
            String state = progress.get("state").asText();
            if (state.equals("DONE")) {
                break;
            }
            if (state.equals("FAILED")) {
                throw new Outcomes.BenchmarkFailure("the rebuild failed: " + progress);
            }
            if (System.nanoTime() > deadline) {
                throw new Outcomes.BenchmarkFailure("the rebuild was not done after " + timeout + ": " + progress);
            }
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        long events = progress.get("eventsReplayed").asLong();
        double serviceRate = progress.get("eventsPerSecond").asDouble();
        double wallRate = events / wallSeconds;
        log.figure(KEY, "%,.0f events/s as reported by the service (%,d events; %,.0f events/s by this client's clock over %.1f s, switch included)",
                serviceRate, events, wallRate, wallSeconds);
        return new Measurement(KEY, "Projection rebuild: events replayed per second", serviceRate, "events/s", null,
                References.KAFKA_CONSUME, "≥ 20,000 events/s", serviceRate >= TARGET,
                "POST /api/v1/admin/rebuild after the province was loaded and reporting-service had caught up; %,d events replayed (both topics from the earliest offset into fresh tables, while the live consumer runs), state DONE; the figure is the service's own eventsPerSecond (start to switch); by this client's clock, POST to DONE seen, %.1f s = %,.0f events/s."
                        .formatted(events, wallSeconds, wallRate));
    }
}
