package org.jpledger.training.xapi.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.StatementCompletionTest.onlyCompletionOf;
import static org.jpledger.training.xapi.rest.StatementCompletionTest.completionsOf;
import static org.jpledger.training.xapi.rest.Xapi.attempted;
import static org.jpledger.training.xapi.rest.Xapi.completed;
import static org.jpledger.training.xapi.rest.Xapi.lms;
import static org.jpledger.training.xapi.rest.Xapi.voiding;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.jpledger.training.TestData;
import org.junit.jupiter.api.Test;

/** Voiding: a voided statement leaves the lists and is read only as voided, and its completion is voided with it. */
@QuarkusTest
class StatementVoidingTest {

    @Test
    void voidingAStatementVoidsItsCompletion() {
        String nip = TestData.registeredEmployee();
        UUID statement = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        lms().body(completed(statement, nip)).post("/xapi/statements").then().statusCode(200);

        lms().body(voiding(voider, statement)).post("/xapi/statements").then().statusCode(200);

        assertThat(onlyCompletionOf(nip)).containsEntry("status", "VOIDED")
                .containsEntry("voidReason", "voided by xAPI statement " + voider);
    }

    @Test
    void aVoidedStatementIsReadOnlyByVoidedStatementId() {
        UUID statement = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        lms().body(attempted(statement, "batal@example.go.id", "https://lms.example/batal")).post("/xapi/statements")
                .then().statusCode(200);
        lms().body(voiding(voider, statement)).post("/xapi/statements").then().statusCode(200);

        lms().queryParam("statementId", statement.toString()).get("/xapi/statements").then().statusCode(404);
        lms().queryParam("voidedStatementId", statement.toString()).get("/xapi/statements").then().statusCode(200)
                .body("id", equalTo(statement.toString()));
        lms().queryParam("statementId", voider.toString()).get("/xapi/statements").then().statusCode(200)
                .body("object.id", equalTo(statement.toString()));
    }

    @Test
    void voidedStatementIdOfAStatementNotVoidedIs404() {
        UUID statement = UUID.randomUUID();
        lms().body(attempted(statement, "utuh@example.go.id", "https://lms.example/utuh")).post("/xapi/statements")
                .then().statusCode(200);

        lms().queryParam("voidedStatementId", statement.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void listsLeaveVoidedStatementsOutAndKeepTheVoidingOnes() {
        String mbox = "daftar-" + UUID.randomUUID() + "@example.go.id";
        UUID kept = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        lms().body("[" + attempted(kept, mbox, "https://lms.example/a") + ","
                + attempted(voided, mbox, "https://lms.example/b") + "]").post("/xapi/statements").then().statusCode(200);
        lms().body(voiding(voider, voided).replace("admin@lms.example.go.id", mbox)).post("/xapi/statements")
                .then().statusCode(200);

        List<String> ids = lms().queryParam("agent", "{\"mbox\":\"mailto:" + mbox + "\"}").get("/xapi/statements")
                .then().statusCode(200).extract().jsonPath().getList("statements.id");

        assertThat(ids).containsExactly(voider.toString(), kept.toString());
    }

    @Test
    void aVoidingStatementCannotBeVoided() {
        UUID statement = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        lms().body(attempted(statement, "v@example.go.id", "https://lms.example/v")).post("/xapi/statements")
                .then().statusCode(200);
        lms().body(voiding(voider, statement)).post("/xapi/statements").then().statusCode(200);

        lms().body(voiding(second, voider)).post("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("object.id"));

        lms().queryParam("statementId", voider.toString()).get("/xapi/statements").then().statusCode(200);
        lms().queryParam("statementId", second.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void aVoidingStatementMustNameAStatementRef() {
        lms().body("""
                        {"actor":{"mbox":"mailto:v@example.go.id"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                         "object":{"id":"https://lms.example/v"}}""")
                .post("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("object"));
    }

    @Test
    void aStatementVoidedBeforeItArrivesIsVoidedOnArrivalAndRecordsNothing() {
        String nip = TestData.registeredEmployee();
        UUID statement = UUID.randomUUID();
        lms().body(voiding(UUID.randomUUID(), statement)).post("/xapi/statements").then().statusCode(200);

        lms().body(completed(statement, nip)).post("/xapi/statements").then().statusCode(200);

        assertThat(completionsOf(nip)).isEmpty();
        lms().queryParam("statementId", statement.toString()).get("/xapi/statements").then().statusCode(404);
        lms().queryParam("voidedStatementId", statement.toString()).get("/xapi/statements").then().statusCode(200);
    }

    @Test
    void anotherSystemCannotVoidAStatement() {
        UUID statement = UUID.randomUUID();
        lms().body(attempted(statement, "milik@example.go.id", "https://lms.example/m")).post("/xapi/statements")
                .then().statusCode(200);

        Xapi.as(Xapi.SCOPED).body(voiding(UUID.randomUUID(), statement)).post("/xapi/statements")
                .then().statusCode(403);

        lms().queryParam("statementId", statement.toString()).get("/xapi/statements").then().statusCode(200);
    }

    @Test
    void aVoidSentBeforeItsTargetByAnotherSystemDoesNotApply() {
        String nip = TestData.registeredEmployee();
        UUID statement = UUID.randomUUID();
        Xapi.as(Xapi.SCOPED).body(voiding(UUID.randomUUID(), statement)).post("/xapi/statements").then().statusCode(200);

        lms().body(completed(statement, nip)).post("/xapi/statements").then().statusCode(200);

        lms().queryParam("statementId", statement.toString()).get("/xapi/statements").then().statusCode(200);
        assertThat(onlyCompletionOf(nip)).containsEntry("status", "ACTIVE");
    }

    @Test
    void aVoidAnswersToTheFiltersItsTargetMatches() {
        String mbox = "sasaran-" + UUID.randomUUID() + "@example.go.id";
        UUID statement = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        lms().body(attempted(statement, mbox, "https://lms.example/sasaran")).post("/xapi/statements")
                .then().statusCode(200);
        lms().body(voiding(voider, statement)).post("/xapi/statements").then().statusCode(200);

        List<String> byAgent = lms().queryParam("agent", "{\"mbox\":\"mailto:" + mbox + "\"}")
                .get("/xapi/statements").then().statusCode(200).extract().jsonPath().getList("statements.id");
        List<String> byVerb = lms().queryParam("agent", "{\"mbox\":\"mailto:" + mbox + "\"}")
                .queryParam("verb", "http://adlnet.gov/expapi/verbs/attempted")
                .get("/xapi/statements").then().statusCode(200).extract().jsonPath().getList("statements.id");

        assertThat(byAgent).containsExactly(voider.toString());
        assertThat(byVerb).containsExactly(voider.toString());
    }

    @Test
    void aVoidOfACompletionWhoseEmployeeLeftTheSystemsUnitsIsStoredAndTheCompletionStays() {
        given().contentType(ContentType.JSON).body(TestData.unitJson("Unit xAPI", null))
                .put("/api/v1/units/{code}", Xapi.SCOPED_UNIT);
        String nip = TestData.freshNip();
        given().contentType(ContentType.JSON).body(TestData.employeeJson(Xapi.SCOPED_UNIT))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(201);
        UUID statement = UUID.randomUUID();
        UUID voider = UUID.randomUUID();
        Xapi.as(Xapi.SCOPED).body(completed(statement, nip)).post("/xapi/statements").then().statusCode(200);
        String elsewhere = TestData.freshUnit();
        given().contentType(ContentType.JSON).body(TestData.unitJson("Unit lain", null))
                .put("/api/v1/units/{code}", elsewhere).then().statusCode(201);
        given().contentType(ContentType.JSON).body(TestData.employeeJson(elsewhere))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(200);

        Xapi.as(Xapi.SCOPED).body(voiding(voider, statement)).post("/xapi/statements").then().statusCode(200);

        Xapi.as(Xapi.SCOPED).queryParam("voidedStatementId", statement.toString()).get("/xapi/statements")
                .then().statusCode(200);
        assertThat(onlyCompletionOf(nip)).containsEntry("status", "ACTIVE");
        assertThat(StatementCompletionTest.outcomeOf(voider).getString("reason"))
                .contains("stays: its employee is outside the units of " + Xapi.SCOPED);
    }
}
