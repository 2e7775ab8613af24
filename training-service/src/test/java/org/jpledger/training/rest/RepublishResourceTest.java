package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.Test;

/** A republish emits every aggregate's current state again, as ordinary versioned events. */
@QuarkusTest
class RepublishResourceTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void reEmitsTheCurrentStateOfEveryUnitEmployeeAndCompletion() throws Exception {
        String nip = registeredEmployee();
        String active = given().contentType(ContentType.JSON).body(completionJson(nip, "rp-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        // Another training: the same one twice would flag the first (a REVIEWED version, republished as amended).
        String voided = given().contentType(ContentType.JSON).body(completionJson(nip, "rp-" + UUID.randomUUID())
                        .replace("Analisis Kebijakan", "Literasi Digital"))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER)
                        .units(Access.ALL_UNITS).subject("voiding-clerk")))
                .contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"double\"}")
                .post("/api/v1/completions/{id}/void", voided).then().statusCode(200);
        long before = QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", nip));

        RepublishResponse result = given().when().post("/api/v1/admin/republish")
                .then().statusCode(200).extract().as(RepublishResponse.class);

        List<OutboxEvent> emitted = QuarkusTransaction.requiringNew()
                .call(() -> outbox.list("messageKey = ?1 order by id", nip)).subList((int) before, (int) before + 3);
        List<JsonNode> events = emitted.stream().map(row -> read(row.payload)).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(EventTypes.EMPLOYEE_UPSERTED_V1,
                EventTypes.COMPLETION_RECORDED_V1, EventTypes.COMPLETION_VOIDED_V1);
        assertThat(events.get(1).at("/data/completionId").asText()).isEqualTo(active);
        assertThat(events.get(2).at("/data/completionId").asText()).isEqualTo(voided);
        assertThat(events.get(2).at("/data/version").asLong()).isEqualTo(2);
        // Each carries the author of the version it re-emits.
        assertThat(events.get(1).at("/data/changedBy").asText()).isEqualTo(TestTokens.TEST_SUITE);
        assertThat(events.get(2).at("/data/changedBy").asText()).isEqualTo("voiding-clerk");
        assertThat(result.units()).isPositive();
        assertThat(result.employees()).isPositive();
        assertThat(result.completions()).isGreaterThanOrEqualTo(2);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
