package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Activities Resource: the definition a system's own statements gave an activity, merged as they came. */
@QuarkusTest
class ActivitiesResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String activity;

    @BeforeEach
    void aFreshActivity() {
        activity = "https://lms.example/activities/" + UUID.randomUUID();
    }

    @Test
    void answersTheActivityWithTheDefinitionItsStatementGave() throws Exception {
        String object = """
                {"objectType":"Activity","id":"%s","definition":{"type":"http://adlnet.gov/expapi/activities/course",
                 "name":{"id-ID":"Analisis Kebijakan"},"description":{"id-ID":"Kursus daring"},
                 "moreInfo":"https://lms.example/info","extensions":{"https://lms.example/ext/jp":8}}}"""
                .formatted(activity);
        send(statement(object));

        assertThat(JSON.readTree(read(activity).asString())).isEqualTo(JSON.readTree(object));
    }

    @Test
    void mergesLanguageMapsAcrossStatementsWithTheNewerWinningAndReplacesOtherFields() {
        send(statement(activity("{\"type\":\"http://example.id/old\",\"name\":{\"en-US\":\"meeting\",\"id-ID\":\"rapat\"},"
                + "\"description\":{\"en-US\":\"a meeting\"},\"moreInfo\":\"https://lms.example/info\"}")));
        send(statement(activity("{\"type\":\"http://example.id/new\",\"name\":{\"en-US\":\"the meeting\","
                + "\"fr-FR\":\"réunion\"}}")));

        read(activity).then().statusCode(200)
                .body("definition.name.'en-US'", equalTo("the meeting"))
                .body("definition.name.'id-ID'", equalTo("rapat"))
                .body("definition.name.'fr-FR'", equalTo("réunion"))
                .body("definition.description.'en-US'", equalTo("a meeting"))
                .body("definition.type", equalTo("http://example.id/new"))
                .body("definition.moreInfo", equalTo("https://lms.example/info"));
    }

    @Test
    void aLaterStatementOfTheSameBatchWins() {
        send("[" + statement(activity("{\"name\":{\"en-US\":\"first\",\"en-GB\":\"first\"}}")) + ","
                + statement(activity("{\"name\":{\"en-US\":\"second\",\"fr-FR\":\"deuxième\"}}")) + "]");

        read(activity).then().statusCode(200)
                .body("definition.name.'en-US'", equalTo("second"))
                .body("definition.name.'en-GB'", equalTo("first"))
                .body("definition.name.'fr-FR'", equalTo("deuxième"));
    }

    @Test
    void keepsDefinitionsCarriedByContextActivitiesAndSubStatements() {
        String parent = activity + "/parent";
        String inner = activity + "/inner";
        send("""
                {"actor":{"mbox":"mailto:siti@example.go.id"},"verb":{"id":"http://adlnet.gov/expapi/verbs/planned"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:siti@example.go.id"},
                  "verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},
                  "object":{"id":"%s","definition":{"name":{"id-ID":"Sesi dalam"}}}},
                 "context":{"contextActivities":{"parent":[{"id":"%s","definition":{"name":{"id-ID":"Induk"}}}]}}}"""
                .formatted(inner, parent));

        read(parent).then().statusCode(200).body("definition.name.'id-ID'", equalTo("Induk"));
        read(inner).then().statusCode(200).body("definition.name.'id-ID'", equalTo("Sesi dalam"));
    }

    @Test
    void answersAnActivityWithoutADefinitionAsAnActivityWithItsIdOnly() throws Exception {
        assertThat(JSON.readTree(read(activity).then().statusCode(200).extract().asString())).isEqualTo(
                JSON.readTree("{\"objectType\":\"Activity\",\"id\":\"" + activity + "\"}"));
    }

    @Test
    void showsNoSystemTheDefinitionAnotherSystemGave() {
        Xapi.as(Xapi.SCOPED).body(statement(activity("{\"name\":{\"en-US\":\"scoped's\"}}")))
                .post("/xapi/statements").then().statusCode(200);
        send(statement(activity("{\"name\":{\"fr-FR\":\"lms's\"}}")));

        read(activity).then().statusCode(200).body("definition.name.'en-US'", equalTo(null))
                .body("definition.name.'fr-FR'", equalTo("lms's"));
        Xapi.as(Xapi.SCOPED).queryParam("activityId", activity).get("/xapi/activities").then().statusCode(200)
                .body("definition.name.'en-US'", equalTo("scoped's"))
                .body("definition.name.'fr-FR'", equalTo(null));
    }

    @Test
    void aRefusedRequestLeavesNoDefinition() {
        lms().body("[" + statement(activity("{\"name\":{\"en-US\":\"never\"}}")) + ",{\"verb\":{}}]")
                .post("/xapi/statements").then().statusCode(400);

        read(activity).then().statusCode(200).body("definition", equalTo(null));
    }

    @Test
    void refusesAMissingOrMalformedActivityIdAndOtherParameters() {
        assertRefused(lms().get("/xapi/activities"), "activityId");
        assertRefused(lms().queryParam("activityId", "kursus-analisis").get("/xapi/activities"), "activityId");
        assertRefused(lms().queryParam("activityId", activity).queryParam("activityId", activity + "/2")
                .get("/xapi/activities"), "activityId");
        assertRefused(lms().queryParam("activityId", activity).queryParam("agent", "{}").get("/xapi/activities"),
                "agent");
        assertRefused(given().header("Authorization", Xapi.basic(Xapi.LMS, Xapi.secret(Xapi.LMS)))
                .queryParam("activityId", activity).get("/xapi/activities"), Xapi.VERSION);
    }

    @Test
    void headAnswersAsGetWithoutTheBody() {
        send(statement(activity("{\"name\":{\"en-US\":\"meeting\"}}")));

        Response head = lms().queryParam("activityId", activity).head("/xapi/activities");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("application/json");
        assertThat(head.header(Xapi.VERSION)).isEqualTo("2.0.0");
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void readersAndWritersMayReadOthersMayNot() {
        Xapi.as(Xapi.READER).queryParam("activityId", activity).get("/xapi/activities").then().statusCode(200)
                .body("id", equalTo(activity));
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER)
                        .units(Access.ALL_UNITS).subject("activities-writer")))
                .header(Xapi.VERSION, "2.0.0").queryParam("activityId", activity).get("/xapi/activities")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.REPORT_READER)
                        .units(Access.ALL_UNITS).subject("activities-report-reader")))
                .header(Xapi.VERSION, "2.0.0").queryParam("activityId", activity).get("/xapi/activities")
                .then().statusCode(403);
        RestAssured.replaceFiltersWith(List.of());
        given().header(Xapi.VERSION, "2.0.0").queryParam("activityId", activity).get("/xapi/activities")
                .then().statusCode(401);
    }

    private String activity(String definition) {
        return "{\"objectType\":\"Activity\",\"id\":\"" + activity + "\",\"definition\":" + definition + "}";
    }

    private static String statement(String object) {
        return """
                {"actor":{"mbox":"mailto:siti@example.go.id","name":"Siti"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},"object":%s}""".formatted(object);
    }

    private static void send(String body) {
        lms().body(body).post("/xapi/statements").then().statusCode(200);
    }

    private static Response read(String activityId) {
        return lms().queryParam("activityId", activityId).get("/xapi/activities");
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = response.as(JsonNode.class);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
    }
}
