package org.jpledger.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a year writes a snapshot equal to the live answers of that moment with its manifest, refuses what it must,
 * freezes the policies it covers, and is reopened by an admin alone; closing again writes the next version. Years of
 * their own (2021 for subtrees of fresh units, 2020 closed whole and reopened within its test) keep other tests'
 * policies free.
 */
@QuarkusTest
class YearClosingTest {

    private static final int YEAR = 2021;
    private static final int WHOLE_YEAR = 2020;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    ComplianceRepository compliance;

    private LedgerEvents events;
    private Projections projections;
    private String run;
    private String root;
    private String child;
    private String other;
    private final List<String> nips = new ArrayList<>();
    private RecordMetadata last;

    @BeforeEach
    void buildTheTree() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(2026, 2, 3, 9, 0));
        run = UUID.randomUUID().toString().substring(0, 8);
        root = "CLO-" + run;
        child = "CLOC-" + run;
        other = "CLOO-" + run;
        events.unit(root, "Provinsi " + run, 1);
        events.unit(other, "Provinsi Lain " + run, 1);
        projections.awaitHandled(events.unit(child, "Dinas " + run, root, 1));
        nips.add(employee(root, "Ahmad", "25"));
        nips.add(employee(child, "Budi", "3"));
        nips.add(employee(child, "Citra", null));
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void closesASubtreeWithASnapshotEqualToTheLiveAnswersAndItsManifest() throws Exception {
        JsonPath closing = close(YEAR, root, "SK Kepala BKD " + run).statusCode(201)
                .body("year", equalTo(YEAR)).body("unitCode", equalTo(root)).body("version", equalTo(1))
                .body("state", equalTo("STANDING")).body("ratedOn", equalTo(YEAR + "-12-31"))
                .body("closedBy", equalTo(TestTokens.TEST_SUITE)).body("employeeRows", equalTo(3))
                .body("unitRows", equalTo(3)).body("note", equalTo("SK Kepala BKD " + run))
                .extract().jsonPath();
        long id = closing.getLong("id");

        for (String nip : nips) {
            String live = Compliance.of(nip, YEAR).statusCode(200).extract().asString();
            assertThat(withoutAsOf(stored("SELECT answer::text FROM closing_employee WHERE closing_id = ? AND nip = ?",
                    id, nip))).isEqualTo(withoutAsOf(live));
        }
        for (String unit : List.of(root, child)) {
            String live = Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/units/{code}", unit)
                    .then().statusCode(200).extract().asString();
            assertThat(withoutAsOf(stored("SELECT answer::text FROM closing_unit WHERE closing_id = ? "
                    + "AND unit_code = ?", id, unit))).isEqualTo(withoutAsOf(live));
        }
        assertThat(mapper.readTree(stored("SELECT answer::text FROM closing_unit WHERE closing_id = ? "
                + "AND unit_code = ?", id, "")).path("figures").path("headcount").asInt()).isEqualTo(3);

        // The manifest: the policies rated with, the offsets under the lock, the rule versions, the digest.
        String policies = QuarkusTransaction.requiringNew().call(() -> compliance.policiesOf(YEAR).policies());
        assertThat((JsonNode) mapper.valueToTree(closing.getMap("policies"))).isEqualTo(mapper.readTree(policies));
        Map<String, Object> offsets = closing.getMap("offsets");
        assertThat(((Number) offsets.get(last.topic() + "-" + last.partition())).longValue())
                .isGreaterThan(last.offset());
        for (Map.Entry<String, Object> offset : offsets.entrySet()) {
            long now = Long.parseLong(stored("SELECT next_offset::text FROM consumer_offset "
                    + "WHERE topic || '-' || partition = ?", offset.getKey()));
            assertThat(((Number) offset.getValue()).longValue()).isLessThanOrEqualTo(now);
        }
        assertThat(closing.getList("ruleVersions", Integer.class)).containsExactly(1);
        assertThat(closing.getString("sha256")).isEqualTo(digest(id));
        reopen(TestTokens.bearer(Token.withRoles(Access.ADMIN)), YEAR, root, "tidy up").statusCode(200);
    }

    @Test
    void refusesAYearNotOverABadNoteAndScopesNotTheCallers() {
        close(2026, root, "too soon").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("year"));
        close(YEAR, root, null).statusCode(400).body("errors.field", hasItem("note"));
        close(YEAR, root, "x".repeat(2001)).statusCode(400).body("errors.field", hasItem("note"));
        close(YEAR, "NO-SUCH-" + run, "note").statusCode(404).contentType(Problem.MEDIA_TYPE);

        String ofOther = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).units(other));
        closeAs(ofOther, YEAR, root, "not mine").statusCode(403);
        closeAs(ofOther, YEAR, null, "not all mine").statusCode(403);
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS));
        closeAs(reader, YEAR, root, "no role").statusCode(403);
        // A token of a unit above closes the subtree below it.
        String ofRoot = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).units(root).subject("desk " + run));
        closeAs(ofRoot, YEAR, child, "SK " + run).statusCode(201).body("closedBy", equalTo("desk " + run));
        reopen(TestTokens.bearer(Token.withRoles(Access.ADMIN)), YEAR, child, "tidy up").statusCode(200);
    }

    @Test
    void freezesThePoliciesItCoversRefusesOverlapsAndReopensByAnAdminWithAReason() {
        close(YEAR, root, "first").statusCode(201);

        policy("/api/v1/policies/{year}", YEAR).statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("closing"));
        policy("/api/v1/policies/{year}/units/" + child, YEAR).statusCode(409).body("detail", containsString(root));
        Compliance.request().delete("/api/v1/policies/{year}/units/{code}", YEAR, child).then().statusCode(409);
        // A unit outside the closed subtree keeps its policy free.
        policy("/api/v1/policies/{year}/units/" + other, YEAR).statusCode(201);
        Compliance.request().delete("/api/v1/policies/{year}/units/{code}", YEAR, other).then().statusCode(204);

        close(YEAR, root, "again").statusCode(409).body("detail", containsString("version 1"));
        close(YEAR, child, "inside").statusCode(409);

        String policyAdmin = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).units(Access.ALL_UNITS));
        reopen(policyAdmin, YEAR, root, "wrong figures").statusCode(403);
        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("chief " + run));
        reopen(admin, YEAR, root, null).statusCode(400).body("errors.field", hasItem("reason"));
        reopen(admin, YEAR, root, "x".repeat(2001)).statusCode(400).body("errors.field", hasItem("reason"));
        reopen(admin, YEAR, root, "SK arrived late " + run).statusCode(200).body("state", equalTo("REOPENED"))
                .body("reopenedBy", equalTo("chief " + run)).body("reopenReason", equalTo("SK arrived late " + run));
        reopen(admin, YEAR, root, "twice").statusCode(404);
        String reason = "SK arrived late " + run;
        List<Map<String, Object>> audited = await().atMost(Duration.ofSeconds(10)).until(() -> Compliance.request()
                .header("Authorization", admin).get("/api/v1/admin/audit?subject=chief " + run).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("entries").stream()
                .filter(e -> "year.reopen".equals(e.get("action"))).toList(), entries -> entries.size() >= 4);
        assertThat(audited).filteredOn(e -> String.valueOf(e.get("details")).contains(reason)).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("targetId")).isEqualTo(YEAR + "/" + root);
                    assertThat(e.get("status")).isEqualTo(200);
                });

        close(YEAR, root, "second").statusCode(201).body("version", equalTo(2)).body("state", equalTo("STANDING"));
        List<Map<String, Object>> ofRoot = Compliance.request().get("/api/v1/years/{year}/closings", YEAR).then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("").stream()
                .filter(c -> root.equals(c.get("unitCode"))).toList();
        assertThat(ofRoot).extracting(c -> c.get("version"), c -> c.get("state"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "STANDING"),
                        org.assertj.core.groups.Tuple.tuple(1, "REOPENED"));
        Compliance.request().queryParam("unitCode", root).get("/api/v1/years/{year}/closings/{version}", YEAR, 1)
                .then().statusCode(200).body("note", equalTo("first")).body("employeeRows", equalTo(3));
        Compliance.request().queryParam("unitCode", root).get("/api/v1/years/{year}/closings/{version}", YEAR, 3)
                .then().statusCode(404);
        reopen(admin, YEAR, root, "tidy up").statusCode(200);
    }

    @Test
    void closesTheWholeOrganisationAndSaysSoInTheYearsStates() {
        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN));
        close(WHOLE_YEAR, null, "whole " + run).statusCode(201).body("unitCode", nullValue());
        try {
            JsonPath years = Compliance.request().get("/api/v1/years").then().statusCode(200)
                    .body("current", equalTo(2026)).extract().jsonPath();
            assertThat(years.getString("years.find { it.year == " + WHOLE_YEAR + " }.state")).isEqualTo("CLOSED");
            policy("/api/v1/policies/{year}", WHOLE_YEAR).statusCode(409);
            policy("/api/v1/policies/{year}/units/" + other, WHOLE_YEAR).statusCode(409);
            close(WHOLE_YEAR, root, "subtree of a closed year").statusCode(409);
        } finally {
            reopen(admin, WHOLE_YEAR, null, "test done " + run).statusCode(200);
        }
        JsonPath years = Compliance.request().get("/api/v1/years").then().statusCode(200).extract().jsonPath();
        assertThat(years.getString("years.find { it.year == " + WHOLE_YEAR + " }.state")).isEqualTo("REOPENED");
        assertThat(years.getList("years.find { it.year == " + WHOLE_YEAR + " }.closings.closedBy"))
                .contains(TestTokens.TEST_SUITE);
    }

    @Test
    void limitsClosingsPerCallerLikeOtherExpensiveCalls() {
        String busy = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).units(Access.ALL_UNITS)
                .subject("busy " + run).client("busy-" + run));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // A note too long: refused without a snapshot, but each call counts against the allowance.
            statuses.add(closeAs(busy, YEAR, root, "x".repeat(2001)).extract().statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(400);
        assertThat(statuses.get(10)).isEqualTo(429);
    }

    private ValidatableResponse close(int year, String unitCode, String note) {
        return Compliance.request().contentType(ContentType.JSON).body(body("note", note, unitCode))
                .post("/api/v1/years/{year}/closing", year).then();
    }

    private ValidatableResponse closeAs(String token, int year, String unitCode, String note) {
        return Compliance.request().header("Authorization", token).contentType(ContentType.JSON)
                .body(body("note", note, unitCode)).post("/api/v1/years/{year}/closing", year).then();
    }

    private ValidatableResponse reopen(String token, int year, String unitCode, String reason) {
        return Compliance.request().header("Authorization", token).contentType(ContentType.JSON)
                .body(body("reason", reason, unitCode)).post("/api/v1/years/{year}/closing/reopen", year).then();
    }

    private static ValidatableResponse policy(String path, int year) {
        return Compliance.request().contentType(ContentType.JSON).body("{\"targetJp\":30}").put(path, year).then();
    }

    private String body(String field, String text, String unitCode) {
        ObjectNode body = mapper.createObjectNode();
        body.put(field, text);
        if (unitCode != null) {
            body.put("unitCode", unitCode);
        }
        return body.toString();
    }

    private JsonNode withoutAsOf(String text) throws Exception {
        ObjectNode node = (ObjectNode) mapper.readTree(text);
        node.remove("asOf");
        return node;
    }

    private String stored(String sql, Object... parameters) {
        return projections.single(sql, parameters).orElseThrow();
    }

    /** The snapshot's SHA-256 recomputed: employees by NIP, then units by code, jsonb text a line each. */
    private String digest(long closingId) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : List.of("SELECT answer::text FROM closing_employee WHERE closing_id = ? ORDER BY nip",
                    "SELECT answer::text FROM closing_unit WHERE closing_id = ? ORDER BY unit_code COLLATE \"C\"")) {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setLong(1, closingId);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            sha.update((row.getString(1) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String employee(String unit, String name, String jp) {
        String nip = freshNip();
        last = events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA, unit,
                LocalDate.of(2010, 1, 1), null, 1, List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        if (jp != null) {
            last = events.completion(completionOf(nip, jp, LocalDate.of(YEAR, 4, 1), CompetencyType.TEKNIS,
                    TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        }
        projections.awaitHandled(last);
        return nip;
    }
}
