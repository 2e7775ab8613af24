package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.support.audit.AnonymousRefusals;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log of reporting-service: policy changes, refusals for a role and attempts without a valid token appear
 * with who, what and how it ended; admins find them by time, subject and target; the database refuses to change or
 * remove an entry; and rebuilds are rate-limited per client.
 */
@QuarkusTest
class AuditLogTest {

    private static final Duration WRITTEN = Duration.ofSeconds(10);

    @Inject
    AnonymousRefusals anonymousRefusals;

    @Inject
    DataSource dataSource;

    private String run;
    private String admin;

    @BeforeEach
    void noDefaultToken() {
        run = UUID.randomUUID().toString().substring(0, 8);
        admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("auditor " + run));
        RestAssured.replaceFiltersWith(new ArrayList<>());
    }

    @Test
    void showsAPolicyChangeARoleRefusalAndAnAttemptWithoutTokenWithWhoWhatAndHow() {
        String policyAdmin = "policy desk " + run;
        String reader = "dashboard " + run;
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).subject(policyAdmin)
                .client("policy-console"))).contentType(ContentType.JSON).body("{\"targetJp\":30}")
                .put("/api/v1/policies/{year}", 2091).then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units("32")
                .subject(reader))).contentType(ContentType.JSON).body("{\"targetJp\":10}")
                .put("/api/v1/policies/{year}", 2091).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"targetJp\":10}").put("/api/v1/policies/{year}", 2091)
                .then().statusCode(401);

        List<Map<String, Object>> entries = awaitEntries("target=2091", 2);
        assertThat(entries).extracting(e -> e.get("subject"), e -> e.get("action"), e -> e.get("outcome"),
                e -> e.get("status")).containsExactly(
                        tuple(policyAdmin, "policy.replace", "done", 201),
                        tuple(reader, "policy.replace", "refused", 403));
        // The attempt without a token is no row of its own: it is in the next tally of anonymous refusals.
        anonymousRefusals.flush();
        assertThat(search("subject=anonymous")).filteredOn(e -> "policy.replace".equals(e.get("action")))
                .extracting(e -> String.valueOf(((Map<?, ?>) e.get("details")).get("paths")))
                .anySatisfy(paths -> assertThat(paths).contains("/api/v1/policies/2091"));
        Map<String, Object> done = entries.get(0);
        assertThat(done.get("client")).isEqualTo("policy-console");
        assertThat(done.get("roles")).isEqualTo(Access.POLICY_ADMIN);
        assertThat(done.get("targetId")).isEqualTo("2091");
        assertThat(done.get("details")).isEqualTo(Map.of("year", "2091", "targetJp", 30));
        assertThat(entries.get(1).get("scope")).isEqualTo("32");
    }

    @Test
    void findsEntriesByTimeAndSubjectAndAuditsItsOwnReading() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String subject = "policy desk " + run;
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).subject(subject)))
                .contentType(ContentType.JSON).body("{\"targetJp\":22}").put("/api/v1/policies/{year}", 2092)
                .then().statusCode(201);

        assertThat(awaitEntries("subject=" + subject, 1)).singleElement()
                .satisfies(e -> assertThat(e.get("targetId")).isEqualTo("2092"));
        assertThat(search("subject=" + subject + "&from=" + before + "&to=" + before.plusMinutes(10))).hasSize(1);
        assertThat(search("subject=" + subject + "&to=" + before)).isEmpty();
        // Reading the log is itself an audited act.
        assertThat(awaitEntries("subject=auditor " + run, 3)).extracting(e -> e.get("action")).containsOnly("audit.read");
        given().header("Authorization", admin).get("/api/v1/admin/audit?from=tomorrow").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void auditsEveryReadOfAnEmployeesFiguresAndOfEmployeeLists() {
        String reader = "unit head " + run;
        String token = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units("*").subject(reader));
        String nip = "19850312201001" + String.format("%04d", Math.abs(run.hashCode()) % 10_000);
        given().header("Authorization", token).get("/api/v1/compliance/employees/{nip}?year=2091", nip);
        given().header("Authorization", token).get("/api/v1/compliance/units/{code}/employees?year=2091&status=NOT_MET",
                "AUD-" + run);
        given().header("Authorization", token).get("/api/v1/compliance/summary/employees?search=Siti").then()
                .statusCode(200);

        List<Map<String, Object>> reads = awaitEntries("subject=" + reader, 3);
        assertThat(reads).extracting(e -> e.get("action"), e -> e.get("targetNip"), e -> e.get("targetUnit"))
                .containsExactly(tuple("compliance.employee.read", nip, null),
                        tuple("compliance.employees.read", null, "AUD-" + run),
                        tuple("compliance.employees.read", null, null));
        assertThat(reads.get(0).get("details")).isEqualTo(Map.of("year", 2091));
        assertThat(reads.get(1).get("details")).isEqualTo(Map.of("year", 2091, "status", "NOT_MET"));
        assertThat(reads.get(2).get("details")).isEqualTo(Map.of("search", "Siti"));
    }

    @Test
    void refusesToUpdateOrDeleteAnEntryInTheDatabase() throws Exception {
        given().header("Authorization", admin).get("/api/v1/admin/audit").then().statusCode(200);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_entry SET subject = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_entry"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void limitsRebuildsPerClientWithRetryAfter() {
        String busy = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("ops " + run).client("ops-" + run));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(given().header("Authorization", busy).post("/api/v1/admin/rebuild").statusCode());
        }
        // The first call starts a rebuild; while it runs the others are told so (409): all of them count.
        assertThat(statuses).allMatch(status -> status == 202 || status == 409);

        Response refused = given().header("Authorization", busy).post("/api/v1/admin/rebuild");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        String other = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("other " + run).client("other-" + run));
        assertThat(given().header("Authorization", other).post("/api/v1/admin/rebuild").statusCode()).isIn(202, 409);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> List.of("DONE", "FAILED")
                .contains(given().header("Authorization", admin).get("/api/v1/admin/rebuild").jsonPath()
                        .getString("state")));
    }

    /** The entries matching {@code query}, oldest first, once there are {@code count} of them. */
    private List<Map<String, Object>> awaitEntries(String query, int count) {
        return await().atMost(WRITTEN).until(() -> search(query), entries -> entries.size() >= count);
    }

    private List<Map<String, Object>> search(String query) {
        JsonPath page = given().header("Authorization", admin).get("/api/v1/admin/audit?" + query.replace("+", "%2B"))
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = new ArrayList<>(page.getList("entries"));
        Collections.reverse(entries);
        return entries;
    }
}
