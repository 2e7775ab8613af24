package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import org.jpledger.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the run command starts it (PostgreSQL, a KRaft broker, both services as separate processes): what is
 * written to training-service shows up in reporting-service.
 */
class EndToEndTest {

    private static final String UNIT = "E2E-BKD";
    private static final String NIP = "198503122010012003";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path logs;

    private static LocalStack stack;

    @BeforeAll
    static void startSystem() {
        Path root = ProjectRoot.path();
        stack = LocalStack.start(new LocalStack.Options(null, logs, LocalStack.Ports.free(),
                root.resolve("training-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar")));
        StackTokens.authorizeEverything(stack.keys());
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void yearlyTotalOfTwoCompletionsReachesReporting() throws InterruptedException {
        String training = stack.training().baseUrl();
        given().baseUri(training).contentType(ContentType.JSON)
                .body("{\"name\":\"Badan Kepegawaian Daerah\"}")
                .put("/api/v1/units/{code}", UNIT).then().statusCode(201);
        given().baseUri(training).contentType(ContentType.JSON)
                .body("""
                        {"name":"Siti Rahayu","employmentType":"PNS","positionLevel":"PENGAWAS","unitCode":"%s",
                         "employedFrom":"2010-01-01"}""".formatted(UNIT))
                .put("/api/v1/employees/{nip}", NIP).then().statusCode(201);
        postCompletion(training, "E2E-1", "\"kindId\":3,\"jp\":24");
        postCompletion(training, "E2E-2", "\"kindId\":4,\"days\":2");

        Response report = awaitTotal(stack.reporting().baseUrl(), 34.0);

        report.then().statusCode(200)
                .body("nip", equalTo(NIP))
                .body("year", equalTo(2026))
                .body("completionCount", equalTo(2));
    }

    private static void postCompletion(String training, String externalId, String amount) {
        given().baseUri(training).contentType(ContentType.JSON)
                .body("""
                        {"nip":"%s","title":"Pelatihan %s","%s,"competencyType":"TEKNIS","deliveryMode":"BLENDED",
                         "provider":"BPSDMD","startDate":"2026-03-02","endDate":"2026-03-03","sourceSystem":"e2e",
                         "externalId":"%s"}""".formatted(NIP, externalId, amount.substring(1), externalId))
                .post("/api/v1/completions").then().statusCode(201);
    }

    /** Polls the employee's 2026 compliance until it shows {@code expected} JP, or fails after a bounded wait. */
    private static Response awaitTotal(String reporting, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = given().baseUri(reporting).queryParam("year", 2026).get("/api/v1/compliance/employees/{nip}", NIP);
            if (last.statusCode() == 200 && last.jsonPath().getDouble("totalJp") == expected) {
                return last;
            }
            Thread.sleep(100);
        }
        assertThat(last).as("no answer from reporting-service").isNotNull();
        assertThat(last.asString()).as("reporting-service never showed %s JP", expected).contains("\"totalJp\":" + expected);
        return last;
    }
}
