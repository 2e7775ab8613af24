package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.LMS;
import static org.jpledger.training.xapi.rest.Xapi.completed;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.training.TestData;
import org.junit.jupiter.api.Test;

/**
 * Statements under the JP Ledger profile become completions through the same rules as the REST API; the others are
 * stored and do not count, with the reason shown to admins.
 */
@QuarkusTest
class StatementCompletionTest {

    @Test
    void aCompletionStatementAsAnLmsSendsItBecomesACompletion() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();

        lms().body(completed(id, nip)).post("/xapi/statements").then().statusCode(200);

        Map<String, Object> completion = onlyCompletionOf(nip);
        assertThat(completion).containsEntry("sourceSystem", LMS).containsEntry("externalId", id.toString())
                .containsEntry("title", "Analisis Kebijakan Publik").containsEntry("kindId", 16)
                .containsEntry("method", "NONKLASIKAL").containsEntry("competencyType", "TEKNIS")
                .containsEntry("deliveryMode", "DARING").containsEntry("provider", "LMS BPSDMD Jawa Tengah")
                .containsEntry("startDate", "2026-03-05").containsEntry("endDate", "2026-03-05")
                .containsEntry("status", "ACTIVE");
        assertThat(((Number) completion.get("recognizedJp")).doubleValue()).isEqualTo(8.0);
        JsonPath outcome = outcomeOf(id);
        assertThat(outcome.getString("outcome")).isEqualTo("RECORDED");
        assertThat(outcome.getString("completionId")).isEqualTo(completion.get("id"));
    }

    @Test
    void passedCountsAsCompletedAndJpComesFromTheDurationWhenNotStated() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();
        String passed = completed(id, nip, "\"duration\":\"PT3H\"")
                .replace("http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed");

        lms().body(passed).post("/xapi/statements").then().statusCode(200);

        // 180 minutes at 45 minutes a lesson hour
        assertThat(((Number) onlyCompletionOf(nip).get("jp")).doubleValue()).isEqualTo(4.0);
    }

    @Test
    void aStatementSentAgainRecordsNoSecondCompletion() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();

        lms().body(completed(id, nip)).post("/xapi/statements").then().statusCode(200);
        lms().queryParam("statementId", id.toString()).body(completed(id, nip)).put("/xapi/statements")
                .then().statusCode(204);
        lms().body("[" + completed(id, nip) + "]").post("/xapi/statements").then().statusCode(200);

        assertThat(onlyCompletionOf(nip)).containsEntry("externalId", id.toString());
    }

    @Test
    void aBatchRecordsEachOfItsCompletions() {
        String nip = TestData.registeredEmployee();

        lms().body("[" + completed(UUID.randomUUID(), nip) + "," + completed(UUID.randomUUID(), nip) + "]")
                .post("/xapi/statements").then().statusCode(200);

        assertThat(completionsOf(nip)).hasSize(2);
    }

    @Test
    void aStatementThatCannotBeACompletionIsStoredDoesNotCountAndAdminsSeeWhy() {
        String nip = TestData.registeredEmployee();
        UUID noKind = UUID.randomUUID();
        UUID unknownEmployee = UUID.randomUUID();
        UUID future = UUID.randomUUID();

        lms().body("[" + completed(noKind, nip).replace("\"https://jpledger.id/xapi/extensions/kind\":16,", "") + ","
                        + completed(unknownEmployee, TestData.freshNip()) + ","
                        + completed(future, nip).replace("2026-03-05T09:30:00+07:00", "2099-01-01T00:00:00Z") + "]")
                .post("/xapi/statements").then().statusCode(200);

        lms().queryParam("statementId", noKind.toString()).get("/xapi/statements").then().statusCode(200);
        assertThat(completionsOf(nip)).isEmpty();
        assertThat(outcomeOf(noKind).getString("outcome")).isEqualTo("UNMAPPED");
        assertThat(outcomeOf(noKind).getString("reason")).contains("https://jpledger.id/xapi/extensions/kind");
        assertThat(outcomeOf(unknownEmployee).getString("reason")).contains("nip: no employee with this NIP");
        assertThat(outcomeOf(future).getString("reason")).contains("endDate: must not be in the future");
    }

    @Test
    void onlyAdminsSeeTheOutcomes() {
        given().header("Authorization", Xapi.basic(LMS, Xapi.secret(LMS))).get("/api/v1/xapi-statements")
                .then().statusCode(401);
        given().header("Authorization", org.jpledger.localstack.TestTokens.bearer(
                        org.jpledger.localstack.Token.withRoles("training-writer").units("*").subject("outcomes")))
                .get("/api/v1/xapi-statements").then().statusCode(403);
    }

    @Test
    void otherVerbsAreKeptAsStatementsAndRecordNothing() {
        UUID id = UUID.randomUUID();

        lms().body(Xapi.attempted(id, "coba@example.go.id", "https://lms.example/coba")).post("/xapi/statements")
                .then().statusCode(200);

        assertThat(outcomeOf(id).getString("outcome")).isEqualTo("NOT_COMPLETION");
        assertThat(outcomeOf(id).getString("completionId")).isNull();
    }

    @Test
    void aSystemLimitedToSomeUnitsRecordsOnlyForEmployeesInThem() {
        given().contentType(ContentType.JSON).body(TestData.unitJson("Unit xAPI", null))
                .put("/api/v1/units/{code}", Xapi.SCOPED_UNIT);
        String inside = TestData.freshNip();
        given().contentType(ContentType.JSON).body(TestData.employeeJson(Xapi.SCOPED_UNIT))
                .put("/api/v1/employees/{nip}", inside).then().statusCode(201);
        String outside = TestData.registeredEmployee();
        UUID in = UUID.randomUUID();
        UUID out = UUID.randomUUID();

        Xapi.as(Xapi.SCOPED).body("[" + completed(in, inside) + "," + completed(out, outside) + "]")
                .post("/xapi/statements").then().statusCode(200);

        assertThat(completionsOf(inside)).hasSize(1);
        assertThat(completionsOf(outside)).isEmpty();
        assertThat(outcomeOf(out).getString("outcome")).isEqualTo("UNMAPPED");
        assertThat(outcomeOf(out).getString("reason")).contains("outside the units");
    }

    @Test
    void aBearerTokenCallerMayAlsoSendStatements() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();

        given().header(Xapi.VERSION, "2.0.0").contentType(ContentType.JSON).body(completed(id, nip))
                .post("/xapi/statements").then().statusCode(200);

        given().header(Xapi.VERSION, "2.0.0").queryParam("statementId", id.toString()).get("/xapi/statements")
                .then().statusCode(200).body("authority.account.name", equalTo("bearer:test-suite"));
        // In the token namespace: no Basic system's name (which never holds ':') can be the same sourceSystem.
        assertThat(onlyCompletionOf(nip)).containsEntry("sourceSystem", "bearer:test-suite");
    }

    static List<Map<String, Object>> completionsOf(String nip) {
        return given().queryParam("nip", nip).get("/api/v1/completions").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static Map<String, Object> onlyCompletionOf(String nip) {
        List<Map<String, Object>> completions = completionsOf(nip);
        assertThat(completions).hasSize(1);
        return completions.get(0);
    }

    /** The admin view of one statement's outcome. */
    static JsonPath outcomeOf(UUID statementId) {
        String cursor = null;
        do {
            var request = given().queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/xapi-statements").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                if (statementId.toString().equals(items.get(i).get("statementId"))) {
                    return new JsonPath(page.prettify()).setRootPath("items[" + i + "]");
                }
            }
            cursor = page.getString("next");
        } while (cursor != null);
        throw new AssertionError("no outcome for statement " + statementId);
    }
}
