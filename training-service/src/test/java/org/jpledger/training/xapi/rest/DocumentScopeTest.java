package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.agent;
import static org.jpledger.training.xapi.rest.Xapi.as;
import static org.jpledger.training.xapi.rest.Xapi.freshActivity;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Documents belong to the system that wrote them: another system neither sees nor changes them; roles decide the rest.
 */
@QuarkusTest
class DocumentScopeTest {

    private static final String STATE = "/xapi/activities/state";
    private final String activity = freshActivity();
    private final String learner = agent("scope-" + UUID.randomUUID());

    @Test
    void anotherSystemCannotReadListOverwriteOrDeleteADocument() {
        lms().queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", "s")
                .body("{\"owner\":\"lms-test\"}").put(STATE).then().statusCode(204);

        as(Xapi.SCOPED).queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", "s")
                .get(STATE).then().statusCode(404);
        as(Xapi.SCOPED).queryParam("activityId", activity).queryParam("agent", learner).get(STATE)
                .then().statusCode(200).body("$", empty());
        // Its own document under the same key, which leaves the first system's alone.
        as(Xapi.SCOPED).queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", "s")
                .body("{\"owner\":\"lms-scoped\"}").put(STATE).then().statusCode(204);
        as(Xapi.SCOPED).queryParam("activityId", activity).queryParam("agent", learner).delete(STATE)
                .then().statusCode(204);

        lms().queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", "s").get(STATE)
                .then().statusCode(200).body("owner", equalTo("lms-test"));
        lms().queryParam("activityId", activity).queryParam("agent", learner).get(STATE).then().statusCode(200)
                .body("$", containsInAnyOrder("s"));
    }

    @Test
    void aReaderReadsItsOwnDocumentsButWritesNone() {
        as(Xapi.READER).queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", "s")
                .body("{}").put(STATE).then().statusCode(403);
        as(Xapi.READER).queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", "s")
                .body("{}").post(STATE).then().statusCode(403);
        as(Xapi.READER).queryParam("activityId", activity).queryParam("agent", learner).delete(STATE)
                .then().statusCode(403);

        as(Xapi.READER).queryParam("activityId", activity).queryParam("agent", learner).get(STATE)
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void everyRequestNamesItsXapiVersion() {
        given().header("Authorization", Xapi.basic(Xapi.LMS, Xapi.secret(Xapi.LMS))).queryParam("activityId", activity)
                .queryParam("agent", learner).get(STATE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder(Xapi.VERSION));
    }
}
