package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompletionResourceTest {

    @Inject
    CompletionRepository completions;

    @Inject
    OutboxRepository outbox;

    private String nip;

    @BeforeEach
    void employee() {
        nip = registeredEmployee();
    }

    @Test
    void recordsACompletionWithItsMethodYearAndRecognisedJp() {
        String id = given().contentType(ContentType.JSON).body(completionJson(nip, "ext-" + UUID.randomUUID()))
                .when().post("/api/v1/completions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("nip", equalTo(nip))
                .body("version", equalTo(1))
                .body("method", equalTo("KLASIKAL"))
                .body("year", equalTo(2026))
                .body("recognizedJp", equalTo(24.0f))
                .extract().path("id");
        given().when().get("/api/v1/completions/{id}", id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void countsAWorkshopGivenInDaysAtFiveJpADay() {
        String body = completionJson(nip, "ws-" + UUID.randomUUID())
                .replace("\"kindId\":3", "\"kindId\":4").replace("\"jp\":24", "\"days\":2");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(10.0f)).body("jp", equalTo(null));
    }

    @Test
    void returnsTheFirstRecordWhenTheSameRequestIsRetried() {
        String body = completionJson(nip, "retry-" + UUID.randomUUID());
        String first = given().contentType(ContentType.JSON).body(body).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        long events = countEvents();
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/completions")
                .then().statusCode(200).body("id", equalTo(first));
        assertThat(countEvents()).isEqualTo(events);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForOtherContent() {
        String externalId = "reuse-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(completionJson(nip, externalId)).post("/api/v1/completions")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(completionJson(nip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .when().post("/api/v1/completions")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("status", equalTo(409));
    }

    @Test
    void rejectsCompletionInTheFuture() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1);
        String body = completionJson(nip, "future-" + UUID.randomUUID())
                .replace("2026-03-02", tomorrow.toString()).replace("2026-03-05", tomorrow.toString());
        assertRejectedWithoutChange(body, "endDate");
    }

    @Test
    void rejectsACompletionForAnUnknownEmployee() {
        assertRejectedWithoutChange(completionJson("199001012015011001", "unknown-" + UUID.randomUUID()), "nip");
    }

    @Test
    void rejectsACompletionEndingOutsideTheEmployeesService() {
        assertRejectedWithoutChange(completionJson(nip, "before-" + UUID.randomUUID())
                .replace("2026-03-02", "2009-12-01").replace("2026-03-05", "2009-12-31"), "endDate");
    }

    @Test
    void rejectsJpOutsideTheRangeOrWithMoreThanTwoDecimals() {
        assertRejectedWithoutChange(completionJson(nip, "zero-" + UUID.randomUUID()).replace("\"jp\":24", "\"jp\":0"), "jp");
        assertRejectedWithoutChange(completionJson(nip, "huge-" + UUID.randomUUID()).replace("\"jp\":24", "\"jp\":1000.01"),
                "jp");
        assertRejectedWithoutChange(completionJson(nip, "fine-" + UUID.randomUUID()).replace("\"jp\":24", "\"jp\":2.125"),
                "jp");
    }

    @Test
    void acceptsTheLargestAllowedJp() {
        given().contentType(ContentType.JSON)
                .body(completionJson(nip, "max-" + UUID.randomUUID()).replace("\"jp\":24", "\"jp\":1000"))
                .when().post("/api/v1/completions")
                .then().statusCode(201).body("recognizedJp", equalTo(1000.0f));
    }

    @Test
    void rejectsTextOverItsLengthLimitOrEmpty() {
        assertRejectedWithoutChange(completionJson(nip, "long-" + UUID.randomUUID())
                .replace("Pelatihan Analisis Kebijakan", "x".repeat(301)), "title");
        assertRejectedWithoutChange(completionJson(nip, "empty-" + UUID.randomUUID())
                .replace("BPSDMD Provinsi Jawa Tengah", ""), "provider");
    }

    @Test
    void rejectsAKindOutsideTheNationalList() {
        assertRejectedWithoutChange(completionJson(nip, "kind-" + UUID.randomUUID()).replace("\"kindId\":3", "\"kindId\":26"),
                "kindId");
    }

    @Test
    void rejectsATrainingWithoutJpUnlessCountedByDays() {
        assertRejectedWithoutChange(completionJson(nip, "nojp-" + UUID.randomUUID()).replace(",\"jp\":24", ""), "jp");
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertRejectedWithoutChange(completionJson(nip, "order-" + UUID.randomUUID()).replace("2026-03-02", "2026-03-09"),
                "endDate");
    }

    @Test
    void rejectsUnknownJsonFields() {
        assertRejectedWithoutChange(completionJson(nip, "extra-" + UUID.randomUUID()).replace("{", "{\"isAdmin\":true,"),
                "isAdmin");
    }

    @Test
    void rejectsAWronglyTypedDate() {
        assertRejectedWithoutChange(completionJson(nip, "date-" + UUID.randomUUID()).replace("2026-03-05", "5 March"),
                "endDate");
    }

    @Test
    void rejectsMalformedJson() {
        assertRejectedWithoutChange("{\"nip\": ", "body");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertRejectedWithoutChange("", "body");
    }

    @Test
    void listsEveryMissingFieldAtOnce() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/completions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("nip", "title", "kindId", "competencyType", "deliveryMode", "provider",
                        "startDate", "endDate", "sourceSystem", "externalId"));
    }

    private void assertRejectedWithoutChange(String body, String field) {
        long before = countCompletions();
        long events = countEvents();
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/completions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        assertThat(countCompletions()).isEqualTo(before);
        assertThat(countEvents()).isEqualTo(events);
    }

    private long countCompletions() {
        return QuarkusTransaction.requiringNew().call(completions::count);
    }

    private long countEvents() {
        return QuarkusTransaction.requiringNew().call(outbox::count);
    }
}
