package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.RuleTimeline;
import org.jpledger.training.outbox.OutboxRepository;
import org.jpledger.training.xapi.rest.Xapi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A completion is recognised by the rule version in force on its end date, not on the day it is recorded or amended;
 * an amendment that changes nothing recognition reads keeps its JP and rule version, and the history says why.
 */
@QuarkusTest
class RecognitionByTrainingDateTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private int of2024;
    private int of2026;

    @BeforeEach
    void timeline() {
        int[] years = RuleTimeline.ensureYears();
        of2024 = years[0];
        of2026 = years[1];
    }

    /** A Sosialisasi (counted by days in the timeline) of {@code days} days ending on {@code end}. */
    private static String sosialisasi(String nip, String externalId, LocalDate end, int days) {
        return completionJson(nip, externalId).replace("\"kindId\":3", "\"kindId\":" + RuleTimeline.DAY_KIND)
                .replace("\"jp\":24", "\"days\":" + days)
                .replace("2026-03-02", end.minusDays(days - 1).toString()).replace("2026-03-05", end.toString());
    }

    @Test
    void backfillsA2024RecordWith2024sRulesAndA2026RecordWith2026s() {
        String nip = registeredEmployee();
        given().contentType(ContentType.JSON).body(sosialisasi(nip, "td-" + UUID.randomUUID(), LocalDate.of(2024, 5, 10), 2))
                .post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(6.0f)).body("ruleVersion", equalTo(of2024));
        given().contentType(ContentType.JSON).body(sosialisasi(nip, "td-" + UUID.randomUUID(), LocalDate.of(2025, 12, 31), 2))
                .post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(6.0f)).body("ruleVersion", equalTo(of2024));
        given().contentType(ContentType.JSON).body(sosialisasi(nip, "td-" + UUID.randomUUID(), LocalDate.of(2026, 1, 1), 2))
                .post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(10.0f)).body("ruleVersion", equalTo(of2026));
    }

    @Test
    void recordsEveryItemOfABatchAndEveryXapiCompletionByTheRulesOfItsOwnEndDate() throws Exception {
        String nip = registeredEmployee();
        given().contentType(ContentType.JSON).body("[" + sosialisasi(nip, "tdb-" + UUID.randomUUID(),
                        LocalDate.of(2024, 5, 10), 2) + "," + sosialisasi(nip, "tdb-" + UUID.randomUUID(),
                        LocalDate.of(2026, 1, 1), 2) + "]")
                .post("/api/v1/completions/batch").then().statusCode(200)
                .body("items.completion.recognizedJp", contains(6.0f, 10.0f))
                .body("items.completion.ruleVersion", contains(of2024, of2026));

        String xapiNip = registeredEmployee();
        String statement = Xapi.completed(UUID.randomUUID(), xapiNip, "\"duration\":\"P2D\"")
                .replace("\"https://jpledger.id/xapi/extensions/kind\":16",
                        "\"https://jpledger.id/xapi/extensions/kind\":" + RuleTimeline.DAY_KIND
                                + ",\"https://jpledger.id/xapi/extensions/start-date\":\"2024-05-09\"")
                .replace("2026-03-05T09:30:00+07:00", "2024-05-10T09:30:00+07:00");
        Xapi.lms().body(statement).post("/xapi/statements").then().statusCode(200);
        given().queryParam("nip", xapiNip).get("/api/v1/completions").then().statusCode(200)
                .body("items[0].days", equalTo(2)).body("items[0].recognizedJp", equalTo(6.0f))
                .body("items[0].ruleVersion", equalTo(of2024));
        String xapiId = given().queryParam("nip", xapiNip).get("/api/v1/completions").then().extract().path("items[0].id");
        String author = given().get("/api/v1/completions/{id}/history", xapiId).then().extract().path("[0].changedBy");
        assertThat(new EmployeeEvents(outbox, mapper, xapiNip).last().at("/data/changedBy").asText()).isEqualTo(author);
    }

    @Test
    void keepsTheJpAndRuleVersionOfAnOld2024RecordWhoseAmendmentOnlyFixesTheTitle() throws Exception {
        String nip = registeredEmployee();
        String externalId = "td-" + UUID.randomUUID();
        String body = sosialisasi(nip, externalId, LocalDate.of(2024, 5, 10), 2);
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        // The table changes after the record: a new version, from the next free date on.
        RuleTimeline.put(RuleTimeline.nextVersion(RuleTimeline.DAY_KIND, "9"));
        RuleTimeline.put(RuleTimeline.nextVersion(RuleTimeline.DAY_KIND, "5"));

        String editor = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .subject("editor-td"));
        given().header("Authorization", editor).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body.replace("Pelatihan Analisis Kebijakan", "Sosialisasi Analisis Kebijakan"))
                .put("/api/v1/completions/{id}", id)
                .then().statusCode(200).body("recognizedJp", equalTo(6.0f)).body("ruleVersion", equalTo(of2024));
        assertThat(new EmployeeEvents(outbox, mapper, nip).last().at("/data/changedBy").asText()).isEqualTo("editor-td");

        // Changing the days is an input: computed again, by the version in force on the end date (2024's).
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(body.replace("\"days\":2", "\"days\":3").replace("2024-05-09", "2024-05-08"))
                .put("/api/v1/completions/{id}", id)
                .then().statusCode(200).body("recognizedJp", equalTo(9.0f)).body("ruleVersion", equalTo(of2024));
        // Moving the end date into 2026 takes 2026's version.
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(body.replace("\"days\":2", "\"days\":3").replace("2024-05-09", "2025-12-30")
                        .replace("2024-05-10", "2026-01-01"))
                .put("/api/v1/completions/{id}", id)
                .then().statusCode(200).body("recognizedJp", equalTo(15.0f)).body("ruleVersion", equalTo(of2026));
        given().contentType(ContentType.JSON).header("If-Match", "\"4\"").body("{\"reason\":\"Sertifikat ditarik\"}")
                .post("/api/v1/completions/{id}/void", id).then().statusCode(200);
        assertThat(new EmployeeEvents(outbox, mapper, nip).last().at("/data/changedBy").asText())
                .isEqualTo(TestTokens.TEST_SUITE);

        given().get("/api/v1/completions/{id}/history", id).then().statusCode(200)
                .body("recognition.reason", contains("RECORDED", "UNCHANGED", "INPUT_CHANGED", "INPUT_CHANGED",
                        "UNCHANGED"))
                .body("recognition.ruleVersion", contains(of2024, of2024, of2024, of2026, of2026))
                .body("changedBy", contains(TestTokens.TEST_SUITE, "editor-td", TestTokens.TEST_SUITE,
                        TestTokens.TEST_SUITE, TestTokens.TEST_SUITE));
    }

    @Test
    void keepsTheRecognitionOfAnAmendedTitleEvenWhenANewerVersionCoversItsEndDate() {
        LocalDate from = RuleTimeline.nextValidFrom();
        String nip = registeredEmployee();
        String body = sosialisasi(nip, "td-" + UUID.randomUUID(), from, 1);
        int before = RuleTimeline.latest().getInt("version");
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(5.0f)).body("ruleVersion", equalTo(before))
                .extract().path("id");
        int after = RuleTimeline.put(RuleTimeline.nextVersion(RuleTimeline.DAY_KIND, "8"));
        try {
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(body.replace("Pelatihan Analisis Kebijakan", "Sosialisasi Kebijakan"))
                    .put("/api/v1/completions/{id}", id)
                    .then().statusCode(200).body("recognizedJp", equalTo(5.0f)).body("ruleVersion", equalTo(before));
            given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                    .body(body.replace("\"days\":1", "\"days\":1,\"international\":true"))
                    .put("/api/v1/completions/{id}", id)
                    .then().statusCode(200).body("recognizedJp", equalTo(7.0f)).body("ruleVersion", equalTo(after));
            given().get("/api/v1/completions/{id}/history", id).then()
                    .body("recognition.reason", contains("RECORDED", "UNCHANGED", "INPUT_CHANGED"))
                    .body("recognition.ruleVersion", contains(before, before, after));
        } finally {
            RuleTimeline.put(RuleTimeline.nextVersion(RuleTimeline.DAY_KIND, "5"));
        }
    }

    @Test
    void refusesACompletionEndingAfterTheLastVersionsValidUntilUntilANextVersionStarts() {
        LocalDate from = RuleTimeline.nextValidFrom();
        String nip = registeredEmployee();
        String body = sosialisasi(nip, "td-" + UUID.randomUUID(), from.plusDays(1), 1);
        RuleTimeline.put(RuleTimeline.nextVersion().replace("\"validFrom\"",
                "\"validUntil\":\"" + from + "\",\"validFrom\""));
        try {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/completions")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", contains("endDate"));
            given().queryParam("on", from.plusDays(1).toString()).get("/api/v1/admin/recognition-rules")
                    .then().statusCode(404);
        } finally {
            RuleTimeline.put(RuleTimeline.nextVersion());
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/completions").then().statusCode(201);
    }
}
