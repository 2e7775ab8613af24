package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
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
 * The admin's correction of a unit's history: the one way to move a past date (a reorganisation decided late with an
 * earlier TMT), validated whole, refused to everyone but an admin, published as a new version and audited with the
 * history before and after.
 */
@QuarkusTest
class UnitHistoryCorrectionTest {

    private static final String REASON = "SK reorganisasi 061/45/2026 dengan TMT 1 Juli 2025 diterima terlambat";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String province;
    private String secretariat;
    private String dinas;

    /** A dinas set up under the province from 2026-01-01 by an ordinary dated change. */
    @BeforeEach
    void dinasFrom2026() {
        province = unit("Pemerintah Provinsi", null, null);
        secretariat = unit("Sekretariat Daerah", province, null);
        dinas = unit("Dinas Komunikasi dan Informatika", province, "2026-01-01");
    }

    @Test
    void movesTheFirstDateEarlierAndAddsAPeriodAsANewVersion() throws Exception {
        correct(periods("2025-07-01", "Dinas Kominfo", province, "2026-01-01", "Dinas Komunikasi dan Informatika",
                secretariat), REASON).then().statusCode(200).body("version", equalTo(2))
                .body("name", equalTo("Dinas Komunikasi dan Informatika")).body("parentCode", equalTo(secretariat))
                .body("history.effectiveFrom", contains("2025-07-01", "2026-01-01"))
                .body("history.parentCode", contains(province, secretariat));

        given().queryParam("parent", province).queryParam("asOf", "2025-12-31").get("/api/v1/units")
                .then().statusCode(200).body("code", hasItem(dinas));
        JsonNode event = new EmployeeEvents(outbox, mapper, dinas).last();
        assertThat(event.at("/data/version").asLong()).isEqualTo(2);
        assertThat(event.at("/data/parentCode").asText()).isEqualTo(secretariat);
        assertThat(event.at("/data/history/0/effectiveFrom").asText()).isEqualTo("2025-07-01");
        assertThat(event.at("/data/history/0/name").asText()).isEqualTo("Dinas Kominfo");
    }

    @Test
    void changesNothingWhenTheHistoryIsTheStoredOne() {
        long events = new EmployeeEvents(outbox, mapper, dinas).count();

        correct(periods("2026-01-01", "Dinas Komunikasi dan Informatika", province), REASON).then().statusCode(200)
                .body("version", equalTo(1));

        assertThat(new EmployeeEvents(outbox, mapper, dinas).count()).isEqualTo(events);
    }

    @Test
    void refusesAHistoryThatBreaksTheRulesNamingEachFieldAndChangesNothing() {
        String tomorrow = TrainingCalendar.today(Clock.systemUTC()).plusDays(1).toString();
        correct(periods("2025-07-01", "A", province, "2025-07-01", "B", province, "2026-01-01", "C", dinas,
                tomorrow, "D", province), REASON).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("history[1].effectiveFrom", "history[2].parentCode",
                        "history[3].effectiveFrom"));
        correct(periods("2025-07-01", "A", "NO-SUCH-" + province), REASON).then().statusCode(400)
                .body("errors.field", contains("history[0].parentCode"));
        correct("[]", " ").then().statusCode(400).body("errors.field", hasItems("history", "reason"));
        correct(periods("2025-07-01", "A", province), "x".repeat(501)).then().statusCode(400)
                .body("errors.field", contains("reason"));

        given().get("/api/v1/units/{code}", dinas).then().body("version", equalTo(1))
                .body("history.effectiveFrom", contains("2026-01-01"));
    }

    @Test
    void refusesAPeriodThatMakesTheUnitItsOwnAncestor() {
        String seksi = unit("Seksi", dinas, "2026-02-01");

        correct(periods("2026-01-01", "Dinas", province, "2026-03-01", "Dinas", seksi), REASON).then().statusCode(400)
                .body("errors[0].field", equalTo("history[1].parentCode"))
                .body("errors[0].reason", equalTo("would make the unit its own ancestor"));
    }

    @Test
    void acceptsTwoHundredPeriodsAndRefusesTwoHundredAndOne() {
        correct(manyPeriods(200), REASON).then().statusCode(200).body("history.size()", equalTo(200));

        correct(manyPeriods(201), REASON).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("history"));
    }

    @Test
    void refusesEveryRoleButAdmin() {
        for (String role : List.of(Access.ROSTER_ADMIN, Access.TRAINING_WRITER, Access.POLICY_ADMIN)) {
            String token = TestTokens.bearer(Token.withRoles(role).units(Access.ALL_UNITS).subject("not-admin"));
            correct(token, periods("2025-07-01", "Dinas", province), REASON).then().statusCode(403)
                    .contentType(Problem.MEDIA_TYPE);
        }
        given().get("/api/v1/units/{code}", dinas).then().body("version", equalTo(1));
    }

    @Test
    void writesTheCorrectionWithTheHistoryBeforeAndAfterToTheAuditLog() {
        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("unit-history-auditor"));
        correct(admin, periods("2025-07-01", "Dinas Kominfo", province), REASON).then().statusCode(200);

        Map<String, Object> entry = await().atMost(Duration.ofSeconds(10)).until(() -> audit(admin), e -> e != null);
        assertThat(entry).containsEntry("action", "unit.history.correct").containsEntry("outcome", "done")
                .containsEntry("status", 200).containsEntry("targetUnit", dinas);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) entry.get("details");
        assertThat(details).containsEntry("reason", REASON)
                .containsEntry("before", List.of(Map.of("effectiveFrom", "2026-01-01",
                        "name", "Dinas Komunikasi dan Informatika", "parentCode", province)))
                .containsEntry("after", List.of(Map.of("effectiveFrom", "2025-07-01", "name", "Dinas Kominfo",
                        "parentCode", province)));
    }

    private Map<String, Object> audit(String admin) {
        List<Map<String, Object>> entries = given().header("Authorization", admin).queryParam("target", dinas)
                .queryParam("subject", "unit-history-auditor").get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("entries");
        return entries.stream().filter(e -> "unit.history.correct".equals(e.get("action"))).findFirst().orElse(null);
    }

    private Response correct(String history, String reason) {
        return correct(null, history, reason);
    }

    private Response correct(String token, String history, String reason) {
        var request = given().contentType(ContentType.JSON)
                .body("{\"history\":" + history + ",\"reason\":\"" + reason + "\"}");
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.put("/api/v1/units/{code}/history", dinas);
    }

    /** Periods from (date, name, parent) triples. */
    private static String periods(String... triples) {
        return IntStream.range(0, triples.length / 3)
                .mapToObj(i -> "{\"effectiveFrom\":\"" + triples[3 * i] + "\",\"name\":\"" + triples[3 * i + 1]
                        + "\",\"parentCode\":\"" + triples[3 * i + 2] + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code count} periods a week apart from 2020, alternating between the province and the secretariat. */
    private String manyPeriods(int count) {
        LocalDate from = LocalDate.of(2020, 1, 6);
        return periods(IntStream.range(0, count).boxed()
                .flatMap(i -> java.util.stream.Stream.of(from.plusWeeks(i).toString(), "Dinas " + i,
                        i % 2 == 0 ? province : secretariat))
                .toArray(String[]::new));
    }

    private static String unit(String name, String parent, String effectiveDate) {
        String code = freshUnit();
        String body = unitJson(name, parent);
        if (effectiveDate != null) {
            body = body.replace("}", ",\"effectiveDate\":\"" + effectiveDate + "\"}");
        }
        given().contentType(ContentType.JSON).body(body).put("/api/v1/units/{c}", code).then().statusCode(201);
        return code;
    }
}
