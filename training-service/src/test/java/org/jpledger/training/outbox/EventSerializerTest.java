package org.jpledger.training.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.GoldenFiles;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.junit.jupiter.api.Test;

/** The producer writes exactly the events the golden files of api-contracts show. */
@QuarkusTest
class EventSerializerTest {

    private static final String SOURCE = "/jpledger/training-service";
    private static final String NIP = "198503122010012003";
    private static final List<PositionAssignment> GOLDEN_POSITIONS = List.of(
            new PositionAssignment(EmploymentType.PNS, PositionLevel.PELAKSANA, LocalDate.parse("2010-01-01")),
            new PositionAssignment(EmploymentType.PNS, PositionLevel.PENGAWAS, LocalDate.parse("2019-03-01")));
    private static final List<ExemptionPeriod> GOLDEN_EXEMPTIONS = List.of(new ExemptionPeriod(
            UUID.fromString("7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a55"), ExemptionKind.CUTI_MELAHIRKAN,
            LocalDate.parse("2025-02-03"), LocalDate.parse("2025-05-02"), "800.1.5/0217/BKD/2025"));

    @Inject
    EventSerializer serializer;

    @Inject
    ObjectMapper mapper;

    @Test
    void writesTheGoldenUnitEventWithItsHistoryAndDissolution() throws Exception {
        var event = CloudEvent.of("4e6b2d90-7a1c-4b3e-9f58-2c0d1e3f5a66", SOURCE, EventTypes.UNIT_UPSERTED_V1,
                "DISDIK-JATENG", Instant.parse("2026-03-02T03:00:00Z"),
                new UnitUpserted("DISDIK-JATENG", "Dinas Pendidikan dan Kebudayaan Provinsi Jawa Tengah", "SETDA-JATENG",
                        3, null, List.of(
                                new UnitPeriod(LocalDate.parse("1900-01-01"), "Dinas Pendidikan Provinsi Jawa Tengah",
                                        "PEMPROV-JATENG"),
                                new UnitPeriod(LocalDate.parse("2026-01-01"),
                                        "Dinas Pendidikan dan Kebudayaan Provinsi Jawa Tengah", "SETDA-JATENG")),
                        LocalDate.parse("2026-03-01"), "DISDIKBUD-JATENG"));
        assertMatchesGolden(event, GoldenFiles.UNIT_UPSERTED_V1_REORGANISED);
    }

    @Test
    void readsTheGoldenUnitEventWrittenBeforeHistoriesAsHavingNone() throws Exception {
        JsonNode data = mapper.readTree(GoldenFiles.read(GoldenFiles.UNIT_UPSERTED_V1)).get("data");
        UnitUpserted unit = mapper.treeToValue(data, UnitUpserted.class);
        assertThat(unit.code()).isEqualTo("BKD-JATENG");
        assertThat(unit.history()).isNull();
        assertThat(unit.dissolvedOn()).isNull();
    }

    @Test
    void writesTheGoldenEmployeeEvent() throws Exception {
        var event = CloudEvent.of("5d1c2b7e-8f40-4a63-b1de-2e9c4f7a0b22", SOURCE, EventTypes.EMPLOYEE_UPSERTED_V1, NIP,
                Instant.parse("2026-01-05T02:05:00Z"),
                new EmployeeUpserted(NIP, "Siti Rahayu", EmploymentType.PNS, PositionLevel.PENGAWAS, "BKD-JATENG",
                        LocalDate.parse("2010-01-01"), null, 1,
                        List.of(new UnitAssignment("BKD-JATENG", LocalDate.parse("2010-01-01"))), GOLDEN_POSITIONS,
                        GOLDEN_EXEMPTIONS, null));
        assertMatchesGolden(event, GoldenFiles.EMPLOYEE_UPSERTED_V1);
    }

    @Test
    void writesTheGoldenCompletionEvent() throws Exception {
        var event = CloudEvent.of("9a7e3f10-2b4c-4d8e-8f6a-1c3b5d7e9f33", SOURCE, EventTypes.COMPLETION_RECORDED_V1, NIP,
                Instant.parse("2026-03-20T09:30:00Z"),
                new CompletionRecorded(UUID.fromString("3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b044"), 1, NIP,
                        "Workshop Penyusunan Analisis Jabatan", 4, TrainingMethod.KLASIKAL, CompetencyType.TEKNIS,
                        DeliveryMode.BLENDED, "BPSDMD Provinsi Jawa Tengah", LocalDate.parse("2026-03-18"),
                        LocalDate.parse("2026-03-19"), 2026, null, 2, false, new BigDecimal("10.00"), "BPSDMD/2026/0412",
                        "simpeg-jateng", "WS-2026-0412-017", CompletionStatus.ACTIVE, 1, null, List.of(),
                        "operator-bkd-jateng", VerificationState.SUBMITTED, null));
        assertMatchesGolden(event, GoldenFiles.COMPLETION_RECORDED_V1);
    }

    private void assertMatchesGolden(CloudEvent<?> event, String golden) throws Exception {
        JsonNode written = mapper.readTree(serializer.toJson(event));
        JsonNode expected = mapper.readTree(GoldenFiles.read(golden));
        assertThat(written).isEqualTo(expected);
    }
}
