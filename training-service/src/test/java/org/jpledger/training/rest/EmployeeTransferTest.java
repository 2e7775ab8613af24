package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transfers are effective-dated: the unit history is kept, returned, and published with every change. */
@QuarkusTest
class EmployeeTransferTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String from;
    private String to;
    private String nip;

    @BeforeEach
    void employeeInAUnit() {
        from = freshUnit();
        to = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Asal", null)).put("/api/v1/units/{c}", from);
        given().contentType(ContentType.JSON).body(unitJson("Dinas Tujuan", null)).put("/api/v1/units/{c}", to);
        nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(from)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201).body("unitHistory.unitCode", contains(from));
    }

    @Test
    void keepsATransferWithItsEffectiveDateInTheHistory() {
        transfer(to, "2024-07-01").then().statusCode(200).body("version", equalTo(2)).body("unitCode", equalTo(to));

        given().when().get("/api/v1/employees/{nip}", nip)
                .then().statusCode(200)
                .body("unitHistory.unitCode", contains(from, to))
                .body("unitHistory.effectiveFrom", contains("2010-01-01", "2024-07-01"));
    }

    @Test
    void datesATransferTodayInJakartaWhenNoDateIsGiven() {
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        given().contentType(ContentType.JSON).body(employeeJson(to)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(200).body("unitHistory.effectiveFrom", contains("2010-01-01", today));
    }

    @Test
    void refusesToRewriteHistoryBeforeTheLatestTransfer() {
        transfer(to, "2024-07-01").then().statusCode(200);
        long events = eventsOfEmployee();

        transfer(from, "2023-01-01").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("effectiveDate"));

        given().when().get("/api/v1/employees/{nip}", nip)
                .then().body("version", equalTo(2)).body("unitCode", equalTo(to));
        assertThat(eventsOfEmployee()).isEqualTo(events);
    }

    @Test
    void refusesATransferDatedInTheFuture() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1).toString();
        transfer(to, tomorrow).then().statusCode(400).body("errors.field", hasItem("effectiveDate"));
    }

    @Test
    void publishesTheFullHistoryWithTheNewVersion() throws Exception {
        transfer(to, "2024-07-01").then().statusCode(200);

        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", nip).firstResult());
        JsonNode event = mapper.readTree(last.payload);

        assertThat(event.at("/data/version").asLong()).isEqualTo(2);
        assertThat(event.at("/data/unitCode").asText()).isEqualTo(to);
        assertThat(event.at("/data/unitHistory/0/unitCode").asText()).isEqualTo(from);
        assertThat(event.at("/data/unitHistory/1/unitCode").asText()).isEqualTo(to);
        assertThat(event.at("/data/unitHistory/1/effectiveFrom").asText()).isEqualTo("2024-07-01");
    }

    @Test
    void recordsLeavingServiceAsAChangeLikeAnyOther() {
        given().contentType(ContentType.JSON)
                .body(employeeJson(from).replace("}", ",\"employedUntil\":\"2026-01-31\"}"))
                .put("/api/v1/employees/{nip}", nip)
                .then().statusCode(200).body("version", equalTo(2)).body("employedUntil", equalTo("2026-01-31"))
                .body("unitHistory.unitCode", contains(from));
    }

    private io.restassured.response.Response transfer(String unit, String effectiveDate) {
        return given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("}", ",\"effectiveDate\":\"" + effectiveDate + "\"}"))
                .put("/api/v1/employees/{nip}", nip);
    }

    private long eventsOfEmployee() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", nip));
    }
}
