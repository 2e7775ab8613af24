package org.jpledger.training.xapi.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.agent;
import static org.jpledger.training.xapi.rest.Xapi.freshActivity;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The State Resource: a system's states per activity, agent and registration, read back as they were sent. */
@QuarkusTest
class StateResourceTest {

    private static final String STATE = "/xapi/activities/state";
    private final String activity = freshActivity();
    private final String learner = agent("siti-" + UUID.randomUUID());

    @Test
    void readsAStoredStateBackWithItsMediaTypeQuotedEtagAndLastModified() {
        Instant before = Instant.now().minusSeconds(1);
        state("bookmark").contentType("application/octet-stream").body("halaman-7".getBytes(StandardCharsets.UTF_8))
                .put(STATE).then().statusCode(204);

        Response read = state("bookmark").get(STATE);

        read.then().statusCode(200).contentType("application/octet-stream");
        assertThat(read.asString()).isEqualTo("halaman-7");
        assertThat(read.header("ETag")).startsWith("\"").endsWith("\"").hasSizeGreaterThan(2);
        Instant modified = ZonedDateTime.parse(read.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        assertThat(modified).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutTheBody() {
        state("bookmark").body("{\"page\":7}").put(STATE).then().statusCode(204);
        String etag = state("bookmark").get(STATE).header("ETag");

        Response head = state("bookmark").head(STATE);

        head.then().statusCode(200);
        assertThat(head.header("ETag")).isEqualTo(etag);
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void aRegistrationKeepsItsStatesApartFromThoseWithoutOne() {
        String registration = UUID.randomUUID().toString();
        state("progress").body("{\"without\":true}").put(STATE).then().statusCode(204);
        state("progress").queryParam("registration", registration).body("{\"with\":true}").put(STATE)
                .then().statusCode(204);

        state("progress").get(STATE).then().statusCode(200).body("without", equalTo(true));
        state("progress").queryParam("registration", registration.toUpperCase()).get(STATE).then().statusCode(200)
                .body("with", equalTo(true));
        states().queryParam("registration", registration).get(STATE).then().statusCode(200)
                .body("$", containsInAnyOrder("progress"));
    }

    @Test
    void theSameAgentWrittenOtherwiseReadsTheSameState() {
        String mbox = "mailto:state-" + UUID.randomUUID() + "@example.go.id";
        lms().queryParam("activityId", activity).queryParam("agent", "{\"mbox\":\"" + mbox + "\"}")
                .queryParam("stateId", "s").body("{\"a\":1}").put(STATE).then().statusCode(204);

        lms().queryParam("activityId", activity)
                .queryParam("agent", "{\"name\":\"Siti\",\"mbox\":\"" + mbox + "\",\"objectType\":\"Agent\"}")
                .queryParam("stateId", "s").get(STATE).then().statusCode(200).body("a", equalTo(1));
    }

    @Test
    void listsTheIdsOfStatesChangedSinceATime() throws InterruptedException {
        state("early").body("{}").put(STATE).then().statusCode(204);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        state("late").body("{}").put(STATE).then().statusCode(204);

        states().get(STATE).then().statusCode(200).contentType("application/json")
                .body("$", containsInAnyOrder("early", "late"));
        states().queryParam("since", between.toString()).get(STATE).then().statusCode(200)
                .body("$", containsInAnyOrder("late"));
    }

    @Test
    void deleteWithoutStateIdDeletesEveryStateOfTheActivityAndAgent() {
        state("one").body("{}").put(STATE).then().statusCode(204);
        state("two").body("{}").put(STATE).then().statusCode(204);
        String otherActivity = freshActivity();
        lms().queryParam("activityId", otherActivity).queryParam("agent", learner).queryParam("stateId", "kept")
                .body("{}").put(STATE).then().statusCode(204);

        states().delete(STATE).then().statusCode(204);

        states().get(STATE).then().statusCode(200).body("$", empty());
        state("one").get(STATE).then().statusCode(404);
        lms().queryParam("activityId", otherActivity).queryParam("agent", learner).queryParam("stateId", "kept")
                .get(STATE).then().statusCode(200);
    }

    @Test
    void deletesOneState() {
        state("gone").body("{}").put(STATE).then().statusCode(204);
        state("kept").body("{}").put(STATE).then().statusCode(204);

        state("gone").delete(STATE).then().statusCode(204);

        state("gone").get(STATE).then().statusCode(404);
        states().get(STATE).then().statusCode(200).body("$", containsInAnyOrder("kept"));
    }

    @Test
    void refusesMissingAndMalformedParametersNamingThem() {
        lms().queryParam("agent", learner).queryParam("stateId", "s").body("{}").put(STATE)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("activityId"));
        lms().queryParam("activityId", activity).queryParam("stateId", "s").get(STATE)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("agent"));
        lms().queryParam("activityId", activity).queryParam("agent", "true").queryParam("stateId", "s").body("{}")
                .post(STATE).then().statusCode(400).body("errors.field", containsInAnyOrder("agent"));
        state("s").queryParam("registration", "bukan-uuid").delete(STATE)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("registration"));
        states().body("{}").put(STATE).then().statusCode(400).body("errors.field", containsInAnyOrder("stateId"));
        state("x".repeat(256)).body("{}").put(STATE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("stateId"));
        states().queryParam("since", "kemarin").get(STATE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("since"));
        state("s").queryParam("nilai", "1").get(STATE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("nilai"));
    }

    @Test
    void anIdOfTheLongestLengthIsStored() {
        state("x".repeat(255)).body("{}").put(STATE).then().statusCode(204);

        states().get(STATE).then().statusCode(200).body("$", containsInAnyOrder("x".repeat(255)));
    }

    private RequestSpecification state(String stateId) {
        return states().queryParam("stateId", stateId);
    }

    private RequestSpecification states() {
        return lms().queryParam("activityId", activity).queryParam("agent", learner);
    }
}
