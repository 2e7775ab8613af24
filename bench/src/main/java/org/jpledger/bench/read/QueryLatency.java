package org.jpledger.bench.read;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.jpledger.bench.Latency;
import org.jpledger.bench.Measurement;

/**
 * Query latency of reporting-service, one query kind after another: a few concurrent clients send the kind's request
 * over and over (after a warm-up from one client that is not timed) and every request is timed on its own. Every
 * answer must be 200: anything else fails the benchmark at once. A kind stops early when its time budget is spent
 * (the note says how many requests were timed), so a slow kind at national scale does not hold the run for hours.
 *
 * <p>Kinds: {@code employee} (one employee's compliance, cycling over the sample NIPs), {@code unit-leaf},
 * {@code unit-mid}, {@code unit-root} (a unit's compliance with its direct children), {@code behind-root} (the first
 * page of the root's employees who are behind, i.e. at risk, lowest JP first), {@code breakdown-root} (the root's JP
 * breakdown, the dashboard's charts), {@code search-root} (those behind in the root's subtree with "sri" in their name)
 * and {@code summary} (the whole organisation). Keys are {@code query.<kind>.<scale>}; the value is the p99 in ms.
 */
public final class QueryLatency {

    private static final Progress LOG = Progress.of(QueryLatency.class);
    private static final String SEARCH = "sri";

    /**
     * How hard to measure.
     *
     * @param requests     timed requests per kind (at most)
     * @param warmup       untimed requests per kind before them (at most)
     * @param clients      concurrent clients
     * @param timedBudget  a kind stops being timed after this long, whatever the count
     * @param warmupBudget the warm-up stops after this long
     * @param behindStatus the status of the non-compliant list: AT_RISK during the year (NOT_MET once it is over)
     * @param pageSize     the list's page size
     */
    public record Options(int requests, int warmup, int clients, Duration timedBudget, Duration warmupBudget,
            String behindStatus, int pageSize) {

        /** 2,000 timed requests from 4 clients after 200 warm-up ones; at most 60 s timed and 30 s warming up. */
        public static Options defaults() {
            return new Options(2_000, 200, 4, Duration.ofSeconds(60), Duration.ofSeconds(30), "AT_RISK", 50);
        }

        public Options withRequests(int requests, int warmup) {
            return new Options(requests, warmup, clients, timedBudget, warmupBudget, behindStatus, pageSize);
        }

        public Options withBudgets(Duration timed, Duration warmupTime) {
            return new Options(requests, warmup, clients, timed, warmupTime, behindStatus, pageSize);
        }
    }

    /** One kind of query: its key, what it is, and its request for the n-th call. */
    private record Kind(String name, String what, IntFunction<HttpRequest> request, boolean unitQuery) {
    }

    private final ReportingClient client;
    private final Options options;

    public QueryLatency(ReportingClient client, Options options) {
        this.client = client;
        this.options = options;
    }

    /**
     * Times every kind against the targets.
     *
     * @param scale "province" or "national": the suffix of the keys and the target the unit queries are held to
     */
    public List<Measurement> measure(String scale, QueryTargets targets) {
        int year = targets.year();
        List<String> nips = targets.sampleNips();
        // Requests are built once per distinct URI; the clients reuse them.
        HttpRequest[] employees = nips.stream().map(nip -> client.request("/api/v1/compliance/employees/" + nip
                + "?year=" + year)).toArray(HttpRequest[]::new);
        HttpRequest leaf = client.request(ReportingClient.unitPath(targets.leafUnit()) + "?year=" + year);
        HttpRequest mid = client.request(ReportingClient.unitPath(targets.midUnit()) + "?year=" + year);
        HttpRequest root = client.request(ReportingClient.unitPath(targets.rootUnit()) + "?year=" + year);
        HttpRequest behind = client.request(ReportingClient.unitPath(targets.rootUnit()) + "/employees?year=" + year
                + "&status=" + options.behindStatus() + "&limit=" + options.pageSize());
        HttpRequest breakdown = client.request(ReportingClient.unitPath(targets.rootUnit()) + "/breakdown?year="
                + year);
        // The dashboard's search of those behind: a name part that many employees share.
        HttpRequest search = client.request(ReportingClient.unitPath(targets.rootUnit()) + "/employees?year=" + year
                + "&status=AT_RISK,NOT_MET&search=" + SEARCH + "&limit=20");
        HttpRequest summary = client.request("/api/v1/compliance/summary?year=" + year);
        List<Kind> kinds = List.of(
                new Kind("employee", "Employee compliance (GET /compliance/employees/{nip}, " + nips.size()
                        + " employees in turn)", n -> employees[n % employees.length], false),
                new Kind("unit-leaf", "Unit compliance of a leaf unit (" + targets.leafUnit() + ")", n -> leaf, true),
                new Kind("unit-mid", "Unit compliance of a mid-level unit (" + targets.midUnit() + ")", n -> mid, true),
                new Kind("unit-root", "Unit compliance of the root (" + targets.rootUnit() + ") with its children",
                        n -> root, true),
                new Kind("behind-root", "Non-compliant list of the root: first page of " + options.pageSize() + ", status "
                        + options.behindStatus() + ", lowest JP first", n -> behind, false),
                new Kind("breakdown-root", "JP breakdown of the root (method, competency type, JP bands: the "
                        + "dashboard's charts)", n -> breakdown, false),
                new Kind("search-root", "Employees behind in the root's subtree whose name contains \"" + SEARCH
                        + "\": the dashboard's search, first page of 20", n -> search, false),
                new Kind("summary", "Summary of the whole organisation (GET /compliance/summary)", n -> summary, false));
        List<Measurement> measurements = new ArrayList<>();
        for (Kind kind : kinds) {
            measurements.add(time(scale, kind));
        }
        return measurements;
    }

    private Measurement time(String scale, Kind kind) {
        String key = "query." + kind.name() + "." + scale;
        LOG.info("{}: warming up from one client ({} requests or {} s)", key, options.warmup(),
                options.warmupBudget().toSeconds());
        // One client warms up: caches and compiled code need no concurrency, and a kind that takes minutes per
        // request (the whole nation without pre-aggregation) then costs one request's time, not four queued ones.
        Run warm = run(kind, options.warmup(), options.warmupBudget(), 1);
        LOG.info("{}: timing {} requests from {} clients (budget {} s)", key, options.requests(), options.clients(),
                options.timedBudget().toSeconds());
        Run timed = run(kind, options.requests(), options.timedBudget(), options.clients());
        Latency latency = Percentiles.latency(timed.histogram());
        boolean cut = timed.histogram().getTotalCount() < options.requests();
        double throughput = timed.histogram().getTotalCount() / timed.seconds();
        String note = String.format(Locale.ROOT, "%d requests timed%s from %d concurrent clients after %d warm-up "
                        + "requests from one client%s; %.1f requests/s; every answer 200",
                timed.histogram().getTotalCount(),
                cut ? " (of " + options.requests() + " asked: the " + options.timedBudget().toSeconds()
                        + " s budget ran out)" : "",
                options.clients(), warm.histogram().getTotalCount(), warm.histogram().getTotalCount() < options.warmup()
                        ? " (warm-up budget ran out)" : "", throughput);
        LOG.info("{}: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms, {} samples", key, latency.p50Ms(), latency.p95Ms(),
                latency.p99Ms(), latency.maxMs(), latency.samples());
        String target = null;
        Boolean met = null;
        if (kind.unitQuery()) {
            double limit = "national".equals(scale) ? 100 : 20;
            target = "p99 < " + (int) limit + " ms";
            met = latency.p99Ms() < limit;
        }
        return new Measurement(key, kind.what() + ", " + scale + " scale", latency.p99Ms(), "ms", latency, null, target,
                met, note);
    }

    private record Run(Histogram histogram, double seconds) {
    }

    /** Up to {@code total} requests from the clients, stopping at the budget; each request timed. */
    private Run run(Kind kind, int total, Duration budget, int clientCount) {
        Histogram merged = Percentiles.histogram();
        if (total <= 0) {
            return new Run(merged, 1);
        }
        AtomicInteger issued = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        try {
            List<Future<Histogram>> clients = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                clients.add(pool.submit(() -> {
                    Histogram mine = Percentiles.histogram();
                    while (System.nanoTime() < deadline) {
                        int n = issued.getAndIncrement();
                        if (n >= total) {
                            break;
                        }
                        HttpRequest request = kind.request().apply(n);
                        long t0 = System.nanoTime();
                        try {
                            client.send(request);
                        } catch (RuntimeException e) {
                            issued.set(total); // the other clients stop too
                            throw e;
                        }
                        Percentiles.record(mine, System.nanoTime() - t0);
                    }
                    return mine;
                }));
            }
            for (Future<Histogram> future : clients) {
                merged.add(future.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing " + kind.name(), e);
        } finally {
            pool.shutdownNow();
        }
        return new Run(merged, Math.max(1e-9, (System.nanoTime() - started) / 1e9));
    }
}
