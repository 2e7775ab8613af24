package org.jpledger.reporting.siasn.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.export.ExportManifest;
import org.jpledger.reporting.export.ScheduledExports;
import org.junit.jupiter.api.Test;

/**
 * The test configuration's "siasn" schedule (kind siasn-delta, unit SIASN-SCHED): its missed fire time runs on start,
 * and a run stores an unacknowledged delta exactly as an operator's POST does, recorded and audited as a run.
 */
@QuarkusTest
class ScheduledSiasnDeltaTest {

    private static final String UNIT = "SIASN-SCHED";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    ScheduledExports schedules;

    @Test
    void aScheduledRunStoresAnUnacknowledgedDeltaOfItsUnit() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.single(dataSource,
                "SELECT count(*)::text FROM export_run WHERE schedule = 'siasn'").map(Integer::valueOf).orElse(0) > 0);

        String nip = LedgerEvents.freshNip();
        UUID completion = UUID.randomUUID();
        Projections projections = new Projections(dataSource);
        try (LedgerEvents events = new LedgerEvents(bootstrapServers, mapper)) {
            projections.awaitHandled(events.unit(new UnitUpserted(UNIT, "Kota Terjadwal", null, 1, null, null, null,
                    null, "INSTANSI-SCHED")));
            projections.awaitHandled(events.employee(new EmployeeUpserted(nip, "Budi Terjadwal", EmploymentType.PNS,
                    PositionLevel.PELAKSANA, UNIT, LocalDate.of(2010, 1, 1), null, 1, null, null, null, null, null)));
            projections.awaitHandled(events.completion(new CompletionRecorded(completion, 1, nip, "Bimtek SIASN", 8,
                    TrainingMethod.KLASIKAL, CompetencyType.TEKNIS, DeliveryMode.LURING, "BKN", LocalDate.of(2025, 2, 3),
                    LocalDate.of(2025, 2, 4), 2025, new BigDecimal("16"), null, false, new BigDecimal("16"), null,
                    "test", completion.toString(), CompletionStatus.ACTIVE, 1, null)));
        }

        Instant fire = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Optional<ExportManifest> run = schedules.run("siasn", fire);

        assertThat(run).hasValueSatisfying(manifest -> {
            assertThat(manifest.kind()).isEqualTo("siasn-delta");
            assertThat(manifest.rows()).isEqualTo(1);
        });
        String exportId = run.orElseThrow().file();
        assertThat(Sql.single(dataSource, "SELECT state || ' ' || created_by || ' ' || create_count FROM siasn_export "
                + "WHERE export_id = CAST(? AS uuid)", exportId)).contains("OPEN schedule:siasn 1");
        assertThat(Sql.single(dataSource, "SELECT action FROM siasn_export_row WHERE export_id = CAST(? AS uuid) "
                + "AND completion_id = ?", exportId, completion)).contains("CREATE");
        assertThat(Sql.single(dataSource, "SELECT file FROM export_run WHERE schedule = 'siasn' AND fire_time = ?",
                java.sql.Timestamp.from(fire))).contains(exportId);
        assertThat(schedules.run("siasn", fire)).isEmpty();
    }
}
