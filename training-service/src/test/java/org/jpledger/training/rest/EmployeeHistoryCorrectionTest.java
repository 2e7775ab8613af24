package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's correction of an employee's histories: the one way to enter a late decision dated before a change already
 * recorded, validated whole, refused to everyone but an admin (and to an admin outside the units its token names),
 * published as a new version and audited with its reason.
 */
@QuarkusTest
class EmployeeHistoryCorrectionTest {

    private static final String REASON = "SK mutasi 800/123/2024 dengan TMT 1 Maret 2024 diterima terlambat";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String first;
    private String second;
    private String late;
    private String nip;

    /** An employee transferred from the first unit to the second on 2024-07-01; the late SK names a third. */
    @BeforeEach
    void employeeWithATransfer() {
        first = unit("Dinas Asal");
        second = unit("Dinas Kedua");
        late = unit("Dinas Sela");
        nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(first)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(employeeJson(second).replace("}", ",\"effectiveDate\":\"2024-07-01\"}"))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(200);
    }

    @Test
    void entersALateTransferDatedBeforeTheLatestOneAsANewVersion() throws Exception {
        String units = units(first, "2010-01-01", late, "2024-03-01", second, "2024-07-01");
        String positions = positions("PNS", "PELAKSANA", "2010-01-01", "PNS", "PENGAWAS", "2023-01-01");

        correct(units, positions, REASON).then().statusCode(200).body("version", equalTo(3))
                .body("unitCode", equalTo(second)).body("positionLevel", equalTo("PENGAWAS"))
                .body("unitHistory.unitCode", contains(first, late, second))
                .body("unitHistory.effectiveFrom", contains("2010-01-01", "2024-03-01", "2024-07-01"))
                .body("positionHistory.positionLevel", contains("PELAKSANA", "PENGAWAS"));

        given().get("/api/v1/employees/{nip}", nip).then().statusCode(200)
                .body("unitHistory.unitCode", contains(first, late, second))
                .body("positionHistory.effectiveFrom", contains("2010-01-01", "2023-01-01"));
        JsonNode event = lastEvent();
        assertThat(event.at("/data/version").asLong()).isEqualTo(3);
        assertThat(event.at("/data/unitHistory/1/unitCode").asText()).isEqualTo(late);
        assertThat(event.at("/data/unitHistory/1/effectiveFrom").asText()).isEqualTo("2024-03-01");
        assertThat(event.at("/data/positionHistory/1/positionLevel").asText()).isEqualTo("PENGAWAS");
        assertThat(event.at("/data/positionHistory/1/effectiveFrom").asText()).isEqualTo("2023-01-01");
    }

    @Test
    void makesTheLatestEntriesTheCurrentUnitTypeAndLevelInAnyOrderGiven() {
        correct(units(late, "2020-05-01", first, "2010-01-01"),
                positions("PPPK", "FUNGSIONAL", "2021-01-01", "PNS", "PELAKSANA", "2010-01-01"), REASON)
                .then().statusCode(200).body("unitCode", equalTo(late)).body("employmentType", equalTo("PPPK"))
                .body("positionLevel", equalTo("FUNGSIONAL"))
                .body("unitHistory.unitCode", contains(first, late));
    }

    @Test
    void changesNothingWhenTheHistoriesAreTheStoredOnes() {
        long events = eventsOfEmployee();

        correct(units(first, "2010-01-01", second, "2024-07-01"), positions("PNS", "PELAKSANA", "2010-01-01"), REASON)
                .then().statusCode(200).body("version", equalTo(2));

        assertThat(eventsOfEmployee()).isEqualTo(events);
    }

    @Test
    void refusesHistoriesThatBreakTheRulesNamingEachFieldAndChangesNothing() {
        long events = eventsOfEmployee();
        String tomorrow = TrainingCalendar.today(java.time.Clock.systemUTC()).plusDays(1).toString();

        correct(units(first, "2011-01-01", second, "2024-07-01", late, "2024-07-01"),
                positions("PNS", "PELAKSANA", "2010-01-01", "PNS", "PENGAWAS", tomorrow), REASON)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("unitHistory[2].effectiveFrom", "positionHistory[1].effectiveFrom"));
        correct(units(first, "2011-01-01"), positions("PNS", "PELAKSANA", "2010-01-01"), REASON)
                .then().statusCode(400).body("errors.field", contains("unitHistory"));
        correct(units(first, "2010-01-01", "NO-SUCH-" + first, "2020-01-01"), positions("PNS", "PELAKSANA",
                "2010-01-01"), REASON).then().statusCode(400).body("errors.field", contains("unitHistory[1].unitCode"));
        correct("[]", positions("PNS", "PELAKSANA", "2010-01-01"), " ")
                .then().statusCode(400).body("errors.field", hasItems("unitHistory", "reason"));
        correct(units(first, "2010-01-01"), positions("PNS", "PELAKSANA", "2010-01-01"), "x".repeat(501))
                .then().statusCode(400).body("errors.field", contains("reason"));

        given().get("/api/v1/employees/{nip}", nip).then().body("version", equalTo(2))
                .body("unitHistory.unitCode", contains(first, second));
        assertThat(eventsOfEmployee()).isEqualTo(events);
    }

    @Test
    void refusesAnEntryAfterEmployedUntil() {
        given().contentType(ContentType.JSON).body(employeeJson(second).replace("}", ",\"employedUntil\":\"2025-06-30\"}"))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(200);

        correct(units(first, "2010-01-01", second, "2025-07-01"), positions("PNS", "PELAKSANA", "2010-01-01"), REASON)
                .then().statusCode(400).body("errors.field", contains("unitHistory[1].effectiveFrom"));
    }

    @Test
    void acceptsTwoHundredEntriesAndRefusesTwoHundredAndOne() {
        String positions = positions("PNS", "PELAKSANA", "2010-01-01");
        correct(manyUnits(200), positions, REASON).then().statusCode(200)
                .body("unitHistory.size()", equalTo(200));

        correct(manyUnits(201), positions, REASON).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("unitHistory"));
    }

    @Test
    void refusesEveryRoleButAdmin() {
        for (String role : List.of(Access.ROSTER_ADMIN, Access.TRAINING_WRITER, Access.POLICY_ADMIN)) {
            String token = TestTokens.bearer(Token.withRoles(role).units(Access.ALL_UNITS).subject("not-admin"));
            correct(token, units(first, "2010-01-01"), positions("PNS", "PELAKSANA", "2010-01-01"), REASON)
                    .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        }
        given().get("/api/v1/employees/{nip}", nip).then().body("version", equalTo(2));
    }

    @Test
    void holdsAnAdminWhoseTokenNamesUnitsToThem() {
        String firstOnly = TestTokens.bearer(Token.withRoles(Access.ADMIN).units(first).subject("regional-admin"));
        String secondOnly = TestTokens.bearer(Token.withRoles(Access.ADMIN).units(second).subject("regional-admin"));

        // The employee is in the second unit now: outside the first's, it is not found.
        correct(firstOnly, units(first, "2010-01-01"), positions("PNS", "PELAKSANA", "2010-01-01"), REASON)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        // Inside the second's, a history naming the first unit is outside it.
        correct(secondOnly, units(first, "2010-01-01", second, "2024-07-01"), positions("PNS", "PELAKSANA",
                "2010-01-01"), REASON).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        correct(secondOnly, units(second, "2010-01-01"), positions("PNS", "PELAKSANA", "2010-01-01"), REASON)
                .then().statusCode(200).body("unitHistory.unitCode", contains(second));
    }

    @Test
    void writesTheCorrectionWithItsReasonToTheAuditLog() {
        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("history-auditor"));
        correct(admin, units(first, "2010-01-01", late, "2024-03-01", second, "2024-07-01"),
                positions("PNS", "PELAKSANA", "2010-01-01"), REASON).then().statusCode(200);

        Map<String, Object> entry = await().atMost(Duration.ofSeconds(10)).until(() -> audit(admin), e -> e != null);
        assertThat(entry).containsEntry("action", "employee.history.correct").containsEntry("outcome", "done")
                .containsEntry("status", 200).containsEntry("targetNip", nip).containsEntry("targetUnit", second)
                .containsEntry("details", Map.of("reason", REASON));
    }

    private Map<String, Object> audit(String admin) {
        List<Map<String, Object>> entries = given().header("Authorization", admin).queryParam("target", nip)
                .queryParam("subject", "history-auditor").get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries");
        return entries.stream().filter(e -> "employee.history.correct".equals(e.get("action"))).findFirst()
                .orElse(null);
    }

    private Response correct(String unitHistory, String positionHistory, String reason) {
        return correct(null, unitHistory, positionHistory, reason);
    }

    private Response correct(String token, String unitHistory, String positionHistory, String reason) {
        var request = given().contentType(ContentType.JSON).body("{\"unitHistory\":" + unitHistory
                + ",\"positionHistory\":" + positionHistory + ",\"reason\":\"" + reason + "\"}");
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.put("/api/v1/employees/{nip}/history", nip);
    }

    /** Unit entries from (code, date) pairs. */
    private static String units(String... pairs) {
        return IntStream.range(0, pairs.length / 2)
                .mapToObj(i -> "{\"unitCode\":\"" + pairs[2 * i] + "\",\"effectiveFrom\":\"" + pairs[2 * i + 1] + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Position entries from (type, level, date) triples. */
    private static String positions(String... triples) {
        return IntStream.range(0, triples.length / 3)
                .mapToObj(i -> "{\"employmentType\":\"" + triples[3 * i] + "\",\"positionLevel\":\"" + triples[3 * i + 1]
                        + "\",\"effectiveFrom\":\"" + triples[3 * i + 2] + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code count} entries a week apart from employedFrom, alternating between the first and the second unit. */
    private String manyUnits(int count) {
        LocalDate from = LocalDate.of(2010, 1, 1);
        return units(IntStream.range(0, count).boxed()
                .flatMap(i -> java.util.stream.Stream.of(i % 2 == 0 ? first : second, from.plusWeeks(i).toString()))
                .toArray(String[]::new));
    }

    private static String unit(String name) {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson(name, null)).put("/api/v1/units/{c}", code)
                .then().statusCode(201);
        return code;
    }

    private JsonNode lastEvent() throws Exception {
        return new EmployeeEvents(outbox, mapper, nip).last();
    }

    private long eventsOfEmployee() {
        return new EmployeeEvents(outbox, mapper, nip).count();
    }
}
