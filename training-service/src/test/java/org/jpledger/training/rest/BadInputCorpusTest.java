package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.rest.BadInputCorpus.Case;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request of the bad-input corpus ({@code bad-input/*.json}) is answered with its exact 4xx as problem+json
 * naming what is wrong (a batch or an import: every item refused), never a 5xx, and changes nothing a write touches.
 */
@QuarkusTest
class BadInputCorpusTest {

    /**
     * What a write changes: the rows of every table it writes, and the versions of the rows it updates. The audit log
     * is left out on purpose: every call of an audited endpoint is logged there, refused ones too, after the answer.
     */
    private static final String STATE = """
            SELECT 'unit', count(*), coalesce(sum(version), 0) FROM unit
            UNION ALL SELECT 'employee', count(*), coalesce(sum(version), 0) FROM employee
            UNION ALL SELECT 'employee_unit_assignment', count(*), 0 FROM employee_unit_assignment
            UNION ALL SELECT 'employee_position_assignment', count(*), 0 FROM employee_position_assignment
            UNION ALL SELECT 'employee_exemption', count(*), count(deleted_at) FROM employee_exemption
            UNION ALL SELECT 'completion', count(*), coalesce(sum(version), 0) FROM completion
            UNION ALL SELECT 'completion_history', count(*), 0 FROM completion_history
            UNION ALL SELECT 'completion_duplicate', count(*), count(decided_at) FROM completion_duplicate
            UNION ALL SELECT 'outbox_event', count(*), 0 FROM outbox_event
            UNION ALL SELECT 'recognition_rule_set', count(*), 0 FROM recognition_rule_set
            UNION ALL SELECT 'recognition_day_rate', count(*), 0 FROM recognition_day_rate
            UNION ALL SELECT 'xapi_statement', count(*), count(voided_by) FROM xapi_statement
            UNION ALL SELECT 'xapi_attachment', count(*), 0 FROM xapi_attachment
            UNION ALL SELECT 'xapi_activity', count(*), 0 FROM xapi_activity
            UNION ALL SELECT 'xapi_attachment_holder', count(*), 0 FROM xapi_attachment_holder
            UNION ALL SELECT 'xapi_document', count(*), 0 FROM xapi_document
            UNION ALL SELECT 'trusted_source', count(*), 0 FROM trusted_source
            UNION ALL SELECT 'evidence_blob', count(*), 0 FROM evidence_blob
            UNION ALL SELECT 'completion_evidence', count(*), 0 FROM completion_evidence
            UNION ALL SELECT 'evidence_requirement', count(*), count(*) FILTER (WHERE file_required)
                FROM evidence_requirement""";
    private static final String CSV_HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId";
    private static final ObjectMapper JSON = new ObjectMapper();
    // The JDK client sends exactly the bytes and headers a case names; REST Assured would add a content type, charset.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A unit, an employee in it, a completion amended once (version 2) and a voided one, built once. */
    private static Map<String, String> fixture;

    @Inject
    DataSource dataSource;

    static Stream<String> corpus() {
        return BadInputCorpus.cases().keySet().stream();
    }

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = buildFixture();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemNamingItAndChangesNothing(String id) throws Exception {
        Case bad = BadInputCorpus.cases().get(id);
        Assumptions.assumeTrue(bad.skip() == null, () -> "left out: " + bad.skip());
        Map<String, String> values = values();
        Map<String, String> before = state();

        HttpResponse<byte[]> answer = send(bad, values);

        String text = new String(answer.body(), StandardCharsets.UTF_8);
        // The case id leads every message: Surefire's reports number parameterized cases instead of naming them.
        String shown = id + " was answered " + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text);
        assertThat(answer.statusCode()).as("status; %s", shown).isLessThan(500).isEqualTo(bad.status());
        String type = answer.headers().firstValue("Content-Type").orElse("");
        assertThat(type).as("content type; %s", shown)
                .startsWith(bad.itemStatus() == null ? Problem.MEDIA_TYPE : "application/json");
        JsonNode json = JSON.readTree(text);
        if (bad.itemStatus() == null) {
            assertNamesTheProblem(json, bad.status(), bad, shown);
        } else {
            assertEveryItemRefused(json, bad, shown);
        }
        assertThat(state()).as("rows and versions after %s", id).isEqualTo(before);
    }

    /**
     * The anonymous-flood axis: each case sent without a valid token (none at all, or a forged one) is refused, never
     * a 5xx, changes nothing, and costs the audit log no row (it is counted and tallied by AnonymousRefusals).
     */
    @ParameterizedTest(name = "{0} without a valid token")
    @MethodSource("corpus")
    void isRefusedWithoutAValidTokenAtTheCostOfACounterNotARow(String id) throws Exception {
        Case bad = BadInputCorpus.cases().get(id);
        Assumptions.assumeTrue(bad.skip() == null, () -> "left out: " + bad.skip());
        Map<String, String> values = values();
        Map<String, String> before = state();
        long auditRows = settledAuditRows();

        HttpResponse<byte[]> answer = send(bad, values, id.hashCode() % 2 == 0 ? "" : "Bearer forged.token.value");

        assertThat(answer.statusCode()).as("status of %s without a valid token", id).isBetween(400, 499);
        assertThat(state()).as("rows and versions after %s", id).isEqualTo(before);
        assertThat(auditRows()).as("audit rows after %s without a valid token", id).isEqualTo(auditRows);
    }

    /** The fixture's values, and a fresh external id and CSV row for this case. */
    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>(fixture);
        values.put("fresh", "bad-input-" + UUID.randomUUID());
        values.put("csvRow", values.get("nip") + ",Pelatihan Analisis Kebijakan,3,TEKNIS,LURING,BPSDMD,2026-03-02,"
                + "2026-03-05,24,bad-input," + values.get("fresh"));
        return values;
    }

    /** A batch or an import answers 200 with one result per item: here each must be refused, none recorded. */
    private static void assertEveryItemRefused(JsonNode answer, Case bad, String shown) {
        assertThat(answer.path("created").asInt(-1)).as("created; %s", shown).isZero();
        assertThat(answer.path("existing").asInt(-1)).as("existing; %s", shown).isZero();
        List<JsonNode> problems = new ArrayList<>();
        if (answer.has("items")) {
            answer.get("items").forEach(item -> problems.add(item.path("problem")));
        } else {
            assertThat(answer.path("failed").asLong()).as("failed rows; %s", shown)
                    .isEqualTo(answer.path("rows").asLong());
            answer.path("errors").forEach(row -> problems.add(row.path("problem")));
        }
        assertThat(problems).as("refused items; %s", shown).isNotEmpty();
        problems.forEach(problem -> assertNamesTheProblem(problem, bad.itemStatus(), bad, shown));
    }

    private static void assertNamesTheProblem(JsonNode problem, int status, Case bad, String shown) {
        assertThat(problem.path("status").asInt()).as("problem status; %s", shown).isEqualTo(status);
        assertThat(problem.path("title").asText()).as("problem title; %s", shown).isNotBlank();
        List<String> fields = new ArrayList<>();
        StringBuilder said = new StringBuilder(problem.path("detail").asText());
        problem.path("errors").forEach(error -> {
            fields.add(error.path("field").asText());
            said.append('\n').append(error.path("reason").asText());
        });
        if (!bad.fields().isEmpty()) {
            assertThat(fields).as("fields the problem names; %s", shown).containsAnyElementsOf(bad.fields());
        }
        if (bad.says() != null) {
            assertThat(said.toString()).as("what the problem says; %s", shown).containsIgnoringCase(bad.says());
        }
    }

    private static HttpResponse<byte[]> send(Case bad, Map<String, String> values) throws IOException,
            InterruptedException {
        return send(bad, values, null);
    }

    /** Sends the case; with {@code authorization} ("" for none) in place of any Authorization the case names. */
    private static HttpResponse<byte[]> send(Case bad, Map<String, String> values, String authorization)
            throws IOException, InterruptedException {
        byte[] body = bad.body(values::get);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + BadInputCorpus.resolve(bad.path(), values::get)))
                .timeout(Duration.ofMinutes(2))
                .method(bad.method(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        Map<String, String> headers = bad.headers();
        headers.forEach((name, value) -> {
            if (authorization == null || !name.equalsIgnoreCase("Authorization")) {
                request.header(name, BadInputCorpus.resolve(value, values::get));
            }
        });
        if (authorization != null) {
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
        } else if (!headers.containsKey("Authorization")) {
            // Every role over the whole tree; a client of its own, so that no case spends another's rate allowance.
            request.header("Authorization", TestTokens.bearer(Token.withRoles(Access.ROLES.toArray(String[]::new))
                    .units(Access.ALL_UNITS).subject("bad-input-corpus").client("bad-input-" + bad.id())));
        }
        return HTTP.send(request.build(), BodyHandlers.ofByteArray());
    }

    /** The audit rows once the entries of earlier requests, written just after their answers, have all landed. */
    private long settledAuditRows() throws SQLException, InterruptedException {
        long rows = auditRows();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            long again = auditRows();
            if (again == rows) {
                return rows;
            }
            rows = again;
        }
        return rows;
    }

    private long auditRows() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT count(*) FROM audit_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Map<String, String> state() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery(STATE)) {
            Map<String, String> state = new LinkedHashMap<>();
            while (rows.next()) {
                state.put(rows.getString(1), rows.getLong(2) + " rows, versions summing to " + rows.getLong(3));
            }
            return state;
        }
    }

    private static Map<String, String> buildFixture() {
        String unit = freshUnit();
        String otherUnit = freshUnit();
        for (String code : List.of(unit, otherUnit)) {
            given().contentType(ContentType.JSON).body(unitJson("Unit " + code, null)).put("/api/v1/units/{code}", code)
                    .then().statusCode(201);
        }
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        String externalId = "bad-input-fixture-" + UUID.randomUUID();
        String amended = record(completionJson(nip, externalId), null);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .put("/api/v1/completions/{id}", amended).then().statusCode(200);
        // Titles of their own: the fixture's completions must not be possible duplicates of each other.
        String voided = record(completionJson(nip, "bad-input-fixture-" + UUID.randomUUID())
                .replace("Pelatihan Analisis Kebijakan", "Kursus Kearsipan"), null);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"Duplikat\"}")
                .post("/api/v1/completions/{id}/void", voided).then().statusCode(200);
        String idempotencyKey = "bad-input-key-" + UUID.randomUUID();
        record(completionJson(nip, "bad-input-fixture-" + UUID.randomUUID())
                .replace("Pelatihan Analisis Kebijakan", "Seminar Literasi Digital"), idempotencyKey);
        // A possible duplicate pair: one certificate reported twice, in January.
        List<String> pair = new ArrayList<>();
        for (String title : List.of("Manajemen Risiko", "Tata Kelola Data")) {
            pair.add(record(completionJson(nip, "bad-input-fixture-" + UUID.randomUUID())
                    .replace("Pelatihan Analisis Kebijakan", title)
                    .replace("\"startDate\":\"2026-03-02\"", "\"startDate\":\"2026-01-05\"")
                    .replace("\"endDate\":\"2026-03-05\"", "\"endDate\":\"2026-01-06\"")
                    .replace("\"jp\":24", "\"jp\":8,\"certificateNumber\":\"BAD-INPUT-" + nip + "\""), null));
        }
        Map<String, String> values = new HashMap<>();
        values.put("unit", unit);
        values.put("otherUnit", otherUnit);
        values.put("nip", nip);
        values.put("newNip", freshNip());
        values.put("completionId", amended);
        values.put("version", "2");
        values.put("staleVersion", "1");
        values.put("voidedId", voided);
        values.put("originalId", pair.get(0));
        values.put("duplicateId", pair.get(1));
        values.put("sourceSystem", "test-lms");
        values.put("externalId", externalId);
        values.put("idempotencyKey", idempotencyKey);
        values.put("tomorrow", LocalDate.now(TrainingCalendar.ZONE).plusDays(1).toString());
        values.put("csvHeader", CSV_HEADER);
        // The suite's token recorded the fixture: deciding on it takes another subject.
        values.put("verifierToken", TestTokens.bearer(Token.withRoles(Access.TRAINING_VERIFIER).units(Access.ALL_UNITS)
                .subject("bad-input-verifier")));
        return Map.copyOf(values);
    }

    private static String record(String completion, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(completion);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }
}
