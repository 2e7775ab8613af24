package org.jpledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Fate;

/**
 * The province's completions that are amended or voided after they were recorded, with the ids the API gave them, and
 * the phase that makes those changes through the API (PUT with If-Match; POST .../void with If-Match).
 */
final class Corrections {

    static final String KEY = "load.corrections";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A recorded completion to change. */
    record Recorded(Completion completion, UUID id, long version) {
    }

    private final ConcurrentLinkedQueue<Recorded> recorded = new ConcurrentLinkedQueue<>();

    void add(Completion completion, UUID id, long version) {
        recorded.add(new Recorded(completion, id, version));
    }

    int size() {
        return recorded.size();
    }

    /** Amends and voids every one of them at {@code clients} concurrency. */
    Measurement apply(BenchStack stack, int clients, Log log) {
        List<Recorded> all = new ArrayList<>(recorded);
        // A stable order, whatever order the batch clients answered in.
        all.sort(Comparator.comparing(r -> r.completion().externalId()));
        long amends = all.stream().filter(r -> r.completion().fate() == Fate.AMEND).count();
        log.step("%,d amendments and %,d voids through the API at concurrency %d", amends, all.size() - amends, clients);
        Outcomes outcomes = new Outcomes("amendments and voids");
        Latencies latencies = new Latencies();
        Http http = stack.training();
        long started = System.nanoTime();
        Parallel.forEach("corrections", clients, all.size(), i -> {
            Recorded r = all.get(i);
            Map<String, String> ifMatch = Map.of("If-Match", "\"" + r.version() + "\"");
            long t0 = System.nanoTime();
            Http.Answer answer = r.completion().fate() == Fate.AMEND
                    ? http.send("PUT", "/api/v1/completions/" + r.id(), Http.write(Bodies.completion(r.completion().amended())),
                            ifMatch, TIMEOUT)
                    : http.send("POST", "/api/v1/completions/" + r.id() + "/void",
                            Http.write(Map.of("reason", "tercatat ganda (duplicate record)")), ifMatch, TIMEOUT);
            latencies.record(t0, System.nanoTime());
            if (answer.status() == 200) {
                outcomes.ok(1);
            } else {
                outcomes.unexpected(1, r.completion().fate() + " " + r.id() + ": " + answer);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        outcomes.check();
        double rate = all.isEmpty() ? 0 : all.size() / seconds;
        log.figure(KEY, "%,.0f changes/s (%,d in %.1f s)", rate, all.size(), seconds);
        return new Measurement(KEY, "Amendments and voids through the API (PUT and POST .../void with If-Match)", rate,
                "changes/s", latencies.toLatency(), null, null, null,
                "%,d amendments (title and JP changed) and %,d voids of the province's completions, from %d concurrent clients, %.1f s; %s. Informational: no target."
                        .formatted(amends, all.size() - amends, clients, seconds, outcomes.summary()));
    }
}
