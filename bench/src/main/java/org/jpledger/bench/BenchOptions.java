package org.jpledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The command line of {@code ./benchmark}, and the sizes each phase runs at for a quick or a full run.
 *
 * @param jars          directory holding {@code training-service/quarkus-app} and {@code reporting-service/quarkus-app},
 *                      or null for the repository's own {@code target} directories
 * @param work          where the run keeps its data and logs (emptied first)
 * @param rosterCap     the employee registration stops after this long; the rest are loaded by the bulk route
 * @param batchCap      the batch-ingest phase stops taking new batches after this long; the rest of the province is
 *                      loaded by the bulk route
 * @param freshnessRate completions/s of the freshness phase, or null for half the single-POST rate of the same run
 */
public record BenchOptions(boolean quick, long seed, int employees, int nationalEmployees, boolean skipNational,
        Path jars, Path work, Duration rosterCap, Duration batchCap, Integer freshnessRate) {

    public static final long DEFAULT_SEED = 20261130L;
    public static final int PROVINCE_EMPLOYEES = 300_000;
    public static final int QUICK_EMPLOYEES = 5_000;
    public static final int NATIONAL_EMPLOYEES = 6_000_000;
    public static final int QUICK_NATIONAL_EMPLOYEES = 20_000;

    static final String USAGE = """
            usage: ./benchmark [--quick] [--seed N] [--employees N] [--national-employees N] [--skip-national]
                               [--jars DIR] [--work DIR] [--roster-minutes N] [--batch-minutes N]
                               [--freshness-rate N] [--no-build]
              --quick                 a small run (5,000 employees, short phases) to check that everything works
              --seed N                seed of the generated province (default %d)
              --employees N           province size (default 300,000; 5,000 with --quick)
              --national-employees N  size of the national read-path run (default 6,000,000; 20,000 with --quick)
              --skip-national         no national run
              --jars DIR              services from DIR/training-service/quarkus-app and DIR/reporting-service/quarkus-app
                                      instead of the repository's target directories
              --work DIR              data and logs of the run (default bench/target/benchmark-work; emptied first)
              --roster-minutes N      stop registering employees through the API after N minutes (default 20) and
                                      load the rest by the bulk route (COPY + republish; see BENCHMARKS.md)
              --batch-minutes N       stop the batch-ingest phase after N minutes (default 10) and load the rest of
                                      the province's completions by the bulk route
              --freshness-rate N      run the freshness phase at N completions/s (default: half the single-POST rate
                                      measured earlier in the same run)
              --no-build              (script only) do not build first""".formatted(DEFAULT_SEED);

    /** Parses the arguments; {@code root} is the repository root. */
    public static BenchOptions parse(List<String> args, Path root) {
        boolean quick = args.contains("--quick");
        long seed = DEFAULT_SEED;
        Integer employees = null;
        Integer national = null;
        boolean skipNational = false;
        Path jars = null;
        Path work = root.resolve("bench/target/benchmark-work");
        Duration cap = Duration.ofMinutes(10);
        Duration rosterCap = Duration.ofMinutes(20);
        Integer freshnessRate = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick", "--no-build" -> {
                }
                case "--skip-national" -> skipNational = true;
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--employees" -> employees = positive(value(args, ++i, arg), arg);
                case "--national-employees" -> national = positive(value(args, ++i, arg), arg);
                case "--jars" -> jars = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--work" -> work = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--batch-minutes" -> cap = Duration.ofMinutes(positive(value(args, ++i, arg), arg));
                case "--roster-minutes" -> rosterCap = Duration.ofMinutes(positive(value(args, ++i, arg), arg));
                case "--freshness-rate" -> freshnessRate = positive(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchOptions(quick, seed, employees != null ? employees : quick ? QUICK_EMPLOYEES : PROVINCE_EMPLOYEES,
                national != null ? national : quick ? QUICK_NATIONAL_EMPLOYEES : NATIONAL_EMPLOYEES, skipNational, jars,
                work, rosterCap, cap, freshnessRate);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int positive(String text, String option) {
        int value;
        try {
            value = Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + text);
        }
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return value;
    }

    /** The runnable jar of a service: from {@link #jars} when given, else the repository's build. */
    public Path jar(Path root, String service) {
        Path base = jars != null ? jars.resolve(service) : root.resolve(service).resolve("target");
        return base.resolve("quarkus-app/quarkus-run.jar");
    }

    /** How long the single-POST phase runs, and its maximum completions. */
    Duration singleDuration() {
        return quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    }

    int singleMax() {
        return quick ? 30_000 : 100_000;
    }

    /**
     * The freshness phase's rate: the fixed one when given, else half of {@code singleRate} (the single-POST phase's
     * sustained rate), at least 1.
     */
    int freshnessRate(double singleRate) {
        if (freshnessRate != null) {
            return freshnessRate;
        }
        return Double.isFinite(singleRate) ? (int) Math.max(1, Math.round(singleRate / 2)) : 1;
    }

    Duration freshnessDuration() {
        return quick ? Duration.ofSeconds(20) : Duration.ofSeconds(60);
    }

    /** Completions per request size of the xAPI phase (each way in), and how long each stretch may take at most. */
    int xapiPerSize() {
        return quick ? 1_000 : 10_000;
    }

    Duration xapiCap() {
        return quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    }

        int kafkaReferenceRecords() {
        return quick ? 100_000 : 500_000;
    }
}
