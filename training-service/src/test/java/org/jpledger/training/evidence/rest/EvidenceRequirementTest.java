package org.jpledger.training.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.verification.service.VerificationGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence requirements per training kind, set by a policy admin, and the guard the verification asks: found among the
 * VerificationGuard beans, naming what a stored completion lacks.
 */
@QuarkusTest
class EvidenceRequirementTest {

    /** Diklat Fungsional: no other test records it, so requiring evidence for it disturbs none. */
    private static final int KIND = 2;

    @Inject
    Instance<VerificationGuard> guards;

    @Inject
    CompletionRepository completions;

    @AfterEach
    void nothingRequiredAgain() {
        require(KIND, false, false).then().statusCode(200);
    }

    @Test
    void everyKindIsListedAndNoneRequiresEvidenceByDefault() {
        given().get("/api/v1/verification/evidence-requirements").then().statusCode(200)
                .body("size()", equalTo(25)).body("[0].kindId", equalTo(1)).body("[0].issuesCertificate", equalTo(true))
                .body("[15].kindId", equalTo(16)).body("[15].issuesCertificate", equalTo(false))
                .body("[15].certificateNumber", equalTo(false)).body("[15].file", equalTo(false));
    }

    @Test
    void aPolicyAdminSetsAKindsRequirementAndOthersMayNot() {
        String admin = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).subject("kebijakan"));

        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"certificateNumber\":true,\"file\":false}")
                .put("/api/v1/verification/evidence-requirements/{kind}", KIND).then().statusCode(200)
                .body("kindId", equalTo(KIND)).body("certificateNumber", equalTo(true)).body("file", equalTo(false))
                .body("updatedBy", equalTo("kebijakan"));

        given().get("/api/v1/verification/evidence-requirements").then()
                .body("find { it.kindId == " + KIND + " }.certificateNumber", equalTo(true));
        String verifier = TestTokens.bearer(Token.withRoles(Access.TRAINING_VERIFIER).units(Access.ALL_UNITS)
                .subject("verifikator"));
        given().header("Authorization", verifier).contentType(ContentType.JSON)
                .body("{\"certificateNumber\":false,\"file\":false}")
                .put("/api/v1/verification/evidence-requirements/{kind}", KIND).then().statusCode(403);
        require(99, true, true).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"certificateNumber\":true}")
                .put("/api/v1/verification/evidence-requirements/{kind}", KIND).then().statusCode(400)
                .body("errors.field", hasItem("file"));
    }

    @Test
    void theEvidenceGuardNamesTheCertificateNumberAndTheFileAKindRequires() {
        require(KIND, true, true).then().statusCode(200);
        String nip = registeredEmployee();
        UUID without = record(nip, null);
        UUID numbered = record(nip, "STTPP/2026/0001");

        assertThat(missing(without)).extracting(FieldError::field).containsExactly("certificateNumber", "certificates");
        assertThat(missing(numbered)).extracting(FieldError::field).containsExactly("certificates");
        given().contentType("application/pdf").body(CertificateResourceTest.pdf("syarat"))
                .post("/api/v1/completions/{id}/certificates", numbered).then().statusCode(201);
        assertThat(missing(numbered)).isEmpty();
        require(KIND, false, false).then().statusCode(200);
        assertThat(missing(without)).isEmpty();
    }

    /** What every guard bean finds missing on the stored completion {@code id}. */
    private List<FieldError> missing(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FieldErrors missing = new FieldErrors();
            var completion = completions.findById(id);
            guards.forEach(guard -> guard.check(completion, missing));
            try {
                missing.throwIfAny();
                return List.<FieldError>of();
            } catch (InvalidRequestException e) {
                return e.errors();
            }
        });
    }

    private static UUID record(String nip, String certificateNumber) {
        String body = """
                {"nip":"%s","title":"Diklat Fungsional Analis Kebijakan","kindId":%d,"competencyType":"TEKNIS",
                 "deliveryMode":"LURING","provider":"LAN RI","startDate":"2026-03-02","endDate":"2026-03-05","jp":24,
                 %s"sourceSystem":"test-lms","externalId":"syarat-%s"}""".formatted(nip, KIND,
                certificateNumber == null ? "" : "\"certificateNumber\":\"" + certificateNumber + "\",",
                UUID.randomUUID());
        return UUID.fromString(given().contentType(ContentType.JSON).body(body).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id"));
    }

    private static io.restassured.response.Response require(int kind, boolean certificateNumber, boolean file) {
        return given().contentType(ContentType.JSON)
                .body("{\"certificateNumber\":" + certificateNumber + ",\"file\":" + file + "}")
                .put("/api/v1/verification/evidence-requirements/{kind}", kind);
    }
}
