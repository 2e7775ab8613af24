package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.support.audit.AnonymousRefusals;
import org.jpledger.support.audit.AuditPartitions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log: records, refusals for a role or a unit, and attempts without a valid token all appear with who, what
 * and how it ended; admins find them by time, subject and target; the database refuses to change or remove an entry.
 */
@QuarkusTest
class AuditLogTest {

    private static final Duration WRITTEN = Duration.ofSeconds(10);
    private static final int FLOOD = 300;

    @Inject
    DataSource dataSource;

    @Inject
    AnonymousRefusals anonymousRefusals;

    @Inject
    AuditPartitions auditPartitions;

    private String run;
    private String home;
    private String homeNip;
    private String awayNip;
    private String admin;
    private String writerSubject;
    private String writer;

    /** An employee in the writer's unit and one in another unit; then requests carry only the tokens they name. */
    @BeforeEach
    void employeesThenNoDefaultToken() {
        run = UUID.randomUUID().toString().substring(0, 8);
        home = "AUD-" + run + "-HOME";
        String away = "AUD-" + run + "-AWAY";
        for (String unit : List.of(home, away)) {
            given().contentType(ContentType.JSON).body(unitJson("Unit " + unit, null)).put("/api/v1/units/{code}", unit)
                    .then().statusCode(201);
        }
        homeNip = employee(home);
        awayNip = employee(away);
        RestAssured.replaceFiltersWith(new ArrayList<>());
        admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("auditor-" + run));
        writerSubject = "writer-" + run;
        writer = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(home).subject(writerSubject)
                .client("lms-" + run));
    }

    @Test
    void showsARecordARefusalOutsideTheUnitsAndAnAttemptWithoutTokenWithWhoWhatAndHow() {
        String externalId = "aud-" + UUID.randomUUID();
        String id = given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(homeNip, externalId)).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(awayNip, "aud-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"no token\"}")
                .post("/api/v1/completions/{id}/void", id)
                .then().statusCode(401);

        Map<String, Object> recorded = theOnly("target", id, "subject", writerSubject);
        assertThat(recorded).containsEntry("action", "completion.record").containsEntry("outcome", "done")
                .containsEntry("status", 201).containsEntry("targetNip", homeNip).containsEntry("targetId", id)
                .containsEntry("client", "lms-" + run).containsEntry("roles", Access.TRAINING_WRITER)
                .containsEntry("scope", home)
                .containsEntry("details", Map.of("sourceSystem", "test-lms", "externalId", externalId));

        Map<String, Object> refused = theOnly("target", awayNip, "subject", writerSubject);
        assertThat(refused).containsEntry("action", "completion.record").containsEntry("subject", writerSubject)
                .containsEntry("outcome", "refused").containsEntry("status", 403).containsEntry("targetNip", awayNip);

        anonymousRefusals.flush();
        assertThat(search("subject", "anonymous")).filteredOn(e -> "completion.void".equals(e.get("action")))
                .anySatisfy(tally -> {
                    assertThat(tally).containsEntry("outcome", "refused").containsEntry("status", 401);
                    assertThat(details(tally)).containsEntry("reason", "no-credentials")
                            .containsEntry("source", "127.0.0.1");
                    assertThat(paths(tally)).contains("/api/v1/completions/" + id + "/void");
                });
    }

    @Test
    void countsAFloodOfCallsWithoutAValidTokenInOneEntryInsteadOfARowEach() throws SQLException {
        String longCode = "X".repeat(2048);
        anonymousRefusals.flush();
        long rowsBefore = auditRows();
        for (int i = 0; i < FLOOD; i++) {
            var request = given().contentType(ContentType.JSON).body(unitJson("Flood", null));
            if (i % 2 == 0) {
                request.header("Authorization", "Bearer not-a-token");
            }
            request.put("/api/v1/units/{code}", longCode + i).then().statusCode(401);
        }

        assertThat(auditRows()).isEqualTo(rowsBefore);
        anonymousRefusals.flush();
        assertThat(auditRows()).isEqualTo(rowsBefore + 2);
        List<Map<String, Object>> tallies = search("subject", "anonymous").subList(0, 2);
        assertThat(tallies).extracting(e -> e.get("action")).containsOnly("unit.upsert");
        assertThat(tallies).extracting(e -> details(e).get("reason"))
                .containsExactlyInAnyOrder("no-credentials", "invalid-credentials");
        assertThat(tallies).extracting(e -> details(e).get("count")).containsOnly(FLOOD / 2);
        assertThat(tallies).flatExtracting(AuditLogTest::paths)
                .hasSizeLessThanOrEqualTo(10).allSatisfy(path -> assertThat(path).hasSizeLessThan(100));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString(
                "jpledger_audit_anonymous_refusals_total{action=\"unit.upsert\",reason=\"invalid-credentials\"}"));
    }

    @Test
    void dropsOnlyWholeMonthsPastTheRetentionAndAuditsThePurge() throws SQLException {
        YearMonth expired = YearMonth.now(ZoneOffset.UTC).minusMonths(61);
        YearMonth kept = YearMonth.now(ZoneOffset.UTC).minusMonths(59);
        String partition = String.format("audit_entry_y%04dm%02d", expired.getYear(), expired.getMonthValue());
        for (YearMonth month : List.of(expired, kept)) {
            auditPartitions.make(month);
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO audit_entry (at, subject, roles, scope, action, outcome, status) VALUES ('"
                        + month.atDay(15) + " 12:00:00+00', 'old-" + run + "', '', '', 'old.act', 'done', 200)");
            }
        }

        given().header("Authorization", writer).post("/api/v1/admin/audit/purge").then().statusCode(403);
        given().header("Authorization", admin).post("/api/v1/admin/audit/purge")
                .then().statusCode(200).body("retentionMonths", equalTo(60))
                .body("keptFrom", equalTo(YearMonth.now(ZoneOffset.UTC).minusMonths(60).toString()))
                .body("dropped", hasItem(partition));

        assertThat(search("subject", "old-" + run)).extracting(e -> e.get("at").toString())
                .singleElement().asString().startsWith(kept.toString());
        Map<String, Object> purge = await().atMost(WRITTEN).until(() -> search("subject", "auditor-" + run).stream()
                .filter(e -> "audit.purge".equals(e.get("action"))).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(purge).containsEntry("outcome", "done").containsEntry("status", 200);
        assertThat(String.valueOf(details(purge).get("dropped"))).contains(partition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("details");
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(Map<String, Object> entry) {
        return (List<String>) details(entry).get("paths");
    }

    private long auditRows() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM audit_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void namesTheTargetsOfRosterChangesAmendmentsAndVoidsAndTheCountsOfBatchesAndImports() {
        String rosterAdmin = TestTokens.bearer(Token.withRoles(Access.ROSTER_ADMIN).units(home).subject(writerSubject));
        String nip = freshNip();
        given().header("Authorization", rosterAdmin).contentType(ContentType.JSON).body(employeeJson(home))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(201);
        String externalId = "aud-" + UUID.randomUUID();
        String id = given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(homeNip, externalId)).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", writer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(homeNip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .put("/api/v1/completions/{id}", id).then().statusCode(200);
        given().header("Authorization", writer).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"reason\":\"Sertifikat ganda\"}").post("/api/v1/completions/{id}/void", id)
                .then().statusCode(200);
        String batch = "aud-" + UUID.randomUUID();
        given().header("Authorization", writer).contentType(ContentType.JSON)
                .body("[" + String.join(",", completionJson(homeNip, batch + "-1"),
                        completionJson(homeNip, batch + "-1"), completionJson(awayNip, batch + "-2"),
                        completionJson(homeNip, batch + "-3").replace("\"kindId\":3", "\"kindId\":99")) + "]")
                .post("/api/v1/completions/batch").then().statusCode(200);
        given().header("Authorization", writer).contentType("text/csv")
                .body("nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,"
                        + "externalId\n"
                        + homeNip + ",Kursus,3,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv," + batch + "-4\n"
                        + awayNip + ",Kursus,3,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv," + batch + "-5\n")
                .post("/api/v1/completions/import").then().statusCode(200);

        Map<String, Object> registered = theOnly("target", nip);
        assertThat(registered).containsEntry("action", "employee.upsert").containsEntry("targetUnit", home)
                .containsEntry("status", 201);
        List<Map<String, Object>> changes = entries(3, "target", id);
        assertThat(changes).extracting(e -> e.get("action"))
                .containsExactly("completion.void", "completion.amend", "completion.record");
        assertThat(changes).extracting(e -> e.get("targetNip")).containsOnly(homeNip);
        List<Map<String, Object>> bulk = entries(6, "subject", writerSubject).stream()
                .filter(e -> List.of("completion.batch", "completion.import").contains(e.get("action"))).toList();
        assertThat(bulk).extracting(e -> e.get("details")).containsExactly(
                Map.of("rows", 2, "recorded", 1, "replayed", 0, "rejected", 1),
                Map.of("items", 4, "recorded", 1, "replayed", 1, "rejected", 1, "refused", 1));
    }

    @Test
    void findsEntriesByTimeSubjectAndTarget() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(2);
        String id = given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(homeNip, "aud-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(awayNip, "aud-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(403);
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);

        List<Map<String, Object>> bySubject = entries(2, "subject", writerSubject);
        assertThat(bySubject).extracting(e -> e.get("outcome")).containsExactly("refused", "done");
        assertThat(search("subject", writerSubject, "from", start.toString(), "to", end.toString())).hasSize(2);
        assertThat(search("subject", writerSubject, "to", start.toString())).isEmpty();
        assertThat(search("subject", writerSubject, "from", end.toString())).isEmpty();
        assertThat(search("target", homeNip, "subject", writerSubject)).extracting(e -> e.get("targetId"))
                .containsExactly(id);
        assertThat(search("target", id, "subject", "someone-else-" + run)).isEmpty();
    }

    @Test
    void refusesToUpdateOrDeleteAnEntryInTheDatabase() throws SQLException {
        given().header("Authorization", admin).get("/api/v1/admin/audit").then().statusCode(200);
        // Each search is itself an audited call of the auditor's, so their number grows while we look.
        await().atMost(WRITTEN).until(() -> search("subject", "auditor-" + run), entries -> !entries.isEmpty());

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_entry SET subject = 'someone else' "
                    + "WHERE subject = 'auditor-" + run + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_entry WHERE subject = 'auditor-" + run + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(search("subject", "auditor-" + run)).isNotEmpty();
    }

    /** The admin's search with these query parameters (name, value, ...), newest first. */
    private List<Map<String, Object>> search(String... parameters) {
        var request = given().header("Authorization", admin);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        JsonPath page = request.get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath();
        return page.getList("entries");
    }

    /**
     * The {@code count} entries a search finds, once all are written: the entry of a request refused before it reached
     * a worker thread is written just after the answer.
     */
    private List<Map<String, Object>> entries(int count, String... parameters) {
        List<Map<String, Object>> found = await().atMost(WRITTEN)
                .until(() -> search(parameters), entries -> entries.size() >= count);
        assertThat(found).hasSize(count);
        return found;
    }

    private Map<String, Object> theOnly(String... parameters) {
        return entries(1, parameters).get(0);
    }

    private static String employee(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }
}
