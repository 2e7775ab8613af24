package org.jpledger.training.xapi.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.jpledger.training.xapi.rest.Xapi.agent;
import static org.jpledger.training.xapi.rest.Xapi.freshActivity;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The document limits, as the test profile sets them: 16K bytes a document (jpledger.xapi.document-bytes) and 5
 * documents a scope (jpledger.xapi.documents-per-scope); each refused with 413 and a problem, nothing changed.
 */
@QuarkusTest
class DocumentLimitsTest {

    private static final String STATE = "/xapi/activities/state";
    private static final String AGENT_PROFILE = "/xapi/agents/profile";
    private static final int CAP = 16 * 1024;

    @Test
    void aDocumentOfTheCapIsStoredAndOneByteMoreIsRefused() {
        String learner = agent("cap-" + UUID.randomUUID());
        profile(learner, "fits").contentType("application/octet-stream").body(new byte[CAP]).put(AGENT_PROFILE)
                .then().statusCode(204);

        profile(learner, "too-large").contentType("application/octet-stream").body(new byte[CAP + 1])
                .put(AGENT_PROFILE).then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("document"));

        profile(learner, "too-large").get(AGENT_PROFILE).then().statusCode(404);
    }

    @Test
    void aBodyWithoutContentLengthIsCountedAsItIsRead() {
        String learner = agent("chunked-" + UUID.randomUUID());

        // A stream of unknown length goes out chunked: no Content-Length to refuse it by before it is read.
        profile(learner, "chunked").contentType("application/octet-stream")
                .body(new ByteArrayInputStream(new byte[CAP + 1])).put(AGENT_PROFILE).then().statusCode(413)
                .contentType("application/problem+json");

        profile(learner, "chunked").get(AGENT_PROFILE).then().statusCode(404);
    }

    @Test
    void aMergeThatWouldPassTheCapIsRefused() {
        String learner = agent("merge-" + UUID.randomUUID());
        String half = "a".repeat(CAP / 2);
        profile(learner, "grows").body("{\"first\":\"" + half + "\"}").post(AGENT_PROFILE).then().statusCode(204);

        profile(learner, "grows").body("{\"second\":\"" + half + "\"}").post(AGENT_PROFILE).then().statusCode(413)
                .contentType("application/problem+json");

        profile(learner, "grows").get(AGENT_PROFILE).then().statusCode(200).body("second", org.hamcrest.Matchers
                .nullValue());
    }

    @Test
    void aScopeHoldsAtMostTheConfiguredDocumentsWhateverTheRegistration() {
        String activity = freshActivity();
        String learner = agent("penuh-" + UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            state(activity, learner, "s" + i).body("{}").put(STATE).then().statusCode(204);
        }
        state(activity, learner, "s4").queryParam("registration", UUID.randomUUID().toString()).body("{}").put(STATE)
                .then().statusCode(204);

        state(activity, learner, "s5").body("{}").put(STATE).then().statusCode(413)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("stateId"));
        state(activity, learner, "s5").body("{}").post(STATE).then().statusCode(413);

        // Replacing a stored document adds none; another agent is another scope.
        state(activity, learner, "s0").header("If-Match", "*").body("{\"v\":2}").put(STATE).then().statusCode(204);
        state(activity, agent("lain-" + UUID.randomUUID()), "s5").body("{}").put(STATE).then().statusCode(204);
        lms().queryParam("activityId", activity).queryParam("agent", learner).get(STATE).then().statusCode(200)
                .body("$", hasSize(4));
    }

    private static RequestSpecification profile(String learner, String profileId) {
        return lms().queryParam("agent", learner).queryParam("profileId", profileId);
    }

    private static RequestSpecification state(String activity, String learner, String stateId) {
        return lms().queryParam("activityId", activity).queryParam("agent", learner).queryParam("stateId", stateId);
    }
}
