package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amending and voiding: new versions under If-Match, history kept, voided records frozen. */
@QuarkusTest
class CompletionLifecycleTest {

    private String nip;
    private String externalId;
    private String id;

    @BeforeEach
    void recorded() {
        nip = registeredEmployee();
        externalId = "life-" + UUID.randomUUID();
        id = given().contentType(ContentType.JSON).body(completionJson(nip, externalId))
                .post("/api/v1/completions").then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
    }

    @Test
    void amendsAsANewVersionWithTheFullNewState() {
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .when().put("/api/v1/completions/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("recognizedJp", equalTo(30.0f)).body("status", equalTo("ACTIVE"));
        given().when().get("/api/v1/completions/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"").body("jp", equalTo(30.0f));
    }

    @Test
    void refusesAnAmendmentOfAStaleVersion() {
        amendToThirty();
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":12"))
                .when().put("/api/v1/completions/{id}", id)
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        given().when().get("/api/v1/completions/{id}", id).then().body("version", equalTo(2)).body("jp", equalTo(30.0f));
    }

    @Test
    void requiresIfMatchToAmendOrVoid() {
        given().contentType(ContentType.JSON).body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":12"))
                .when().put("/api/v1/completions/{id}", id)
                .then().statusCode(428).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body("{\"reason\":\"duplicate\"}")
                .when().post("/api/v1/completions/{id}/void", id)
                .then().statusCode(428).contentType(Problem.MEDIA_TYPE);
        given().when().get("/api/v1/completions/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void refusesToMoveACompletionToAnotherEmployee() {
        String other = registeredEmployee();
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(completionJson(other, externalId))
                .when().put("/api/v1/completions/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("nip"));
    }

    @Test
    void voidsACompletionWhichStaysReadableWithItsStatus() {
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"Sertifikat ganda\"}")
                .when().post("/api/v1/completions/{id}/void", id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("VOIDED")).body("voidReason", equalTo("Sertifikat ganda"));
        given().when().get("/api/v1/completions/{id}", id)
                .then().statusCode(200).body("status", equalTo("VOIDED")).body("version", equalTo(2));
    }

    @Test
    void refusesToAmendOrVoidAVoidedCompletion() {
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"wrong employee\"}")
                .post("/api/v1/completions/{id}/void", id).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"reason\":\"again\"}")
                .when().post("/api/v1/completions/{id}/void", id)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":12"))
                .when().put("/api/v1/completions/{id}", id)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE);
        given().when().get("/api/v1/completions/{id}", id).then().body("version", equalTo(2));
    }

    @Test
    void requiresAReasonToVoid() {
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"\"}")
                .when().post("/api/v1/completions/{id}/void", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void keepsEveryVersionInTheHistoryWithTheTokenSubjectAsWhoAndWhen() {
        amendToThirty();
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"reason\":\"Sertifikat ganda\"}")
                .post("/api/v1/completions/{id}/void", id).then().statusCode(200);

        given().when().get("/api/v1/completions/{id}/history", id)
                .then().statusCode(200)
                .body("version", contains(1, 2, 3))
                .body("change", contains("RECORDED", "AMENDED", "VOIDED"))
                .body("completion.jp", contains(24.0f, 30.0f, 30.0f))
                .body("completion.status", contains("ACTIVE", "ACTIVE", "VOIDED"))
                .body("changedBy", contains(TestTokens.TEST_SUITE, TestTokens.TEST_SUITE, TestTokens.TEST_SUITE))
                .body("[2].changedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void answersAnUnknownCompletionWithNotFound() {
        UUID unknown = UUID.randomUUID();
        given().when().get("/api/v1/completions/{id}/history", unknown).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"x\"}")
                .when().post("/api/v1/completions/{id}/void", unknown).then().statusCode(404);
    }

    private void amendToThirty() {
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .put("/api/v1/completions/{id}", id).then().statusCode(200);
    }
}
