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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.Test;

/** Retries are safe: by (sourceSystem, externalId), by Idempotency-Key, and under concurrency. */
@QuarkusTest
class CompletionIdempotencyTest {

    private static final int THREADS = 16;

    @Inject
    CompletionRepository completions;

    @Test
    void returnsTheFirstRecordForARetryWithTheSameIdempotencyKey() {
        String nip = registeredEmployee();
        String key = "key-" + UUID.randomUUID();
        String body = completionJson(nip, "ik-" + UUID.randomUUID());
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/completions")
                .then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void refusesAnIdempotencyKeyReusedForOtherContentNamingTheFirstRecord() {
        String nip = registeredEmployee();
        String key = "key-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(completionJson(nip, "ik-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(completionJson(nip, "ik-" + UUID.randomUUID()))
                .when().post("/api/v1/completions")
                .then().statusCode(409).body("detail", containsString(first));
    }

    @Test
    void recordsExactlyOnceWhenManyThreadsSendTheSameCompletionAtOnce() throws Exception {
        String nip = registeredEmployee();
        String externalId = "race-" + UUID.randomUUID();
        String key = "race-key-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                Callable<Response> post = () -> {
                    start.await();
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body(completionJson(nip, externalId)).post("/api/v1/completions");
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }

            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).containsOnly(ids.get(0));
            long stored = QuarkusTransaction.requiringNew()
                    .call(() -> completions.count("sourceSystem = ?1 and externalId = ?2", "test-lms", externalId));
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
