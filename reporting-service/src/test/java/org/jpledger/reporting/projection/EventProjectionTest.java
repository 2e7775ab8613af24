package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.GoldenFiles;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events published to the real broker reach the projections in PostgreSQL exactly once in effect. */
@QuarkusTest
class EventProjectionTest {

    private static final int YEAR = 2025;
    private static final LocalDate MARCH = LocalDate.of(YEAR, 3, 20);
    private static final LocalDate JUNE = LocalDate.of(YEAR, 6, 12);
    private static final String DUPLICATE = "Sertifikat ganda";
    /** The training year of the golden completion files. */
    private static final int GOLDEN_YEAR = 2026;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

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
    void totalsTheRecognizedJpOfAnEmployeesCompletionsInTheYear() {
        String nip = freshNip();
        events.employee(nip, "Siti Rahayu", 1);
        events.completion(UUID.randomUUID(), 1, nip, "10.00", MARCH);
        events.completion(UUID.randomUUID(), 1, nip, "12.50", JUNE);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(2)));

        Compliance.of(nip, YEAR).statusCode(200)
                .body("nip", equalTo(nip))
                .body("name", equalTo("Siti Rahayu"))
                .body("unitCode", equalTo("BKD-JATENG"))
                .body("year", equalTo(YEAR))
                .body("totalJp", Compliance.jp("22.50"))
                .body("lastCompletionDate", equalTo("2025-06-12"));
    }

    @Test
    void countsEachCompletionOnceWhenRedelivered() {
        String nip = freshNip();
        UUID amended = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        events.employee(nip, "Budi", 1);
        events.employee(nip, "Budi Santoso", 2);
        events.completion(amended, 1, nip, "10", MARCH);
        events.completion(amended, 2, nip, "12", MARCH);
        events.completion(other, 1, nip, "5", JUNE);
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("totalJp", Compliance.jp("17"))
                .body("completionCount", equalTo(2)).body("name", equalTo("Budi Santoso")));

        // At-least-once delivery: everything again, so each older version now also arrives after its successor.
        events.employee(nip, "Budi", 1);
        events.employee(nip, "Budi Santoso", 2);
        events.completion(amended, 1, nip, "10", MARCH);
        events.completion(amended, 2, nip, "12", MARCH);
        events.completion(other, 1, nip, "5", JUNE);
        events.completion(amended, 1, nip, "10", MARCH);
        // A marker on the same key (so the same partition, read after all of the above) in another year.
        events.completion(UUID.randomUUID(), 1, nip, "3", LocalDate.of(YEAR - 1, 11, 5));
        Compliance.awaitUntil(nip, YEAR - 1, answer -> answer.body("completionCount", equalTo(1)));

        Compliance.of(nip, YEAR).statusCode(200)
                .body("totalJp", Compliance.jp("17"))
                .body("completionCount", equalTo(2))
                .body("name", equalTo("Budi Santoso"));
    }

    @Test
    void movesAnAmendedCompletionToItsNewYear() {
        String nip = freshNip();
        UUID completion = UUID.randomUUID();
        events.employee(nip, "Dewi Lestari", 1);
        events.completion(completion, 1, nip, "8", LocalDate.of(YEAR, 12, 30));
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(1)));

        events.completion(completion, 2, nip, "8", LocalDate.of(YEAR + 1, 1, 2));
        Compliance.awaitUntil(nip, YEAR + 1, answer -> answer.body("completionCount", equalTo(1)));

        Compliance.of(nip, YEAR).statusCode(200)
                .body("totalJp", Compliance.jp("0"))
                .body("completionCount", equalTo(0))
                .body("lastCompletionDate", nullValue());
    }

    @Test
    void followsAnAmendmentOfTheJpAndEndDate() {
        String nip = freshNip();
        UUID completion = UUID.randomUUID();
        events.employee(nip, "Hendra Gunawan", 1);
        events.completion(completion, 1, nip, "10", MARCH);
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("totalJp", Compliance.jp("10")));

        events.amended(completion, 2, nip, "16", JUNE);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("totalJp", Compliance.jp("16"))
                .body("completionCount", equalTo(1))
                .body("lastCompletionDate", equalTo("2025-06-12")));
    }

    @Test
    void dropsVoidedCompletionsFromTheTotalAndStillKnowsTheEmployee() {
        String nip = freshNip();
        UUID later = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        events.employee(nip, "Yuni Kartika", 1);
        events.completion(later, 1, nip, "10", JUNE);
        events.completion(earlier, 1, nip, "5", MARCH);
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(2)));

        events.voided(later, 2, nip, "10", JUNE, DUPLICATE);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(1))
                .body("totalJp", Compliance.jp("5"))
                .body("lastCompletionDate", equalTo("2025-03-20")));
        assertThat(completionColumn(later, "status")).contains("VOIDED");
        assertThat(completionColumn(later, "void_reason")).contains(DUPLICATE);

        events.voided(earlier, 2, nip, "5", MARCH, DUPLICATE);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(0))
                .body("name", equalTo("Yuni Kartika"))
                .body("totalJp", Compliance.jp("0"))
                .body("lastCompletionDate", nullValue()));
    }

    @Test
    void ignoresAStaleAmendmentArrivingAfterTheVoid() {
        String nip = freshNip();
        UUID completion = UUID.randomUUID();
        events.employee(nip, "Rudi Hartono", 1);
        events.completion(completion, 1, nip, "10", MARCH);
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(1)));
        events.voided(completion, 3, nip, "12", MARCH, DUPLICATE);
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(0)));

        RecordMetadata stale = events.amended(completion, 2, nip, "12", MARCH);

        projections.awaitHandled(stale);
        Compliance.of(nip, YEAR).statusCode(200)
                .body("totalJp", Compliance.jp("0"))
                .body("completionCount", equalTo(0));
        assertThat(completionColumn(completion, "status")).contains("VOIDED");
        assertThat(completionColumn(completion, "version")).contains("3");
    }

    @Test
    void keepsAVoidThatArrivesBeforeTheRecording() {
        String nip = freshNip();
        UUID completion = UUID.randomUUID();
        events.employee(nip, "Fitri Handayani", 1);
        events.voided(completion, 3, nip, "10", MARCH, DUPLICATE);
        RecordMetadata lateRecording = events.completion(completion, 1, nip, "10", MARCH);

        projections.awaitHandled(lateRecording);
        Compliance.of(nip, YEAR).statusCode(200)
                .body("totalJp", Compliance.jp("0"))
                .body("completionCount", equalTo(0));
        assertThat(completionColumn(completion, "status")).contains("VOIDED");
        assertThat(completionColumn(completion, "version")).contains("3");
    }

    @Test
    void movesAnAmendedCompletionOutOfOneYearsTotalIntoTheNext() {
        String nip = freshNip();
        UUID moved = UUID.randomUUID();
        events.employee(nip, "Eko Prasetyo", 1);
        events.completion(moved, 1, nip, "8", LocalDate.of(YEAR, 12, 30));
        events.completion(UUID.randomUUID(), 1, nip, "5", JUNE);
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("completionCount", equalTo(2)));

        events.amended(moved, 2, nip, "9", LocalDate.of(YEAR + 1, 1, 2));

        Compliance.awaitUntil(nip, YEAR + 1, answer -> answer.body("completionCount", equalTo(1))
                .body("totalJp", Compliance.jp("9"))
                .body("lastCompletionDate", equalTo("2026-01-02")));
        // Both years change in the one transaction, so the old year is already right here.
        Compliance.of(nip, YEAR).statusCode(200)
                .body("totalJp", Compliance.jp("5"))
                .body("completionCount", equalTo(1))
                .body("lastCompletionDate", equalTo("2025-06-12"));
    }

    @Test
    void appliesTheGoldenCompletionEventsFromARecordingWithoutStatusToItsVoid() {
        String nip = freshNip();
        UUID completion = UUID.randomUUID();
        events.employee(nip, "Siti Rahayu", 1);

        events.goldenCompletion(GoldenFiles.COMPLETION_RECORDED_V1_WITHOUT_STATUS, completion, nip);
        Compliance.awaitUntil(nip, GOLDEN_YEAR, answer -> answer.body("totalJp", Compliance.jp("10"))
                .body("completionCount", equalTo(1)));
        assertThat(completionColumn(completion, "status")).contains("ACTIVE");
        assertThat(completionColumn(completion, "rule_version")).isEmpty();

        events.goldenCompletion(GoldenFiles.COMPLETION_AMENDED_V1, completion, nip);
        Compliance.awaitUntil(nip, GOLDEN_YEAR, answer -> answer.body("totalJp", Compliance.jp("12"))
                .body("completionCount", equalTo(1)));
        assertThat(completionColumn(completion, "rule_version")).contains("1");

        events.goldenCompletion(GoldenFiles.COMPLETION_VOIDED_V1, completion, nip);
        Compliance.awaitUntil(nip, GOLDEN_YEAR, answer -> answer.body("completionCount", equalTo(0)));
        assertThat(completionColumn(completion, "void_reason"))
                .contains("Sertifikat ganda; sudah tercatat sebagai WS-2026-0398-002");
    }

    @Test
    void appliesTheGoldenCompletionReviewedEventAsANewVersionOfTheCompletion() {
        String nip = freshNip();
        UUID completion = UUID.randomUUID();
        events.employee(nip, "Siti Rahayu", 1);

        events.goldenCompletion(GoldenFiles.COMPLETION_RECORDED_V1, completion, nip);
        Compliance.awaitUntil(nip, GOLDEN_YEAR, answer -> answer.body("completionCount", equalTo(1)));
        assertThat(completionColumn(completion, "verification")).contains("SUBMITTED");

        events.goldenCompletion(GoldenFiles.COMPLETION_REVIEWED_V1, completion, nip);
        Compliance.awaitUntil(nip, GOLDEN_YEAR, answer -> answer.body("totalJp", Compliance.jp("10"))
                .body("completionCount", equalTo(1)));
        await().atMost(Compliance.PATIENCE).untilAsserted(() ->
                assertThat(completionColumn(completion, "verification")).contains("VERIFIED"));
        assertThat(completionColumn(completion, "version")).contains("2");
    }

    @Test
    void keepsCompletionsThatArriveBeforeTheirEmployee() {
        String nip = freshNip();
        events.completion(UUID.randomUUID(), 1, nip, "20", MARCH);
        events.employee(nip, "Agus Wijaya", 1);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("totalJp", Compliance.jp("20")));
    }

    @Test
    void keepsTheNewestVersionOfAUnit() {
        String code = "UNIT-" + UUID.randomUUID();
        events.unit(code, "Biro Organisasi", 2);
        RecordMetadata stale = events.unit(code, "Biro Organisasi dan Tata Laksana", 1);

        projections.awaitHandled(stale);
        assertThat(unitName(code)).contains("Biro Organisasi");
    }

    @Test
    void parksUnreadableRecordsAndKeepsApplyingTheOnesAfterThem() {
        String nip = freshNip();
        RecordMetadata garbage = events.raw("jpledger.employees.v1", nip, "this is not an event {");
        RecordMetadata unknownType = events.raw("jpledger.employees.v1", nip, """
                {"specversion":"1.0","id":"%s","source":"/jpledger/test","type":"org.jpledger.employee.promoted.v1",
                 "subject":"%s","data":{"nip":"%s"}}""".formatted(UUID.randomUUID(), nip, nip));
        events.employee(nip, "Rina Marlina", 1);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("name", equalTo("Rina Marlina")));

        assertThat(parkedReason(garbage)).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("not a CloudEvents JSON envelope"));
        assertThat(parkedReason(unknownType)).contains("unknown event type org.jpledger.employee.promoted.v1");
        assertThat(parkedValue(garbage)).isEqualTo("this is not an event {");
    }

    @Test
    void storesTheNextOffsetInTheSameTransactionAsTheEvents() {
        String nip = freshNip();
        RecordMetadata sent = events.employee(nip, "Wahyu Hidayat", 1);

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("name", equalTo("Wahyu Hidayat")));

        // Visible projection implies its offset committed with it: no wait here.
        assertThat(projections.nextOffset(sent)).hasValueSatisfying(next -> assertThat(next).isGreaterThan(sent.offset()));
    }

    /** One column of a completion fact as text; empty when the fact or the value is absent. */
    private Optional<String> completionColumn(UUID completionId, String column) {
        return projections.single("SELECT " + column + "::text FROM completion_fact WHERE completion_id = ?", completionId);
    }

    private Optional<String> unitName(String code) {
        return projections.single("SELECT name FROM unit WHERE code = ?", code);
    }

    private Optional<String> parkedReason(RecordMetadata record) {
        return projections.single("SELECT reason FROM parked_event WHERE topic = ? AND partition = ? AND record_offset = ?",
                record.topic(), record.partition(), record.offset());
    }

    private String parkedValue(RecordMetadata record) {
        return projections.single("SELECT convert_from(record_value, 'UTF8') FROM parked_event"
                + " WHERE topic = ? AND partition = ? AND record_offset = ?", record.topic(), record.partition(),
                record.offset()).orElseThrow();
    }
}
