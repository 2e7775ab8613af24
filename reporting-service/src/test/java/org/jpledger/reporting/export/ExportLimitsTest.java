package org.jpledger.reporting.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile export callers, with two places for exports in flight and a write timeout of five seconds: clients that
 * stop reading hold their places only until the timeout, a third export meanwhile is refused with Retry-After before it
 * takes a connection, a client that goes away gives its place back at once, an export whose response ended unwritten
 * is closed, and each subject of one client application has an allowance of its own.
 */
@QuarkusTest
@TestProfile(ExportLimitsTest.SmallLimits.class)
class ExportLimitsTest {

    private static final int PLACES = 2;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    private static final int RETRY_AFTER = 7;
    private static final int ALLOWANCE = 3;
    /** Far more CSV (about 10 MB) than the socket buffers of both ends hold, so the server's writes block. */
    private static final int BIG_ROWS = 80_000;
    private static final String CLIENT = "jpledger-dashboard";

    /** The limits under test, small enough to reach. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jpledger.exports.max-streaming", Integer.toString(PLACES),
                    "jpledger.exports.write-timeout", WRITE_TIMEOUT.toSeconds() + "s",
                    "jpledger.exports.busy-retry-after", RETRY_AFTER + "s",
                    "jpledger.limits.expensive-calls", Integer.toString(ALLOWANCE),
                    "jpledger.limits.expensive-window", "10m",
                    // Pool figures for the test's check that the connections come back.
                    "quarkus.datasource.jdbc.metrics.enabled", "true");
        }
    }

    private static String bigUnit;
    private static String smallUnit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExportPermits permits;

    @Inject
    ExportService service;

    @TestHTTPResource("/api/v1/exports/compliance")
    URL exports;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void rosters() throws Exception {
        if (bigUnit == null) {
            int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            BulkRoster.write(dataSource, "BIG-" + suffix, year, BIG_ROWS);
            BulkRoster.write(dataSource, "SMALL-" + suffix, year, 3);
            bigUnit = "BIG-" + suffix;
            smallUnit = "SMALL-" + suffix;
        }
    }

    @Test
    void refusesAnExportBeyondThePlacesHeldBySlowReadersUntilTheirWritesTimeOut() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < PLACES; i++) {
                slow.add(requestWithoutReading(bigUnit, reader("slow-" + i)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> permits.inFlight() == PLACES);
            assertThat(dataSource.getMetrics().activeCount()).isGreaterThanOrEqualTo(PLACES);

            Response refused = given().header("Authorization", reader("third"))
                    .get("/api/v1/exports/compliance?unitCode=" + smallUnit);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
            assertThat(refused.header("Retry-After")).isEqualTo(Integer.toString(RETRY_AFTER));
            assertThat(refused.jsonPath().getString("detail")).contains("streaming");
            assertThat(permits.inFlight()).isEqualTo(PLACES);

            // The slow readers never read: once a write has waited the timeout, their responses are aborted.
            await().atMost(WRITE_TIMEOUT.plusSeconds(20)).until(() -> permits.inFlight() == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> dataSource.getMetrics().activeCount() < PLACES);
            for (Socket socket : slow) {
                // Cut off: what the buffers held arrives, but never the end of the file (its trailer row).
                assertThat(tailOf(socket)).doesNotContain("jumlah baris");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }

        String csv = given().header("Authorization", reader("third")).get("/api/v1/exports/compliance?unitCode="
                + smallUnit).then().statusCode(200).extract().asString();
        assertThat(CsvRows.parse(csv, ',')).hasSize(5);
    }

    @Test
    void givesThePlaceBackAsSoonAsTheClientGoesAway() throws Exception {
        Socket socket = requestWithoutReading(bigUnit, reader("leaving"));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> permits.inFlight() == 1);
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        } finally {
            // A reset, as a client that crashed or gave up would leave it.
            socket.setSoLinger(true, 0);
            socket.close();
        }
        long closed = System.nanoTime();

        await().atMost(WRITE_TIMEOUT).until(() -> permits.inFlight() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(WRITE_TIMEOUT.minusSeconds(1));
    }

    @Test
    void closesAnExportWhoseResponseEndedBeforeItsBodyAndGivesItsPlaceBack() {
        int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        PreparedExport export = service.prepare(ExportKind.COMPLIANCE, new ExportFilter(year, List.of(smallUnit), null,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)), ExportLayout.DEFAULT, permits.acquire());
        assertThat(permits.inFlight()).isEqualTo(1);

        // What the request's end handler does when the response ended first (say, a later step failed).
        assertThat(export.closeUnlessWriting()).isTrue();

        assertThat(permits.inFlight()).isZero();
        assertThatThrownBy(() -> export.writeTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class);
        // Ending twice, or after a writer took it, changes nothing.
        assertThat(export.closeUnlessWriting()).isFalse();
        export.close();
        assertThat(permits.inFlight()).isZero();
    }

    @Test
    void givesEachSubjectOfOneClientItsOwnAllowance() {
        String alice = reader("alice");
        for (int i = 0; i < ALLOWANCE; i++) {
            given().header("Authorization", alice).get("/api/v1/exports/units?unitCode=" + smallUnit).then()
                    .statusCode(200);
        }
        Response refused = given().header("Authorization", alice).get("/api/v1/exports/units?unitCode=" + smallUnit);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

        given().header("Authorization", reader("bob")).get("/api/v1/exports/units?unitCode=" + smallUnit).then()
                .statusCode(200);
    }

    /** A whole-tree reader named {@code name} in this run, signed in through the one dashboard client. */
    private String reader(String name) {
        return TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS)
                .subject(name + "-" + run).client(CLIENT));
    }

    /** Sends an export request over a socket with a small receive window and reads nothing. */
    private Socket requestWithoutReading(String unit, String authorization) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4 * 1024);
        socket.connect(new InetSocketAddress(exports.getHost(), exports.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + exports.getPath() + "?unitCode=" + unit + " HTTP/1.1\r\nHost: " + exports.getHost() + ":"
                + exports.getPort() + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * The last bytes the server sent before it closed the connection, as text; each read is bounded by the socket's
     * read timeout, and the whole by a deadline.
     */
    private static String tailOf(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        byte[] tail = new byte[0];
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server still sends after 30 s");
                }
                byte[] joined = Arrays.copyOf(tail, tail.length + read);
                System.arraycopy(buffer, 0, joined, tail.length, read);
                tail = Arrays.copyOfRange(joined, Math.max(0, joined.length - 256), joined.length);
            }
        } catch (SocketException reset) {
            // The connection was reset with data still on its way: the tail read so far is the answer.
        }
        return new String(tail, StandardCharsets.UTF_8);
    }
}
