package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventSources;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.GoldenFiles;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.reporting.config.EventConsumerConfig;
import org.junit.jupiter.api.Test;

/** The consumer reads the contract's golden events as the producer writes them, and refuses what it cannot apply. */
class EventParserTest {

    private static final String NIP = "198503122010012003";
    private static final List<PositionAssignment> GOLDEN_POSITIONS = List.of(
            new PositionAssignment(EmploymentType.PNS, PositionLevel.PELAKSANA, LocalDate.parse("2010-01-01")),
            new PositionAssignment(EmploymentType.PNS, PositionLevel.PENGAWAS, LocalDate.parse("2019-03-01")));
    private static final List<ExemptionPeriod> GOLDEN_EXEMPTIONS = List.of(new ExemptionPeriod(
            UUID.fromString("7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a55"), ExemptionKind.CUTI_MELAHIRKAN,
            LocalDate.parse("2025-02-03"), LocalDate.parse("2025-05-02"), "800.1.5/0217/BKD/2025"));
    private static final UUID COMPLETION_ID = UUID.fromString("3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b044");

    private static final String UNTRUSTED_TOPIC = "jpledger.units.v1-copy";
    private static final String UNTRUSTED_SOURCE = "/jpledger/training-service-impostor";

    private final EventParser parser = new EventParser(EventConsumer.TOPICS, List.of(EventSources.TRAINING_SERVICE));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheGoldenUnitUpsertedEvent() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.UNIT_UPSERTED_V1);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.UNIT_UPSERTED_V1);
        assertThat(event.envelope().subject()).isEqualTo("BKD-JATENG");
        assertThat(event.envelope().time()).isEqualTo(Instant.parse("2026-01-05T02:00:00Z"));
        assertThat(event.payload()).isEqualTo(new UnitUpserted("BKD-JATENG",
                "Badan Kepegawaian Daerah Provinsi Jawa Tengah", "PEMPROV-JATENG", 1));
    }

    @Test
    void readsTheGoldenEmployeeUpsertedEvent() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.EMPLOYEE_UPSERTED_V1);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.EMPLOYEE_UPSERTED_V1);
        assertThat(event.payload()).isEqualTo(new EmployeeUpserted(NIP, "Siti Rahayu", EmploymentType.PNS,
                PositionLevel.PENGAWAS, "BKD-JATENG", LocalDate.of(2010, 1, 1), null, 1,
                List.of(new UnitAssignment("BKD-JATENG", LocalDate.of(2010, 1, 1))), GOLDEN_POSITIONS, GOLDEN_EXEMPTIONS,
                null));
    }

    @Test
    void readsTheGoldenCompletionRecordedEvent() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.COMPLETION_RECORDED_V1);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.COMPLETION_RECORDED_V1);
        assertThat(event.payload()).isInstanceOfSatisfying(CompletionRecorded.class, completion -> {
            assertThat(completion.completionId()).isEqualTo(COMPLETION_ID);
            assertThat(completion.version()).isEqualTo(1);
            assertThat(completion.nip()).isEqualTo(NIP);
            assertThat(completion.kindId()).isEqualTo(4);
            assertThat(completion.method()).isEqualTo(TrainingMethod.KLASIKAL);
            assertThat(completion.competencyType()).isEqualTo(CompetencyType.TEKNIS);
            assertThat(completion.deliveryMode()).isEqualTo(DeliveryMode.BLENDED);
            assertThat(completion.startDate()).isEqualTo(LocalDate.of(2026, 3, 18));
            assertThat(completion.endDate()).isEqualTo(LocalDate.of(2026, 3, 19));
            assertThat(completion.year()).isEqualTo(2026);
            assertThat(completion.jp()).isNull();
            assertThat(completion.days()).isEqualTo(2);
            assertThat(completion.international()).isFalse();
            assertThat(completion.recognizedJp()).isEqualByComparingTo(new BigDecimal("10"));
            assertThat(completion.sourceSystem()).isEqualTo("simpeg-jateng");
            assertThat(completion.externalId()).isEqualTo("WS-2026-0412-017");
            assertThat(completion.status()).isEqualTo(CompletionStatus.ACTIVE);
            assertThat(completion.ruleVersion()).isEqualTo(1);
            assertThat(completion.voidReason()).isNull();
            assertThat(completion.flags()).isEmpty();
        });
    }

    @Test
    void readsTheGoldenCompletionRecordedEventWrittenBeforeStatusExistedAsActive() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.COMPLETION_RECORDED_V1_WITHOUT_STATUS);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.COMPLETION_RECORDED_V1);
        assertThat(event.payload()).isInstanceOfSatisfying(CompletionRecorded.class, completion -> {
            assertThat(completion.completionId()).isEqualTo(COMPLETION_ID);
            assertThat(completion.version()).isEqualTo(1);
            assertThat(completion.recognizedJp()).isEqualByComparingTo(new BigDecimal("10"));
            assertThat(completion.status()).isNull();
            assertThat(completion.ruleVersion()).isNull();
            assertThat(completion.voidReason()).isNull();
            assertThat(completion.active()).isTrue();
        });
    }

    @Test
    void readsTheGoldenCompletionAmendedEvent() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.COMPLETION_AMENDED_V1);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.COMPLETION_AMENDED_V1);
        assertThat(event.envelope().time()).isEqualTo(Instant.parse("2026-03-22T01:15:00Z"));
        assertThat(event.payload()).isInstanceOfSatisfying(CompletionRecorded.class, completion -> {
            assertThat(completion.completionId()).isEqualTo(COMPLETION_ID);
            assertThat(completion.version()).isEqualTo(2);
            assertThat(completion.nip()).isEqualTo(NIP);
            assertThat(completion.year()).isEqualTo(2026);
            assertThat(completion.endDate()).isEqualTo(LocalDate.of(2026, 3, 19));
            assertThat(completion.jp()).isEqualByComparingTo(new BigDecimal("12"));
            assertThat(completion.days()).isNull();
            assertThat(completion.recognizedJp()).isEqualByComparingTo(new BigDecimal("12"));
            assertThat(completion.status()).isEqualTo(CompletionStatus.ACTIVE);
            assertThat(completion.ruleVersion()).isEqualTo(1);
            assertThat(completion.voidReason()).isNull();
            assertThat(completion.active()).isTrue();
        });
    }

    @Test
    void readsTheGoldenCompletionReviewedEventAsANewVersionWithItsVerification() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.COMPLETION_REVIEWED_V1);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.COMPLETION_REVIEWED_V1);
        assertThat(event.payload()).isInstanceOfSatisfying(CompletionRecorded.class, completion -> {
            assertThat(completion.completionId()).isEqualTo(COMPLETION_ID);
            assertThat(completion.version()).isEqualTo(2);
            assertThat(completion.recognizedJp()).isEqualByComparingTo(new BigDecimal("10"));
            assertThat(completion.verificationState()).isEqualTo(VerificationState.VERIFIED);
            assertThat(completion.flags()).isEmpty();
            assertThat(completion.duplicateOf()).isNull();
            assertThat(completion.active()).isTrue();
        });
    }

    @Test
    void readsACompletionWrittenBeforeVerificationAsSubmitted() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.COMPLETION_AMENDED_V1);

        assertThat(event.payload()).isInstanceOfSatisfying(CompletionRecorded.class, completion ->
                assertThat(completion.verificationState()).isEqualTo(VerificationState.SUBMITTED));
    }

    @Test
    void readsTheGoldenCompletionVoidedEvent() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.COMPLETION_VOIDED_V1);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.COMPLETION_VOIDED_V1);
        assertThat(event.envelope().time()).isEqualTo(Instant.parse("2026-04-02T03:00:00Z"));
        assertThat(event.payload()).isInstanceOfSatisfying(CompletionRecorded.class, completion -> {
            assertThat(completion.completionId()).isEqualTo(COMPLETION_ID);
            assertThat(completion.version()).isEqualTo(3);
            assertThat(completion.nip()).isEqualTo(NIP);
            assertThat(completion.year()).isEqualTo(2026);
            assertThat(completion.recognizedJp()).isEqualByComparingTo(new BigDecimal("12"));
            assertThat(completion.status()).isEqualTo(CompletionStatus.VOIDED);
            assertThat(completion.voidReason()).isEqualTo("Sertifikat ganda; sudah tercatat sebagai WS-2026-0398-002");
            assertThat(completion.active()).isFalse();
        });
    }

    @Test
    void readsTheGoldenEmployeeUpsertedEventWrittenBeforeUnitHistoryExisted() {
        ParsedRecord.Event event = parsedGolden(GoldenFiles.EMPLOYEE_UPSERTED_V1_WITHOUT_HISTORY);

        assertThat(event.envelope().type()).isEqualTo(EventTypes.EMPLOYEE_UPSERTED_V1);
        assertThat(event.payload()).isEqualTo(new EmployeeUpserted(NIP, "Siti Rahayu", EmploymentType.PNS,
                PositionLevel.PENGAWAS, "BKD-JATENG", LocalDate.of(2010, 1, 1), null, 1, null));
    }

    @Test
    void ignoresUnknownFieldsInTheEnvelopeAndTheData() throws Exception {
        ObjectNode event = (ObjectNode) json.readTree(GoldenFiles.read(GoldenFiles.EMPLOYEE_UPSERTED_V1));
        event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ((ObjectNode) event.get("data")).put("email", "siti@example.go.id");

        ParsedRecord parsed = parser.parse(Topics.EMPLOYEES, json.writeValueAsBytes(event));

        assertThat(parsed).isInstanceOfSatisfying(ParsedRecord.Event.class,
                e -> assertThat(((EmployeeUpserted) e.payload()).nip()).isEqualTo(NIP));
    }

    @Test
    void rejectsARecordThatIsNotJson() {
        assertThat(rejection("this is not JSON {".getBytes(StandardCharsets.UTF_8)))
                .startsWith("not a CloudEvents JSON envelope");
    }

    @Test
    void rejectsAnEmptyRecord() {
        assertThat(rejection(new byte[0])).isEqualTo("empty record value");
        assertThat(rejection(null)).isEqualTo("empty record value");
    }

    @Test
    void rejectsAnEnvelopeWithoutAnId() throws Exception {
        ObjectNode event = golden(GoldenFiles.UNIT_UPSERTED_V1);
        event.remove("id");

        assertThat(rejection(json.writeValueAsBytes(event))).startsWith("not a CloudEvents JSON envelope");
    }

    @Test
    void rejectsAnUnknownEventType() throws Exception {
        ObjectNode event = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        event.put("type", "org.jpledger.employee.promoted.v1");

        assertThat(rejection(json.writeValueAsBytes(event))).isEqualTo("unknown event type org.jpledger.employee.promoted.v1");
    }

    @Test
    void keepsTheTimeOfARejectedEventWhoseEnvelopeIsReadable() throws Exception {
        ObjectNode event = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        event.put("type", "org.jpledger.employee.promoted.v1");
        event.put("time", "2026-02-03T04:05:06Z");

        ParsedRecord parsed = parser.parse(Topics.EMPLOYEES, json.writeValueAsBytes(event));

        assertThat(parsed).isInstanceOfSatisfying(ParsedRecord.Rejected.class,
                rejected -> assertThat(rejected.time()).isEqualTo(Instant.parse("2026-02-03T04:05:06Z")));
    }

    @Test
    void knowsNoTimeOfARecordThatIsNotAnEnvelope() {
        ParsedRecord parsed = parser.parse(Topics.EMPLOYEES, "{\"time\":\"2026-02-03T04:05:06Z\"".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isInstanceOfSatisfying(ParsedRecord.Rejected.class,
                rejected -> assertThat(rejected.time()).isNull());
    }

    @Test
    void rejectsAnEventWithoutData() throws Exception {
        ObjectNode event = golden(GoldenFiles.UNIT_UPSERTED_V1);
        event.remove("data");

        assertThat(rejection(json.writeValueAsBytes(event))).contains("has no data object");
    }

    @Test
    void rejectsDataWithAValueOfTheWrongType() throws Exception {
        ObjectNode event = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        ((ObjectNode) event.get("data")).put("positionLevel", "MENTERI");

        assertThat(rejection(json.writeValueAsBytes(event))).contains("does not match " + EventTypes.EMPLOYEE_UPSERTED_V1);
    }

    @Test
    void rejectsACompletionLackingWhatTheTotalsNeed() throws Exception {
        ObjectNode event = golden(GoldenFiles.COMPLETION_RECORDED_V1);
        ObjectNode data = (ObjectNode) event.get("data");
        data.remove("recognizedJp");
        data.put("version", 0);

        assertThat(rejection(json.writeValueAsBytes(event))).endsWith("has missing or invalid recognizedJp, version");
    }

    @Test
    void rejectsDataWithoutAFieldThatHasNoEmptyValue() throws Exception {
        ObjectNode event = golden(GoldenFiles.COMPLETION_RECORDED_V1);
        ((ObjectNode) event.get("data")).remove("year");

        assertThat(rejection(json.writeValueAsBytes(event))).contains("does not match " + EventTypes.COMPLETION_RECORDED_V1);
    }

    @Test
    void rejectsAVoidedEventWhoseStatusSaysItStillCounts() throws Exception {
        ObjectNode active = golden(GoldenFiles.COMPLETION_VOIDED_V1);
        ((ObjectNode) active.get("data")).put("status", "ACTIVE");
        ObjectNode withoutStatus = golden(GoldenFiles.COMPLETION_VOIDED_V1);
        ((ObjectNode) withoutStatus.get("data")).remove("status");

        assertThat(rejection(json.writeValueAsBytes(active))).endsWith("has missing or invalid status");
        assertThat(rejection(json.writeValueAsBytes(withoutStatus))).endsWith("has missing or invalid status");
    }

    @Test
    void rejectsAnAmendedOrRecordedEventWhoseStatusSaysItIsVoided() throws Exception {
        ObjectNode amended = golden(GoldenFiles.COMPLETION_AMENDED_V1);
        ((ObjectNode) amended.get("data")).put("status", "VOIDED");
        ObjectNode recorded = golden(GoldenFiles.COMPLETION_RECORDED_V1);
        ((ObjectNode) recorded.get("data")).put("status", "VOIDED");

        assertThat(rejection(json.writeValueAsBytes(amended))).endsWith("has missing or invalid status");
        assertThat(rejection(json.writeValueAsBytes(recorded))).endsWith("has missing or invalid status");
    }

    @Test
    void rejectsAnEmployeeWithoutNip() throws Exception {
        ObjectNode event = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        ((ObjectNode) event.get("data")).put("nip", " ");

        assertThat(rejection(json.writeValueAsBytes(event))).endsWith("has missing or invalid nip");
    }

    @Test
    void rejectsAnEnvelopeOfAnotherCloudEventsVersion() throws Exception {
        ObjectNode other = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        other.put("specversion", "2.0");
        ObjectNode none = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        none.remove("specversion");

        assertThat(rejection(json.writeValueAsBytes(other))).isEqualTo("unsupported CloudEvents specversion 2.0");
        assertThat(rejection(json.writeValueAsBytes(none))).isEqualTo("unsupported CloudEvents specversion null");
    }

    @Test
    void rejectsAnEventTimeWithoutAFourDigitYearAndKnowsNoTimeOfIt() throws Exception {
        ObjectNode event = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        event.put("time", "+100000-01-01T00:00:00Z");

        ParsedRecord parsed = parser.parse(Topics.EMPLOYEES, json.writeValueAsBytes(event));

        assertThat(parsed).isInstanceOfSatisfying(ParsedRecord.Rejected.class, rejected -> {
            assertThat(rejected.reason()).endsWith("has no four-digit year");
            assertThat(rejected.time()).isNull();
        });
    }

    @Test
    void rejectsTextADatabaseColumnCannotHold() throws Exception {
        ObjectNode employee = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        ((ObjectNode) employee.get("data")).put("name", "Siti\u0000Rahayu");
        ObjectNode completion = golden(GoldenFiles.COMPLETION_RECORDED_V1);
        ((ObjectNode) completion.get("data")).put("provider", "BPSDMD\u0000");

        assertThat(rejection(json.writeValueAsBytes(employee))).endsWith("has missing or invalid name");
        assertThat(rejection(json.writeValueAsBytes(completion))).endsWith("has missing or invalid provider");
    }

    @Test
    void rejectsDatesWithoutAFourDigitYear() throws Exception {
        ObjectNode employee = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        ((ObjectNode) employee.get("data")).put("employedFrom", "+999999-01-01");
        ObjectNode completion = golden(GoldenFiles.COMPLETION_RECORDED_V1);
        ((ObjectNode) completion.get("data")).put("endDate", "-5000-03-05");

        assertThat(rejection(json.writeValueAsBytes(employee))).endsWith("has missing or invalid employedFrom");
        assertThat(rejection(json.writeValueAsBytes(completion))).endsWith("has missing or invalid endDate");
    }

    @Test
    void rejectsAnIdentifierTooLongForAnIndex() throws Exception {
        ObjectNode unit = golden(GoldenFiles.UNIT_UPSERTED_V1);
        ((ObjectNode) unit.get("data")).put("code", "U".repeat(EventParser.MAX_IDENTIFIER + 1));
        ObjectNode employee = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        ((ObjectNode) employee.get("data").get("unitHistory").get(0))
                .put("unitCode", "U".repeat(EventParser.MAX_IDENTIFIER + 1));

        assertThat(rejection(json.writeValueAsBytes(unit))).endsWith("has missing or invalid code");
        assertThat(rejection(json.writeValueAsBytes(employee))).endsWith("has missing or invalid unitHistory");
    }

    @Test
    void rejectsAUnitHistoryWithoutDatesOrWithTwoOnOneDay() throws Exception {
        ObjectNode undated = golden(GoldenFiles.UNIT_UPSERTED_V1);
        ((ObjectNode) undated.get("data")).putArray("history").addObject().put("name", "Dinas A");
        ObjectNode twice = golden(GoldenFiles.UNIT_UPSERTED_V1);
        var periods = ((ObjectNode) twice.get("data")).putArray("history");
        periods.addObject().put("effectiveFrom", "2026-01-01").put("name", "Dinas A");
        periods.addObject().put("effectiveFrom", "2026-01-01").put("name", "Dinas A Baru");
        ObjectNode successor = golden(GoldenFiles.UNIT_UPSERTED_V1);
        ((ObjectNode) successor.get("data")).put("dissolvedOn", "2026-03-01")
                .put("successorCode", "U".repeat(EventParser.MAX_IDENTIFIER + 1));

        assertThat(rejection(json.writeValueAsBytes(undated))).endsWith("has missing or invalid history");
        assertThat(rejection(json.writeValueAsBytes(twice))).endsWith("has missing or invalid history");
        assertThat(rejection(json.writeValueAsBytes(successor))).endsWith("has missing or invalid successorCode");
    }

    @Test
    void escapesANulCharacterTheReasonQuotes() throws Exception {
        ObjectNode event = golden(GoldenFiles.EMPLOYEE_UPSERTED_V1);
        event.put("type", "org.jpledger.employee\u0000.v1");

        assertThat(rejection(json.writeValueAsBytes(event)))
                .isEqualTo("unknown event type org.jpledger.employee\\u0000.v1");
    }

    @Test
    void parksARecordFromATopicItWasNotConfiguredToTrustWithoutReadingIt() {
        ParsedRecord parsed = parser.parse(UNTRUSTED_TOPIC, GoldenFiles.read(GoldenFiles.UNIT_UPSERTED_V1)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(parsed).isEqualTo(new ParsedRecord.Rejected("topic " + UNTRUSTED_TOPIC + " is not one of the trusted "
                + "topics [jpledger.employees.v1, jpledger.units.v1]"));
    }

    @Test
    void parksAnEventFromASourceItWasNotConfiguredToTrustAndKeepsItsTime() throws Exception {
        ObjectNode event = golden(GoldenFiles.UNIT_UPSERTED_V1);
        event.put("source", UNTRUSTED_SOURCE);

        ParsedRecord parsed = parser.parse(Topics.UNITS, json.writeValueAsBytes(event));

        assertThat(parsed).isEqualTo(new ParsedRecord.Rejected("event " + event.get("id").asText() + " comes from source "
                + UNTRUSTED_SOURCE + ", not one of the trusted sources [/jpledger/training-service]",
                Instant.parse("2026-01-05T02:00:00Z")));
    }

    @Test
    void parksAnEventThatNamesNoSource() throws Exception {
        ObjectNode event = golden(GoldenFiles.UNIT_UPSERTED_V1);
        event.remove("source");

        assertThat(rejection(json.writeValueAsBytes(event))).contains("comes from source null, not one of the trusted");
    }

    @Test
    void trustsTheConfiguredTopicsAndSourcesAndEveryNameOfAConfiguredPrefix() throws Exception {
        EventParser configured = new EventParser(List.of("ledger-a", "ledger-b.*"), List.of("/hr/*", "/lms"));
        ObjectNode event = golden(GoldenFiles.UNIT_UPSERTED_V1);
        event.put("source", "/hr/simpeg");
        byte[] fromHr = json.writeValueAsBytes(event);

        assertThat(configured.parse("ledger-a", fromHr)).isInstanceOf(ParsedRecord.Event.class);
        assertThat(configured.parse("ledger-b.units", fromHr)).isInstanceOf(ParsedRecord.Event.class);
        assertThat(configured.parse("ledger-c", fromHr)).isInstanceOf(ParsedRecord.Rejected.class);
        assertThat(configured.parse("ledger-b", fromHr)).isInstanceOf(ParsedRecord.Rejected.class);
        event.put("source", "/hrx");
        assertThat(configured.parse("ledger-a", json.writeValueAsBytes(event))).isInstanceOf(ParsedRecord.Rejected.class);
        event.put("source", "/lms/x");
        assertThat(configured.parse("ledger-a", json.writeValueAsBytes(event))).isInstanceOf(ParsedRecord.Rejected.class);
    }

    @Test
    void byDefaultTrustsTheTopicsTheConsumerReadsAndTrainingServiceAlone() {
        EventConsumerConfig defaults = new SmallRyeConfigBuilder().withMapping(EventConsumerConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build()
                .getConfigMapping(EventConsumerConfig.class);

        assertThat(defaults.trustedTopics()).containsExactlyInAnyOrderElementsOf(EventConsumer.TOPICS);
        assertThat(defaults.trustedSources()).containsExactly(EventSources.TRAINING_SERVICE);
    }

    private ParsedRecord.Event parsedGolden(String name) {
        ParsedRecord parsed = parser.parse(Topics.EMPLOYEES, GoldenFiles.read(name).getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).isInstanceOf(ParsedRecord.Event.class);
        return (ParsedRecord.Event) parsed;
    }

    private ObjectNode golden(String name) throws Exception {
        return (ObjectNode) json.readTree(GoldenFiles.read(name));
    }

    private String rejection(byte[] value) {
        ParsedRecord parsed = parser.parse(Topics.EMPLOYEES, value);
        assertThat(parsed).isInstanceOf(ParsedRecord.Rejected.class);
        return ((ParsedRecord.Rejected) parsed).reason();
    }
}
