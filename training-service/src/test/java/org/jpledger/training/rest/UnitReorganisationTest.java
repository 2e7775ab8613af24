package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
import java.time.Clock;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A province reorganised in 2026: one dinas split in two (the old one dissolved into one of the new), one merged into
 * another, one renamed from a date. The unit tree keeps its history, publishes it, and refuses what would break it.
 */
@QuarkusTest
class UnitReorganisationTest {

    private static final String PERDA = "Perda Provinsi 9/2025 tentang Perangkat Daerah";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String province;
    private String education;
    private String health;
    private String social;
    private String culture;
    private String educationNip;
    private String healthNip;

    /** The province as it stood before 2026, each dinas with one employee of its own. */
    @BeforeEach
    void provinceBefore2026() {
        province = freshUnit();
        education = freshUnit();
        health = freshUnit();
        social = freshUnit();
        culture = freshUnit();
        put(province, unitJson("Pemerintah Provinsi", null)).then().statusCode(201);
        put(education, unitJson("Dinas Pendidikan dan Kebudayaan", province)).then().statusCode(201);
        put(health, unitJson("Dinas Kesehatan", province)).then().statusCode(201);
        put(social, unitJson("Dinas Sosial", province)).then().statusCode(201);
        put(culture, unitJson("Dinas Pariwisata", province)).then().statusCode(201);
        educationNip = employeeIn(education);
        healthNip = employeeIn(health);
    }

    @Test
    void splitsADinasInTwoAndDissolvesTheOldOneIntoItsSuccessor() throws Exception {
        String schools = freshUnit();
        String arts = freshUnit();
        put(schools, dated(unitJson("Dinas Pendidikan", province), "2026-01-01")).then().statusCode(201)
                .body("history.effectiveFrom", contains("2026-01-01"));
        put(arts, dated(unitJson("Dinas Kebudayaan", province), "2026-01-01")).then().statusCode(201);
        transfer(educationNip, schools, "2026-01-01").then().statusCode(200);

        dissolve(education, "2026-01-01", schools, PERDA).then().statusCode(200)
                .body("dissolvedOn", equalTo("2026-01-01")).body("successorCode", equalTo(schools))
                .body("dissolutionReference", equalTo(PERDA)).body("version", equalTo(2))
                .body("history.name", contains("Dinas Pendidikan dan Kebudayaan"));

        given().get("/api/v1/units/{code}", education).then().statusCode(200)
                .body("dissolvedOn", equalTo("2026-01-01")).body("successorCode", equalTo(schools))
                .body("history.effectiveFrom", contains("1900-01-01"));
        JsonNode event = lastEvent(education);
        assertThat(event.at("/data/version").asLong()).isEqualTo(2);
        assertThat(event.at("/data/dissolvedOn").asText()).isEqualTo("2026-01-01");
        assertThat(event.at("/data/successorCode").asText()).isEqualTo(schools);
        assertThat(event.at("/data/history/0/effectiveFrom").asText()).isEqualTo("1900-01-01");
        assertThat(event.at("/data/history/0/parentCode").asText()).isEqualTo(province);
        assertThat(lastEvent(schools).at("/data/history/0/effectiveFrom").asText()).isEqualTo("2026-01-01");
    }

    @Test
    void mergesADinasIntoAnotherWhoseEmployeesMayStay() throws Exception {
        dissolve(health, "2026-03-01", social, PERDA).then().statusCode(200)
                .body("dissolvedOn", equalTo("2026-03-01")).body("successorCode", equalTo(social));

        given().get("/api/v1/employees/{nip}", healthNip).then().statusCode(200).body("unitCode", equalTo(health));
        assertThat(lastEvent(health).at("/data/successorCode").asText()).isEqualTo(social);
    }

    @Test
    void renamesADinasFromADateKeepingTheOldNameInItsHistory() throws Exception {
        put(culture, dated(unitJson("Dinas Kebudayaan dan Pariwisata", province), "2026-02-01")).then().statusCode(200)
                .body("name", equalTo("Dinas Kebudayaan dan Pariwisata")).body("version", equalTo(2))
                .body("history.effectiveFrom", contains("1900-01-01", "2026-02-01"))
                .body("history.name", contains("Dinas Pariwisata", "Dinas Kebudayaan dan Pariwisata"));
        // The same state again changes nothing; a change on the latest period's date corrects that period.
        put(culture, dated(unitJson("Dinas Kebudayaan dan Pariwisata", province), "2026-02-01")).then().statusCode(200)
                .body("version", equalTo(2));
        put(culture, dated(unitJson("Dinas Kebudayaan, Pemuda dan Pariwisata", province), "2026-02-01"))
                .then().statusCode(200).body("version", equalTo(3))
                .body("history.name", contains("Dinas Pariwisata", "Dinas Kebudayaan, Pemuda dan Pariwisata"));
        // Without a date the latest period is corrected in place, as before histories.
        put(culture, unitJson("Dinas Kebudayaan, Kepemudaan dan Pariwisata", province)).then().statusCode(200)
                .body("history.size()", equalTo(2))
                .body("history[1].name", equalTo("Dinas Kebudayaan, Kepemudaan dan Pariwisata"));

        JsonNode event = lastEvent(culture);
        assertThat(event.at("/data/history/1/effectiveFrom").asText()).isEqualTo("2026-02-01");
        assertThat(event.at("/data/history/1/name").asText()).isEqualTo("Dinas Kebudayaan, Kepemudaan dan Pariwisata");
        assertThat(event.at("/data/name").asText()).isEqualTo("Dinas Kebudayaan, Kepemudaan dan Pariwisata");
    }

    @Test
    void listsTheUnitsThatExistedOnADayWithTheNamesTheyHadThen() {
        String schools = freshUnit();
        put(schools, dated(unitJson("Dinas Pendidikan", province), "2026-01-01")).then().statusCode(201);
        transfer(educationNip, schools, "2026-01-01").then().statusCode(200);
        dissolve(education, "2026-01-01", schools, PERDA).then().statusCode(200);
        put(culture, dated(unitJson("Dinas Kebudayaan dan Pariwisata", province), "2026-02-01")).then().statusCode(200);

        given().queryParam("parent", province).queryParam("asOf", "2025-12-31").get("/api/v1/units")
                .then().statusCode(200).body("code", containsInAnyOrder(education, health, social, culture))
                .body("find { it.code == '" + culture + "' }.name", equalTo("Dinas Pariwisata"));
        given().queryParam("parent", province).get("/api/v1/units")
                .then().statusCode(200).body("code", hasItem(schools))
                .body("find { it.code == '" + culture + "' }.name", equalTo("Dinas Kebudayaan dan Pariwisata"));
        given().queryParam("parent", province).queryParam("asOf", "2026-06-30").get("/api/v1/units")
                .then().statusCode(200).body("code", not(hasItem(education))).body("code", hasItem(schools));
        given().queryParam("asOf", "31-12-2025").get("/api/v1/units")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("asOf"));
    }

    @Test
    void showsHistoriesAndDissolutionsInTheSubtree() {
        dissolve(health, "2026-03-01", social, PERDA).then().statusCode(200);

        given().get("/api/v1/units/{code}/subtree", province).then().statusCode(200)
                .body("find { it.code == '" + health + "' }.dissolvedOn", equalTo("2026-03-01"))
                .body("find { it.code == '" + health + "' }.successorCode", equalTo(social))
                .body("find { it.code == '" + social + "' }.history.effectiveFrom", contains("1900-01-01"));
    }

    @Test
    void refusesAChangeDatedInTheFutureOrBeforeTheLatestOne() {
        String tomorrow = TrainingCalendar.today(Clock.systemUTC()).plusDays(1).toString();
        put(culture, dated(unitJson("Dinas Baru", province), tomorrow)).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", contains("effectiveDate"));
        put(culture, dated(unitJson("Dinas Kebudayaan dan Pariwisata", province), "2026-02-01")).then().statusCode(200);

        put(culture, dated(unitJson("Dinas Lain", province), "2026-01-15")).then().statusCode(400)
                .body("errors.field", contains("effectiveDate"))
                .body("errors[0].reason", containsString("2026-02-01"));
        given().get("/api/v1/units/{code}", culture).then().body("version", equalTo(2));
    }

    @Test
    void refusesADatedParentChangeThatWouldLoop() {
        put(province, dated(unitJson("Pemerintah Provinsi", culture), "2026-04-01")).then().statusCode(400)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].reason", equalTo("would make the unit its own ancestor"));
    }

    @Test
    void refusesAParentThatIsDissolvedOrDidNotExistYet() {
        dissolve(health, "2026-03-01", social, PERDA).then().statusCode(200);
        put(freshUnit(), unitJson("Seksi", health)).then().statusCode(400)
                .body("errors.field", contains("parentCode")).body("errors[0].reason", containsString("dissolved"));

        String later = freshUnit();
        put(later, dated(unitJson("Badan Baru", province), "2026-05-01")).then().statusCode(201);
        put(culture, dated(unitJson("Dinas Pariwisata", later), "2026-04-01")).then().statusCode(400)
                .body("errors.field", contains("parentCode")).body("errors[0].reason", containsString("did not exist"));
    }

    @Test
    void refusesToDissolveAUnitWhileChildUnitsRemain() {
        dissolve(province, "2026-05-01", null, PERDA).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(culture));

        // Moved away before that date, a child no longer holds the dissolution back.
        String seksi = freshUnit();
        put(seksi, unitJson("Seksi", social)).then().statusCode(201);
        put(seksi, dated(unitJson("Seksi", culture), "2026-04-01")).then().statusCode(200);
        dissolve(social, "2026-05-01", culture, PERDA).then().statusCode(200);
    }

    @Test
    void refusesToDissolveWithoutSuccessorWhileEmployeesAreAssigned() {
        dissolve(health, "2026-05-01", null, PERDA).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(healthNip));

        transfer(healthNip, social, "2026-04-01").then().statusCode(200);
        dissolve(health, "2026-05-01", null, PERDA).then().statusCode(200).body("successorCode", nullValue());
    }

    @Test
    void refusesASuccessorThatIsMissingDissolvedOrTheUnitItself() {
        dissolve(health, "2026-05-01", "NO-SUCH-" + health, PERDA).then().statusCode(400)
                .body("errors.field", contains("successorCode"));
        dissolve(health, "2026-05-01", health, PERDA).then().statusCode(400)
                .body("errors.field", contains("successorCode"));
        dissolve(culture, "2026-03-01", social, PERDA).then().statusCode(200);
        dissolve(health, "2026-05-01", culture, PERDA).then().statusCode(400)
                .body("errors.field", contains("successorCode"))
                .body("errors[0].reason", containsString("dissolved from 2026-03-01"));
        given().get("/api/v1/units/{code}", health).then().body("dissolvedOn", nullValue()).body("version", equalTo(1));
    }

    @Test
    void refusesASuccessorChainLeadingBackToTheUnit() {
        dissolve(culture, "2026-06-01", health, PERDA).then().statusCode(200);
        dissolve(health, "2026-05-01", culture, PERDA).then().statusCode(400)
                .body("errors.field", contains("successorCode"))
                .body("errors[0].reason", containsString("succeeded by the unit itself"));
    }

    @Test
    void refusesABadDissolutionRequestNamingEachField() {
        String tomorrow = TrainingCalendar.today(Clock.systemUTC()).plusDays(1).toString();
        dissolve(culture, tomorrow, null, PERDA).then().statusCode(400).body("errors.field", contains("effectiveDate"));
        dissolve(culture, "2026-05-01", null, "x".repeat(101)).then().statusCode(400)
                .body("errors.field", contains("reference"));
        dissolve(culture, "2026-05-01", null, "x".repeat(100)).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"effectiveDate\":\"2026-05-01\"}")
                .post("/api/v1/units/{code}/dissolution", social).then().statusCode(400)
                .body("errors.field", contains("reference"));
        dissolve(culture, "2026-05-02", null, PERDA).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void refusesTransfersAndNewEmployeesIntoADissolvedUnitFromItsDissolution() {
        dissolve(health, "2026-03-01", social, PERDA).then().statusCode(200);

        transfer(educationNip, health, "2026-03-01").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("unitCode")).body("errors[0].reason", containsString(social));
        given().contentType(ContentType.JSON).body(employeeJson(health).replace("2010-01-01", "2026-04-01"))
                .put("/api/v1/employees/{nip}", freshNip()).then().statusCode(400)
                .body("errors.field", contains("unitCode"));
        // Before its dissolution the unit still existed.
        transfer(educationNip, health, "2026-02-01").then().statusCode(200);
    }

    @Test
    void letsOnlyAnAdminUndoADissolution() throws Exception {
        dissolve(health, "2026-03-01", social, PERDA).then().statusCode(200);
        String rosterAdmin = TestTokens.bearer(Token.withRoles(Access.ROSTER_ADMIN).units(Access.ALL_UNITS)
                .subject("roster"));
        given().header("Authorization", rosterAdmin).delete("/api/v1/units/{code}/dissolution", health)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);

        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("undoer"));
        given().header("Authorization", admin).delete("/api/v1/units/{code}/dissolution", health)
                .then().statusCode(200).body("dissolvedOn", nullValue()).body("successorCode", nullValue())
                .body("version", equalTo(3));
        assertThat(lastEvent(health).at("/data/dissolvedOn").isNull()).isTrue();
        given().header("Authorization", admin).delete("/api/v1/units/{code}/dissolution", health)
                .then().statusCode(409);
    }

    @Test
    void holdsARosterAdminToTheUnitsItsTokenNames() {
        String healthOnly = TestTokens.bearer(Token.withRoles(Access.ROSTER_ADMIN).units(health).subject("regional"));
        given().header("Authorization", healthOnly).contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2026-03-01\",\"reference\":\"" + PERDA + "\"}")
                .post("/api/v1/units/{code}/dissolution", culture).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", healthOnly).contentType(ContentType.JSON)
                .body("{\"effectiveDate\":\"2026-03-01\",\"successorCode\":\"" + social + "\",\"reference\":\""
                        + PERDA + "\"}")
                .post("/api/v1/units/{code}/dissolution", health).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().get("/api/v1/units/{code}", health).then().body("dissolvedOn", nullValue());
    }

    private static Response put(String code, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/units/{code}", code);
    }

    private static String dated(String unitJson, String effectiveDate) {
        return unitJson.replace("}", ",\"effectiveDate\":\"" + effectiveDate + "\"}");
    }

    private static Response dissolve(String code, String date, String successor, String reference) {
        String body = "{\"effectiveDate\":\"" + date + "\",\"reference\":\"" + reference + "\""
                + (successor == null ? "" : ",\"successorCode\":\"" + successor + "\"") + "}";
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/units/{code}/dissolution", code);
    }

    private static Response transfer(String nip, String unit, String date) {
        return given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("}", ",\"effectiveDate\":\"" + date + "\"}"))
                .put("/api/v1/employees/{nip}", nip);
    }

    private static String employeeIn(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }

    private JsonNode lastEvent(String code) throws Exception {
        // The outbox is keyed by unit code for unit events as by NIP for employee events.
        return new EmployeeEvents(outbox, mapper, code).last();
    }
}
