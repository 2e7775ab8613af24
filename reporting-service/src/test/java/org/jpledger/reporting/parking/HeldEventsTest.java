package org.jpledger.reporting.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A completion arriving before its employee waits for them; if they never come, it is parked for a person to see. */
@QuarkusTest
class HeldEventsTest {

    private static final LocalDate END = LocalDate.of(2025, 4, 9);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    HeldEvents held;

    private LedgerEvents events;
    private Projections projections;

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void countsAWaitingCompletionOnceItsEmployeeArrivesAndNeverParksIt() {
        String nip = freshNip();
        RecordMetadata early = events.completion(UUID.randomUUID(), 1, nip, "16", END);
        projections.awaitHandled(early);
        assertThat(heldFor(nip)).isEqualTo("1");

        projections.awaitHandled(events.employee(nip, "Yulia Pratiwi", 1));

        assertThat(heldFor(nip)).isEqualTo("0");
        held.parkHeldSince(Instant.now().plusSeconds(7200), Instant.now());
        assertThat(parkedReason(early)).isEmpty();
        Compliance.of(nip, 2025).statusCode(200).body("totalJp", jp("16")).body("completionCount", equalTo(1));
    }

    @Test
    void parksACompletionWhoseEmployeeNeverArrivesWithItsPositionAndBytes() {
        String nip = freshNip();
        RecordMetadata orphan = events.completion(UUID.randomUUID(), 1, nip, "9", END);
        projections.awaitHandled(orphan);

        held.parkHeldSince(Instant.now().minusSeconds(3600), Instant.now());
        assertThat(parkedReason(orphan)).as("not yet past the timeout").isEmpty();
        held.parkHeldSince(Instant.now().plusSeconds(7200), Instant.now());

        assertThat(parkedReason(orphan)).hasValueSatisfying(reason -> assertThat(reason)
                .contains(nip).contains("never arrived"));
        assertThat(projections.single("SELECT convert_from(record_value, 'UTF8') FROM parked_event WHERE topic = ? "
                + "AND partition = ? AND record_offset = ?", orphan.topic(), orphan.partition(), orphan.offset()))
                .hasValueSatisfying(value -> assertThat(value).contains(nip));
        assertThat(heldFor(nip)).isEqualTo("0");
    }

    private String heldFor(String nip) {
        return projections.single("SELECT count(*)::text FROM held_event WHERE nip = ?", nip).orElseThrow();
    }

    private java.util.Optional<String> parkedReason(RecordMetadata record) {
        return projections.single("SELECT reason FROM parked_event WHERE topic = ? AND partition = ? AND record_offset = ?",
                record.topic(), record.partition(), record.offset());
    }
}
