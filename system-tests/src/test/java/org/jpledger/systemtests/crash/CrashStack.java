package org.jpledger.systemtests.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.LoopbackPorts;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.ServiceProcess;
import org.jpledger.localstack.Token;

/**
 * The system as separate processes on persistent data: PostgreSQL, one or three Kafka nodes, training-service and
 * reporting-service. Each is a {@link Victim} that can be killed with SIGKILL and started again on its data.
 */
final class CrashStack implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(3);

    /** A process of the stack: how to crash it and how to bring it back. */
    record Victim(String name, Runnable kill, Runnable restart) {
    }

    private final Path work;
    private final Path projectRoot;
    private final int postgresPort = LoopbackPorts.free();
    private final int trainingPort = LoopbackPorts.free();
    private final int reportingPort = LoopbackPorts.free();
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final LocalKeys keys;
    private PostgresServer postgres;
    private ServiceProcess training;
    private ServiceProcess reporting;

    private CrashStack(Path work, Path projectRoot) {
        this.work = work;
        this.projectRoot = projectRoot;
        this.keys = LocalKeys.in(work.resolve("keys"));
    }

    /** Starts everything with {@code brokerCount} Kafka nodes (1, or 3 for a replicated cluster) and waits until ready. */
    static CrashStack start(Path work, Path projectRoot, int brokerCount) {
        CrashStack stack = new CrashStack(work, projectRoot);
        try {
            stack.startAll(brokerCount);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(int brokerCount) {
        startPostgres();
        postgres.createDatabaseIfMissing("training").createDatabaseIfMissing("reporting");
        List<KafkaBroker.Node> nodes = IntStream.rangeClosed(1, brokerCount)
                .mapToObj(id -> new KafkaBroker.Node(id, LoopbackPorts.free(), LoopbackPorts.free())).toList();
        nodes.forEach(node -> brokers.add(new BrokerProcess(node, nodes, work)));
        // Nodes of a cluster wait for each other's quorum, so they start together.
        brokers.forEach(BrokerProcess::start);
        brokers.forEach(b -> b.awaitReady(READY));
        startTraining();
        startReporting();
        training.awaitReady(READY);
        reporting.awaitReady(READY);
    }

    /** The processes to crash: the services, PostgreSQL and each Kafka node. */
    List<Victim> victims() {
        List<Victim> victims = new ArrayList<>(List.of(
                new Victim("training-service", () -> training.kill(), () -> {
                    startTraining();
                    training.awaitReady(READY);
                }),
                new Victim("reporting-service", () -> reporting.kill(), () -> {
                    startReporting();
                    reporting.awaitReady(READY);
                }),
                new Victim("PostgreSQL", this::killPostgres, this::startPostgres)));
        for (BrokerProcess broker : brokers) {
            victims.add(new Victim(brokers.size() == 1 ? "Kafka broker" : "Kafka node " + brokers.indexOf(broker),
                    broker::kill, () -> {
                        broker.start();
                        broker.awaitReady(READY);
                    }));
        }
        return victims;
    }

    String trainingUrl() {
        return training.baseUrl();
    }

    String reportingUrl() {
        return reporting.baseUrl();
    }

    String bootstrapServers() {
        return String.join(",", brokers.stream().map(BrokerProcess::bootstrap).toList());
    }

    /** An Authorization header with every role over every unit, signed with the key the services trust. */
    String bearer() {
        return keys.bearer(Token.withRoles(Access.ROLES.toArray(String[]::new)).units(Access.ALL_UNITS)
                .subject("crash-test"));
    }

    /** A new connection to one of the services' databases. */
    Connection database(String name) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(name), PostgresServer.USER, PostgresServer.USER);
    }

    private void startPostgres() {
        postgres = PostgresServer.startPersistent(work.resolve("postgres"), work.resolve("pg-binaries"), postgresPort);
    }

    /** SIGKILL to the postmaster and every backend, as when the machine's OOM killer or a power cut takes them all. */
    private void killPostgres() {
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(work.resolve("postgres/postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid", e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster"));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().join());
        // Releases the launcher's lock on the data directory; its attempt to stop the dead server just fails.
        closeQuietly(postgres);
    }

    private void startTraining() {
        Map<String, String> env = environment("training");
        env.put("JPLEDGER_OUTBOX_RETRY_BACKOFF", "500ms");
        env.put("JPLEDGER_OUTBOX_TOPIC_REPLICATION_FACTOR", Integer.toString(brokers.size() >= 3 ? 3 : 1));
        // A killed instance's import job is taken over once its lease runs out: seconds here rather than minutes.
        env.put("JPLEDGER_IMPORTS_LEASE", "10s");
        training = ServiceProcess.start("training-service",
                projectRoot.resolve("training-service/target/quarkus-app/quarkus-run.jar"), trainingPort, env,
                work.resolve("training-service.log"));
    }

    private void startReporting() {
        reporting = ServiceProcess.start("reporting-service",
                projectRoot.resolve("reporting-service/target/quarkus-app/quarkus-run.jar"), reportingPort,
                environment("reporting"), work.resolve("reporting-service.log"));
    }

    private Map<String, String> environment(String database) {
        Map<String, String> env = new HashMap<>(keys.serviceEnvironment());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("JPLEDGER_EXPORTS_DIRECTORY", work.resolve("exports").toString());
        return env;
    }

    /** Stops the services, then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {training, reporting}) {
            closeQuietly(part);
        }
        brokers.stream().filter(BrokerProcess::isAlive).forEach(BrokerProcess::kill);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            if (part != null) {
                part.close();
            }
        } catch (Exception e) {
            // best effort: the next part still has to stop
        }
    }
}
