package org.jpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.localstack.LocalStack;

/**
 * xAPI ingest: completion statements of the JP Ledger profile through {@code POST /xapi/statements} in requests of 1,
 * 50 and 500 statements, each beside the REST batch endpoint on as many fresh completions in requests of the same size,
 * so the two ways in compare on the same work. Short stretches, each a number of completions or a time limit.
 */
final class XapiIngest {

    static final List<Integer> SIZES = List.of(1, 50, 500);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final BenchStack stack;
    private final ProvinceGenerator province;
    private final Log log;

    XapiIngest(BenchStack stack, ProvinceGenerator province, Log log) {
        this.stack = stack;
        this.province = province;
        this.log = log;
    }

    static String xapiKey(int size) {
        return "ingest.xapi-" + size;
    }

    static String restKey(int size) {
        return "ingest.xapi-rest-batch-" + size;
    }

    /**
     * Clients per request size: one request at a time per client, so single statements need more of them; at most 8,
     * because training-service answers 429 beyond 16 bulk recording requests in flight (xAPI and batch requests both
     * count), and this measures throughput, not that limit.
     */
    static int clients(int size) {
        return size == 1 ? 8 : 4;
    }

    /** A timed stretch: completions recorded, first request to last answer. */
    private record Stretch(long completions, double seconds) {
        double rate() {
            return completions / seconds;
        }
    }

    /** For each request size: the xAPI figure, then the REST batch figure on as many completions. */
    List<Measurement> measure(int perSize, Duration cap) {
        List<Employee> eligible = province.employees().stream()
                .filter(e -> !e.leaves() && e.trainingWindow(province.lastDay()) != null).toList();
        List<Measurement> out = new ArrayList<>();
        for (int size : SIZES) {
            int clients = clients(size);
            stack.awaitOutboxDrained(Duration.ofMinutes(30));
            Outcomes xapiOutcomes = new Outcomes("xAPI statements of " + size);
            long before = stack.count(LocalStack.TRAINING_DB, "completion");
            Stretch xapi = run(eligible, "xapi-" + size, size, clients, perSize, cap, xapiOutcomes,
                    batch -> sendStatements(batch, xapiOutcomes));
            long recorded = stack.count(LocalStack.TRAINING_DB, "completion") - before;
            if (recorded != xapi.completions()) {
                // A statement the LRS stores but cannot read as a completion is answered 200 all the same.
                xapiOutcomes.unexpected(Math.abs(xapi.completions() - recorded), String.format(
                        "%,d statements accepted but %,d completions recorded", xapi.completions(), recorded));
            }
            xapiOutcomes.check();
            stack.awaitOutboxDrained(Duration.ofMinutes(30));
            Outcomes restOutcomes = new Outcomes("REST batches of " + size);
            Stretch rest = run(eligible, "xrest-" + size, size, clients, (int) xapi.completions(), cap, restOutcomes,
                    batch -> sendBatch(batch, restOutcomes));
            restOutcomes.check();
            log.figure(xapiKey(size), "%,.0f statements/s (%,d in %.1f s); REST batches of %d: %,.0f completions/s",
                    xapi.rate(), xapi.completions(), xapi.seconds(), size, rest.rate());
            out.add(new Measurement(xapiKey(size), "xAPI ingest: POST /xapi/statements with " + size
                    + (size == 1 ? " completion statement" : " completion statements") + " per request", xapi.rate(),
                    "statements/s", null, restKey(size), null, null,
                    ("%d clients in closed loop, each request %d statement%s of the JP Ledger profile (actor account "
                            + "%s + NIP, verb completed, the JP result extension or a whole-day duration for a kind "
                            + "rated by days, kind, competency-type, provider, delivery-mode and start-date context "
                            + "extensions) for fresh completions of %,d employees, with the benchmark's bearer token "
                            + "(training-writer: the system bearer:benchmark); %,d statements in %.1f s (limit %,d or "
                            + "%d s), each checked to have become a completion (%,d recorded); %s. The benchmark's "
                            + "stack raises the per-system rate limit of statement requests "
                            + "(jpledger.limits.kind.xapi-statements.calls, shipped 600 a minute) to %,d a minute "
                            + "by JPLEDGER_LIMITS_KIND_XAPI_STATEMENTS_CALLS, so that this measures the LRS, not the "
                            + "limit. The reference is the REST batch endpoint on as many completions in requests of "
                            + "the same size.").formatted(clients, size, size == 1 ? "" : "s", Bodies.NIP_HOME_PAGE,
                            eligible.size(), xapi.completions(), xapi.seconds(), perSize, cap.toSeconds(), recorded,
                            xapiOutcomes.summary(), BenchStack.XAPI_STATEMENT_CALLS)));
            out.add(new Measurement(restKey(size), "REST batch ingest beside it: POST /api/v1/completions/batch with "
                    + size + (size == 1 ? " item" : " items") + " per request", rest.rate(), "completions/s", null,
                    null, null, null, ("%d clients in closed loop, fresh completions of the same employees; %,d "
                            + "completions in %.1f s (as many as the xAPI stretch recorded); %s. The benchmark's stack "
                            + "raises the per-caller rate limit of batch requests (jpledger.limits.kind.batch.calls, "
                            + "shipped 600 a minute) to %,d a minute by JPLEDGER_LIMITS_KIND_BATCH_CALLS.")
                            .formatted(clients, rest.completions(), rest.seconds(), restOutcomes.summary(),
                                    BenchStack.BATCH_CALLS)));
        }
        return out;
    }

    /** Sends one xAPI request; answers how many of its statements the LRS accepted. */
    private long sendStatements(List<Completion> batch, Outcomes outcomes) {
        List<Map<String, Object>> statements = new ArrayList<>(batch.size());
        batch.forEach(c -> statements.add(Bodies.statement(c)));
        // One statement goes as an object, several as an array, as a learning platform sends them.
        Http.Answer answer = stack.training().send("POST", "/xapi/statements",
                Http.write(statements.size() == 1 ? statements.get(0) : statements),
                Map.of("X-Experience-API-Version", XapiProfile.VERSION_2), TIMEOUT);
        if (answer.status() != 200 || answer.json().size() != batch.size()) {
            outcomes.unexpected(batch.size(), "xAPI statements: " + answer);
            return 0;
        }
        outcomes.ok(batch.size());
        return batch.size();
    }

    /** Sends one REST batch; answers how many of its items were created. */
    private long sendBatch(List<Completion> batch, Outcomes outcomes) {
        List<Map<String, Object>> body = new ArrayList<>(batch.size());
        batch.forEach(c -> body.add(Bodies.completion(c)));
        Http.Answer answer = stack.training().send("POST", "/api/v1/completions/batch", Http.write(body), Map.of(),
                TIMEOUT);
        if (answer.status() != 200) {
            outcomes.unexpected(batch.size(), "batch: " + answer);
            return 0;
        }
        long created = 0;
        for (JsonNode item : answer.json().get("items")) {
            if ("created".equals(item.get("status").asText())) {
                created++;
            } else {
                outcomes.unexpected(1, "batch item " + item);
            }
        }
        outcomes.ok(created);
        return created;
    }

    /**
     * {@code clients} closed-loop clients sending requests of {@code size} fresh completions (external ids
     * {@code prefix}-n) until {@code total} are sent or {@code cap} has passed.
     */
    private Stretch run(List<Employee> eligible, String prefix, int size, int clients, int total, Duration cap,
            Outcomes outcomes, Function<List<Completion>, Long> send) {
        AtomicLong next = new AtomicLong();
        AtomicLong recorded = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        AtomicLong last = new AtomicLong(start + 1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try {
                    long from;
                    while (System.nanoTime() < deadline && !outcomes.tooMany()
                            && (from = next.getAndAdd(size)) < total) {
                        List<Completion> batch = new ArrayList<>(size);
                        for (long n = from; n < Math.min(total, from + size); n++) {
                            Employee e = eligible.get((int) ((n * 6_151) % eligible.size()));
                            String externalId = prefix + "-" + province.seed() + "-" + n;
                            batch.add(province.extraCompletion(e, externalId, 0xA9));
                        }
                        recorded.addAndGet(send.apply(batch));
                        last.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, prefix + "-client-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("an xAPI ingest client failed", failures.get(0));
        }
        return new Stretch(recorded.get(), (last.get() - start) / 1e9);
    }
}
