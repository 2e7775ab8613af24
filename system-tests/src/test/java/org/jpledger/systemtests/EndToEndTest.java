package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
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
    private static final String XAPI_NIP = "199001012012011004";
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
        registerEmployee(training, NIP, "Siti Rahayu", "PENGAWAS");
        postCompletion(training, "E2E-1", "\"kindId\":3,\"jp\":24");
        postCompletion(training, "E2E-2", "\"kindId\":4,\"days\":2");

        Response report = awaitTotal(stack.reporting().baseUrl(), NIP, 34.0);

        report.then().statusCode(200)
                .body("nip", equalTo(NIP))
                .body("year", equalTo(2026))
                .body("completionCount", equalTo(2));
    }

    @Test
    void completionSentByALearningPlatformOverXapiCountsUntilItsStatementIsVoided() throws InterruptedException {
        String training = stack.training().baseUrl();
        registerEmployee(training, XAPI_NIP, "Budi Santoso", "PELAKSANA");
        String statementId = UUID.randomUUID().toString();

        // As a learning platform sends it: HTTP Basic as the run command's demo system, no JP Ledger token.
        lms(training).body("""
                        {"id":"%s","actor":{"objectType":"Agent","name":"Budi Santoso",
                          "account":{"homePage":"https://siasn.bkn.go.id","name":"%s"}},
                         "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
                         "object":{"id":"https://lms.example.go.id/course/etika-asn",
                          "definition":{"name":{"id-ID":"Etika ASN"}}},
                         "result":{"completion":true,"duration":"PT6H"},
                         "context":{"platform":"LMS Contoh","extensions":{
                           "https://jpledger.id/xapi/extensions/kind":16,
                           "https://jpledger.id/xapi/extensions/competency-type":"SOSIAL_KULTURAL"}},
                         "timestamp":"2026-04-10T10:00:00+07:00"}""".formatted(statementId, XAPI_NIP))
                .post("/xapi/statements").then().statusCode(200);

        // 360 minutes at 45 a lesson hour
        awaitTotal(stack.reporting().baseUrl(), XAPI_NIP, 8.0).then().body("completionCount", equalTo(1));

        lms(training).body("""
                        {"actor":{"mbox":"mailto:admin@lms.example.go.id"},
                         "verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                         "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(statementId))
                .post("/xapi/statements").then().statusCode(200);

        awaitTotal(stack.reporting().baseUrl(), XAPI_NIP, 0.0);
    }

    /** Registers the employee in the test's unit, which the first test to run creates. */
    private static void registerEmployee(String training, String nip, String name, String positionLevel) {
        given().baseUri(training).contentType(ContentType.JSON)
                .body("{\"name\":\"Badan Kepegawaian Daerah\"}")
                .put("/api/v1/units/{code}", UNIT).then().statusCode(anyOf(equalTo(200), equalTo(201)));
        given().baseUri(training).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","employmentType":"PNS","positionLevel":"%s","unitCode":"%s",
                         "employedFrom":"2010-01-01"}""".formatted(name, positionLevel, UNIT))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(201);
    }

    private static RequestSpecification lms(String training) {
        return given().baseUri(training).contentType(ContentType.JSON).header("X-Experience-API-Version", "2.0.0")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demo-lms:demo-lms-secret".getBytes(StandardCharsets.UTF_8)));
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
    private static Response awaitTotal(String reporting, String nip, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = given().baseUri(reporting).queryParam("year", 2026).get("/api/v1/compliance/employees/{nip}", nip);
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
