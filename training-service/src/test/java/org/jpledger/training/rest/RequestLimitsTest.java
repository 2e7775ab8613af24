package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.support.limits.LimitsConfig;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.Test;
import org.jpledger.training.xapi.rest.StatementResource;

/** Expensive calls and xAPI statement writes are rate-limited per client, and request bodies are capped. */
@QuarkusTest
class RequestLimitsTest {

    private static final String EMPTY_IMPORT =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n";
    /** jpledger.limits.json-body */
    private static final int JSON_CAP = 4 * 1024 * 1024;

    @Inject
    CompletionRepository completions;

    @Inject
    LimitsConfig limits;

    @Test
    void refusesTheEleventhImportOfAClientWithinTheWindowAndStillLetsAnotherClientIn() {
        String client = clientToken("lms-" + UUID.randomUUID());
        for (int i = 1; i <= 10; i++) {
            importAs(client).then().statusCode(200);
        }

        Response refused = importAs(client);

        refused.then().statusCode(429).contentType(Problem.MEDIA_TYPE).body("status", equalTo(429));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        importAs(clientToken("lms-" + UUID.randomUUID())).then().statusCode(200);
    }

    @Test
    void refusesStatementWritesOfASystemPastItsOwnAllowanceAndStillLetsAnotherSystemIn() {
        String client = xapiWriter("lms-" + UUID.randomUUID());
        LimitsConfig.Allowance writes = limits.kind().get(StatementResource.WRITES);
        long started = System.nanoTime();
        int allowed = 0;
        // A body refused at once: every call spends the allowance, whatever it carries.
        Response answer = store(client, "42");
        while (answer.statusCode() == 400 && allowed <= 10 * writes.calls()) {
            allowed++;
            answer = store(client, "42");
        }
        long elapsed = System.nanoTime() - started;

        answer.then().statusCode(429).contentType(Problem.MEDIA_TYPE).body("status", equalTo(429));
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
        // The burst, and what refilled while the loop ran: never fewer, never more.
        long refilled = (long) Math.ceil((double) elapsed / writes.window().orElseThrow().toNanos() * writes.calls());
        assertThat(allowed).isBetween(writes.calls(), writes.calls() + (int) refilled);
        store(xapiWriter("lms-" + UUID.randomUUID()), "[]").then().statusCode(200);
    }

    @Test
    void refusesAJsonBodyOverTheCapRecordingNothing() {
        String nip = registeredEmployee();
        String prefix = "cap-" + UUID.randomUUID();
        String items = IntStream.range(0, 10).mapToObj(i -> completionJson(nip, prefix + "-" + i))
                .collect(Collectors.joining(","));
        // Valid items, padded with whitespace JSON allows: only the size can be the reason for a refusal.
        String padded = "[" + items + " ".repeat(JSON_CAP) + "]";

        given().contentType(ContentType.JSON).body(padded)
                .when().post("/api/v1/completions/batch")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("status", equalTo(413));

        assertThat(QuarkusTransaction.requiringNew().call(() -> completions.count("externalId like ?1", prefix + "%")))
                .isZero();
        given().contentType(ContentType.JSON).body("[" + items + "]")
                .when().post("/api/v1/completions/batch")
                .then().statusCode(200).body("created", equalTo(10));
    }

    private static String clientToken(String client) {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS).client(client)
                .subject("limits-test"));
    }

    private static String xapiWriter(String client) {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS).client(client)
                .subject("limits-test"));
    }

    private static Response store(String authorization, String statements) {
        return given().header("Authorization", authorization).header("X-Experience-API-Version", "2.0.0")
                .contentType(ContentType.JSON).body(statements).post("/xapi/statements");
    }

    private static Response importAs(String authorization) {
        return given().header("Authorization", authorization).contentType("text/csv").body(EMPTY_IMPORT)
                .post("/api/v1/completions/import");
    }
}
