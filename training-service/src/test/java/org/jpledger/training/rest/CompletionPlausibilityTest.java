package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plausibility: more days than the dates hold is refused (REST body and CSV alike); more JP per day of the span than
 * the method's ceiling (10 by default) is recorded, counted, and flagged IMPLAUSIBLE_JP_PER_DAY where it can be read,
 * filtered and consumed.
 */
@QuarkusTest
class CompletionPlausibilityTest {

    private static final String CSV_HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,days,sourceSystem,externalId\n";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String nip;

    @BeforeEach
    void employee() {
        nip = registeredEmployee();
    }

    /** A seminar (kind 9, rated by days) from 2 to 3 March 2026 giving {@code days}. */
    private String seminar(String externalId, int days) {
        return """
                {"nip":"%s","title":"Seminar Nasional ASN","kindId":9,"competencyType":"TEKNIS",
                 "deliveryMode":"LURING","provider":"BKN","startDate":"2026-03-02","endDate":"2026-03-03",
                 "days":%d,"sourceSystem":"test-lms","externalId":"%s"}""".formatted(nip, days, externalId);
    }

    @Test
    void refusesMoreDaysThanTheDatesHold() {
        given().contentType(ContentType.JSON).body(seminar("days-" + UUID.randomUUID(), 3))
                .post("/api/v1/completions").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("days"));

        given().queryParam("nip", nip).get("/api/v1/completions").then().statusCode(200).body("items", empty());
    }

    @Test
    void acceptsAsManyDaysAsTheDatesHold() {
        given().contentType(ContentType.JSON).body(seminar("days-" + UUID.randomUUID(), 2))
                .post("/api/v1/completions").then().statusCode(201).body("days", equalTo(2))
                .body("flags", empty());
    }

    @Test
    void refusesACsvRowWithMoreDaysThanItsDates() {
        given().contentType("text/csv")
                .body(CSV_HEADER + nip + ",Seminar,9,TEKNIS,LURING,BKN,2026-03-02,2026-03-03,,5,csv,days-"
                        + UUID.randomUUID() + "\n")
                .post("/api/v1/completions/import").then().statusCode(200)
                .body("failed", equalTo(1)).body("errors[0].problem.errors.field", contains("days"));
    }

    @Test
    void recordsButFlagsMoreJpPerDayThanTheCeiling() throws Exception {
        // 24 JP over 4 days (2-5 March) is 6 a day; over one day it is 24.
        String plausible = given().contentType(ContentType.JSON).body(completionJson(nip, "ok-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).body("flags", empty()).extract().path("id");
        String implausible = given().contentType(ContentType.JSON)
                .body(completionJson(nip, "flag-" + UUID.randomUUID()).replace("\"startDate\":\"2026-03-02\"",
                        "\"startDate\":\"2026-03-05\"").replace("Analisis Kebijakan", "Literasi Digital"))
                .post("/api/v1/completions").then().statusCode(201)
                .body("flags", contains("IMPLAUSIBLE_JP_PER_DAY")).body("recognizedJp", equalTo(24.0f))
                .extract().path("id");

        JsonNode event = mapper.readTree(lastEventOf(nip).payload);
        assertThat(event.at("/data/completionId").asText()).isEqualTo(implausible);
        assertThat(event.at("/data/flags/0").asText()).isEqualTo("IMPLAUSIBLE_JP_PER_DAY");
        given().get("/api/v1/completions/{id}", implausible).then().statusCode(200)
                .body("flags", contains("IMPLAUSIBLE_JP_PER_DAY"));
        List<String> flagged = given().queryParam("nip", nip).queryParam("flag", "IMPLAUSIBLE_JP_PER_DAY")
                .get("/api/v1/completions").then().statusCode(200).extract().path("items.id");
        assertThat(flagged).containsExactly(implausible).doesNotContain(plausible);
    }

    @Test
    void anAmendmentToAPlausibleAmountClearsTheFlag() {
        String externalId = "clear-" + UUID.randomUUID();
        String oneDay = completionJson(nip, externalId).replace("\"startDate\":\"2026-03-02\"",
                "\"startDate\":\"2026-03-05\"");
        String id = given().contentType(ContentType.JSON).body(oneDay).post("/api/v1/completions")
                .then().statusCode(201).body("flags", hasItem("IMPLAUSIBLE_JP_PER_DAY")).extract().path("id");

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(oneDay.replace("\"jp\":24", "\"jp\":8"))
                .put("/api/v1/completions/{id}", id).then().statusCode(200).body("flags", empty());

        given().queryParam("nip", nip).queryParam("flag", "IMPLAUSIBLE_JP_PER_DAY").get("/api/v1/completions")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void refusesAnUnknownFlagFilterNamingIt() {
        given().queryParam("flag", "SUSPICIOUS").get("/api/v1/completions").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", contains("flag"));
    }

    private OutboxEvent lastEventOf(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", key).firstResult());
    }
}
