package org.jpledger.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.localstack.LocalStack;

/**
 * End-to-end freshness under a sustained open-loop load: completions are sent at scheduled times (not when the previous
 * answer came), and for a sample of them the time from the 201 to the row being in reporting-service's
 * {@code completion_fact} is measured by polling reporting's database by id on one connection.
 */
final class Freshness {

    static final String KEY = "freshness";
    static final String POST_KEY = "freshness.post";
    static final double TARGET_P99_MS = 1000;
    private static final int SENDERS = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long LATE_NANOS = 100_000_000L;
    private static final long GIVE_UP_LATE_NANOS = 30_000_000_000L;

    private final BenchStack stack;
    private final ProvinceGenerator province;
    private final Log log;

    Freshness(BenchStack stack, ProvinceGenerator province, Log log) {
        this.stack = stack;
        this.province = province;
        this.log = log;
    }

    /**
     * Sends {@code ratePerSecond} completions/s for {@code duration}, sampling 1 in {@code sampleEvery}, polling every
     * {@code pollMillis}; {@code rateWhy} says where the rate comes from, for the note.
     */
    List<Measurement> measure(int ratePerSecond, String rateWhy, Duration duration, int sampleEvery, long pollMillis)
            throws Exception {
        List<Employee> eligible = province.employees().stream()
                .filter(e -> !e.leaves() && e.trainingWindow(province.lastDay()) != null).toList();
        int total = (int) (ratePerSecond * duration.toSeconds());
        long interval = 1_000_000_000L / ratePerSecond;
        Map<UUID, Long> pending = new ConcurrentHashMap<>();
        Latencies freshness = new Latencies();
        Latencies post = new Latencies();
        Outcomes outcomes = new Outcomes("freshness load");
        AtomicLong late = new AtomicLong();
        AtomicLong maxLateNanos = new AtomicLong();
        AtomicLong sampled = new AtomicLong();
        AtomicLong started = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        Http http = stack.training();
        ExecutorService senders = new ThreadPoolExecutor(SENDERS, SENDERS, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>());
        Poller poller = new Poller(pending, freshness, pollMillis);
        Thread pollThread = new Thread(poller, "freshness-poller");
        pollThread.start();
        log.step("open loop: %,d completions/s for %d s (%,d), 1 in %d sampled; polling reporting's completion_fact every %d ms",
                ratePerSecond, duration.toSeconds(), total, sampleEvery, pollMillis);
        long start = System.nanoTime() + 50_000_000L;
        int scheduledCount = total;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            Pause.until(scheduled);
            long waiting = i - started.get();
            if (maxLateNanos.get() > GIVE_UP_LATE_NANOS || waiting * interval > GIVE_UP_LATE_NANOS) {
                // Hopelessly behind: more sends would only lengthen the run, not change the verdict.
                scheduledCount = i;
                log.warn("the system is more than %d s behind the schedule: no more sends after %,d of %,d",
                        GIVE_UP_LATE_NANOS / 1_000_000_000L, i, total);
                break;
            }
            int n = i;
            senders.execute(() -> {
                started.incrementAndGet();
                long began = System.nanoTime();
                long lateBy = began - scheduled;
                if (lateBy > LATE_NANOS) {
                    late.incrementAndGet();
                }
                maxLateNanos.accumulateAndGet(lateBy, Math::max);
                Employee e = eligible.get((int) (((long) n * 104_729) % eligible.size()));
                String externalId = "fresh-" + province.seed() + "-" + n;
                String body = Http.write(Bodies.completion(province.extraCompletion(e, externalId, 0xF5)));
                Http.Answer answer = http.send("POST", "/api/v1/completions", body,
                        Map.of("Idempotency-Key", "bench-" + externalId), TIMEOUT);
                long acked = System.nanoTime();
                // From the scheduled time, so a system that falls behind is not flattered (no coordinated omission).
                post.record(scheduled, acked);
                lastAck.accumulateAndGet(acked, Math::max);
                if (answer.status() != 201) {
                    outcomes.unexpected(1, "POST: " + answer);
                    return;
                }
                outcomes.ok(1);
                if (n % sampleEvery == 0) {
                    int at = answer.body().indexOf("\"id\":\"");
                    UUID id = UUID.fromString(answer.body().substring(at + 6, at + 42));
                    sampled.incrementAndGet();
                    pending.put(id, acked);
                }
            });
        }
        long lastScheduled = start + (scheduledCount - 1) * interval;
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        double sendSeconds = (lastAck.get() - start) / 1e9;
        double achieved = outcomes.expected.get() / sendSeconds;
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < waitUntil) {
            Pause.millis(20);
        }
        poller.stop();
        pollThread.join();
        if (poller.failure != null) {
            throw new IllegalStateException("the freshness poller failed", poller.failure);
        }
        int missing = pending.size();
        outcomes.check();
        Latency f = freshness.toLatency();
        Latency p = post.toLatency();
        boolean keptUp = late.get() == 0 && (lastAck.get() - lastScheduled) < 1_000_000_000L;
        String keepUp = keptUp ? "the system kept up with the schedule (no send started more than 100 ms late)"
                : String.format("the system could NOT keep up: %,d sends started more than 100 ms after their scheduled time (worst %.1f s late); last answer %.1f s after the last scheduled send%s",
                        late.get(), maxLateNanos.get() / 1e9, (lastAck.get() - lastScheduled) / 1e9,
                        scheduledCount < total ? String.format("; sending stopped after %,d of the %,d scheduled, once the sends were more than %d s behind the schedule",
                                scheduledCount, total, GIVE_UP_LATE_NANOS / 1_000_000_000L) : "");
        log.figure(KEY, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms over %,d samples (%s; %d not visible after 60 s)",
                f == null ? Double.NaN : f.p50Ms(), f == null ? Double.NaN : f.p95Ms(),
                f == null ? Double.NaN : f.p99Ms(), f == null ? 0 : f.samples(), keptUp ? "kept up" : "fell behind",
                missing);
        String common = "Rate: %s. ".formatted(rateWhy) + "Open loop: %,d completions scheduled at %,d/s for %d s (%d sender threads; each send at its scheduled time, not after the previous answer), achieved %,.0f/s from first send to last answer; %s; %s."
                .formatted(total, ratePerSecond, duration.toSeconds(), SENDERS, achieved, keepUp, outcomes.summary());
        List<Measurement> out = new ArrayList<>();
        out.add(new Measurement(KEY, "Freshness: 201 from training-service to visible in reporting-service, p99", f == null ? Double.NaN : f.p99Ms(),
                "ms", f, null, "p99 < 1 s at half the sustainable single-POST rate",
                f != null && missing == 0 && keptUp ? f.p99Ms() < TARGET_P99_MS : Boolean.FALSE,
                common + " Visibility: 1 in %d completions (%,d) polled by id in reporting's completion_fact table through one JDBC connection every %d ms (batched = ANY(array) queries); the time is from the 201 to the end of the first poll that saw the row, so it includes up to one poll interval and the query. %d sampled completions were not visible 60 s after the last send."
                        .formatted(sampleEvery, sampled.get(), pollMillis, missing)));
        out.add(new Measurement(POST_KEY, "POST latency under the freshness load (from scheduled send time)", p == null ? Double.NaN : p.p99Ms(),
                "ms", p, null, null, null, "The same requests' latency, measured from their scheduled time to the answer. Informational."));
        return out;
    }

    /** Polls reporting's database for the pending ids and records when each shows up. */
    private final class Poller implements Runnable {

        private final Map<UUID, Long> pending;
        private final Latencies freshness;
        private final long pollMillis;
        private volatile boolean stopping;
        volatile Exception failure;

        Poller(Map<UUID, Long> pending, Latencies freshness, long pollMillis) {
            this.pending = pending;
            this.freshness = freshness;
            this.pollMillis = pollMillis;
        }

        void stop() {
            stopping = true;
        }

        @Override
        public void run() {
            try (Connection c = stack.connect(LocalStack.REPORTING_DB);
                    PreparedStatement query = c.prepareStatement(
                            "SELECT completion_id FROM completion_fact WHERE completion_id = ANY (?)")) {
                while (!stopping) {
                    long began = System.nanoTime();
                    if (!pending.isEmpty()) {
                        UUID[] ids = pending.keySet().stream().limit(5000).toArray(UUID[]::new);
                        Array array = c.createArrayOf("uuid", ids);
                        query.setArray(1, array);
                        List<UUID> found = new ArrayList<>();
                        try (ResultSet rs = query.executeQuery()) {
                            while (rs.next()) {
                                found.add(rs.getObject(1, UUID.class));
                            }
                        }
                        long seen = System.nanoTime();
                        for (UUID id : found) {
                            Long acked = pending.remove(id);
                            if (acked != null) {
                                freshness.record(acked, seen);
                            }
                        }
                        array.free();
                    }
                    Pause.until(began + pollMillis * 1_000_000L);
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
