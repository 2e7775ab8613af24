package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.training.verification.rest.Verification.completion;
import static org.jpledger.training.verification.rest.Verification.decide;
import static org.jpledger.training.verification.rest.Verification.employee;
import static org.jpledger.training.verification.rest.Verification.rejected;
import static org.jpledger.training.verification.rest.Verification.trust;
import static org.jpledger.training.verification.rest.Verification.unit;
import static org.jpledger.training.verification.rest.Verification.verified;
import static org.jpledger.training.verification.rest.Verification.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amending a decided completion: a change of a counted field (what counts, and the certificate number the evidence is
 * checked against) sends it back to SUBMITTED with the decision cleared; other fields keep the decision.
 */
@QuarkusTest
class AmendedVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String unit;
    private String nip;
    private String token;

    @BeforeEach
    void employeeAndVerifier() {
        unit = unit(null);
        nip = employee(unit);
        token = verifier("amend-verifier-" + UUID.randomUUID(), unit);
    }

    @ParameterizedTest(name = "{0} amended in {1}: {3}")
    @CsvSource({
        "VERIFIED, jp, 30, SUBMITTED",
        "VERIFIED, endDate, 2026-03-06, SUBMITTED",
        "VERIFIED, startDate, 2026-03-03, SUBMITTED",
        "VERIFIED, kindId, 1, SUBMITTED",
        "VERIFIED, certificateNumber, CERT-2, SUBMITTED",
        "VERIFIED, title, Pelatihan Analisis Kebijakan Publik, VERIFIED",
        "VERIFIED, provider, BPSDM Kemendagri, VERIFIED",
        "VERIFIED, deliveryMode, BLENDED, VERIFIED",
        "VERIFIED, competencyType, MANAJERIAL, VERIFIED",
        "REJECTED, jp, 16, SUBMITTED",
        "REJECTED, title, Bimtek, REJECTED",
        "AUTO_VERIFIED, jp, 30, SUBMITTED",
        "AUTO_VERIFIED, provider, BPSDM Kemendagri, AUTO_VERIFIED"
    })
    void returnsToSubmittedOnlyWhenACountedFieldChanges(String state, String field, String value, String after)
            throws Exception {
        String source = "test-lms";
        if ("AUTO_VERIFIED".equals(state)) {
            source = "trusted-" + UUID.randomUUID().toString().substring(0, 8);
            trust(unit, source);
        }
        String body = completion(nip, source, "Pelatihan Analisis Kebijakan");
        String id = Verification.record(body);
        long version = 1;
        if ("VERIFIED".equals(state)) {
            decide(token, id, version++, verified()).then().statusCode(200);
        } else if ("REJECTED".equals(state)) {
            decide(token, id, version++, rejected("WRONG_JP", "JP tertulis 16")).then().statusCode(200);
        }
        ObjectNode amended = (ObjectNode) JSON.readTree(body);
        if ("jp".equals(field) || "kindId".equals(field)) {
            amended.put(field, Integer.parseInt(value));
        } else {
            amended.put(field, value);
        }

        ValidatableResponse answer = given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(amended.toString()).put("/api/v1/completions/{id}", id).then().statusCode(200)
                .body("verification", equalTo(after));

        if ("SUBMITTED".equals(after)) {
            answer.body("verifiedBy", nullValue()).body("verifiedAt", nullValue()).body("rejection", nullValue());
        } else if (!"AUTO_VERIFIED".equals(after)) {
            answer.body("verifiedBy", equalTo(given().get("/api/v1/completions/{id}/history", id).then().extract()
                    .jsonPath().getString("changedBy[1]")));
        }
    }
}
