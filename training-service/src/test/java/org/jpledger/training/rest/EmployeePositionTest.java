package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.time.LocalDate;
import java.time.ZoneId;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Employment type and position level are effective-dated like the unit, and leaving service carries a reason: both are
 * kept, returned, and published with every change.
 */
@QuarkusTest
class EmployeePositionTest {

    /** Born 1990-01-15, appointed as PPPK in 2022 ("21" where a PNS NIP has the month), female, sequence 001. */
    private static final String PPPK_NIP = "199001152022212001";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String unit;
    private String nip;

    @BeforeEach
    void employeeInAUnit() {
        unit = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Pendidikan", null)).put("/api/v1/units/{c}", unit)
                .then().statusCode(201);
        nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201)
                .body("positionHistory.positionLevel", contains("PELAKSANA"))
                .body("positionHistory.effectiveFrom", contains("2010-01-01"));
    }

    @Test
    void keepsAPromotionWithItsEffectiveDateInThePositionHistory() {
        change("PNS", "PENGAWAS", "2025-03-01").then().statusCode(200).body("version", equalTo(2))
                .body("positionLevel", equalTo("PENGAWAS"));

        given().when().get("/api/v1/employees/{nip}", nip)
                .then().statusCode(200)
                .body("positionHistory.positionLevel", contains("PELAKSANA", "PENGAWAS"))
                .body("positionHistory.employmentType", contains("PNS", "PNS"))
                .body("positionHistory.effectiveFrom", contains("2010-01-01", "2025-03-01"))
                .body("unitHistory.unitCode", contains(unit));
    }

    @Test
    void refusesToDateAChangeOfPositionBeforeTheLatestOne() {
        change("PNS", "PENGAWAS", "2025-03-01").then().statusCode(200);
        long events = eventsOfEmployee();

        change("PNS", "ADMINISTRATOR", "2024-01-01").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("effectiveDate"));

        given().when().get("/api/v1/employees/{nip}", nip)
                .then().body("version", equalTo(2)).body("positionLevel", equalTo("PENGAWAS"));
        assertThat(eventsOfEmployee()).isEqualTo(events);
    }

    @Test
    void refusesAChangeOfPositionDatedInTheFutureOrBeforeEmployment() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1).toString();
        change("PNS", "PENGAWAS", tomorrow).then().statusCode(400).body("errors.field", hasItem("effectiveDate"));
        change("PNS", "PENGAWAS", "2009-12-31").then().statusCode(400).body("errors.field", hasItem("effectiveDate"));
    }

    @Test
    void correctsAChangeOfPositionWithASecondOneOnTheSameDay() {
        change("PNS", "PENGAWAS", "2025-03-01").then().statusCode(200);

        change("PNS", "FUNGSIONAL", "2025-03-01").then().statusCode(200).body("version", equalTo(3))
                .body("positionHistory.positionLevel", contains("PELAKSANA", "FUNGSIONAL"))
                .body("positionHistory.effectiveFrom", contains("2010-01-01", "2025-03-01"));
    }

    @Test
    void recordsATransferAndAPromotionOnOneDateInTheirOwnHistories() {
        String to = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Tujuan", null)).put("/api/v1/units/{c}", to)
                .then().statusCode(201);

        given().contentType(ContentType.JSON)
                .body(employeeJson(to).replace("PELAKSANA", "ADMINISTRATOR")
                        .replace("}", ",\"effectiveDate\":\"2024-07-01\"}"))
                .put("/api/v1/employees/{nip}", nip)
                .then().statusCode(200)
                .body("unitHistory.effectiveFrom", contains("2010-01-01", "2024-07-01"))
                .body("positionHistory.effectiveFrom", contains("2010-01-01", "2024-07-01"));
    }

    @Test
    void movesTheFirstPositionWithACorrectedEmployedFrom() {
        given().contentType(ContentType.JSON).body(employeeJson(unit).replace("2010-01-01", "2009-07-01"))
                .put("/api/v1/employees/{nip}", nip)
                .then().statusCode(200)
                .body("positionHistory.effectiveFrom", contains("2009-07-01"))
                .body("unitHistory.effectiveFrom", contains("2009-07-01"));
    }

    @Test
    void publishesThePositionHistoryAndTheLeavingReasonWithTheNewVersion() throws Exception {
        change("PPPK", "FUNGSIONAL", "2025-03-01").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("\"PNS\"", "\"PPPK\"").replace("PELAKSANA", "FUNGSIONAL")
                        .replace("}", ",\"employedUntil\":\"2026-01-31\",\"leavingReason\":\"KONTRAK_BERAKHIR\"}"))
                .put("/api/v1/employees/{nip}", nip)
                .then().statusCode(200).body("leavingReason", equalTo("KONTRAK_BERAKHIR"));

        JsonNode event = lastEvent();
        assertThat(event.at("/data/version").asLong()).isEqualTo(3);
        assertThat(event.at("/data/employmentType").asText()).isEqualTo("PPPK");
        assertThat(event.at("/data/positionHistory/0/positionLevel").asText()).isEqualTo("PELAKSANA");
        assertThat(event.at("/data/positionHistory/1/employmentType").asText()).isEqualTo("PPPK");
        assertThat(event.at("/data/positionHistory/1/positionLevel").asText()).isEqualTo("FUNGSIONAL");
        assertThat(event.at("/data/positionHistory/1/effectiveFrom").asText()).isEqualTo("2025-03-01");
        assertThat(event.at("/data/leavingReason").asText()).isEqualTo("KONTRAK_BERAKHIR");
        assertThat(event.at("/data/employedUntil").asText()).isEqualTo("2026-01-31");
    }

    @Test
    void storesLeavingServiceWithoutAReasonAsLainnya() throws Exception {
        leave(",\"employedUntil\":\"2026-01-31\"").then().statusCode(200).body("leavingReason", equalTo("LAINNYA"));

        assertThat(lastEvent().at("/data/leavingReason").asText()).isEqualTo("LAINNYA");
    }

    @Test
    void changesOnlyTheReasonAsANewVersionAndClearsItWithEmployedUntil() throws Exception {
        leave(",\"employedUntil\":\"2026-01-31\"").then().statusCode(200).body("version", equalTo(2));
        leave(",\"employedUntil\":\"2026-01-31\",\"leavingReason\":\"MUTASI_KELUAR\"").then().statusCode(200)
                .body("version", equalTo(3)).body("leavingReason", equalTo("MUTASI_KELUAR"));

        leave("").then().statusCode(200).body("version", equalTo(4)).body("employedUntil", nullValue())
                .body("leavingReason", nullValue());
        assertThat(lastEvent().at("/data/leavingReason").isNull()).isTrue();
    }

    @Test
    void refusesALeavingReasonWithoutEmployedUntil() {
        long events = eventsOfEmployee();

        leave(",\"leavingReason\":\"PENSIUN\"").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("leavingReason"));

        assertThat(eventsOfEmployee()).isEqualTo(events);
    }

    @Test
    void registersAPartTimePppkWithANumberOfThePppkLayout() {
        given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("\"PNS\"", "\"PPPK_PARUH_WAKTU\"").replace("2010-01-01", "2025-10-01"))
                .put("/api/v1/employees/{nip}", PPPK_NIP)
                .then().statusCode(201).body("employmentType", equalTo("PPPK_PARUH_WAKTU"))
                .body("positionHistory.employmentType", contains("PPPK_PARUH_WAKTU"));
    }

    @Test
    void refusesAPppkNumberWithAGenderDigitOtherThanOneOrTwo() {
        given().contentType(ContentType.JSON).body(employeeJson(unit).replace("\"PNS\"", "\"PPPK\""))
                .put("/api/v1/employees/{nip}", "199001152022213001")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("nip"));
    }

    private Response change(String type, String level, String effectiveDate) {
        return given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("\"PNS\"", "\"" + type + "\"").replace("PELAKSANA", level)
                        .replace("}", ",\"effectiveDate\":\"" + effectiveDate + "\"}"))
                .put("/api/v1/employees/{nip}", nip);
    }

    /** The employee's body with {@code fields} (JSON, each after a comma) added to it. */
    private Response leave(String fields) {
        return given().contentType(ContentType.JSON).body(employeeJson(unit).replace("}", fields + "}"))
                .put("/api/v1/employees/{nip}", nip);
    }

    private JsonNode lastEvent() throws Exception {
        return new EmployeeEvents(outbox, mapper, nip).last();
    }

    private long eventsOfEmployee() {
        return new EmployeeEvents(outbox, mapper, nip).count();
    }
}
