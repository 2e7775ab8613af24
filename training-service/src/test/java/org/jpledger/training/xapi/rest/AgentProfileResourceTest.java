package org.jpledger.training.xapi.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.xapi.rest.Xapi.agent;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Agent Profile Resource: a system's documents about an agent, each under a profileId. */
@QuarkusTest
class AgentProfileResourceTest {

    private static final String PROFILE = "/xapi/agents/profile";
    private final String learner = agent("profil-" + UUID.randomUUID());

    @Test
    void storesReadsListsAndDeletesProfiles() {
        profile("preferensi").body("{\"bahasa\":\"id-ID\"}").put(PROFILE).then().statusCode(204);
        profile("avatar").contentType("image/png").body(new byte[] {(byte) 0x89, 'P', 'N', 'G'}).put(PROFILE)
                .then().statusCode(204);

        profile("preferensi").get(PROFILE).then().statusCode(200).body("bahasa", equalTo("id-ID"));
        profile("avatar").get(PROFILE).then().statusCode(200).contentType("image/png");
        profiles().get(PROFILE).then().statusCode(200).body("$", containsInAnyOrder("preferensi", "avatar"));

        profile("avatar").delete(PROFILE).then().statusCode(204);

        profiles().get(PROFILE).then().statusCode(200).body("$", containsInAnyOrder("preferensi"));
    }

    @Test
    void anIdentifiedGroupHasProfilesToo() {
        String group = "{\"objectType\":\"Group\",\"mbox\":\"mailto:angkatan-" + UUID.randomUUID()
                + "@example.go.id\"}";
        lms().queryParam("agent", group).queryParam("profileId", "p").body("{\"anggota\":30}").put(PROFILE)
                .then().statusCode(204);

        lms().queryParam("agent", group).queryParam("profileId", "p").get(PROFILE).then().statusCode(200)
                .body("anggota", equalTo(30));
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
    void refusesMissingAndMalformedAgentsNamingThem() {
        lms().queryParam("profileId", "p").body("{}").put(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("agent"));
        lms().queryParam("agent", "true").queryParam("profileId", "p").body("{}").post(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("agent"));
        lms().queryParam("agent", "{\"mbox\":\"siti@example.go.id\"}").queryParam("profileId", "p").get(PROFILE)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("agent.mbox"));
        lms().queryParam("agent", "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:a@example.go.id\"}]}")
                .queryParam("profileId", "p").delete(PROFILE).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("agent"));
        profiles().body("{}").put(PROFILE).then().statusCode(400).body("errors.field", containsInAnyOrder("profileId"));
    }

    private RequestSpecification profile(String profileId) {
        return profiles().queryParam("profileId", profileId);
    }

    private RequestSpecification profiles() {
        return lms().queryParam("agent", learner);
    }
}
