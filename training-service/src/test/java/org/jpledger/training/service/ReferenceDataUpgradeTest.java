package org.jpledger.training.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.training.domain.ReferenceDataUpgradeRepository;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.Test;

/**
 * The 2026 reference data upgrade: a Magang (kind 10) completion stored as klasikal, as the old kind table had it,
 * becomes nonklasikal as an ordinary amendment by the system (new version, history, event); running again changes
 * nothing.
 */
@QuarkusTest
class ReferenceDataUpgradeTest {

    @Inject
    ReferenceDataUpgrade upgrade;

    @Inject
    CompletionChanges changes;

    @Inject
    ReferenceDataUpgradeRepository upgrades;

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void amendsAStoredKlasikalMagangToNonklasikalOnceWithHistoryAndEvent() throws Exception {
        String nip = registeredEmployee();
        String id = given().contentType(ContentType.JSON)
                .body(completionJson(nip, "magang-" + UUID.randomUUID()).replace("\"kindId\":3", "\"kindId\":10")
                        .replace("Pelatihan Analisis Kebijakan", "Magang Pengelolaan Sistem Informasi"))
                .post("/api/v1/completions").then().statusCode(201).body("method", equalTo("NONKLASIKAL"))
                .extract().path("id");
        storedAsKlasikal(id);
        QuarkusTransaction.requiringNew().run(() -> upgrades.forget(ReferenceDataUpgrade.NAME));

        assertThat(upgrade.run()).isGreaterThanOrEqualTo(1);

        given().get("/api/v1/completions/{id}", id).then().statusCode(200)
                .body("method", equalTo("NONKLASIKAL")).body("version", equalTo(2));
        given().get("/api/v1/completions/{id}/history", id).then().statusCode(200)
                .body("version", contains(1, 2)).body("change", contains("RECORDED", "AMENDED"))
                .body("[1].changedBy", equalTo(ReferenceDataUpgrade.AUTHOR))
                .body("[1].completion.method", equalTo("NONKLASIKAL"));
        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", nip).firstResult());
        JsonNode event = mapper.readTree(last.payload);
        assertThat(last.eventType).isEqualTo(EventTypes.COMPLETION_AMENDED_V1);
        assertThat(event.at("/data/completionId").asText()).isEqualTo(id);
        assertThat(event.at("/data/version").asLong()).isEqualTo(2);
        assertThat(event.at("/data/method").asText()).isEqualTo("NONKLASIKAL");

        assertThat(upgrade.run()).isZero();
        assertThat(changes.reclassify(ReferenceDataUpgrade.BATCH, ReferenceDataUpgrade.AUTHOR)).isZero();
        given().get("/api/v1/completions/{id}", id).then().statusCode(200).body("version", equalTo(2));
    }

    /** What a row written under the old kind table looks like: Magang stored with method KLASIKAL. */
    private void storedAsKlasikal(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE completion SET method = 'KLASIKAL' WHERE id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
