package org.jpledger.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.jpledger.reporting.projection.FigureQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rebuild replays the topics into fresh tables, switches to them, and the live consumer carries on from there. */
@QuarkusTest
class ProjectionRebuildTest {

    private static final int YEAR = 2025;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    ComplianceRepository compliance;

    @Inject
    Clock clock;

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
    void replacesDamagedProjectionsWithOnesReplayedFromTheTopicsAndKeepsConsuming() {
        String unit = "UNIT-" + UUID.randomUUID();
        String nip = freshNip();
        projections.awaitHandled(events.unit(unit, "Badan Kepegawaian Daerah", 1));
        events.employee(new EmployeeUpserted(nip, "Lestari", EmploymentType.PNS, PositionLevel.PELAKSANA, unit,
                LocalDate.of(2010, 1, 1), null, 1, List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        events.completion(training(nip, "12"));
        CompletionRecorded voided = training(nip, "30");
        events.completion(voided);
        events.completion(new CompletionRecorded(voided.completionId(), 2, nip, voided.title(), voided.kindId(),
                voided.method(), voided.competencyType(), voided.deliveryMode(), voided.provider(), voided.startDate(),
                voided.endDate(), voided.year(), voided.jp(), null, false, voided.recognizedJp(), null, "test",
                voided.externalId(), CompletionStatus.VOIDED, 1, "Sertifikat ganda"));
        projections.awaitHandled(events.completion(training(nip, "8")));
        // A section merged into the unit in mid-2025: its people count in the unit that year, in the rebuilt tables too.
        String merged = "SECTION-" + UUID.randomUUID();
        String inMerged = freshNip();
        events.unit(new UnitUpserted(merged, "Seksi Mutasi", unit, 1, null,
                List.of(new UnitPeriod(LocalDate.of(2010, 1, 1), "Seksi Mutasi", unit)), LocalDate.of(2025, 6, 1), unit));
        events.employee(new EmployeeUpserted(inMerged, "Wulan", EmploymentType.PNS, PositionLevel.PELAKSANA, merged,
                LocalDate.of(2010, 1, 1), null, 1, List.of(new UnitAssignment(merged, LocalDate.of(2010, 1, 1)))));
        projections.awaitHandled(events.completion(training(inMerged, "6")));
        Compliance.of(inMerged, YEAR).statusCode(200).body("unitCode", equalTo(unit));
        given().contentType(ContentType.JSON).body("{\"targetJp\": 24}").put("/api/v1/policies/{year}", 2044)
                .then().statusCode(201);
        Compliance.of(nip, YEAR).statusCode(200).body("totalJp", jp("20"));

        damage("UPDATE employee_year SET total_jp = 999 WHERE nip = ?", nip);
        damage("DELETE FROM unit WHERE code = ?", unit);
        damage("DELETE FROM unit_period WHERE unit_code = ?", unit);
        Compliance.of(nip, YEAR).statusCode(200).body("totalJp", jp("999"));

        given().post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("REPLAYING"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/api/v1/admin/rebuild").then().statusCode(200).body("state", equalTo("DONE")));

        Compliance.of(nip, YEAR).statusCode(200).body("totalJp", jp("20")).body("completionCount", equalTo(2))
                .body("unitName", equalTo("Badan Kepegawaian Daerah"));
        Compliance.of(inMerged, YEAR).statusCode(200).body("unitCode", equalTo(unit))
                .body("unitName", equalTo("Badan Kepegawaian Daerah"));
        given().queryParam("year", YEAR).get("/api/v1/compliance/units/{code}", unit).then().statusCode(200)
                .body("unit.figures.headcount", equalTo(2));
        given().get("/api/v1/admin/rebuild").then().body("eventsReplayed", org.hamcrest.Matchers.greaterThan(5));
        given().get("/api/v1/policies/{year}", 2044).then().statusCode(200).body("targetJp", jp("24"));
        assertThat(projections.single("SELECT count(*)::text FROM pg_indexes WHERE schemaname = 'public' "
                + "AND indexname = 'employee_year_unit'")).hasValue("1");
        assertThat(projections.single("SELECT count(*)::text FROM pg_namespace WHERE nspname IN ('rebuild', 'retired')"))
                .hasValue("0");
        // The unit figures were rated in the copies before the switch: fresh at once, and equal to the live rating.
        QuarkusTransaction.requiringNew().run(() -> {
            YearPolicies terms = compliance.policiesOf(YEAR);
            LocalDate today = TrainingCalendar.today(clock);
            assertThat(compliance.precomputedFigures(FigureQuery.all(), YEAR, terms, today))
                    .contains(compliance.liveFigures(FigureQuery.all(), YEAR, terms, today));
            assertThat(compliance.precomputedFigures(FigureQuery.below(unit), YEAR, terms, today).orElseThrow())
                    .isEqualTo(compliance.liveFigures(FigureQuery.below(unit), YEAR, terms, today))
                    .containsKey(unit);
        });

        projections.awaitHandled(events.completion(training(nip, "5")));
        Compliance.of(nip, YEAR).statusCode(200).body("totalJp", jp("25")).body("completionCount", equalTo(3));
    }

    private static CompletionRecorded training(String nip, String jp) {
        return completionOf(nip, jp, LocalDate.of(YEAR, 5, 2), CompetencyType.TEKNIS, TrainingMethod.KLASIKAL,
                DeliveryMode.LURING);
    }

    private void damage(String sql, String key) {
        Sql.execute(dataSource, sql, key);
    }
}
