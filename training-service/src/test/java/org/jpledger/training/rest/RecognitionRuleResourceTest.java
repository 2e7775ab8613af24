package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.training.RuleTimeline;
import org.junit.jupiter.api.Test;

/**
 * The recognition rule table is data: seeded from Perlan 10/2018, replaced as a new version in force from its validFrom,
 * and a completion is recognised by the version in force on its end date.
 */
@QuarkusTest
class RecognitionRuleResourceTest {

    private static final String PERLAN = """
            {"internationalFactor":1.20,"dayRates":[{"kindId":9,"jpPerDay":4,"jpPerDayInternational":6},
             {"kindId":4,"jpPerDay":5,"jpPerDayInternational":7}],"validFrom":"%s"}""";

    @Test
    void seedsThePerlanDefaultsInForceFromTheRecordsEarliestDate() {
        given().when().get("/api/v1/admin/recognition-rules/1")
                .then().statusCode(200)
                .body("internationalFactor", equalTo(1.2f))
                .body("dayRates.find { it.kindId == 9 }.jpPerDay", equalTo(4.0f))
                .body("dayRates.find { it.kindId == 4 }.jpPerDayInternational", equalTo(7.0f))
                .body("validFrom", equalTo("1900-01-01"));
        given().queryParam("on", "1900-01-01").get("/api/v1/admin/recognition-rules")
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void appliesAReplacedTableToCompletionsEndingFromItsValidFromAndKeepsTheOldRecordsAsRecognised() {
        RuleTimeline.ensureYears();
        LocalDate from = RuleTimeline.nextValidFrom();
        String nip = registeredEmployee();
        String seminar = completionJson(nip, "rule-" + UUID.randomUUID())
                .replace("\"kindId\":3", "\"kindId\":9").replace("\"jp\":24", "\"days\":2")
                .replace("2026-03-02", from.minusDays(1).toString()).replace("2026-03-05", from.toString());
        String before = given().contentType(ContentType.JSON).body(seminar).post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(8.0f)).extract().path("id");
        int oldVersion = RuleTimeline.latest().getInt("version");

        int newVersion = given().contentType(ContentType.JSON)
                .body(RuleTimeline.nextVersion(9, "3"))
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(201).body("createdBy", equalTo(TestTokens.TEST_SUITE))
                .body("validFrom", equalTo(from.toString())).body("validUntil", nullValue())
                .extract().path("version");
        try {
            given().get("/api/v1/admin/recognition-rules/{version}", oldVersion)
                    .then().body("validUntil", equalTo(from.minusDays(1).toString()));
            given().contentType(ContentType.JSON)
                    .body(seminar.replace("\"externalId\":\"rule-", "\"externalId\":\"rule2-"))
                    .when().post("/api/v1/completions")
                    .then().statusCode(201).body("recognizedJp", equalTo(6.0f)).body("ruleVersion", equalTo(newVersion));
            given().when().get("/api/v1/completions/{id}", before)
                    .then().body("recognizedJp", equalTo(8.0f)).body("ruleVersion", equalTo(oldVersion));
        } finally {
            RuleTimeline.put(RuleTimeline.nextVersion(9, "4"));
        }
    }

    @Test
    void rejectsAnInvalidTableWithoutStoringAVersion() {
        int latest = RuleTimeline.latest().getInt("version");
        LocalDate next = RuleTimeline.nextValidFrom();
        given().contentType(ContentType.JSON)
                .body("""
                        {"internationalFactor":0.5,"dayRates":[{"kindId":9,"jpPerDay":4,"jpPerDayInternational":6},
                         {"kindId":9,"jpPerDay":5,"jpPerDayInternational":7},{"kindId":30,"jpPerDay":0,"jpPerDayInternational":7}]}""")
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("internationalFactor"))
                .body("errors.field", hasItem("dayRates[2].kindId"))
                .body("errors.field", hasItem("dayRates[2].jpPerDay"))
                .body("errors.field", hasItem("validFrom"));
        given().contentType(ContentType.JSON)
                .body(PERLAN.formatted(next).replace("\"kindId\":4", "\"kindId\":9"))
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(400).body("errors.field", hasItem("dayRates[1].kindId"));
        given().get("/api/v1/admin/recognition-rules/versions").then().body("[0].version", equalTo(latest));
    }

    @Test
    void refusesAValidFromNotAfterTheLatestVersionsSoRuleHistoryOnlyGrowsForward() {
        String latestFrom = RuleTimeline.latest().getString("validFrom");
        int latest = RuleTimeline.latest().getInt("version");
        for (String validFrom : new String[] {latestFrom, LocalDate.parse(latestFrom).minusDays(1).toString()}) {
            given().contentType(ContentType.JSON).body(PERLAN.formatted(validFrom))
                    .when().put("/api/v1/admin/recognition-rules")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", everyItem(equalTo("validFrom")));
        }
        given().get("/api/v1/admin/recognition-rules/versions")
                .then().body("[0].version", equalTo(latest)).body("[0].validUntil", nullValue());
    }

    @Test
    void refusesAValidUntilBeforeValidFrom() {
        LocalDate next = RuleTimeline.nextValidFrom();
        int latest = RuleTimeline.latest().getInt("version");
        given().contentType(ContentType.JSON)
                .body(PERLAN.formatted(next).replace("\"validFrom\"", "\"validUntil\":\"" + next.minusDays(1)
                        + "\",\"validFrom\""))
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", everyItem(equalTo("validUntil")));
        given().get("/api/v1/admin/recognition-rules/versions").then().body("[0].version", equalTo(latest));
    }

    @Test
    void listsTheVersionsNewestFirstWithPeriodsThatFollowOneAnother() {
        int[] years = RuleTimeline.ensureYears();
        given().queryParam("on", "2024-06-30").get("/api/v1/admin/recognition-rules")
                .then().statusCode(200).body("version", equalTo(years[0]))
                .body("validFrom", equalTo("2024-01-01")).body("validUntil", equalTo("2025-12-31"));
        given().queryParam("on", "2025-12-31").get("/api/v1/admin/recognition-rules")
                .then().body("version", equalTo(years[0]));
        given().queryParam("on", "2026-01-01").get("/api/v1/admin/recognition-rules")
                .then().body("version", equalTo(years[1]));
        given().get("/api/v1/admin/recognition-rules/{version}", years[0] - 1)
                .then().body("validUntil", equalTo("2023-12-31"));
        given().queryParam("limit", 1).get("/api/v1/admin/recognition-rules/versions")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].validUntil", nullValue());
        given().queryParam("limit", 500).get("/api/v1/admin/recognition-rules/versions")
                .then().statusCode(200).body("[-1].version", equalTo(1));
        for (String limit : new String[] {"0", "501", "many"}) {
            given().queryParam("limit", limit).get("/api/v1/admin/recognition-rules/versions")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("limit"));
        }
        given().queryParam("on", "30.06.2024").get("/api/v1/admin/recognition-rules")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("on"));
    }
}
