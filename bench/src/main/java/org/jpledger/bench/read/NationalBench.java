package org.jpledger.bench.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jpledger.bench.Measurement;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.LocalStack;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.ServiceProcess;
import org.jpledger.localstack.Token;

/**
 * The national read path, measured on this machine: starts a whole {@link LocalStack} (PostgreSQL, Kafka, both
 * services: reporting-service needs the broker to start, and its start applies its migrations), stops
 * reporting-service, loads the generated nation with COPY ({@link NationalLoader}), starts reporting-service again
 * with a heap of 256 MB and a transaction timeout of 20 minutes (a whole-nation query of a version without
 * pre-aggregation outlasts the default 60 s), so that it derives whatever it pre-aggregates from the loaded rows
 * ({@link #deriveAggregates}), then measures the whole-tree export, the query latency and the naive GROUP BY over
 * the raw completions.
 *
 * <p>The PostgreSQL server is the stack's throwaway one (embedded binaries, their default settings), so its data
 * is deleted when the run ends; the services' logs stay in {@code workDir/logs}.
 */
public final class NationalBench {

    private static final Progress LOG = Progress.of(NationalBench.class);
    static final String SCALE = "national";
    static final String NAIVE_DB = "naive";
    /** The heap reporting-service runs with for the measurements: the national export's target. */
    static final int REPORTING_HEAP_MB = 256;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(30);
    /** reporting-service's transaction timeout in the national run (its default is 60 s). */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(20);
    /** The benchmark's HTTP timeout: beyond the service's transaction timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(25);

    /**
     * How to run.
     *
     * @param load   what to generate and load
     * @param query  how hard to time the queries
     * @param naive  how many times to run the naive GROUP BY
     */
    public record Options(NationalLoader.Options load, QueryLatency.Options query, NaiveGroupBy.Options naive) {

        public static Options defaults(long seed, int employees) {
            return new Options(NationalLoader.Options.national(seed, employees), QueryLatency.Options.defaults(),
                    NaiveGroupBy.Options.defaults());
        }
    }

    /**
     * Everything one run measured and loaded.
     *
     * @param apiRootFigures the root's figures as reporting-service answered them after the load: headcount,
     *                       compliant, onTrack, atRisk, notMet
     * @param naiveMismatches where reporting-service's headcount (in capitals) or compliant count of the root or one of
     *                        its children differs from the naive GROUP BY's
     */
    public record Report(List<Measurement> measurements, NationalLoader.Result load, Map<String, Long> apiRootFigures,
            long naiveRootHeadcount, List<String> naiveMismatches) {
    }

    private NationalBench() {
    }

    /**
     * The national measurements with default options: 38 provinces of 401 units, {@code employees} employees with 8
     * raw completions each, every query kind timed 2,000 times from 4 clients (60 s at most each), the naive query 20
     * times (5 minutes at most).
     */
    public static List<Measurement> run(Path workDir, long seed, int employees, Path trainingJar, Path reportingJar) {
        return run(workDir, Options.defaults(seed, employees), trainingJar, reportingJar).measurements();
    }

    public static Report run(Path workDir, Options options, Path trainingJar, Path reportingJar) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path logs = workDir.resolve("logs");
        LocalStack.Ports ports = LocalStack.Ports.free();
        LOG.info("national: starting the local stack (logs in {})", logs);
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(null, logs, ports, trainingJar, reportingJar))) {
            // The start applied reporting's migrations; its tables are loaded while it is down.
            stack.reporting().close();
            PostgresServer postgres = stack.postgres();
            postgres.createDatabaseIfMissing(NAIVE_DB);
            NationalLoader.Database reportingDb = new NationalLoader.Database(postgres.jdbcUrl(LocalStack.REPORTING_DB),
                    PostgresServer.USER, PostgresServer.USER);
            NationalLoader.Database naiveDb = new NationalLoader.Database(postgres.jdbcUrl(NAIVE_DB),
                    PostgresServer.USER, PostgresServer.USER);
            NationalLoader.Result load = NationalLoader.load(options.load(), reportingDb, naiveDb);
            List<Measurement> measurements = new ArrayList<>(load.measurements());

            long derivedStarted = System.nanoTime();
            try (ServiceProcess reporting = deriveAggregates(stack, ports.reporting(), reportingJar, logs)) {
                double startSeconds = (System.nanoTime() - derivedStarted) / 1e9;
                LOG.info(String.format(Locale.ROOT, "national: reporting-service ready %.1f s after start", startSeconds));
                String bearer = stack.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS)
                        .subject("national-bench").lifetime(Duration.ofHours(24)));
                ReportingClient client = new ReportingClient(URI.create(reporting.baseUrl()), bearer,
                        REQUEST_TIMEOUT);
                QueryTargets targets = load.targets();
                // Until reporting-service has rated the loaded year's unit figures, its unit queries rate every
                // employee live: what is timed must be the service as it runs, not its first minutes after a load.
                double ratedSeconds = awaitRatedFigures(reportingDb, targets.year(), START_TIMEOUT);
                LOG.info(String.format(Locale.ROOT, "national: unit figures of %d rated %.1f s after the start",
                        targets.year(), ratedSeconds + startSeconds));
                LOG.info("national: targets: year {}, leaf {}, mid {}, root {}, {} employees to look up",
                        targets.year(), targets.leafUnit(), targets.midUnit(), targets.rootUnit(),
                        targets.sampleNips().size());
                // Each phase runs even when one before it failed (a reload costs half an hour at full scale); the
                // run then fails at the end, naming every failure.
                List<String> failures = new ArrayList<>();
                Map<String, Long> rootFigures = new LinkedHashMap<>();
                phase(failures, "root figures", () -> {
                    rootFigures.putAll(rootFigures(client, targets));
                    long[] aimed = load.statusCounts();
                    LOG.info("national: root figures from the API {}; loaded {} employees aimed at compliant {}, on "
                            + "track {}, at risk {}, not met {} under the default policy", rootFigures,
                            load.employees(), aimed[Rating.Status.COMPLIANT.ordinal()],
                            aimed[Rating.Status.ON_TRACK.ordinal()], aimed[Rating.Status.AT_RISK.ordinal()],
                            aimed[Rating.Status.NOT_MET.ordinal()]);
                    if (rootFigures.get("headcount") != load.employees()) {
                        throw new IllegalStateException("reporting-service counts " + rootFigures.get("headcount")
                                + " employees at the root, " + load.employees() + " were loaded");
                    }
                });
                // The export first, on a service that has served nothing yet: its peak heap is the export's own.
                phase(failures, "export", () -> measurements.addAll(new ExportRun(client).run(SCALE, targets.year(),
                        REPORTING_HEAP_MB, load.employees())));
                phase(failures, "query latency",
                        () -> measurements.addAll(new QueryLatency(client, options.query()).measure(SCALE, targets)));
                NaiveGroupBy.Result[] naive = new NaiveGroupBy.Result[1];
                phase(failures, "naive GROUP BY", () -> {
                    try {
                        naive[0] = new NaiveGroupBy(options.naive()).measure(SCALE, naiveDb.jdbcUrl(), naiveDb.user(),
                                naiveDb.password(), targets.rootUnit(), targets.year(), rootFigures.get("headcount"),
                                unit -> apiFigures(client, unit, targets.year()));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                    measurements.add(naive[0].measurement());
                });
                List<Measurement> all = naive[0] == null ? measurements
                        : compareWithNaive(measurements, naive[0].measurement());
                all.forEach(m -> LOG.info("national: {}", m));
                if (!failures.isEmpty()) {
                    throw new IllegalStateException("the national run failed (figures above are partial): "
                            + String.join("; ", failures));
                }
                return new Report(all, load, rootFigures, naive[0].rootHeadcount(), naive[0].mismatches());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the national load failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> rootFigures(ReportingClient client, QueryTargets targets) {
        JsonNode figures = client.unitFigures(targets.rootUnit(), targets.year());
        Map<String, Long> root = new LinkedHashMap<>();
        for (String name : List.of("headcount", "compliant", "onTrack", "atRisk", "notMet")) {
            root.put(name, figures.path(name).asLong(-1));
        }
        return root;
    }

    /** A unit's headcount and compliant count as reporting-service answers them. */
    private static NaiveGroupBy.Figures apiFigures(ReportingClient client, String unit, int year) {
        JsonNode figures = client.unitFigures(unit, year);
        return new NaiveGroupBy.Figures(figures.path("headcount").asLong(-1), figures.path("compliant").asLong(-1));
    }

    private static void phase(List<String> failures, String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("national: {} FAILED: {}", name, e.getMessage());
            failures.add(name + ": " + e.getMessage());
        }
    }

    /**
     * Has reporting-service derive its aggregates from the rows just loaded: today by starting it (again) on the
     * loaded tables, so whatever it computes at start-up from {@code employee_year} is computed now; it is ready when
     * its readiness check says so. The process runs with the national export's heap ({@value #REPORTING_HEAP_MB} MB)
     * and is the one every measurement then talks to. If reporting-service gains an endpoint to recompute its
     * aggregates, call it here instead (or after the start).
     */
    static ServiceProcess deriveAggregates(LocalStack stack, int port, Path reportingJar, Path logs) {
        Map<String, String> env = new HashMap<>(stack.keys().serviceEnvironment());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().jdbcUrl(LocalStack.REPORTING_DB));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        env.put("JPLEDGER_EXPORTS_DIRECTORY", logs.resolveSibling("exports").toString());
        // A query over the whole nation may take longer than Quarkus' default 60 s transaction timeout (it then
        // answers 500): the benchmark times how long it takes instead.
        env.put("QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", TRANSACTION_TIMEOUT.toString());
        LOG.info("national: starting reporting-service on the loaded tables with -Xmx{}m", REPORTING_HEAP_MB);
        ServiceProcess reporting = ServiceProcess.start("reporting-service", reportingJar, port, env,
                logs.resolve("reporting-service-national.log"), REPORTING_HEAP_MB + "m");
        try {
            return reporting.awaitReady(START_TIMEOUT);
        } catch (RuntimeException e) {
            reporting.close();
            throw e;
        }
    }

    /** Waits until reporting-service has rated {@code year}'s unit figures; returns the seconds waited. */
    static double awaitRatedFigures(NationalLoader.Database reporting, int year, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try (Connection connection = reporting.connect();
                PreparedStatement rated = connection.prepareStatement(
                        "SELECT 1 FROM unit_year_rating WHERE year = ?")) {
            rated.setInt(1, year);
            while (true) {
                try (ResultSet rs = rated.executeQuery()) {
                    if (rs.next()) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reporting-service had not rated the unit figures of " + year
                            + " after " + timeout);
                }
                Thread.sleep(1000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read unit_year_rating: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the unit figures", e);
        }
    }

    /** The root's unit query compared with the naive GROUP BY: the issue asks for at least 20 times faster. */
    private static List<Measurement> compareWithNaive(List<Measurement> measurements, Measurement naive) {
        List<Measurement> compared = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.key().equals("query.unit-root." + SCALE)) {
                boolean fastEnough = m.value() < 100 && m.value() * 20 <= naive.value();
                m = new Measurement(m.key(), m.what(), m.value(), m.unit(), m.latency(), naive.key(),
                        "p99 < 100 ms and at least 20× faster than the naive GROUP BY (ratio ≤ 0.05)", fastEnough,
                        m.note() + String.format(Locale.ROOT, "; naive GROUP BY p99 %.1f ms: %.1f× faster",
                                naive.value(), naive.value() / m.value()));
            }
            compared.add(m);
        }
        return compared;
    }

    /**
     * A national run from the command line: {@code NationalBench <workDir> <seed> <employees> <trainingJar>
     * <reportingJar> [completionsPerEmployee]}; the run logs each measurement.
     */
    public static void main(String[] args) {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: NationalBench <workDir> <seed> <employees> <trainingJar>"
                    + " <reportingJar> [completionsPerEmployee]");
        }
        Options options = Options.defaults(Long.parseLong(args[1]), Integer.parseInt(args[2]));
        if (args.length > 5) {
            options = new Options(options.load().withCompletionsPerEmployee(Integer.parseInt(args[5])), options.query(),
                    options.naive());
        }
        run(Path.of(args[0]), options, Path.of(args[3]), Path.of(args[4]));
    }
}
