package org.jpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Fate;

/**
 * Ingest throughput through training-service's HTTP API: the province's completions through the batch endpoint, and
 * single POSTs at concurrency 32, each with an Idempotency-Key.
 */
final class Ingest {

    static final String BATCH = "ingest.batch";
    static final String BATCH_PUBLISHED = "ingest.batch-published";
    static final String SINGLE = "ingest.single";
    static final String BATCH_CPU = "ingest.batch-cpu";
    static final String SINGLE_CPU = "ingest.single-cpu";
    static final int BATCH_SIZE = 1000;
    static final double BATCH_TARGET_SHARE = 0.25;
    /** Issue 27: the single POST against the same statements over plain JDBC ({@link JdbcSingle}). */
    static final double SINGLE_TARGET_SHARE = 0.5;
    static final double SINGLE_TARGET_P99_MS = 100;
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SINGLE_TIMEOUT = Duration.ofSeconds(30);

    private final BenchStack stack;
    private final ProvinceGenerator province;
    private final Corrections corrections;
    private final Log log;
    private final Path postmasterPid;

    /** {@code postmasterPid} names PostgreSQL's pid file, so that its CPU counts with the stack's (see CpuWatch). */
    Ingest(BenchStack stack, ProvinceGenerator province, Corrections corrections, Log log, Path postmasterPid) {
        this.stack = stack;
        this.province = province;
        this.corrections = corrections;
        this.log = log;
        this.postmasterPid = postmasterPid;
    }

    /** What the batch phase did, and where the province's completions it did not send stand. */
    record BatchRun(List<Measurement> measurements, long sent, boolean capped, Iterator<Completion> rest) {
    }

    /** The batches the clients share, cut from the province's completions as they are taken. */
    private static final class BatchSource {
        private final Iterator<Completion> completions;
        private final AtomicLong taken = new AtomicLong();

        BatchSource(Iterator<Completion> completions) {
            this.completions = completions;
        }

        synchronized List<Completion> next() {
            List<Completion> batch = new ArrayList<>(BATCH_SIZE);
            while (batch.size() < BATCH_SIZE && completions.hasNext()) {
                batch.add(completions.next());
            }
            taken.addAndGet(batch.size());
            return batch;
        }
    }

    /** One timed stretch of batch ingest: completions accepted, first request to last answer. */
    private record Stretch(int clients, long accepted, long batches, long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double rate() {
            return accepted / seconds();
        }
    }

    /**
     * Sends the province's completions through the batch endpoint: a trial with each client count in {@code trials}
     * (at most {@code trialBatches} batches and a fifth of {@code cap} each), then the rest with the best count until done or {@code cap} has
     * passed since the start. Reports the main stretch's rate, accepted and published.
     */
    BatchRun batch(List<Integer> trials, int trialBatches, Duration cap, double jdbcReference) {
        Iterator<Completion> all = province.completions().iterator();
        BatchSource source = new BatchSource(all);
        CpuWatch.Snapshot cpuBefore = CpuWatch.now(postmasterPid);
        Outcomes outcomes = new Outcomes("batch ingest");
        long phaseStart = System.nanoTime();
        long deadline = phaseStart + cap.toNanos();
        List<Stretch> trialRuns = new ArrayList<>();
        for (int clients : trials) {
            stack.awaitOutboxDrained(Duration.ofMinutes(30));
            // A trial is short next to the cap, so that most of the phase is the measured stretch.
            long trialDeadline = Math.min(deadline, System.nanoTime() + cap.toNanos() / 5);
            Stretch trial = run(source, clients, trialBatches, trialDeadline, outcomes);
            trialRuns.add(trial);
            log.step("trial with %d clients: %,d completions in %.1f s = %,.0f completions/s", clients, trial.accepted(),
                    trial.seconds(), trial.rate());
            outcomes.check();
        }
        Stretch best = trialRuns.stream().max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
        stack.awaitOutboxDrained(Duration.ofMinutes(30));
        log.step("the rest with %d clients (the best trial), until done or %d min after the phase start", best.clients(),
                cap.toMinutes());
        Stretch main = run(source, best.clients(), Long.MAX_VALUE, deadline, outcomes);
        long drained = stack.awaitOutboxDrained(Duration.ofHours(2));
        outcomes.check();
        // Until reporting-service has applied them too: their CPU is the relay's and the consumer's as well.
        stack.awaitQuiet(Duration.ofHours(2));
        long phaseAccepted = trialRuns.stream().mapToLong(Stretch::accepted).sum() + main.accepted();
        Measurement cpu = cpuPerCompletion(BATCH_CPU, "Batch ingest", cpuBefore, phaseAccepted);
        boolean capped = all.hasNext();
        // The main stretch is the figure when it is long enough to mean something; else everything from the first trial.
        Stretch measured = main.accepted() >= 10L * BATCH_SIZE ? main
                : new Stretch(best.clients(), trialRuns.stream().mapToLong(Stretch::accepted).sum() + main.accepted(),
                        trialRuns.stream().mapToLong(Stretch::batches).sum() + main.batches(),
                        trialRuns.get(0).startNanos(), main.endNanos());
        double accepted = measured.rate();
        double publishedSeconds = (drained - measured.startNanos()) / 1e9;
        double published = measured.accepted() / publishedSeconds;
        log.figure(BATCH, "%,.0f completions/s accepted, %,.0f completions/s published (%,d completions, %d clients)",
                accepted, published, measured.accepted(), best.clients());
        StringBuilder trialText = new StringBuilder();
        for (Stretch t : trialRuns) {
            trialText.append(String.format("%d clients %,.0f/s (%,d completions); ", t.clients(), t.rate(), t.accepted()));
        }
        String common = "POST /api/v1/completions/batch with %d items per batch (generated province completions, ~8 per employee); trials: %sbest %d clients, used for the measured stretch of %,d completions in %d batches; %s."
                .formatted(BATCH_SIZE, trialText, best.clients(), measured.accepted(), measured.batches(),
                        outcomes.summary())
                + (capped ? " The phase was capped at %d min: %,d of the province's completions went through the batch endpoint, the rest were loaded by the bulk route (see its note)."
                        .formatted(cap.toMinutes(), source.taken.get()) : "");
        double target = BATCH_TARGET_SHARE * jdbcReference;
        List<Measurement> out = List.of(
                new Measurement(BATCH, "Batch ingest, accepted (first request to last answer)", accepted,
                        "completions/s", null, References.JDBC_BATCH, "≥ 25% of raw batched JDBC",
                        jdbcReference > 0 ? accepted >= target : null, common),
                new Measurement(BATCH_PUBLISHED, "Batch ingest, published (first request until the outbox is drained to Kafka)",
                        published, "completions/s", null, References.JDBC_BATCH, "≥ 25% of raw batched JDBC, outbox and Kafka included",
                        jdbcReference > 0 ? published >= target : null,
                        "The same stretch, counted until training-service's outbox had no unpublished row (%.1f s after the first request, %.1f s after the last answer)."
                                .formatted(publishedSeconds, (drained - measured.endNanos()) / 1e9)));
        return new BatchRun(cpu == null ? out : List.of(out.get(0), out.get(1), cpu), source.taken.get(), capped, all);
    }

    private Stretch run(BatchSource source, int clients, long maxBatches, long deadline, Outcomes outcomes) {
        AtomicLong accepted = new AtomicLong();
        AtomicLong claimed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Http http = stack.training();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (claimed.getAndIncrement() < maxBatches && System.nanoTime() < deadline
                            && !outcomes.tooMany()) {
                        List<Completion> batch = source.next();
                        if (batch.isEmpty()) {
                            break;
                        }
                        List<Map<String, Object>> body = new ArrayList<>(batch.size());
                        batch.forEach(item -> body.add(Bodies.completion(item)));
                        Http.Answer answer = http.send("POST", "/api/v1/completions/batch", Http.write(body), Map.of(),
                                BATCH_TIMEOUT);
                        lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                        sent.incrementAndGet();
                        if (answer.status() != 200) {
                            outcomes.unexpected(batch.size(), "batch: " + answer);
                            continue;
                        }
                        accepted.addAndGet(account(batch, answer.json(), outcomes));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "batch-client-" + c);
            threads.add(thread);
            thread.start();
        }
        join(threads);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a batch client failed", failures.get(0));
        }
        return new Stretch(clients, accepted.get(), sent.get(), start, Math.max(lastAnswer.get(), start + 1));
    }

    /** Counts the created items and keeps the ids of those that will be amended or voided; returns the created. */
    private long account(List<Completion> batch, JsonNode answer, Outcomes outcomes) {
        long created = 0;
        for (JsonNode item : answer.get("items")) {
            int index = item.get("index").asInt();
            if (!"created".equals(item.get("status").asText())) {
                outcomes.unexpected(1, "batch item " + item);
                continue;
            }
            created++;
            Completion c = batch.get(index);
            if (c.fate() != Fate.KEEP) {
                JsonNode completion = item.get("completion");
                corrections.add(c, UUID.fromString(completion.get("id").asText()), completion.get("version").asLong());
            }
        }
        outcomes.ok(created);
        return created;
    }

    /**
     * Single POSTs, closed loop at {@code clients} concurrency, each a new completion with its own Idempotency-Key, for
     * {@code duration} or {@code max} completions, whichever comes first; {@code jdbcReference} is the rate of the same
     * statements over plain JDBC ({@link JdbcSingle}), 0 when unknown. {@code cpu[0]} receives the phase's CPU per
     * completion (null when unknown).
     */
    Measurement single(int clients, Duration duration, int max, double jdbcReference, Measurement[] cpu) {
        List<Employee> eligible = province.employees().stream()
                .filter(e -> !e.leaves() && e.trainingWindow(province.lastDay()) != null).toList();
        Outcomes outcomes = new Outcomes("single POSTs");
        Latencies latencies = new Latencies();
        AtomicLong sequence = new AtomicLong();
        AtomicLong created = new AtomicLong();
        Http http = stack.training();
        CpuWatch.Snapshot cpuBefore = CpuWatch.now(postmasterPid);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong lastAnswer = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                long n;
                while (System.nanoTime() < deadline && (n = sequence.getAndIncrement()) < max && !outcomes.tooMany()) {
                    Employee e = eligible.get((int) ((n * 7919) % eligible.size()));
                    String externalId = "single-" + province.seed() + "-" + n;
                    String body = Http.write(Bodies.completion(province.extraCompletion(e, externalId, 0x51)));
                    long t0 = System.nanoTime();
                    Http.Answer answer = http.send("POST", "/api/v1/completions", body,
                            Map.of("Idempotency-Key", "bench-" + externalId), SINGLE_TIMEOUT);
                    long t1 = System.nanoTime();
                    latencies.record(t0, t1);
                    lastAnswer.accumulateAndGet(t1, Math::max);
                    if (answer.status() == 201) {
                        created.incrementAndGet();
                        outcomes.ok(1);
                    } else {
                        outcomes.unexpected(1, "single POST: " + answer);
                    }
                }
            }, "single-client-" + c);
            threads.add(thread);
            thread.start();
        }
        join(threads);
        double seconds = (lastAnswer.get() - start) / 1e9;
        double rate = created.get() / seconds;
        Latency latency = latencies.toLatency();
        log.figure(SINGLE, "%,.0f completions/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%,d in %.1f s)", rate,
                latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), created.get(), seconds);
        outcomes.check();
        // Until reporting-service has applied them too: their CPU is the relay's and the consumer's as well.
        stack.awaitQuiet(Duration.ofHours(1));
        cpu[0] = cpuPerCompletion(SINGLE_CPU, "Single POST", cpuBefore, created.get());
        return new Measurement(SINGLE, "Single POST /api/v1/completions at concurrency " + clients, rate,
                "completions/s", latency, JdbcSingle.KEY, "≥ 50% of the same statements over plain JDBC, p99 < 100 ms",
                jdbcReference > 0 ? rate >= SINGLE_TARGET_SHARE * jdbcReference && latency.p99Ms() < SINGLE_TARGET_P99_MS
                        : null,
                "%d closed-loop clients (each sends its next request when the answer came), each request a new completion of one of %,d employees with its own Idempotency-Key; %,d completions in %.1f s (limit %d s or %,d); latency of each request from send to answer; %s."
                        .formatted(clients, eligible.size(), created.get(), seconds, duration.toSeconds(), max,
                                outcomes.summary()));
    }

    /**
     * The CPU every process of the stack used from {@code before} until now (the services, PostgreSQL, and this JVM with
     * the load generator and the broker) per completion; null without PostgreSQL's pid, whose CPU would be missing.
     */
    private Measurement cpuPerCompletion(String key, String what, CpuWatch.Snapshot before, long completions) {
        if (postmasterPid == null || completions == 0) {
            return null;
        }
        CpuWatch.Snapshot after = CpuWatch.now(postmasterPid);
        double ms = CpuWatch.cpuMsPer(before, after, completions);
        log.figure(key, "%.2f ms of CPU per completion (%,d completions)", ms, completions);
        return new Measurement(key, what + ": CPU per completion across all processes of the stack", ms,
                "ms CPU/completion", null, null, null, null,
                ("User and system CPU time of training-service, reporting-service, PostgreSQL (postmaster, backends, "
                        + "background processes) and the benchmark's JVM (load generator and Kafka broker), from /proc, "
                        + "from the phase's first request until reporting-service had applied every completion, "
                        + "divided by the %,d completions the phase recorded (%.1f s of CPU). The load generator's own "
                        + "work is included.").formatted(completions, (after.ours() - before.ours())
                                / (double) CpuWatch.TICKS_PER_SECOND));
    }

    private static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
