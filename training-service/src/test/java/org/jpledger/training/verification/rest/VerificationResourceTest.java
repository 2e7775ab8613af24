package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.training.verification.rest.Verification.completion;
import static org.jpledger.training.verification.rest.Verification.decide;
import static org.jpledger.training.verification.rest.Verification.employee;
import static org.jpledger.training.verification.rest.Verification.record;
import static org.jpledger.training.verification.rest.Verification.rejected;
import static org.jpledger.training.verification.rest.Verification.trust;
import static org.jpledger.training.verification.rest.Verification.unit;
import static org.jpledger.training.verification.rest.Verification.verified;
import static org.jpledger.training.verification.rest.Verification.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.jpledger.training.verification.service.MissingEvidenceGuard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A verifier's decisions: every state against every decision, If-Match, who may decide (role, units, not one's own
 * report or training), the guards asked before VERIFIED, and what a decision leaves behind (version, history, event,
 * audit entry).
 */
@QuarkusTest
class VerificationResourceTest {

    private static final String TITLE = "Pelatihan Analisis Kebijakan";

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private String unit;
    private String nip;
    private String token;
    private String subject;

    @BeforeEach
    void employeeAndVerifier() {
        unit = unit(null);
        nip = employee(unit);
        subject = "verifier-" + UUID.randomUUID();
        token = verifier(subject, unit);
    }

    /** From each state, each decision: a new version in the decided state, or (the same again) nothing new. */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of(VerificationState.SUBMITTED, VerificationState.VERIFIED, true),
                Arguments.of(VerificationState.SUBMITTED, VerificationState.REJECTED, true),
                Arguments.of(VerificationState.AUTO_VERIFIED, VerificationState.VERIFIED, true),
                Arguments.of(VerificationState.AUTO_VERIFIED, VerificationState.REJECTED, true),
                Arguments.of(VerificationState.VERIFIED, VerificationState.REJECTED, true),
                Arguments.of(VerificationState.VERIFIED, VerificationState.VERIFIED, false),
                Arguments.of(VerificationState.REJECTED, VerificationState.VERIFIED, true),
                Arguments.of(VerificationState.REJECTED, VerificationState.REJECTED, false));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("transitions")
    void movesFromEachStateByEachDecisionOrAnswersARepeatUnchanged(VerificationState from,
            VerificationState decision, boolean newVersion) {
        String id = completionIn(from);
        long version = versionOf(id);

        Response response = decide(token, id, version, decision == VerificationState.VERIFIED ? verified()
                : rejected("NO_EVIDENCE", "Sertifikat tidak ada"));

        long expected = newVersion ? version + 1 : version;
        response.then().statusCode(200).header("ETag", "\"" + expected + "\"")
                .body("verification", equalTo(decision.name())).body("version", equalTo((int) expected));
        List<String> changes = given().get("/api/v1/completions/{id}/history", id).then().statusCode(200)
                .extract().jsonPath().getList("change");
        assertThat(changes).hasSize((int) expected);
        if (newVersion) {
            assertThat(changes.get(changes.size() - 1)).isEqualTo("REVIEWED");
        }
    }

    @Test
    void rejectingAgainWithAnotherReasonCorrectsTheReasonAsANewVersion() {
        String id = record(completion(nip, "test-lms", TITLE));
        decide(token, id, 1L, rejected("NO_EVIDENCE", null)).then().statusCode(200).header("ETag", "\"2\"");

        decide(token, id, 2L, rejected("OTHER", "Peserta pengganti")).then().statusCode(200).header("ETag", "\"3\"")
                .body("rejection.code", equalTo("OTHER")).body("rejection.label", equalTo("Alasan lain"))
                .body("rejection.note", equalTo("Peserta pengganti"));
    }

    @Test
    void showsWhoDecidedWhenAndWhyAndClearsTheRejectionOnVerifying() {
        String id = record(completion(nip, "test-lms", TITLE));
        given().get("/api/v1/completions/{id}", id).then().body("verification", equalTo("SUBMITTED"))
                .body("recordedBy", equalTo(TestTokens.TEST_SUITE)).body("verifiedBy", nullValue())
                .body("rejection", nullValue());

        decide(token, id, 1L, rejected("WRONG_JP", "JP tertulis 16")).then().statusCode(200)
                .body("verification", equalTo("REJECTED")).body("verifiedBy", equalTo(subject))
                .body("verifiedAt", notNullValue()).body("rejection.code", equalTo("WRONG_JP"))
                .body("rejection.label", equalTo("Jumlah JP tidak sesuai")).body("rejection.note", equalTo("JP tertulis 16"));
        decide(token, id, 2L, verified()).then().statusCode(200)
                .body("verification", equalTo("VERIFIED")).body("rejection", nullValue());

        given().get("/api/v1/completions/{id}/history", id).then().statusCode(200)
                .body("change", contains("RECORDED", "REVIEWED", "REVIEWED"))
                .body("completion.verification", contains("SUBMITTED", "REJECTED", "VERIFIED"))
                .body("changedBy", contains(TestTokens.TEST_SUITE, subject, subject));
    }

    @Test
    void publishesEachDecisionAsAReviewedEventWithTheFullState() throws Exception {
        String id = record(completion(nip, "test-lms", TITLE));
        decide(token, id, 1L, rejected("NOT_ATTENDED", null)).then().statusCode(200);

        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", nip).firstResult());
        assertThat(last.eventType).isEqualTo(EventTypes.COMPLETION_REVIEWED_V1);
        JsonNode payload = mapper.readTree(last.payload).path("data");
        assertThat(payload.path("completionId").asText()).isEqualTo(id);
        assertThat(payload.path("version").asLong()).isEqualTo(2);
        assertThat(payload.path("verification").asText()).isEqualTo("REJECTED");
        assertThat(payload.path("changedBy").asText()).isEqualTo(subject);
        assertThat(payload.path("title").asText()).isEqualTo(TITLE);
    }

    @Test
    void requiresTheCurrentVersionButAnswersARetriedDecisionUnchanged() {
        String id = record(completion(nip, "test-lms", TITLE));
        decide(token, id, null, verified()).then().statusCode(428).contentType(Problem.MEDIA_TYPE);
        decide(token, id, 1L, verified()).then().statusCode(200).header("ETag", "\"2\"");

        // The retry of a decision whose answer was lost: same decision, the version it was made on.
        decide(token, id, 1L, verified()).then().statusCode(200).header("ETag", "\"2\"");
        // Another decision on a stale version is refused.
        decide(token, id, 1L, rejected("NO_EVIDENCE", null)).then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        given().get("/api/v1/completions/{id}", id).then().body("version", equalTo(2))
                .body("verification", equalTo("VERIFIED"));
    }

    @Test
    void refusesADecisionOnAVoidedCompletion() {
        String id = record(completion(nip, "test-lms", TITLE));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"Salah input\"}")
                .post("/api/v1/completions/{id}/void", id).then().statusCode(200);

        decide(token, id, 2L, verified()).then().statusCode(409).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void refusesTheVerifierWhoRecordedTheCompletion() {
        String reporter = "operator-" + UUID.randomUUID();
        String id = given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER)
                        .units(unit).subject(reporter))).contentType(ContentType.JSON)
                .body(completion(nip, "test-lms", TITLE)).post("/api/v1/completions").then().statusCode(201)
                .extract().path("id");

        decide(verifier(reporter, unit), id, 1L, verified()).then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("You recorded this completion: another verifier must decide on it."));
        decide(token, id, 1L, verified()).then().statusCode(200);
    }

    @Test
    void refusesTheVerifierWhoseOwnTrainingItIs() {
        String id = record(completion(nip, "test-lms", TITLE));

        decide(verifier(nip, unit), id, 1L, rejected("WRONG_DATES", null)).then().statusCode(403)
                .body("detail", equalTo("This is your own training: another verifier must decide on it."));
        given().get("/api/v1/completions/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void answersACompletionOutsideTheVerifiersUnitsLikeAnUnknownOneBeforeAnyOtherCheck() {
        String id = record(completion(nip, "test-lms", TITLE));
        String elsewhere = verifier(subject, unit(null));

        Response outside = decide(elsewhere, id, null, verified());
        Response unknown = decide(elsewhere, UUID.randomUUID().toString(), null, verified());

        outside.then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        assertThat(outside.jsonPath().getString("detail")).isEqualTo(unknown.jsonPath().getString("detail"));
        assertThat(outside.asString()).doesNotContain(nip, id);
    }

    @Test
    void letsOnlyVerifiersDecide() {
        String id = record(completion(nip, "test-lms", TITLE));
        for (String role : List.of(Access.TRAINING_WRITER, Access.TRAINING_READER, Access.ADMIN)) {
            decide(TestTokens.bearer(Token.withRoles(role).units(unit).subject(subject)), id, 1L, verified())
                    .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        }
        given().get("/api/v1/completions/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void letsAVerifierReadTheCompletionsOfItsUnits() {
        String id = record(completion(nip, "test-lms", TITLE));
        given().header("Authorization", token).get("/api/v1/completions/{id}", id).then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/completions/{id}/history", id).then().statusCode(200);
        given().header("Authorization", token).queryParam("nip", nip).get("/api/v1/completions").then()
                .statusCode(200).body("items.id", contains(id));
    }

    @Test
    void refusesWhatAGuardFindsMissingBeforeVerifyingAndChangesNothing() {
        String id = record(completion(nip, "test-lms", "Bimtek " + MissingEvidenceGuard.MARKER));

        decide(token, id, 1L, verified()).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("certificate"));
        // A rejection needs no evidence.
        decide(token, id, 1L, rejected("NO_EVIDENCE", null)).then().statusCode(200);
        decide(token, id, 2L, verified()).then().statusCode(400);
        given().get("/api/v1/completions/{id}", id).then().body("version", equalTo(2))
                .body("verification", equalTo("REJECTED"));
    }

    @Test
    void refusesAnInvalidDecisionNamingEachField() {
        String id = record(completion(nip, "test-lms", TITLE));
        Map<String, List<String>> cases = Map.of(
                "{}", List.of("decision"),
                "{\"decision\":\"SUBMITTED\"}", List.of("decision"),
                "{\"decision\":\"REJECTED\"}", List.of("reasonCode"),
                "{\"decision\":\"REJECTED\",\"reasonCode\":\"LAZY\"}", List.of("reasonCode"),
                "{\"decision\":\"REJECTED\",\"reasonCode\":\"OTHER\",\"note\":\"  \"}", List.of("note"),
                "{\"decision\":\"VERIFIED\",\"reasonCode\":\"WRONG_JP\",\"note\":\"ok\"}", List.of("reasonCode", "note"),
                "{\"decision\":\"REJECTED\",\"reasonCode\":\"OTHER\",\"note\":\"" + "x".repeat(2001) + "\"}",
                List.of("note"));
        cases.forEach((body, fields) -> decide(token, id, 1L, body).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", containsInAnyOrder(fields.toArray())));

        decide(token, id, 1L, "{\"decision\":\"REJECTED\",\"reasonCode\":\"OTHER\",\"note\":\"" + "x".repeat(2000)
                + "\"}").then().statusCode(200);
    }

    @Test
    void listsCompletionsByVerificationState() {
        String waiting = record(completion(nip, "test-lms", TITLE));
        String refused = record(completion(nip, "test-lms", TITLE));
        decide(token, refused, 1L, rejected("DUPLICATE", null)).then().statusCode(200);

        given().queryParam("nip", nip).queryParam("verification", "REJECTED").get("/api/v1/completions").then()
                .statusCode(200).body("items.id", contains(refused));
        given().queryParam("nip", nip).queryParam("verification", "SUBMITTED").get("/api/v1/completions").then()
                .statusCode(200).body("items.id", contains(waiting));
        given().queryParam("verification", "MAYBE").get("/api/v1/completions").then().statusCode(400)
                .body("errors.field", hasItem("verification"));
    }

    @Test
    void auditsEachDecisionWithTheStateBeforeIt() {
        String id = record(completion(nip, "test-lms", TITLE));
        decide(token, id, 1L, rejected("WRONG_EMPLOYEE", null)).then().statusCode(200);

        String admin = Verification.admin("verification-auditor");
        Map<String, Object> entry = await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Map<String, Object>> entries = given().header("Authorization", admin).queryParam("subject", subject)
                    .get("/api/v1/admin/audit").then().statusCode(200).extract().jsonPath().getList("entries");
            return entries.stream().filter(e -> "completion.verify".equals(e.get("action"))).findFirst().orElse(null);
        }, e -> e != null);
        assertThat(entry).containsEntry("outcome", "done").containsEntry("status", 200).containsEntry("targetNip", nip);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) entry.get("details");
        assertThat(details).containsEntry("decision", "REJECTED").containsEntry("reasonCode", "WRONG_EMPLOYEE")
                .containsEntry("before", "SUBMITTED").containsEntry("changed", true);
    }

    /** A fresh completion of the test's employee in state {@code state}, reached the way a verifier reaches it. */
    private String completionIn(VerificationState state) {
        if (state == VerificationState.AUTO_VERIFIED) {
            String source = "trusted-" + UUID.randomUUID().toString().substring(0, 8);
            trust(unit, source);
            String id = record(completion(nip, source, TITLE));
            given().get("/api/v1/completions/{id}", id).then().body("verification", equalTo("AUTO_VERIFIED"));
            return id;
        }
        String id = record(completion(nip, "test-lms", TITLE));
        if (state == VerificationState.VERIFIED) {
            decide(token, id, 1L, verified()).then().statusCode(200);
        } else if (state == VerificationState.REJECTED) {
            decide(token, id, 1L, rejected("NO_EVIDENCE", "Sertifikat tidak ada")).then().statusCode(200);
        }
        return id;
    }

    private static long versionOf(String id) {
        return given().get("/api/v1/completions/{id}", id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
    }
}
