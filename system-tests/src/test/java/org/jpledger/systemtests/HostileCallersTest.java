package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.LocalStack;
import org.jpledger.localstack.LoopbackPorts;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.ServiceProcess;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hostile caller at a time against both packaged services under the run command's heap: a 200 MB CSV import of one
 * line without end, and a crowd of export clients that never read. Each is refused by its limit, and the services stay
 * live and ready, the outbox relay keeps publishing and the consumer keeps applying. Prints what it measured.
 */
class HostileCallersTest {

    private static final String HEAP = "768m";
    private static final String UNIT = "HOSTILE";
    private static final String NIP = "198503122010012003";
    private static final long ONE_LINE_BYTES = 200L * 1024 * 1024;
    private static final int EXPORT_ROWS = 200_000;
    private static final int CONCURRENT_EXPORTS = 2;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path work;

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static ServiceProcess training;
    private static ServiceProcess reporting;
    private static String bearer;
    private static int completions;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing(LocalStack.TRAINING_DB)
                .createDatabaseIfMissing(LocalStack.REPORTING_DB);
        broker = KafkaBroker.startThrowaway();
        LocalKeys keys = LocalKeys.in(work.resolve("keys"));
        bearer = keys.bearer(Token.withRoles(Access.ROLES.toArray(String[]::new)).units(Access.ALL_UNITS)
                .subject("hostile-callers"));
        training = ServiceProcess.start("training-service",
                ProjectRoot.path().resolve("training-service/target/quarkus-app/quarkus-run.jar"), LoopbackPorts.free(),
                env(keys, LocalStack.TRAINING_DB, Map.of()), work.resolve("training-service.log"), HEAP);
        reporting = ServiceProcess.start("reporting-service",
                ProjectRoot.path().resolve("reporting-service/target/quarkus-app/quarkus-run.jar"), LoopbackPorts.free(),
                env(keys, LocalStack.REPORTING_DB, EXPORT_LIMITS), work.resolve("reporting-service.log"), HEAP);
        training.awaitReady(Duration.ofMinutes(3));
        reporting.awaitReady(Duration.ofMinutes(3));
        RestAssured.replaceFiltersWith(new ArrayList<>());
        given().baseUri(training.baseUrl()).header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"name\":\"Dinas Uji Ketahanan\"}").put("/api/v1/units/{code}", UNIT).then().statusCode(201);
        given().baseUri(training.baseUrl()).header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"name\":\"Siti Rahayu\",\"employmentType\":\"PNS\",\"positionLevel\":\"PELAKSANA\","
                        + "\"unitCode\":\"" + UNIT + "\",\"employedFrom\":\"2010-01-01\"}")
                .put("/api/v1/employees/{nip}", NIP).then().statusCode(201);
    }

    /** The export limits this test runs against (the defaults are larger; the mechanism is the same). */
    private static final Map<String, String> EXPORT_LIMITS = Map.of(
            "JPLEDGER_EXPORTS_MAX_STREAMING", Integer.toString(CONCURRENT_EXPORTS),
            "JPLEDGER_EXPORTS_WRITE_TIMEOUT", STALL_TIMEOUT.toSeconds() + "s");

    private static Map<String, String> env(LocalKeys keys, String database, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(StackTokens.trusting(keys, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER,
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "JPLEDGER_EXPORTS_DIRECTORY", work.resolve("exports").toString())));
        env.putAll(more);
        return env;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {reporting, training, broker, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // best effort: the next part still has to stop
            }
        }
    }

    @Test
    void aCsvImportOfOneEndlessLineIsRefusedAndTheServiceKeepsWorking() throws Exception {
        long heapBefore = HeapProbe.used(training.baseUrl());
        long rowsBefore = count(LocalStack.TRAINING_DB, "SELECT count(*) FROM completion");
        long started = System.nanoTime();

        RawHttp.Answer answer = RawHttp.stream(training.baseUrl(), "POST", "/api/v1/completions/import",
                Map.of("Authorization", bearer, "Content-Type", "text/csv"), endlessLine(ONE_LINE_BYTES), 64 * 1024,
                (int) Duration.ofMinutes(3).toMillis());

        double seconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = HeapProbe.used(training.baseUrl());
        assertThat(answer.status()).as(answer.text()).isIn(400, 413);
        assertThat(answer.text()).contains("\"status\":" + answer.status());
        assertThat(training.isAlive()).isTrue();
        assertThat(count(LocalStack.TRAINING_DB, "SELECT count(*) FROM completion")).isEqualTo(rowsBefore);
        stillWorks();
        System.out.printf("HostileCallersTest: a %d MB one-line CSV answered %d in %.1f s; training heap used %.0f MB "
                + "before, %.0f MB after (of %s); rows written: 0%n", ONE_LINE_BYTES >> 20, answer.status(), seconds,
                heapBefore / 1e6, heapAfter / 1e6, HEAP);
    }

    @Test
    void aCrowdOfExportClientsThatNeverReadCannotTakeTheDatabasePool() throws Exception {
        roster(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        String export = "/api/v1/exports/compliance?format=csv&unitCode=" + UNIT;
        List<Socket> crowd = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENT_EXPORTS + 3; i++) {
                Socket client = RawHttp.sendAndLeave(reporting.baseUrl(), export, Map.of("Authorization", bearer));
                crowd.add(client);
                statuses.add(RawHttp.statusOf(client, 30_000));
            }

            assertThat(statuses.subList(0, CONCURRENT_EXPORTS)).containsOnly(200);
            assertThat(statuses.subList(CONCURRENT_EXPORTS, statuses.size())).allSatisfy(status ->
                    assertThat(status).isEqualTo(429));
            given().baseUri(reporting.baseUrl()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(reporting.baseUrl()).header("Authorization", bearer)
                    .get("/api/v1/compliance/units/{code}", UNIT).then().statusCode(200);
            stillWorks();
            long held = count(LocalStack.REPORTING_DB,
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = 'reporting' AND state <> 'idle'"
                            + " AND pid <> pg_backend_pid()");
            System.out.printf("HostileCallersTest: %d export clients that never read: %s; reporting's database "
                    + "connections in use meanwhile %d%n", crowd.size(), statuses, held);

            Thread.sleep(STALL_TIMEOUT.plusSeconds(5).toMillis());
            HttpResponse<InputStream> fresh = HTTP.send(HttpRequest.newBuilder(URI.create(reporting.baseUrl() + export))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            try (InputStream body = fresh.body()) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(fresh.headers().firstValue("X-JPLedger-Row-Count")).hasValue(Integer.toString(EXPORT_ROWS + 1));
            System.out.printf("HostileCallersTest: after the stalled clients timed out a whole export of %d bytes "
                    + "went out%n", bytes);
        } finally {
            for (Socket client : crowd) {
                client.close();
            }
        }
    }

    /** Health is UP, and a completion recorded now reaches reporting: the relay and the consumer are running. */
    private static void stillWorks() throws InterruptedException {
        given().baseUri(training.baseUrl()).get("/q/health/ready").then().statusCode(200);
        given().baseUri(reporting.baseUrl()).get("/q/health/ready").then().statusCode(200);
        completions++;
        given().baseUri(training.baseUrl()).header("Authorization", bearer).contentType(ContentType.JSON)
                .body("""
                        {"nip":"%s","title":"Bimtek Ketahanan %d","kindId":3,"competencyType":"TEKNIS",
                         "deliveryMode":"LURING","provider":"BKD","startDate":"2026-03-02","endDate":"2026-03-03",
                         "jp":2,"sourceSystem":"hostile-test","externalId":"H-%d"}""".formatted(NIP, completions,
                        completions))
                .post("/api/v1/completions").then().statusCode(201);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            var report = given().baseUri(reporting.baseUrl()).header("Authorization", bearer)
                    .get("/api/v1/compliance/employees/{nip}?year=2026", NIP);
            if (report.statusCode() == 200 && report.jsonPath().getInt("completionCount") == completions) {
                report.then().body("totalJp", equalTo(2.0f * completions));
                return;
            }
            assertThat(System.nanoTime()).as("completion %d reaches reporting", completions).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** A CSV body of one line that never ends, generated as it is read. */
    private static InputStream endlessLine(long bytes) {
        return new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
    }

    /** Employees of the test's unit with their rows of the year, once the unit has reached reporting. */
    private static void roster(int year) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (given().baseUri(reporting.baseUrl()).header("Authorization", bearer)
                .get("/api/v1/compliance/units/{code}", UNIT).statusCode() != 200) {
            assertThat(System.nanoTime()).as("the unit reaches reporting").isLessThan(deadline);
            Thread.sleep(250);
        }
        ReportingRoster.insert(postgres.jdbcUrl(LocalStack.REPORTING_DB), UNIT, EXPORT_ROWS, year);
    }

    private static long count(String database, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.USER); Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
