package org.jpledger.bench;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jpledger.bench.read.ExportRun;
import org.jpledger.bench.read.NaiveGroupBy;
import org.jpledger.bench.read.QueryLatency;
import org.jpledger.bench.read.QueryTargets;
import org.jpledger.bench.read.ReportingClient;
import org.jpledger.localstack.LocalStack;
import org.jpledger.localstack.PostgresServer;

/**
 * The read path at province scale, on the province the run loaded through the pipeline: query latency of
 * reporting-service, the naive GROUP BY over training-service's own tables, and the compliance export
 * (all measured by {@code org.jpledger.bench.read}).
 */
final class ReadPath {

    static final String SCALE = "province";

    private final BenchStack stack;
    private final Log log;

    ReadPath(BenchStack stack, Log log) {
        this.stack = stack;
        this.log = log;
    }

    /** Query timing for a quick run: enough to see that it works. */
    static QueryLatency.Options quickQueries() {
        return QueryLatency.Options.defaults().withRequests(300, 50)
                .withBudgets(Duration.ofSeconds(15), Duration.ofSeconds(10));
    }

    static NaiveGroupBy.Options quickNaive() {
        return new NaiveGroupBy.Options(5, 1, Duration.ofMinutes(1), NaiveGroupBy.Options.defaults().targetJp());
    }

    List<Measurement> measure(int year, boolean quick) throws Exception {
        ReportingClient client = new ReportingClient(URI.create(stack.reporting().baseUrl()), stack.bearer(),
                Duration.ofMinutes(10));
        QueryTargets targets;
        try (Connection reporting = stack.connect(LocalStack.REPORTING_DB)) {
            targets = QueryTargets.discover(reporting, year, ProvinceGenerator.ROOT, 200);
        }
        log.step("targets: year %d, leaf %s, mid %s, root %s, %d employees", year, targets.leafUnit(),
                targets.midUnit(), targets.rootUnit(), targets.sampleNips().size());
        long rootHeadcount = client.unitHeadcount(ProvinceGenerator.ROOT, year);
        QueryLatency.Options queryOptions = quick ? quickQueries() : QueryLatency.Options.defaults();
        List<Measurement> out = new ArrayList<>();
        log.step("query latency (%d timed requests per kind at most)", queryOptions.requests());
        List<Measurement> queries = new QueryLatency(client, queryOptions).measure(SCALE, targets);
        log.step("naive GROUP BY over training-service's tables");
        NaiveGroupBy.Options naiveOptions = quick ? quickNaive() : NaiveGroupBy.Options.defaults();
        NaiveGroupBy.Result naive = new NaiveGroupBy(naiveOptions).measure(SCALE, stack.jdbcUrl(LocalStack.TRAINING_DB),
                PostgresServer.USER, PostgresServer.USER, ProvinceGenerator.ROOT, year, rootHeadcount);
        Measurement naiveFigure = naive.measurement();
        for (Measurement q : queries) {
            // The root's unit compliance is what the naive query computes: show the one next to the other.
            if (q.key().equals("query.unit-root." + SCALE)) {
                q = new Measurement(q.key(), q.what(), q.value(), q.unit(), q.latency(), naiveFigure.key(), q.target(),
                        q.targetMet(), q.note());
            }
            out.add(q);
            log.figure(q.key(), "p99 %s ms", ReportWriter.number(q.value()));
        }
        out.add(naiveFigure);
        log.figure(naiveFigure.key(), "p99 %s ms", ReportWriter.number(naiveFigure.value()));
        log.step("compliance export of the province");
        List<Measurement> export = new ExportRun(client).run(SCALE, year, null, null);
        export.forEach(m -> log.figure(m.key(), "%s %s", ReportWriter.number(m.value()), m.unit()));
        out.addAll(export);
        return out;
    }
}
