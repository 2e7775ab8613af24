package org.jpledger.training.xapi.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.jpledger.training.xapi.rest.Xapi.freshActivity;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Concurrency on the document resources (Communication 3.1), shown on the Activity Profile Resource, whose rules the
 * State and Agent Profile resources share: entity tags, If-Match and If-None-Match on every write, and no blind
 * overwrite by PUT.
 */
@QuarkusTest
class DocumentConcurrencyTest {

    private static final String PROFILE = "/xapi/activities/profile";
    private final String activity = freshActivity();

    @Test
    void theEtagIsQuotedAndChangesWithTheContent() {
        profile().body("{\"v\":1}").put(PROFILE).then().statusCode(204);
        String first = etag();
        profile().header("If-Match", first).body("{\"v\":2}").put(PROFILE).then().statusCode(204);

        profile().get(PROFILE).then().statusCode(200).header("ETag", not(equalTo(first)))
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9a-f]{64}\""));
    }

    @Test
    void aFirstPutWithoutEitherHeaderStoresTheDocument() {
        profile().body("{\"v\":1}").put(PROFILE).then().statusCode(204);

        profile().get(PROFILE).then().statusCode(200).body("v", equalTo(1));
    }

    @Test
    void rejectsPutWithoutIfMatchOnAnExistingDocumentAndLeavesItUnchanged() {
        profile().body("{\"v\":1}").put(PROFILE).then().statusCode(204);

        profile().body("{\"v\":2}").put(PROFILE).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("If-Match"));

        profile().get(PROFILE).then().statusCode(200).body("v", equalTo(1));
    }

    @Test
    void aWrongIfMatchFailsEveryWriteAndChangesNothing() {
        profile().body("{\"v\":1}").put(PROFILE).then().statusCode(204);
        String etag = etag();

        profile().header("If-Match", "\"1234\"").body("{\"v\":2}").put(PROFILE).then().statusCode(412);
        profile().header("If-Match", "\"1234\"").body("{\"w\":2}").post(PROFILE).then().statusCode(412);
        profile().header("If-Match", "\"1234\"").delete(PROFILE).then().statusCode(412);

        profile().get(PROFILE).then().statusCode(200).header("ETag", etag).body("v", equalTo(1))
                .body("w", equalTo(null));
    }

    @Test
    void theRightIfMatchLetsEveryWriteThrough() {
        profile().body("{\"v\":1}").put(PROFILE).then().statusCode(204);
        profile().header("If-Match", etag()).body("{\"v\":2}").put(PROFILE).then().statusCode(204);
        profile().header("If-Match", etag()).body("{\"w\":3}").post(PROFILE).then().statusCode(204);
        profile().get(PROFILE).then().statusCode(200).body("v", equalTo(2)).body("w", equalTo(3));

        profile().header("If-Match", etag()).delete(PROFILE).then().statusCode(204);

        profile().get(PROFILE).then().statusCode(404);
    }

    @Test
    void ifNoneMatchStarCreatesOnlyWhileNoDocumentIsStored() {
        profile().header("If-None-Match", "*").body("{\"v\":1}").put(PROFILE).then().statusCode(204);

        profile().header("If-None-Match", "*").body("{\"v\":2}").put(PROFILE).then().statusCode(412);
        profile().header("If-None-Match", "*").body("{\"w\":2}").post(PROFILE).then().statusCode(412);

        profile().get(PROFILE).then().statusCode(200).body("v", equalTo(1)).body("w", equalTo(null));
    }

    @Test
    void ifMatchOnADocumentNotStoredFails() {
        profile().header("If-Match", "*").body("{\"v\":1}").put(PROFILE).then().statusCode(412);

        profile().get(PROFILE).then().statusCode(404);
    }

    @Test
    void postMergesOneLevelDeep() {
        profile().body("{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"},\"driver\":\"Dale\"}").post(PROFILE)
                .then().statusCode(204);

        profile().body("{\"car\":{\"make\":\"Dodge\"},\"series\":\"nextel\"}").post(PROFILE).then().statusCode(204);

        profile().get(PROFILE).then().statusCode(200).body("car.make", equalTo("Dodge"))
                .body("car.model", equalTo(null)).body("driver", equalTo("Dale")).body("series", equalTo("nextel"));
    }

    @Test
    void postMergesOnlyJsonObjectsAndRefusesTheRestLeavingTheDocument() {
        profile().body("{\"v\":1}").post(PROFILE).then().statusCode(204);
        String etag = etag();

        profile().contentType("text/plain").body("abc").post(PROFILE).then().statusCode(400);
        profile().body("{\"w\":1}{").post(PROFILE).then().statusCode(400);
        profile().body("[1,2]").post(PROFILE).then().statusCode(400);
        profile().get(PROFILE).then().statusCode(200).header("ETag", etag);

        String binary = "profile-" + UUID.randomUUID();
        lms().queryParam("activityId", activity).queryParam("profileId", binary).contentType("application/octet-stream")
                .body(new byte[] {1, 2, 3}).put(PROFILE).then().statusCode(204);
        lms().queryParam("activityId", activity).queryParam("profileId", binary).body("{\"w\":1}").post(PROFILE)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("Content-Type"));
    }

    @Test
    void theGetAnswerCarriesEtagAndLastModified() {
        profile().body("{\"v\":1}").put(PROFILE).then().statusCode(204);

        profile().get(PROFILE).then().statusCode(200).header("ETag", not(emptyString()))
                .header("Last-Modified", not(emptyString()));
    }

    private String etag() {
        return profile().get(PROFILE).then().statusCode(200).extract().header("ETag");
    }

    private RequestSpecification profile() {
        return lms().queryParam("activityId", activity).queryParam("profileId", "konfigurasi");
    }
}
