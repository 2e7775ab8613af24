package org.jpledger.training.xapi.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.attempted;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filtered statement lists: each filter, the storing order either way, and the more links that page through them. */
@QuarkusTest
class StatementListTest {

    private static final String VERB_ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";
    private String mbox;
    private String agent;
    private String activity;
    private String registration;
    private final List<UUID> ids = new ArrayList<>();

    @BeforeEach
    void threeStatementsOfOneLearnerSentOneByOne() {
        String run = UUID.randomUUID().toString();
        mbox = "list-" + run + "@example.go.id";
        agent = "{\"mbox\":\"mailto:" + mbox + "\"}";
        activity = "https://lms.example/list/" + run + "/";
        registration = UUID.randomUUID().toString();
        ids.clear();
        for (int i = 0; i < 3; i++) {
            ids.add(UUID.randomUUID());
        }
        send(attempted(ids.get(0), mbox, activity + "a"));
        send(attempted(ids.get(1), mbox, activity + "b").replaceFirst("\\}$",
                ",\"context\":{\"registration\":\"" + registration + "\",\"contextActivities\":{\"parent\":"
                        + "[{\"id\":\"" + activity + "course\"}]}}}"));
        send(attempted(ids.get(2), mbox, activity + "c").replace(VERB_ATTEMPTED, "http://adlnet.gov/expapi/verbs/experienced"));
    }

    private static void send(String statement) {
        lms().body(statement).post("/xapi/statements").then().statusCode(200);
    }

    @Test
    void filtersByAgentNewestFirstOrOldestFirst() {
        assertThat(idsOf(lms().queryParam("agent", agent))).containsExactly(id(2), id(1), id(0));
        assertThat(idsOf(lms().queryParam("agent", agent).queryParam("ascending", "true")))
                .containsExactly(id(0), id(1), id(2));
    }

    @Test
    void filtersByVerbActivityAndRegistration() {
        assertThat(idsOf(lms().queryParam("agent", agent).queryParam("verb", VERB_ATTEMPTED)))
                .containsExactly(id(1), id(0));
        assertThat(idsOf(lms().queryParam("activity", activity + "b"))).containsExactly(id(1));
        assertThat(idsOf(lms().queryParam("registration", registration))).containsExactly(id(1));
    }

    @Test
    void relatedActivitiesAlsoMatchContextActivities() {
        assertThat(idsOf(lms().queryParam("activity", activity + "course"))).isEmpty();
        assertThat(idsOf(lms().queryParam("activity", activity + "course")
                .queryParam("related_activities", "true"))).containsExactly(id(1));
    }

    @Test
    void sinceAndUntilBoundTheStoredTime() {
        List<Instant> stored = ids.stream().map(id -> Instant.parse(lms().queryParam("statementId", id.toString())
                .get("/xapi/statements").path("stored"))).toList();
        Instant middle = stored.get(1);
        List<String> after = new ArrayList<>();
        List<String> upTo = new ArrayList<>();
        for (int i = 2; i >= 0; i--) {
            (stored.get(i).isAfter(middle) ? after : upTo).add(id(i));
        }

        assertThat(idsOf(lms().queryParam("agent", agent).queryParam("since", middle.toString())))
                .containsExactlyElementsOf(after);
        assertThat(idsOf(lms().queryParam("agent", agent).queryParam("until", middle.toString())))
                .containsExactlyElementsOf(upTo).contains(id(0), id(1));
    }

    @Test
    void moreLinksPageThroughTheListAndEndEmpty() {
        JsonPath first = lms().queryParam("agent", agent).queryParam("limit", 2).get("/xapi/statements")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("statements.id", String.class)).containsExactly(id(2), id(1));
        String more = first.getString("more");
        assertThat(more).startsWith("/xapi/statements?more=");

        JsonPath second = lms().urlEncodingEnabled(false).get(more).then().statusCode(200).extract().jsonPath();

        assertThat(second.getList("statements.id", String.class)).containsExactly(id(0));
        assertThat(second.getString("more")).isEmpty();
    }

    @Test
    void aMoreLinkComesAlone() {
        String more = lms().queryParam("agent", agent).queryParam("limit", 1).get("/xapi/statements").path("more");

        lms().urlEncodingEnabled(false).get(more + "&limit=5").then().statusCode(400)
                .body("errors[0].field", equalTo("more"));
    }

    @Test
    void aSystemListsAndReadsOnlyTheStatementsItSent() {
        assertThat(idsOf(Xapi.as(Xapi.SCOPED).queryParam("agent", agent))).isEmpty();
        Xapi.as(Xapi.SCOPED).queryParam("statementId", id(0)).get("/xapi/statements").then().statusCode(404);
        assertThat(idsOf(Xapi.as(Xapi.READER).queryParam("agent", agent))).isEmpty();
    }

    @Test
    void aMalformedAgentFilterIsRefused() {
        lms().queryParam("agent", "{\"mbox\":\"bukan-email\"}").get("/xapi/statements").then().statusCode(400)
                .body("errors[0].field", equalTo("agent.mbox"));
        lms().queryParam("agent", "siti").get("/xapi/statements").then().statusCode(400)
                .body("errors[0].field", equalTo("agent"));
    }

    private String id(int i) {
        return ids.get(i).toString();
    }

    private static List<String> idsOf(RequestSpecification request) {
        return request.get("/xapi/statements").then().statusCode(200).extract().jsonPath()
                .getList("statements.id", String.class);
    }
}
