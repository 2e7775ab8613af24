package org.jpledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.LoopbackPorts;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.ServiceProcess;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged reporting-service under a small heap streams an export of a million employees, as CSV and as XLSX,
 * without running out of memory: rows go out as the cursor yields them. Prints the rate and the peak heap it saw.
 */
@Tag("slow") // minutes alone: left out by -Pquick
class LargeExportTest {

    private static final int ROWS = 1_000_000;
    private static final String HEAP = "128m";
    private static final String UNIT = "BESAR";
    /**
     * Plain HTTP/1.1 with answer timeouts: a /q/metrics request of the heap sampler once never got its answer (HTTP/2
     * upgrade of the JDK client, not diagnosed further) and the whole CI run waited on it.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path work;

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static ServiceProcess reporting;
    private static String bearer;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing("reporting");
        broker = KafkaBroker.startThrowaway();
        LocalKeys keys = LocalKeys.in(work.resolve("keys"));
        bearer = keys.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS).subject("large-export"));
        reporting = ServiceProcess.start("reporting-service",
                ProjectRoot.path().resolve("reporting-service/target/quarkus-app/quarkus-run.jar"), LoopbackPorts.free(),
                StackTokens.trusting(keys, Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("reporting"),
                        "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER,
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "JPLEDGER_EXPORTS_DIRECTORY", work.resolve("exports").toString())),
                work.resolve("reporting-service.log"), HEAP).awaitReady(Duration.ofMinutes(3));
        roster(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {reporting, broker, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // best effort: the next part still has to stop
            }
        }
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"csv", "xlsx"})
    void streamsAMillionRowsUnderASmallHeap(String format) throws Exception {
        AtomicLong peakHeap = new AtomicLong();
        AtomicBoolean exporting = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (exporting.get()) {
                peakHeap.accumulateAndGet(heapUsed(), Math::max);
                sleep(200);
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                reporting.baseUrl() + "/api/v1/exports/compliance?format=" + format + "&unitCode=" + UNIT))
                .timeout(Duration.ofMinutes(2)).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        long lines = 0;
        try (InputStream body = response.body()) {
            if (format.equals("csv")) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
                long counted = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    counted += line.length() + 2;
                }
                bytes = counted;
            } else {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        exporting.set(false);
        sampler.join();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-JPLedger-Row-Count")).hasValue(Integer.toString(ROWS));
        if (format.equals("csv")) {
            assertThat(lines).isEqualTo(ROWS + 2L);
        }
        assertThat(reporting.isAlive()).isTrue();
        System.out.printf("LargeExportTest: %s, %d rows, %.1f MB in %.1f s = %.0f rows/s; peak heap used %.0f MB of %s%n",
                format, ROWS, bytes / 1e6, seconds, ROWS / seconds, peakHeap.get() / 1e6, HEAP);
    }

    /** A million employees of one unit with their rows of the year, written straight into the projections. */
    private static void roster(int year) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("reporting"), PostgresServer.USER,
                PostgresServer.USER); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO unit (code, name, parent_code, version) VALUES ('" + UNIT + "', 'Unit Besar', NULL, 1)");
        }
        ReportingRoster.insert(postgres.jdbcUrl("reporting"), UNIT, ROWS, year);
    }

    private static long heapUsed() {
        return HeapProbe.used(reporting.baseUrl());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
