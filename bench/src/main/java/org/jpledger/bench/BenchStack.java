package org.jpledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.LocalStack;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.Token;

/**
 * The whole system for one benchmark run: {@link LocalStack} on a fresh persistent data directory (so PostgreSQL commits
 * synchronously, as in production), a token with every role over the whole tree, and the waits the phases need.
 */
final class BenchStack implements AutoCloseable {

    static final String SCRATCH_DB = "bench_scratch";
    /**
     * Statement requests (POST or PUT) a system may send to the LRS a minute in the benchmark's stack: the shipped 600
     * would make the xAPI phase measure the rate limit (one statement per request at 10 requests/s).
     */
    static final int XAPI_STATEMENT_CALLS = 1_000_000;
    /**
     * Batch requests a caller may send a minute in the benchmark's stack: the shipped 600 would make the xAPI phase's
     * REST batches of one completion measure the rate limit.
     */
    static final int BATCH_CALLS = 1_000_000;

    private final LocalStack stack;
    private final String bearer;
    private final Http training;
    private final Http reporting;

    private BenchStack(LocalStack stack) {
        this.stack = stack;
        this.bearer = stack.bearer(Token.withRoles(Access.ROLES.toArray(String[]::new)).units(Access.ALL_UNITS)
                .subject("benchmark").lifetime(Duration.ofHours(48)));
        this.training = new Http(stack.training().baseUrl(), bearer);
        this.reporting = new Http(stack.reporting().baseUrl(), bearer);
    }

    /** Starts everything on {@code work}/data with logs in {@code work}/logs and waits until both services are ready. */
    static BenchStack start(Path work, Path trainingJar, Path reportingJar) {
        LocalStack stack = LocalStack.start(new LocalStack.Options(work.resolve("data"), work.resolve("logs"),
                LocalStack.Ports.free(), trainingJar, reportingJar,
                java.util.Map.of("JPLEDGER_LIMITS_KIND_XAPI_STATEMENTS_CALLS", Integer.toString(XAPI_STATEMENT_CALLS),
                        "JPLEDGER_LIMITS_KIND_BATCH_CALLS", Integer.toString(BATCH_CALLS))));
        stack.postgres().createDatabaseIfMissing(SCRATCH_DB);
        return new BenchStack(stack);
    }

    /** The Authorization header value: every role, the whole unit tree. */
    String bearer() {
        return bearer;
    }

    Http training() {
        return training;
    }

    Http reporting() {
        return reporting;
    }

    LocalStack local() {
        return stack;
    }

    String jdbcUrl(String database) {
        return stack.postgres().jdbcUrl(database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), PostgresServer.USER, PostgresServer.USER);
    }

    String kafkaBootstrap() {
        return stack.kafka().bootstrapServers();
    }

    /**
     * Waits until training-service's outbox holds no unpublished row; returns {@link System#nanoTime()} when that was
     * first seen. Polls every 20 ms on one connection.
     */
    long awaitOutboxDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect(LocalStack.TRAINING_DB); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT EXISTS (SELECT 1 FROM outbox_event WHERE published_at IS NULL)")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return System.nanoTime();
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("training-service's outbox was not drained within " + timeout);
                }
                Pause.millis(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read training-service's outbox", e);
        }
    }

    /** Unpublished outbox rows now. */
    long outboxBacklog() {
        try (Connection c = connect(LocalStack.TRAINING_DB); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read training-service's outbox", e);
        }
    }

    /**
     * Waits until the outbox is drained and reporting-service's consumer lag is zero, i.e. every acknowledged write is
     * in the projections; returns the seconds it took.
     */
    double awaitQuiet(Duration timeout) {
        long started = System.nanoTime();
        awaitOutboxDrained(timeout);
        long deadline = started + timeout.toNanos();
        while (true) {
            Http.Answer answer = reporting.get("/api/v1/status", Duration.ofSeconds(30));
            if (answer.status() == 200) {
                JsonNode lag = answer.json().get("totalLag");
                if (lag != null && !lag.isNull() && lag.asLong() == 0 && answer.json().path("consumerRunning").asBoolean()) {
                    return (System.nanoTime() - started) / 1e9;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting-service did not catch up within " + timeout + ": " + answer);
            }
            Pause.millis(250);
        }
    }

    /** Rows of a table of one of the databases (exact count). */
    long count(String database, String table) {
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count " + database + "." + table, e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
