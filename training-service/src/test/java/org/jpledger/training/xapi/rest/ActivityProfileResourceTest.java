package org.jpledger.training.xapi.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.freshActivity;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Activity Profile Resource: a system's documents about an activity, each under a profileId. */
@QuarkusTest
class ActivityProfileResourceTest {

    private static final String PROFILE = "/xapi/activities/profile";
    private final String activity = freshActivity();

    @Test
    void storesReadsListsAndDeletesProfiles() {
        profile("rubrik").body("{\"lulus\":70}").put(PROFILE).then().statusCode(204);
        profile("jadwal").body("{\"hari\":3}").post(PROFILE).then().statusCode(204);

        profile("rubrik").get(PROFILE).then().statusCode(200).contentType("application/json")
                .body("lulus", equalTo(70));
        profiles().get(PROFILE).then().statusCode(200).body("$", containsInAnyOrder("rubrik", "jadwal"));

        profile("rubrik").delete(PROFILE).then().statusCode(204);

        profile("rubrik").get(PROFILE).then().statusCode(404);
        profiles().get(PROFILE).then().statusCode(200).body("$", containsInAnyOrder("jadwal"));
    }

    @Test
    void listsTheIdsOfProfilesChangedSinceATime() throws InterruptedException {
        profile("lama").body("{}").put(PROFILE).then().statusCode(204);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        profile("baru").body("{}").put(PROFILE).then().statusCode(204);

        profiles().queryParam("since", between.toString()).get(PROFILE).then().statusCode(200)
                .body("$", containsInAnyOrder("baru"));
    }

    @Test
    void refusesMissingAndMalformedParametersNamingThem() {
        lms().queryParam("profileId", "p").body("{}").put(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("activityId"));
        lms().queryParam("activityId", "bukan iri").queryParam("profileId", "p").get(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("activityId"));
        profiles().body("{}").post(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("profileId"));
        profiles().delete(PROFILE).then().statusCode(400).body("errors.field", containsInAnyOrder("profileId"));
        profile("p").queryParam("agent", Xapi.agent("siti")).get(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("agent"));
    }

    private RequestSpecification profile(String profileId) {
        return profiles().queryParam("profileId", profileId);
    }

    private RequestSpecification profiles() {
        return lms().queryParam("activityId", activity);
    }
}
