package org.jpledger.training.duplicates.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Possible duplicates through the API: recording or amending flags both completions of a matching pair (201 as always),
 * the pair is listed with its rule, and a verifier resolves it (not a duplicate: cleared for good; a duplicate: one
 * voided with reason DUPLICATE pointing at the kept one), held to its units, its role and the self-rule.
 */
@QuarkusTest
class DuplicatesTest {

    private static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String unit;
    private String nip;

    @BeforeEach
    void employee() {
        unit = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Unit " + unit, null))
                .put("/api/v1/units/{code}", unit).then().statusCode(201);
        nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(201);
    }

    /** A part-time (4 JP over 2 to 5 March 2026) training of kind 3, reported by {@code source}. */
    private String training(String title, String source, String certificate) {
        return """
                {"nip":"%s","title":"%s","kindId":3,"competencyType":"TEKNIS","deliveryMode":"LURING",
                 "provider":"BPSDMD","startDate":"2026-03-02","endDate":"2026-03-05","jp":4,
                 "certificateNumber":%s,"sourceSystem":"%s","externalId":"%s"}"""
                .formatted(nip, title, certificate == null ? "null" : "\"" + certificate + "\"", source,
                        UUID.randomUUID());
    }

    private static String record(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/completions").then().statusCode(201)
                .extract().path("id");
    }

    private RequestSpecification verifier() {
        return as(Token.withRoles(Access.TRAINING_VERIFIER).units(unit).subject("verifier-" + unit));
    }

    private static RequestSpecification as(Token token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }

    private static List<String> flags(String id) {
        return given().get("/api/v1/completions/{id}", id).then().statusCode(200).extract().path("flags");
    }

    @Test
    void theSameCertificateFromTwoSourcesFlagsBothAndListsTheRule() {
        String lms = record(training("Literasi Digital", "lms", "BPSDMD/2026/0398"));
        given().contentType(ContentType.JSON).body(training("Manajemen Arsip", "simpeg", "bpsdmd-2026-0398"))
                .post("/api/v1/completions").then().statusCode(201).body("flags", contains(POSSIBLE_DUPLICATE));
        String simpeg = lastCompletionOf("simpeg");

        given().get("/api/v1/completions/{id}", lms).then().statusCode(200).body("version", equalTo(2))
                .body("flags", contains(POSSIBLE_DUPLICATE));
        given().get("/api/v1/completions/{id}/history", lms).then().statusCode(200)
                .body("change", contains("RECORDED", "REVIEWED"));
        given().get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(200).body("", hasSize(1))
                .body("[0].rules", contains("SAME_CERTIFICATE")).body("[0].state", equalTo("OPEN"))
                .body("[0].other.id", equalTo(simpeg)).body("[0].other.sourceSystem", equalTo("simpeg"));
        given().get("/api/v1/completions/{id}/duplicates", simpeg).then().statusCode(200)
                .body("[0].other.id", equalTo(lms));
    }

    @Test
    void aSimilarTitleOnOverlappingDatesIsFlaggedAndADifferentOneIsNot() {
        String lms = record(training("Bimtek Penyusunan Laporan Keuangan 2026", "lms", null));
        String unrelated = record(training("Pelatihan Manajemen Kepegawaian", "lms", null));
        String simpeg = record(training("Pelatihan Penyusunan Laporan Keuangan", "simpeg", null));

        assertThat(flags(simpeg)).containsExactly(POSSIBLE_DUPLICATE);
        assertThat(flags(lms)).containsExactly(POSSIBLE_DUPLICATE);
        assertThat(flags(unrelated)).isEmpty();
        given().get("/api/v1/completions/{id}/duplicates", simpeg).then().statusCode(200)
                .body("other.id", contains(lms)).body("[0].rules", contains("SIMILAR_TITLE_OVERLAPPING_DATES"));
    }

    @Test
    void twoFullTimeKlasikalTrainingsOnTheSameDaysAreFlagged() {
        String first = record(training("Literasi Digital", "lms", null).replace("\"jp\":4", "\"jp\":32"));
        String second = record(training("Manajemen Arsip", "simpeg", null).replace("\"jp\":4", "\"jp\":36"));
        String partTime = record(training("Kearsipan Modern", "simpeg", null));

        given().get("/api/v1/completions/{id}/duplicates", second).then().statusCode(200)
                .body("other.id", contains(first)).body("[0].rules", contains("OVERLAPPING_FULL_TIME_KLASIKAL"));
        assertThat(flags(partTime)).isEmpty();
    }

    @Test
    void anAmendmentRaisesAndClearsTheFlagOnBoth() {
        String lms = record(training("Literasi Digital", "lms", "SERT-1"));
        String other = training("Manajemen Arsip", "simpeg", "SERT-2");
        String simpeg = record(other);
        assertThat(flags(lms)).isEmpty();

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(other.replace("SERT-2", "sert 1"))
                .put("/api/v1/completions/{id}", simpeg).then().statusCode(200)
                .body("flags", contains(POSSIBLE_DUPLICATE));
        assertThat(flags(lms)).containsExactly(POSSIBLE_DUPLICATE);

        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(other.replace("SERT-2", "SERT-3"))
                .put("/api/v1/completions/{id}", simpeg).then().statusCode(200).body("flags", empty());
        assertThat(flags(lms)).isEmpty();
        given().get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(200).body("", empty());
    }

    @Test
    void notADuplicateClearsBothFlagsForGood() {
        String lms = record(training("Literasi Digital", "lms", "SERT-9"));
        String body = training("Manajemen Arsip", "simpeg", "SERT-9");
        String simpeg = record(body);

        verifier().body("{\"decision\":\"NOT_DUPLICATE\"}").post("/api/v1/completions/{id}/duplicates/{other}",
                simpeg, lms).then().statusCode(200).body("state", equalTo("NOT_DUPLICATE"))
                .body("decidedBy", equalTo("verifier-" + unit)).body("other.id", equalTo(lms))
                .body("other.flags", empty());
        assertThat(flags(lms)).isEmpty();
        assertThat(flags(simpeg)).isEmpty();

        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(body.replace("\"jp\":4", "\"jp\":5"))
                .put("/api/v1/completions/{id}", simpeg).then().statusCode(200).body("flags", empty());
        assertThat(flags(lms)).isEmpty();
        given().get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(200)
                .body("state", contains("NOT_DUPLICATE"));

        verifier().body("{\"decision\":\"DUPLICATE\"}").post("/api/v1/completions/{id}/duplicates/{other}",
                lms, simpeg).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aDuplicateIsVoidedPointingAtTheKeptOne() throws Exception {
        String lms = record(training("Literasi Digital", "lms", "SERT-7"));
        String simpeg = record(training("Manajemen Arsip", "simpeg", "SERT-7"));

        verifier().body("{\"decision\":\"DUPLICATE\",\"keep\":\"" + lms + "\"}")
                .post("/api/v1/completions/{id}/duplicates/{other}", simpeg, lms).then().statusCode(200)
                .body("state", equalTo("DUPLICATE")).body("other.id", equalTo(lms))
                .body("other.flags", empty());

        given().get("/api/v1/completions/{id}", simpeg).then().statusCode(200).body("status", equalTo("VOIDED"))
                .body("voidReason", equalTo("DUPLICATE"));
        assertThat(flags(lms)).isEmpty();
        OutboxEvent voided = lastEventOf(simpeg);
        assertThat(voided.eventType).isEqualTo(EventTypes.COMPLETION_VOIDED_V1);
        JsonNode data = mapper.readTree(voided.payload).path("data");
        assertThat(data.path("duplicateOf").asText()).isEqualTo(lms);
        assertThat(data.path("voidReason").asText()).isEqualTo("DUPLICATE");

        verifier().body("{\"decision\":\"NOT_DUPLICATE\"}").post("/api/v1/completions/{id}/duplicates/{other}",
                lms, simpeg).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void voidingOneOfAPairClearsTheOthersFlag() {
        String lms = record(training("Literasi Digital", "lms", "SERT-5"));
        String simpeg = record(training("Manajemen Arsip", "simpeg", "SERT-5"));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"Salah input\"}")
                .post("/api/v1/completions/{id}/void", simpeg).then().statusCode(200).body("flags", empty());
        assertThat(flags(lms)).isEmpty();
        given().get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(200).body("", empty());
    }

    @Test
    void aBatchOfTwoDuplicatesFlagsBoth() {
        given().contentType(ContentType.JSON)
                .body("[" + training("Literasi Digital", "lms", "SERT-B") + ","
                        + training("Manajemen Arsip", "simpeg", "SERT-B") + "]")
                .post("/api/v1/completions/batch").then().statusCode(200);

        List<String> flagged = given().queryParam("nip", nip).queryParam("flag", POSSIBLE_DUPLICATE)
                .get("/api/v1/completions").then().statusCode(200).extract().path("items.id");
        assertThat(flagged).hasSize(2);
    }

    @Test
    void aDecisionIsRefusedWithoutRoleOutsideTheUnitsAndForOnesOwnRecords() {
        String lms = record(training("Literasi Digital", "lms", "SERT-R"));
        String simpeg = record(training("Manajemen Arsip", "simpeg", "SERT-R"));
        String path = "/api/v1/completions/{id}/duplicates/{other}";
        String decision = "{\"decision\":\"NOT_DUPLICATE\"}";

        as(Token.withRoles(Access.TRAINING_WRITER, Access.TRAINING_READER).units(unit).subject("writer-" + unit))
                .body(decision).post(path, lms, simpeg).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(Token.withRoles(Access.TRAINING_VERIFIER).units(freshUnit()).subject("far-" + unit))
                .body(decision).post(path, lms, simpeg).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(Token.withRoles(Access.TRAINING_VERIFIER).units(freshUnit()).subject("far-" + unit))
                .get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(404);
        // The records were made by the suite's default token: its subject recorded them.
        as(Token.withRoles(Access.TRAINING_VERIFIER).units(unit).subject(TestTokens.TEST_SUITE))
                .body(decision).post(path, lms, simpeg).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(Token.withRoles(Access.TRAINING_VERIFIER).units(unit).subject(nip))
                .body(decision).post(path, lms, simpeg).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(Token.withRoles(Access.TRAINING_READER).units(unit).subject("reader-" + unit))
                .get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(200).body("", hasSize(1));

        assertThat(flags(lms)).containsExactly(POSSIBLE_DUPLICATE);
    }

    @Test
    void aBadDecisionChangesNothing() {
        String lms = record(training("Literasi Digital", "lms", "SERT-X"));
        String simpeg = record(training("Manajemen Arsip", "simpeg", "SERT-X"));
        String unrelated = record(training("Kearsipan", "lms", null).replace("2026-03-0", "2026-02-0"));
        String path = "/api/v1/completions/{id}/duplicates/{other}";

        verifier().body("{}").post(path, lms, simpeg).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("decision"));
        verifier().body("{\"decision\":\"MAYBE\"}").post(path, lms, simpeg).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        verifier().body("{\"decision\":\"DUPLICATE\",\"keep\":\"" + UUID.randomUUID() + "\"}").post(path, lms, simpeg)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", contains("keep"));
        verifier().body("{\"decision\":\"DUPLICATE\"}").post(path, lms, unrelated).then().statusCode(404);
        verifier().body("{\"decision\":\"DUPLICATE\"}").post(path, UUID.randomUUID(), lms).then().statusCode(404);

        assertThat(flags(lms)).containsExactly(POSSIBLE_DUPLICATE);
        given().get("/api/v1/completions/{id}", simpeg).then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().get("/api/v1/completions/{id}/duplicates", lms).then().statusCode(200)
                .body("state", contains("OPEN")).body("state", not(hasItem("DUPLICATE")));
    }

    private String lastCompletionOf(String source) {
        return given().queryParam("nip", nip).get("/api/v1/completions").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.sourceSystem == '" + source + "' }.id", String.class)
                .get(0);
    }

    private OutboxEvent lastEventOf(String completionId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox
                .find("messageKey = ?1 order by id desc", nip).list().stream()
                .filter(e -> e.payload.contains("\"completionId\":\"" + completionId + "\"")).findFirst()
                .orElseThrow());
    }
}
