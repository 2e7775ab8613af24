package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.registeredEmployee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.Test;

/**
 * A CSV import never holds a line or a cell longer than its cap (jpledger.ingest.csv-max-line-chars and
 * csv-max-field-chars): bodies of many megabytes on one line are refused as they stream in, and the service goes on.
 */
@QuarkusTest
class CsvImportLimitsTest {

    private static final String HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n";
    /** The default of jpledger.ingest.csv-max-line-chars and of csv-max-field-chars, and of import-chunk-rows. */
    private static final int LINE_CAP = 65_536;
    private static final int FIELD_CAP = 8_192;
    private static final int CHUNK_ROWS = 500;
    private static final long TWENTY_MB = 20L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    CompletionRepository completions;

    @Test
    void refusesATwentyMegabyteBodyWithoutALineBreakAsItStreamsAndStaysUp() throws Exception {
        HttpResponse<String> answer = stream(InputStream.nullInputStream(), "x".getBytes(StandardCharsets.UTF_8),
                TWENTY_MB);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("header");
        assertThat(problem.at("/errors/0/reason").asText()).contains(String.valueOf(LINE_CAP));
        assertServiceStillImports();
    }

    @Test
    void refusesAQuoteLeftOpenForTwentyMegabytesNamingTheRowAndRecordingNothing() throws Exception {
        String nip = registeredEmployee();
        String prefix = "open-quote-" + UUID.randomUUID();
        String start = HEADER + row(nip, prefix + "-1") + nip + ",\"Pelatihan";

        HttpResponse<String> answer = stream(new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)),
                ",x\r\n".getBytes(StandardCharsets.UTF_8), TWENTY_MB);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("row");
        assertThat(problem.at("/errors/0/reason").asText()).startsWith("row 2 ").contains("column 'title'")
                .contains("quote left open");
        assertThat(recorded(prefix)).isZero();
        assertServiceStillImports();
    }

    @Test
    void endsAnImportAtALineOverTheLimitAfterRowsAlreadyRecordedAndReportsIt() {
        String nip = registeredEmployee();
        String prefix = "late-long-line-" + UUID.randomUUID();
        String rows = IntStream.rangeClosed(1, CHUNK_ROWS).mapToObj(i -> row(nip, prefix + "-" + i))
                .collect(Collectors.joining());
        String csv = HEADER + rows + nip + ",Pelatihan,3,TEKNIS,LURING," + "B".repeat(LINE_CAP) + "\n"
                + row(nip, prefix + "-after");

        var answer = importing(csv).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getLong("rows")).isEqualTo(CHUNK_ROWS + 1);
        assertThat(answer.getLong("created")).isEqualTo(CHUNK_ROWS);
        assertThat(answer.getLong("failed")).isEqualTo(1);
        assertThat(answer.getLong("errors[0].row")).isEqualTo(CHUNK_ROWS + 1);
        assertThat(answer.getInt("errors[0].problem.status")).isEqualTo(413);
        assertThat(answer.getString("errors[0].problem.errors[0].reason")).contains("column 'provider'");
        assertThat(recorded(prefix)).isEqualTo(CHUNK_ROWS);
    }

    @Test
    void refusesARowWithACellOverTheLimitAloneAndRecordsTheRowsAroundIt() {
        String nip = registeredEmployee();
        String prefix = "long-cell-" + UUID.randomUUID();
        String csv = HEADER + row(nip, prefix + "-1") + nip + ",\"" + "t".repeat(FIELD_CAP + 1)
                + "\",3,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05,24,test-lms," + prefix + "-2\n"
                + row(nip, prefix + "-3");

        var answer = importing(csv).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getLong("rows")).isEqualTo(3);
        assertThat(answer.getLong("created")).isEqualTo(2);
        assertThat(answer.getLong("errors[0].row")).isEqualTo(2);
        assertThat(answer.getInt("errors[0].problem.status")).isEqualTo(400);
        assertThat(answer.getString("errors[0].problem.errors[0].field")).isEqualTo("title");
        assertThat(recorded(prefix)).isEqualTo(2);
    }

    @Test
    void acceptsACellOfExactlyTheLimit() {
        String nip = registeredEmployee();
        String prefix = "cell-at-limit-" + UUID.randomUUID();
        // A free-text cell the record keeps no longer than 300 characters would be refused for that: the NIP cell,
        // padded with spaces that are trimmed, reaches the cap without breaking another rule.
        String csv = HEADER + nip + " ".repeat(FIELD_CAP - nip.length())
                + ",Pelatihan,3,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05,24,test-lms," + prefix + "\r\n";

        importing(csv).then().statusCode(200).body("created", equalTo(1));
        assertThat(recorded(prefix)).isEqualTo(1);
    }

    private void assertServiceStillImports() {
        given().get("/q/health/live").then().statusCode(200);
        String nip = registeredEmployee();
        String prefix = "after-" + UUID.randomUUID();
        importing(HEADER + row(nip, prefix)).then().statusCode(200).body("created", equalTo(1));
        assertThat(recorded(prefix)).isEqualTo(1);
    }

    private long recorded(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> completions.count("externalId like ?1", prefix + "%"));
    }

    private static String row(String nip, String externalId) {
        return nip + ",Pelatihan Analisis Kebijakan,3,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05,24,test-lms,"
                + externalId + "\n";
    }

    /** Each test a client of its own, so that none spends another's allowance of imports. */
    private static String token() {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .client("csv-limits-" + UUID.randomUUID()).subject("csv-limits-test"));
    }

    private static Response importing(String csv) {
        return given().header("Authorization", token()).contentType("text/csv").body(csv)
                .post("/api/v1/completions/import");
    }

    /**
     * Posts {@code start} followed by {@code unit} repeated to {@code bytes} in all, generated as it is sent (chunked, no
     * Content-Length), so that neither side can know the size in advance.
     */
    private static HttpResponse<String> stream(InputStream start, byte[] unit, long bytes) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/completions/import"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "text/csv")
                .header("Authorization", token())
                .POST(BodyPublishers.ofInputStream(() -> new SequenceInputStream(start, new Repeating(unit, bytes))))
                .build();
        return HTTP.send(request, BodyHandlers.ofString());
    }

    /** {@code unit} over and over, {@code length} bytes in all, made as it is read. */
    private static final class Repeating extends InputStream {
        private final byte[] unit;
        private final long length;
        private long position;

        Repeating(byte[] unit, long length) {
            this.unit = unit;
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? unit[(int) (position++ % unit.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = unit[(int) (position++ % unit.length)];
            }
            return n;
        }
    }
}
