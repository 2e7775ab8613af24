package org.jpledger.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine without Docker: PostgreSQL (databases {@code training} and {@code reporting}), a KRaft
 * Kafka broker, and both services as child processes. The run command and the end-to-end tests start it the same way.
 */
public final class LocalStack implements AutoCloseable {

    public static final String TRAINING_DB = "training";
    public static final String REPORTING_DB = "reporting";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Where everything lives and listens.
     *
     * @param dataDirectory where PostgreSQL and Kafka keep their data across restarts; null for throwaway data
     * @param logDirectory  where each service's output goes
     * @param trainingEnvironment settings of training-service's that differ from its shipped configuration, as
     *                      environment variables (e.g. a limit the benchmark raises)
     */
    public record Options(Path dataDirectory, Path logDirectory, Ports ports, Path trainingJar, Path reportingJar,
            Map<String, String> trainingEnvironment) {

        /** The services with their shipped configuration. */
        public Options(Path dataDirectory, Path logDirectory, Ports ports, Path trainingJar, Path reportingJar) {
            this(dataDirectory, logDirectory, ports, trainingJar, reportingJar, Map.of());
        }

        public Options {
            trainingEnvironment = Map.copyOf(trainingEnvironment);
        }
    }

    /** The ports of the stack's parts. */
    public record Ports(int postgres, int kafka, int kafkaController, int training, int reporting) {

        /** The fixed ports of the run command. */
        public static Ports defaults() {
            return new Ports(55432, 9092, 9093, 8081, 8082);
        }

        /** Free ports, for tests running beside anything else. */
        public static Ports free() {
            return new Ports(LoopbackPorts.free(), LoopbackPorts.free(),
                    LoopbackPorts.free(), LoopbackPorts.free(),
                    LoopbackPorts.free());
        }

        /** Each port with the part that wants it, in start order. */
        public Map<String, Integer> byPart() {
            var parts = new java.util.LinkedHashMap<String, Integer>();
            parts.put("PostgreSQL", postgres);
            parts.put("Kafka broker", kafka);
            parts.put("Kafka controller", kafkaController);
            parts.put("training-service HTTP", training);
            parts.put("reporting-service HTTP", reporting);
            return parts;
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ServiceProcess training;
    private ServiceProcess reporting;
    private LocalKeys keys;
    private Path exportsDirectory;

    private LocalStack() {
    }

    /** Starts every part and waits until both services report ready; on failure stops what it started. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Options o) {
        Ports ports = o.ports();
        // Keys live with the data (kept across runs) or, for throwaway data, with the logs.
        Path home = o.dataDirectory() != null ? o.dataDirectory() : o.logDirectory();
        keys = LocalKeys.in(home.resolve("keys"));
        exportsDirectory = home.resolve("exports");
        postgres = o.dataDirectory() == null
                ? PostgresServer.startThrowaway(ports.postgres())
                : PostgresServer.startPersistent(o.dataDirectory().resolve("postgres"), o.dataDirectory().resolve("pg-binaries"),
                        ports.postgres());
        started.add(postgres);
        postgres.createDatabaseIfMissing(TRAINING_DB).createDatabaseIfMissing(REPORTING_DB);

        kafka = o.dataDirectory() == null
                ? KafkaBroker.startThrowaway(ports.kafka(), ports.kafkaController())
                : KafkaBroker.startPersistent(o.dataDirectory().resolve("kafka"), ports.kafka(), ports.kafkaController());
        started.add(kafka);

        Map<String, String> trainingEnv = env(TRAINING_DB);
        trainingEnv.putAll(o.trainingEnvironment());
        training = ServiceProcess.start("training-service", o.trainingJar(), ports.training(), trainingEnv,
                o.logDirectory().resolve("training-service.log"));
        started.add(training);
        reporting = ServiceProcess.start("reporting-service", o.reportingJar(), ports.reporting(), env(REPORTING_DB),
                o.logDirectory().resolve("reporting-service.log"));
        started.add(reporting);
        training.awaitReady(READY_TIMEOUT);
        reporting.awaitReady(READY_TIMEOUT);
    }

    private Map<String, String> env(String database) {
        Map<String, String> env = new java.util.HashMap<>(keys.serviceEnvironment());
        env.putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                // Scheduled export files live with the data (reporting-service writes them; training ignores it).
                "JPLEDGER_EXPORTS_DIRECTORY", exportsDirectory.toString()));
        return env;
    }

    /** The key pair the services trust, to mint tokens with. */
    public LocalKeys keys() {
        return keys;
    }

    /** The Authorization header value for a token signed with the stack's key. */
    public String bearer(Token token) {
        return keys.bearer(token);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ServiceProcess training() {
        return training;
    }

    public ServiceProcess reporting() {
        return reporting;
    }

    /** Stops the services first, then Kafka, then PostgreSQL, so nothing is cut off mid-write. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop a part of the stack: " + e);
            }
        }
        started.clear();
    }
}
