package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.Test;

/** An instance that records no jobs keeps them queued, and a queued job is cancelled at once. */
@QuarkusTest
@TestProfile(ImportJobQueueTest.NoWorker.class)
class ImportJobQueueTest {

    private static final String JOBS = "/api/v1/completions/imports";

    /** This instance stores files but records no jobs. */
    public static class NoWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jpledger.imports.worker-enabled", "false");
        }
    }

    @Test
    void cancelsAQueuedJobAtOnceAndRefusesToCancelItAgain() {
        String writer = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .client("job-queue-" + UUID.randomUUID()).subject("job-queue"));
        String id = given().header("Authorization", writer).contentType("text/csv")
                .body("nip,title\n".getBytes(StandardCharsets.UTF_8)).post(JOBS).then().statusCode(202)
                .body("state", equalTo("QUEUED")).extract().path("id");
        given().header("Authorization", writer).get(JOBS + "/{id}", id).then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("rowsRead", equalTo(0));

        given().header("Authorization", writer).post(JOBS + "/{id}/cancel", id).then().statusCode(202)
                .body("state", equalTo("CANCELLED")).body("cancelRequested", equalTo(false));
        given().header("Authorization", writer).get(JOBS + "/{id}", id).then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("finishedAt", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", writer).post(JOBS + "/{id}/cancel", id).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE);
    }
}
