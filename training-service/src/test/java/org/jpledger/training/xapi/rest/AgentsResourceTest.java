package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.xapi.config.XapiConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Agents Resource: the Person object of an agent, with the names the caller's own statements gave it. */
@QuarkusTest
class AgentsResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    XapiConfig config;

    private String mbox;

    @BeforeEach
    void aFreshLearner() {
        mbox = "mailto:person-" + UUID.randomUUID() + "@example.go.id";
    }

    @Test
    void answersAPersonWithTheIdentifierOfEachKind() throws Exception {
        String sha1 = "ebd31e95054c018b10727ccffd2ef2ec3a016ee9";
        String openid = "https://id.example.go.id/" + UUID.randomUUID();
        String account = "{\"homePage\":\"https://siasn.bkn.go.id\",\"name\":\"" + UUID.randomUUID() + "\"}";

        assertThat(person("{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\",\"name\":\"Siti\"}")).isEqualTo(
                JSON.readTree("{\"objectType\":\"Person\",\"name\":[\"Siti\"],\"mbox\":[\"" + mbox + "\"]}"));
        assertThat(person("{\"mbox_sha1sum\":\"" + sha1 + "\"}")).isEqualTo(
                JSON.readTree("{\"objectType\":\"Person\",\"mbox_sha1sum\":[\"" + sha1 + "\"]}"));
        assertThat(person("{\"openid\":\"" + openid + "\"}")).isEqualTo(
                JSON.readTree("{\"objectType\":\"Person\",\"openid\":[\"" + openid + "\"]}"));
        assertThat(person("{\"account\":" + account + "}")).isEqualTo(
                JSON.readTree("{\"objectType\":\"Person\",\"account\":[" + account + "]}"));
    }

    @Test
    void gathersTheNamesTheCallersOwnStatementsGaveTheAgent() {
        send(statement("{\"mbox\":\"" + mbox + "\",\"name\":\"Siti Rahayu\"}", "{\"id\":\"https://lms.example/a\"}"));
        send(statement("{\"mbox\":\"mailto:guru@example.go.id\",\"name\":\"Guru\"}",
                "{\"objectType\":\"Agent\",\"mbox\":\"" + mbox + "\",\"name\":\"Bu Siti\"}"));
        send(statement("{\"objectType\":\"Group\",\"name\":\"Kelas A\",\"member\":[{\"mbox\":\"" + mbox
                + "\",\"name\":\"Siti R.\"}]}", "{\"id\":\"https://lms.example/a\"}"));
        Xapi.as(Xapi.SCOPED).body(statement("{\"mbox\":\"" + mbox + "\",\"name\":\"another system's name\"}",
                "{\"id\":\"https://lms.example/a\"}")).post("/xapi/statements").then().statusCode(200);

        lms().queryParam("agent", "{\"mbox\":\"" + mbox + "\",\"name\":\"Siti\"}").get("/xapi/agents").then()
                .statusCode(200).body("name", contains("Siti", "Siti R.", "Bu Siti", "Siti Rahayu"))
                .body("mbox", contains(mbox));
    }

    @Test
    void leavesOutTheNamesOfVoidedStatements() {
        UUID said = UUID.randomUUID();
        send(statement("{\"mbox\":\"" + mbox + "\",\"name\":\"Salah Ketik\"}", "{\"id\":\"https://lms.example/a\"}")
                .replaceFirst("\\{", "{\"id\":\"" + said + "\","));
        send(Xapi.voiding(UUID.randomUUID(), said));

        lms().queryParam("agent", "{\"mbox\":\"" + mbox + "\"}").get("/xapi/agents").then().statusCode(200)
                .body("name", equalTo(null));
    }

    @Test
    void readsTheNamesOfTheNewestStatementsUpToTheLimitOnly() {
        int limit = config.personStatements();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            batch.add(statement("{\"mbox\":\"" + mbox + "\",\"name\":\"Nama " + i + "\"}",
                    "{\"id\":\"https://lms.example/a\"}"));
        }
        send("[" + String.join(",", batch) + "]");

        List<String> names = lms().queryParam("agent", "{\"mbox\":\"" + mbox + "\"}").get("/xapi/agents").then()
                .statusCode(200).extract().jsonPath().getList("name", String.class);
        assertThat(names).hasSize(limit).contains("Nama " + limit).doesNotContain("Nama 0");
    }

    @Test
    void refusesAMissingOrMalformedAgentAndOtherParameters() {
        assertRefused(lms().get("/xapi/agents"), "agent");
        assertRefused(agents("not json"), "agent");
        assertRefused(agents("{\"name\":\"Siti\"}"), "agent");
        assertRefused(agents("{\"mbox\":\"" + mbox + "\",\"openid\":\"https://id.example.go.id/siti\"}"), "agent");
        assertRefused(agents("{\"mbox\":\"siti@example.go.id\"}"), "agent.mbox");
        assertRefused(agents("{\"objectType\":\"Group\",\"mbox\":\"" + mbox + "\"}"), "agent.objectType");
        assertRefused(lms().queryParam("agent", "{\"mbox\":\"" + mbox + "\"}").queryParam("activityId",
                "https://lms.example/a").get("/xapi/agents"), "activityId");
    }

    @Test
    void headAnswersAsGetWithoutTheBody() {
        Response head = lms().queryParam("agent", "{\"mbox\":\"" + mbox + "\"}").head("/xapi/agents");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("application/json");
        assertThat(head.header(Xapi.VERSION)).isEqualTo("2.0.0");
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void readersAndWritersMayReadOthersMayNot() {
        String agent = "{\"mbox\":\"" + mbox + "\"}";
        Xapi.as(Xapi.READER).queryParam("agent", agent).get("/xapi/agents").then().statusCode(200)
                .body("mbox", contains(mbox));
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER)
                        .units(Access.ALL_UNITS).subject("agents-writer")))
                .header(Xapi.VERSION, "2.0.0").queryParam("agent", agent).get("/xapi/agents").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.REPORT_READER)
                        .units(Access.ALL_UNITS).subject("agents-report-reader")))
                .header(Xapi.VERSION, "2.0.0").queryParam("agent", agent).get("/xapi/agents").then().statusCode(403);
        RestAssured.replaceFiltersWith(List.of());
        given().header(Xapi.VERSION, "2.0.0").queryParam("agent", agent).get("/xapi/agents").then().statusCode(401);
    }

    private JsonNode person(String agent) throws Exception {
        return JSON.readTree(agents(agent).then().statusCode(200).extract().asString());
    }

    private static Response agents(String agent) {
        return lms().queryParam("agent", agent).get("/xapi/agents");
    }

    private static String statement(String actor, String object) {
        return """
                {"actor":%s,"verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},"object":%s}"""
                .formatted(actor, object);
    }

    private static void send(String body) {
        lms().body(body).post("/xapi/statements").then().statusCode(200);
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = response.as(JsonNode.class);
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
    }
}
