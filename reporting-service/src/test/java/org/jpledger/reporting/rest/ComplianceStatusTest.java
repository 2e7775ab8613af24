package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.projection.YearOpener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each employee-year gets its target and status from the year's policy and today's date in Jakarta: statuses, pro-rating
 * for joiners and leavers, overrides, transfers, promotions, exemptions, leavers' reasons and the turn of the year.
 */
@QuarkusTest
class ComplianceStatusTest {

    /** Day 183 of 365: a full-year target of 20 JP expects 10.03 JP by today. */
    private static final LocalDateTime MID_2025 = LocalDateTime.of(2025, 7, 2, 12, 0);
    private static final LocalDate SERVING_SINCE = LocalDate.of(2010, 1, 1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    YearOpener yearOpener;

    private LedgerEvents events;
    private Projections projections;
    private String unit;

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(MID_2025);
        unit = "UNIT-" + UUID.randomUUID();
        awaitHandled(events.unit(unit, "Dinas Pendidikan", 1));
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void judgesEveryStatusAgainstTheTargetAndTheShareOfTheYearElapsed() {
        String compliant = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, null);
        String onTrack = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, null);
        String atRisk = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, null);
        String notMet = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, null);
        String notEmployed = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, LocalDate.of(2025, 8, 1), null);
        train(compliant, "12", LocalDate.of(2025, 3, 1));
        train(compliant, "8", LocalDate.of(2025, 5, 1));
        train(onTrack, "10.50", LocalDate.of(2025, 5, 1));
        train(atRisk, "10", LocalDate.of(2025, 5, 1));
        awaitHandled(train(notMet, "5", LocalDate.of(2024, 5, 1)));

        status(compliant, 2025).body("status", equalTo("COMPLIANT")).body("targetJp", jp("20"))
                .body("totalJp", jp("20")).body("completionCount", equalTo(2));
        status(onTrack, 2025).body("status", equalTo("ON_TRACK")).body("expectedJpToDate", jp("10.03"));
        status(atRisk, 2025).body("status", equalTo("AT_RISK")).body("expectedJpToDate", jp("10.03"));
        status(notMet, 2024).body("status", equalTo("NOT_MET")).body("totalJp", jp("5"));
        status(notEmployed, 2025).body("status", equalTo("ON_TRACK")).body("targetJp", jp("9"))
                .body("servedFrom", equalTo("2025-08-01"));
        status(notEmployed, 2024).body("status", equalTo("NOT_EMPLOYED")).body("targetJp", jp("0"));
    }

    @Test
    void proRatesTheTargetOfJoinersAndLeaversRoundingUp() {
        String leftInJune = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, LocalDate.of(2025, 6, 30));
        String leftShort = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, LocalDate.of(2025, 6, 30));
        String joinedInJuly = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, LocalDate.of(2025, 7, 1), null);
        train(leftInJune, "10", LocalDate.of(2025, 4, 1));
        awaitHandled(train(leftShort, "9.50", LocalDate.of(2025, 4, 1)));

        // 181 of 365 days: 20 x 181 / 365 = 9.92, rounded up to 10; their part of the year is over.
        status(leftInJune, 2025).body("targetJp", jp("10")).body("status", equalTo("COMPLIANT"))
                .body("servedUntil", equalTo("2025-06-30"));
        status(leftShort, 2025).body("targetJp", jp("10")).body("status", equalTo("NOT_MET"));
        // 184 days from 1 July: 10.08, rounded up to 11; two days served of 184 expect 0.12 JP, which 0 is below.
        status(joinedInJuly, 2025).body("targetJp", jp("11")).body("expectedJpToDate", jp("0.12"))
                .body("status", equalTo("AT_RISK"));
    }

    @Test
    void appliesOverridesByPositionLevelOverEmploymentTypeAndAPolicyChangeOnTheNextQuery() {
        int year = 2023;
        String pppk = employee(PositionLevel.PELAKSANA, EmploymentType.PPPK, SERVING_SINCE, null);
        String seniorPns = employee(PositionLevel.JPT_PRATAMA, EmploymentType.PNS, SERVING_SINCE, null);
        String seniorPppk = employee(PositionLevel.JPT_PRATAMA, EmploymentType.PPPK, SERVING_SINCE, null);
        String joiner = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, LocalDate.of(year, 7, 1), null);
        awaitHandled(train(pppk, "24", LocalDate.of(year, 9, 1)));
        putPolicy(year, """
                {"targetJp": 20, "targetByEmploymentType": {"PPPK": 24}, "targetByPositionLevel": {"JPT_PRATAMA": 30},
                 "prorate": false}""");

        status(pppk, year).body("targetJp", jp("24")).body("status", equalTo("COMPLIANT")).body("totalHours", jp("18"));
        status(seniorPns, year).body("targetJp", jp("30")).body("status", equalTo("NOT_MET"));
        status(seniorPppk, year).body("targetJp", jp("30"));
        status(joiner, year).body("targetJp", jp("20"));

        putPolicy(year, """
                {"targetJp": 20, "targetByEmploymentType": {"PPPK": 24}, "minutesPerJp": 45, "prorate": true}""");

        status(seniorPns, year).body("targetJp", jp("20"));
        status(joiner, year).body("targetJp", jp("11"));
        status(pppk, year).body("totalHours", jp("18"));
    }

    @Test
    void countsATransferredEmployeeInTheUnitOfTheirLastDayOfEachYear() {
        String before = "UNIT-" + UUID.randomUUID();
        awaitHandled(events.unit(before, "Dinas Kesehatan", 1));
        String nip = freshNip();
        awaitHandled(events.employee(new EmployeeUpserted(nip, "Rina Wulandari", EmploymentType.PNS,
                PositionLevel.PENGAWAS, unit, SERVING_SINCE, null, 2, List.of(new UnitAssignment(before, SERVING_SINCE),
                        new UnitAssignment(unit, LocalDate.of(2025, 6, 1))))));

        status(nip, 2024).body("unitCode", equalTo(before)).body("unitName", equalTo("Dinas Kesehatan"));
        status(nip, 2025).body("unitCode", equalTo(unit));
        unitHeadcount(before, 2024).body("unit.figures.headcount", equalTo(1));
        unitHeadcount(before, 2025).body("unit.figures.headcount", equalTo(0));
        unitHeadcount(unit, 2025).body("unit.figures.headcount", equalTo(1));
    }

    @Test
    void turnsTheYearAtMidnightInJakarta() {
        String nip = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, null);
        train(nip, "15", LocalDate.of(2025, 12, 31));
        awaitHandled(train(nip, "3", LocalDate.of(2026, 1, 1)));

        clock.setJakarta(LocalDateTime.of(2025, 12, 31, 23, 30));
        Compliance.of(nip, null).statusCode(200).body("year", equalTo(2025)).body("totalJp", jp("15"))
                .body("status", equalTo("AT_RISK"));

        clock.setJakarta(LocalDateTime.of(2026, 1, 1, 0, 30));
        yearOpener.openCurrentYear();
        Compliance.of(nip, null).statusCode(200).body("year", equalTo(2026)).body("totalJp", jp("3"))
                .body("status", equalTo("ON_TRACK"));
        status(nip, 2025).body("status", equalTo("NOT_MET"));
    }

    @Test
    void opensANewYearForEveryoneInServiceWithoutAnyEvent() {
        String nip = employee(PositionLevel.PELAKSANA, EmploymentType.PNS, SERVING_SINCE, null);
        unitHeadcount(unit, 2026).body("unit.figures.headcount", equalTo(0));

        clock.setJakarta(LocalDateTime.of(2026, 1, 1, 0, 5));
        yearOpener.openCurrentYear();

        // One day into the year, nothing trained yet: behind the 0.05 JP expected by today.
        unitHeadcount(unit, 2026).body("unit.figures.headcount", equalTo(1)).body("unit.figures.atRisk", equalTo(1));
        status(nip, 2026).body("status", equalTo("AT_RISK")).body("asOf", notNullValue());
    }

    @Test
    void judgesEachYearByThePositionInForceOnItsLastDaySoAPromotionLeavesEarlierYearsAlone() {
        String nip = freshNip();
        awaitHandled(events.employee(new EmployeeUpserted(nip, "Pegawai " + nip, EmploymentType.PNS,
                PositionLevel.PENGAWAS, unit, SERVING_SINCE, null, 1, List.of(new UnitAssignment(unit, SERVING_SINCE)),
                List.of(new PositionAssignment(EmploymentType.PPPK, PositionLevel.PELAKSANA, SERVING_SINCE),
                        new PositionAssignment(EmploymentType.PNS, PositionLevel.PENGAWAS, LocalDate.of(2025, 3, 1))),
                null, null)));

        status(nip, 2024).body("employmentType", equalTo("PPPK")).body("positionLevel", equalTo("PELAKSANA"));
        status(nip, 2025).body("employmentType", equalTo("PNS")).body("positionLevel", equalTo("PENGAWAS"));
    }

    @Test
    void takesExemptDaysOutOfTheDaysInServiceAndLeavesTheWhollyExemptOutOfTheHeadcount() {
        String onLeave = freshNip();
        events.employee(person(onLeave, EmploymentType.PNS, null, null, List.of(new ExemptionPeriod(UUID.randomUUID(),
                ExemptionKind.CUTI_MELAHIRKAN, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), "800/1/BKD"))));
        String studying = freshNip();
        events.employee(person(studying, EmploymentType.PNS, null, null, List.of(new ExemptionPeriod(UUID.randomUUID(),
                ExemptionKind.TUGAS_BELAJAR, LocalDate.of(2024, 9, 1), null, "800/2/BKD"))));
        String died = freshNip();
        events.employee(person(died, EmploymentType.PPPK_PARUH_WAKTU, LocalDate.of(2025, 5, 31),
                LeavingReason.MENINGGAL, null));
        String left = freshNip();
        awaitHandled(events.employee(person(left, EmploymentType.PPPK, LocalDate.of(2025, 4, 30), null, null)));

        // 275 days not exempt: 20 JP x 275 / 365 = 15.07, rounded up; 93 of them elapsed by 2 July.
        status(onLeave, 2025).body("status", equalTo("AT_RISK")).body("exemptDays", equalTo(90))
                .body("targetJp", jp("16")).body("expectedJpToDate", jp("5.41"))
                .body("exemptions.kind", contains("CUTI_MELAHIRKAN"))
                .body("exemptions.label", contains("Cuti melahirkan"))
                .body("exemptions.reference", contains("800/1/BKD"));
        status(studying, 2025).body("status", equalTo("EXEMPT")).body("exemptDays", equalTo(365))
                .body("targetJp", jp("0")).body("expectedJpToDate", jp("0"))
                .body("exemptions.until", contains(nullValue()));
        status(studying, 2024).body("status", equalTo("NOT_MET")).body("exemptDays", equalTo(122))
                .body("targetJp", jp("14"));
        status(died, 2025).body("leavingReason", equalTo("MENINGGAL"));
        status(died, 2024).body("leavingReason", nullValue());
        status(left, 2025).body("leavingReason", equalTo("LAINNYA"));

        unitHeadcount(unit, 2025).body("unit.figures.headcount", equalTo(3)).body("unit.figures.exempt", equalTo(1))
                .body("unit.figures.employmentTypes.PNS.headcount", equalTo(1))
                .body("unit.figures.employmentTypes.PPPK.headcount", equalTo(1))
                .body("unit.figures.employmentTypes.PPPK_PARUH_WAKTU.headcount", equalTo(1))
                .body("unit.figures.leavers.MENINGGAL", equalTo(1)).body("unit.figures.leavers.LAINNYA", equalTo(1))
                .body("unit.figures.leavers.PENSIUN", equalTo(0));
        unitHeadcount(unit, 2024).body("unit.figures.headcount", equalTo(4)).body("unit.figures.exempt", equalTo(0))
                .body("unit.figures.leavers.LAINNYA", equalTo(0));
        Compliance.request().queryParam("year", 2025).get("/api/v1/compliance/units/{code}/breakdown", unit).then()
                .statusCode(200).body("headcount", equalTo(3));
    }

    private EmployeeUpserted person(String nip, EmploymentType type, LocalDate until, LeavingReason reason,
            List<ExemptionPeriod> exemptions) {
        return new EmployeeUpserted(nip, "Pegawai " + nip, type, PositionLevel.PELAKSANA, unit, SERVING_SINCE, until, 1,
                List.of(new UnitAssignment(unit, SERVING_SINCE)), null, exemptions, reason);
    }

    private String employee(PositionLevel level, EmploymentType type, LocalDate from, LocalDate until) {
        String nip = freshNip();
        awaitHandled(events.employee(new EmployeeUpserted(nip, "Pegawai " + nip, type, level, unit, from, until, 1,
                List.of(new UnitAssignment(unit, from)))));
        return nip;
    }

    private RecordMetadata train(String nip, String jp, LocalDate endDate) {
        return events.completion(completionOf(nip, jp, endDate, CompetencyType.TEKNIS, TrainingMethod.KLASIKAL,
                DeliveryMode.LURING));
    }

    private void awaitHandled(RecordMetadata record) {
        projections.awaitHandled(record);
    }

    private static io.restassured.response.ValidatableResponse status(String nip, int year) {
        return Compliance.of(nip, year).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse unitHeadcount(String code, int year) {
        return Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}", code).then()
                .statusCode(200);
    }

    private static void putPolicy(int year, String body) {
        given().contentType(ContentType.JSON).body(body).put("/api/v1/policies/{year}", year).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }
}
