package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.support.limits.Admission;
import org.jpledger.support.limits.LimitsConfig;
import org.jpledger.training.config.IngestConfig;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.service.IngestWorkers;
import org.junit.jupiter.api.Test;
import org.jpledger.training.xapi.rest.Xapi;

/**
 * Bulk intake is bounded: a batch, an import, an import job's upload, a SIASN reconciliation or an xAPI statement
 * request finding jpledger.ingest.queue-size bulk requests admitted is refused with 429 and Retry-After before anything
 * is recorded, and each client's batches have an allowance of their own (jpledger.limits.kind.batch).
 */
@QuarkusTest
class BulkIntakeLimitsTest {

    @Inject
    IngestWorkers workers;

    @Inject
    IngestConfig ingest;

    @Inject
    LimitsConfig limits;

    @Inject
    CompletionRepository completions;

    @Test
    void refusesABatchAnImportAndStatementsWhileTheQueueIsFullRecordingNothingAndTakesThemOnceItHasRoom() {
        String nip = registeredEmployee();
        String prefix = "queue-full-" + UUID.randomUUID();
        String token = token();
        UUID statementId = UUID.randomUUID();
        List<Admission.Ticket> held = new ArrayList<>();
        try {
            // Slots held here, as that many slow bulk requests would hold them: deterministic, where real ones would race.
            while (workers.admitted() < ingest.queueSize()) {
                held.add(workers.admit());
            }

            Response batch = batch(token, "[" + completionJson(nip, prefix + "-batch") + "]");
            Response csv = given().header("Authorization", token).contentType("text/csv")
                    .body("nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,"
                            + "externalId\n" + nip + ",Pelatihan,3,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05,24,"
                            + "test-lms," + prefix + "-import\n")
                    .post("/api/v1/completions/import");

            Response statement = Xapi.lms().body(Xapi.completed(statementId, nip)).post("/xapi/statements");
            Response job = given().header("Authorization", token).contentType("text/csv")
                    .body("nip,title\n").post("/api/v1/completions/imports");
            Response reconciliation = given().header("Authorization", TestTokens.bearer(Token
                            .withRoles(Access.SIASN_OPERATOR).units(Access.ALL_UNITS).client("queue-full-siasn")))
                    .contentType("text/csv").queryParam("unitCode", "ANY")
                    .body("nip,jenisDiklatId\n").post("/api/v1/siasn/reconciliations");

            for (Response refused : List.of(batch, csv, statement, job, reconciliation)) {
                refused.then().statusCode(429).contentType(Problem.MEDIA_TYPE).body("status", equalTo(429));
                assertThat(Long.parseLong(refused.header("Retry-After")))
                        .isEqualTo(ingest.busyRetryAfter().toSeconds());
            }
            assertThat(recorded(prefix)).isZero();
            Xapi.lms().queryParam("statementId", statementId.toString()).get("/xapi/statements").then().statusCode(404);
        } finally {
            held.forEach(Admission.Ticket::close);
        }
        batch(token, "[" + completionJson(nip, prefix + "-batch") + "]").then().statusCode(200)
                .body("created", equalTo(1));
        assertThat(recorded(prefix)).isEqualTo(1);
        Xapi.lms().body(Xapi.completed(statementId, nip)).post("/xapi/statements").then().statusCode(200);
        assertThat(workers.admitted()).isZero();
    }

    @Test
    void refusesBatchesOfAClientPastItsOwnAllowanceAndStillLetsAnotherClientIn() {
        LimitsConfig.Allowance batches = limits.kind().get("batch");
        double refillPerSecond = batches.calls()
                / (double) batches.window().orElse(limits.expensiveWindow()).toSeconds();
        String token = token();
        long start = System.nanoTime();
        int accepted = 0;
        Response answer;
        // The bucket refills while the calls are made, so a few more than the burst may pass before the first refusal.
        while ((answer = batch(token, "[]")).statusCode() != 429 && accepted < 3 * batches.calls()) {
            // An empty batch is refused (400) after the allowance is counted, and costs no database work.
            answer.then().statusCode(400);
            accepted++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        answer.then().statusCode(429).contentType(Problem.MEDIA_TYPE).body("detail", containsString("batch"));
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
        assertThat(accepted).isBetween(batches.calls(), batches.calls() + (int) Math.ceil(seconds * refillPerSecond));
        batch(token(), "[]").then().statusCode(400);
    }

    private long recorded(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> completions.count("externalId like ?1", prefix + "%"));
    }

    private static Response batch(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/completions/batch");
    }

    /** A client of its own for each test, so that none spends another's allowance. */
    private static String token() {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .client("bulk-limits-" + UUID.randomUUID()).subject("bulk-limits-test"));
    }
}
