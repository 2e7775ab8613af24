package org.jpledger.training.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitUpserted;
import org.junit.jupiter.api.Test;

/** The outbox row lives and dies with its transaction, and the backlog is visible as metrics. */
@QuarkusTest
class OutboxTransactionTest {

    @Inject
    OutboxWriter writer;

    @Inject
    OutboxRepository outbox;

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        String key = "ROLLBACK-" + UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            writer.append(Topics.UNITS, key, EventTypes.UNIT_UPSERTED_V1, new UnitUpserted(key, "never", null, 1));
            throw new IllegalStateException("the use case failed after writing its event");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", key))).isZero();
    }

    @Test
    void refusesToWriteAnEventOutsideATransaction() {
        assertThatThrownBy(() -> writer.append(Topics.UNITS, "NO-TX", EventTypes.UNIT_UPSERTED_V1,
                new UnitUpserted("NO-TX", "never", null, 1))).isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    @Test
    void exposesTheBacklogAndTheAgeOfItsOldestRow() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jpledger_outbox_backlog"))
                .body(containsString("jpledger_outbox_oldest_unpublished_age_seconds"));
    }
}
