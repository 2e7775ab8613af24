package org.jpledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jpledger.bench.read.NationalBench;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.localstack.LocalStack;

/**
 * The benchmark of issue 8 in one run: a generated province loaded into the whole system on this machine, measured
 * phase by phase next to the raw PostgreSQL and Kafka limits of the same run, then the national read path; the figures
 * go to BENCHMARKS.md and a JSON file. Started by {@code ./benchmark} at the repository root.
 */
public final class Benchmark {

    private static final Duration QUIET_TIMEOUT = Duration.ofHours(3);
    /** Rows of the raw PostgreSQL references: enough for a steady rate, few enough to keep the run short. */
    private static final long REFERENCE_ROWS = 1_000_000;

    private final BenchOptions options;
    private final Path root;
    private final Log log = new Log(System.out);
    private final List<Measurement> measurements = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String software = "";
    private String scale = "";
    private Path postmasterPid;

    /** A phase's work that yields figures. */
    private interface Figures {
        List<Measurement> measure() throws Exception;
    }

    /** Runs a phase and keeps its figures, each noting how much of the CPU other processes took meanwhile. */
    private void measured(Figures phase) throws Exception {
        CpuWatch.Snapshot before = CpuWatch.now(postmasterPid);
        List<Measurement> figures = phase.measure();
        // Without the postmaster's pid (the national stack's PostgreSQL runs detached where this cannot see it) its
        // CPU would count as other work: say nothing rather than something wrong.
        String machine = postmasterPid == null ? "" : CpuWatch.describe(before, CpuWatch.now(postmasterPid));
        if (!machine.isEmpty()) {
            log.step("%s", machine.trim());
        }
        for (Measurement m : figures) {
            String note = m.note() == null ? "" : m.note().strip();
            if (!machine.isEmpty() && !note.isEmpty() && !note.endsWith(".")) {
                note += ".";
            }
            synchronized (measurements) {
                measurements.add(new Measurement(m.key(), m.what(), m.value(), m.unit(), m.latency(),
                        m.referenceKey(), m.target(), m.targetMet(), note + machine));
            }
        }
    }

    private Benchmark(BenchOptions options, Path root) {
        this.options = options;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("jpledger.root", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.println(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(List.of(args), root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = new Benchmark(options, root).run();
        System.exit(status);
    }

    private int run() throws IOException {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        String failure = null;
        // A run stopped from outside (Ctrl-C, kill) still leaves a report of what it measured and where it stopped.
        java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (reported.compareAndSet(false, true)) {
                String why = "the benchmark process was stopped from outside (a signal) during: " + log.currentPhase();
                log.warn("%s", why);
                try {
                    report(startedAt, started, why);
                } catch (IOException e) {
                    System.err.println("could not write the report: " + e);
                }
            }
        }, "benchmark-report-on-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    log.warn("received SIG%s at %s", signal.getName(), Instant.now());
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // not available on this platform: the shutdown hook still writes the report
            }
        }
        try {
            runPhases();
        } catch (Outcomes.BenchmarkFailure e) {
            failure = e.getMessage();
        } catch (Exception | Error e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            e.printStackTrace();
        }
        if (!reported.compareAndSet(false, true)) {
            return 1;
        }
        double seconds = report(startedAt, started, failure);
        if (failure != null) {
            log.warn("THE BENCHMARK FAILED: %s", failure);
            return 1;
        }
        long missed = measurements.stream().filter(m -> Boolean.FALSE.equals(m.targetMet())).count();
        log.step("%d figures, %d with a target, %d targets missed", measurements.size(),
                measurements.stream().filter(m -> m.targetMet() != null).count(), missed);
        return 0;
    }

    /** Writes BENCHMARKS.md (or the quick report) and the JSON file; returns the run's seconds. */
    private double report(Instant startedAt, long started, String failure) throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        String command = System.getProperty("jpledger.command", "./benchmark");
        List<Measurement> figures;
        List<String> runNotes;
        synchronized (measurements) {
            figures = List.copyOf(measurements);
            runNotes = List.copyOf(notes);
        }
        RunInfo info = new RunInfo(startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), command,
                options.seed(), scale, System.getProperty("jpledger.commit", "unknown"), jarsText(), software,
                MachineInfo.detect(), seconds, runNotes, failure);
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(startedAt.atOffset(ZoneOffset.UTC));
        Path markdown = options.quick() ? root.resolve("bench/results/BENCHMARKS-quick.md") : root.resolve("BENCHMARKS.md");
        Path json = root.resolve("bench/results/benchmark-" + (options.quick() ? "quick-" : "") + date + ".json");
        ReportWriter.write(markdown, json, info, figures);
        log.phase("done in %s: %s and %s", ReportWriter.duration(seconds), root.relativize(markdown),
                root.relativize(json));
        return seconds;
    }

    /** What the generated province's people are like, from the generator's rates, and which of it the run sends. */
    static String peopleNote() {
        return String.format(java.util.Locale.ROOT, "The province's people (seeded): %.0f%% PNS, the rest PPPK of whom "
                + "%.0f%% part time (PPPK paruh waktu, TMT %s); %.0f%% transferred once; each year %.1f%% of those "
                + "with a next post change position, effective-dated (promotion, a move to a functional post, a "
                + "part-time PPPK appointed full time); %.1f%% a year begin an exemption period (cuti melahirkan, "
                + "cuti besar, cuti sakit panjang, tugas belajar, CLTN, secondment, suspension; PPPK only cuti "
                + "melahirkan and cuti sakit panjang), and %.1f%% of long-serving PNS are on a tugas belajar spanning all of 2025; leavers "
                + "retire at the end of the month they reach the retirement age (58, or 60 for JPT and functional "
                + "posts), a PPPK contract ends unrenewed at %.1f%% a contract year, and %.1f%% a year leave for "
                + "another reason (death, mutasi keluar, resignation, dismissal, other), each with its reason. The "
                + "run sends all of it through training-service's API: the employees as first registered, then each "
                + "one's transfers, position changes, exemption periods and leaving (last day and reason) in date "
                + "order.",
                ProvinceGenerator.PNS_SHARE * 100, ProvinceGenerator.PART_TIME_SHARE_OF_PPPK * 100,
                ProvinceGenerator.PART_TIME_FROM, ProvinceGenerator.TRANSFER_SHARE * 100,
                Careers.POSITION_CHANGE_RATE * 100, Careers.EXEMPTION_RATE * 100, Careers.LONG_STUDY_SHARE * 100,
                Careers.CONTRACT_END_RATE * 100, Careers.OTHER_LEAVING_RATE * 100);
    }

    private String jarsText() {
        return options.jars() == null ? "built from this tree (training-service/target, reporting-service/target)"
                : "copied builds in " + options.jars();
    }

    private void runPhases() throws Exception {
        LocalDate lastDay = TrainingCalendar.today(java.time.Clock.systemUTC()).minusDays(1);
        log.phase("generating the province: seed %d, %,d employees, completions up to %s", options.seed(),
                options.employees(), lastDay);
        ProvinceGenerator province = new ProvinceGenerator(options.seed(), options.employees(), lastDay);
        long completions = province.completionCount();
        long pppk = province.employees().stream().filter(e -> e.type() == EmploymentType.PPPK).count();
        long partTime = province.employees().stream().filter(e -> e.type() == EmploymentType.PPPK_PARUH_WAKTU).count();
        scale = String.format("province of %,d employees (%,d PNS, %,d PPPK, %,d PPPK paruh waktu), %d units in 4 "
                        + "levels, %,d completions over 2025 and 2026 up to %s%s", options.employees(),
                options.employees() - pppk - partTime, pppk, partTime, province.units().size(), completions, lastDay,
                options.skipNational() ? "; national read path skipped"
                        : String.format("; national read path with %,d employees", options.nationalEmployees()));
        log.step("%s", scale);
        Path work = prepareWork(options.work());
        Path trainingJar = options.jar(root, "training-service");
        Path reportingJar = options.jar(root, "reporting-service");
        notes.add(String.format("Co-located on %d cores: the load generator and the Kafka broker (in the benchmark's "
                + "JVM, as the local stack runs it), PostgreSQL (embedded binaries, persistent data directory, "
                + "synchronous_commit=on, default settings otherwise), training-service and reporting-service "
                + "(each -Xmx512m, their shipped configuration). Every API call carries a signed bearer token.",
                Runtime.getRuntime().availableProcessors()));
        if (options.quick()) {
            notes.add("A --quick run: a small province and short phases, to check that the benchmark works. Its "
                    + "figures are not the published ones.");
        }
        notes.add(peopleNote());

        log.phase("starting the stack (data in %s)", work);
        postmasterPid = work.resolve("data/postgres/postmaster.pid");
        Path pidFile = postmasterPid;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopLeftovers(pidFile), "benchmark-stop-leftovers"));
        CpuWatch.Snapshot runStart = CpuWatch.now(postmasterPid);
        try (BenchStack stack = BenchStack.start(work, trainingJar, reportingJar)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-stop-stack"));
            software = software(stack);
            log.step("%s", software);

            log.phase("reference figures on the same PostgreSQL and Kafka");
            measured(() -> new References(stack, province, log).measure(Math.min(completions, REFERENCE_ROWS),
                    options.kafkaReferenceRecords()));
            double jdbc = measurements.stream().filter(m -> m.key().equals(References.JDBC_BATCH)).findFirst()
                    .map(Measurement::value).orElse(0.0);

            log.phase("roster through the API");
            Corrections corrections = new Corrections();
            BulkLoad bulk = new BulkLoad(stack, corrections, log);
            RosterLoad roster = new RosterLoad(stack, province, log);
            RosterLoad.Result[] registered = new RosterLoad.Result[1];
            measured(() -> {
                registered[0] = roster.load(16, options.rosterCap());
                return List.of(registered[0].measurement());
            });
            int unregistered = registered[0].unregistered().size();
            if (unregistered > 0) {
                log.phase("bulk route for the %,d employees the capped roster phase did not register", unregistered);
                bulk.employees(registered[0].unregistered());
            }
            measured(() -> List.of(roster.changes(16)));
            log.step("caught up after %.1f s", stack.awaitQuiet(QUIET_TIMEOUT));

            log.phase("batch ingest of the province's %,d completions", completions);
            int batches = (int) ((completions + Ingest.BATCH_SIZE - 1) / Ingest.BATCH_SIZE);
            int trialBatches = Math.max(2, Math.min(20, batches / 10));
            Ingest ingest = new Ingest(stack, province, corrections, log, postmasterPid);
            Ingest.BatchRun[] batch = new Ingest.BatchRun[1];
            measured(() -> {
                batch[0] = ingest.batch(List.of(2, 4), trialBatches, options.batchCap(), jdbc);
                return batch[0].measurements();
            });
            long sent = batch[0].sent();
            if (batch[0].capped()) {
                log.phase("bulk route for the %,d completions the capped batch phase did not send", completions - sent);
                bulk.completions(batch[0].rest());
            }
            if (bulk.used()) {
                measured(() -> List.of(bulk.finish()));
                List<String> parts = new ArrayList<>();
                if (unregistered > 0) {
                    parts.add(String.format("the roster phase was capped at %d minutes: %,d of the %,d employees were "
                            + "registered through PUT /api/v1/employees/{nip} (the figure is their rate), the other %,d "
                            + "were COPYed into training-service's employee, employee_unit_assignment and "
                            + "employee_position_assignment tables as it writes them", options.rosterCap().toMinutes(), options.employees() - unregistered,
                            options.employees(), unregistered));
                }
                if (batch[0].capped()) {
                    parts.add(String.format("the batch-ingest phase was capped at %d minutes: %,d of the %,d "
                            + "completions went through POST /api/v1/completions/batch (the figure is their rate), the "
                            + "other %,d were COPYed into training-service's completion and completion_history tables "
                            + "exactly as it writes them", options.batchCap().toMinutes(), sent, completions,
                            completions - sent));
                }
                notes.add("Bulk route: so that the later phases see the full province although "
                        + String.join("; and ", parts) + ". Each of those rows went in with the outbox row "
                        + "training-service writes for it in the same transaction (a CloudEvent of api-contracts' "
                        + "EmployeeUpserted or CompletionRecorded v1); the relay published them to Kafka and "
                        + "reporting-service applied them like any other event (see `" + BulkLoad.KEY + "`; the run "
                        + "checks that reporting-service then holds every employee and completion of training-service "
                        + "and parked no event). Units, every employee's later changes (transfers, position changes, "
                        + "exemptions, leavers), amendments and voids all went through the API.");
            }
            log.phase("amendments and voids");
            measured(() -> List.of(corrections.apply(stack, 16, log)));
            log.step("waiting until reporting-service has caught up");
            log.step("caught up after %.1f s", stack.awaitQuiet(QUIET_TIMEOUT));

            log.phase("the same statements as a single POST over plain JDBC at concurrency 32");
            Measurement[] jdbcSingle = new Measurement[1];
            measured(() -> List.of(jdbcSingle[0] = new JdbcSingle(stack, province, log).measure(32,
                    options.singleDuration(), options.singleMax())));
            log.step("caught up after %.1f s", stack.awaitQuiet(QUIET_TIMEOUT));

            log.phase("single POSTs at concurrency 32");
            measured(() -> {
                Measurement[] cpu = new Measurement[1];
                Measurement single = ingest.single(32, options.singleDuration(), options.singleMax(),
                        jdbcSingle[0].value(), cpu);
                return cpu[0] == null ? List.of(single) : List.of(single, cpu[0]);
            });
            log.step("caught up after %.1f s", stack.awaitQuiet(QUIET_TIMEOUT));

            double singleRate = measurements.stream().filter(m -> m.key().equals(Ingest.SINGLE)).findFirst()
                    .map(Measurement::value).orElse(Double.NaN);
            int freshnessRate = options.freshnessRate(singleRate);
            String rateWhy = options.freshnessRate() != null
                    ? String.format("%,d completions/s, fixed by --freshness-rate", freshnessRate)
                    : String.format(java.util.Locale.ROOT, "%,d completions/s, half of the %,.0f completions/s the "
                            + "single-POST phase (`%s`) sustained earlier in this run", freshnessRate, singleRate,
                            Ingest.SINGLE);
            log.phase("freshness at a sustained %,d completions/s", freshnessRate);
            measured(() -> new Freshness(stack, province, log).measure(freshnessRate, rateWhy,
                    options.freshnessDuration(), 5, 5));
            log.step("caught up after %.1f s", stack.awaitQuiet(QUIET_TIMEOUT));

            log.phase("xAPI statements in requests of %s, beside REST batches of the same sizes",
                    XapiIngest.SIZES);
            measured(() -> new XapiIngest(stack, province, log).measure(options.xapiPerSize(), options.xapiCap()));
            log.step("caught up after %.1f s", stack.awaitQuiet(QUIET_TIMEOUT));
            checkProjections(stack);

            log.phase("read path at province scale");
            measured(() -> new ReadPath(stack, log).measure(lastDay.getYear(), options.quick()));

            log.phase("projection rebuild");
            measured(() -> List.of(new Rebuild(stack, log).measure(QUIET_TIMEOUT)));
            double foreign = CpuWatch.foreignShare(runStart, CpuWatch.now(postmasterPid));
            if (!Double.isNaN(foreign)) {
                notes.add(String.format(java.util.Locale.ROOT, "Other work on the machine: from the stack's start to "
                        + "the end of the province phases, processes outside the benchmark used %.0f%% of all CPU "
                        + "time%s. Each figure's note gives the share during its own phase.", foreign * 100,
                        foreign >= 0.10 ? ", so the figures are lower than this machine gives when quiet" : ""));
            }
        }

        if (!options.skipNational()) {
            log.phase("national read path: %,d employees", options.nationalEmployees());
            postmasterPid = null;
            measured(() -> {
                NationalBench.Options defaults = NationalBench.Options.defaults(options.seed(),
                        options.nationalEmployees());
                // A quick run only checks that the national phase works: fewer timed requests and naive runs.
                NationalBench.Options national = options.quick()
                        ? new NationalBench.Options(defaults.load(), ReadPath.quickQueries(), ReadPath.quickNaive())
                        : defaults;
                List<Measurement> figures = NationalBench.run(options.work().resolve("national"), national,
                        trainingJar, reportingJar).measurements();
                figures.forEach(m -> log.figure(m.key(), "%s %s", ReportWriter.number(m.value()), m.unit()));
                return figures;
            });
        }
    }

    /**
     * Holds the pipeline to what it must have done by now: reporting-service has every employee and completion that
     * training-service holds, and parked no event. A benchmark of a system that loses or refuses data measures nothing.
     */
    private void checkProjections(BenchStack stack) {
        long trainingCompletions = stack.count(LocalStack.TRAINING_DB, "completion");
        long reportingCompletions = stack.count(LocalStack.REPORTING_DB, "completion_fact");
        long trainingEmployees = stack.count(LocalStack.TRAINING_DB, "employee");
        long reportingEmployees = stack.count(LocalStack.REPORTING_DB, "employee");
        long parked = stack.count(LocalStack.REPORTING_DB, "parked_event");
        log.step("training holds %,d employees and %,d completions; reporting %,d employees and %,d completion facts; "
                + "%d parked events", trainingEmployees, trainingCompletions, reportingEmployees, reportingCompletions,
                parked);
        if (trainingCompletions != reportingCompletions || trainingEmployees != reportingEmployees || parked != 0) {
            throw new Outcomes.BenchmarkFailure(String.format("reporting-service does not hold what training-service "
                    + "holds: %,d/%,d employees, %,d/%,d completions, %d parked events", reportingEmployees,
                    trainingEmployees, reportingCompletions, trainingCompletions, parked));
        }
        notes.add(String.format("Checked before the read path: reporting-service held all %,d employees and %,d "
                + "completions of training-service and had parked no event.", trainingEmployees, trainingCompletions));
    }

    private static String software(BenchStack stack) throws Exception {
        String postgres;
        try (Connection c = stack.connect(LocalStack.TRAINING_DB); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            postgres = rs.getString(1);
        }
        return "PostgreSQL " + postgres + ", Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " (single KRaft node)";
    }

    /**
     * On the way out, whatever the stack has not stopped, e.g. when a signal came while it was starting: the services
     * (this process's children) and PostgreSQL (detached, found by its pid file).
     */
    private static void stopLeftovers(Path postmasterPid) {
        try (Stream<ProcessHandle> children = ProcessHandle.current().children()) {
            children.forEach(ProcessHandle::destroy);
        }
        try {
            if (Files.exists(postmasterPid)) {
                String pid = Files.readAllLines(postmasterPid).get(0).trim();
                // SIGINT: PostgreSQL's fast shutdown (the clients of this process are going away anyway).
                new ProcessBuilder("kill", "-INT", pid).inheritIO().start().waitFor();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop PostgreSQL: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Empties the work directory, refusing one that is not the benchmark's. */
    private static Path prepareWork(Path work) throws IOException {
        Path marker = work.resolve(".benchmark-work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent() && !Files.exists(marker)) {
                    throw new IllegalArgumentException(work + " is not empty and not a benchmark work directory");
                }
            }
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(work)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(work);
        Files.writeString(marker, "work directory of ./benchmark; emptied at the start of each run\n");
        return work;
    }
}
