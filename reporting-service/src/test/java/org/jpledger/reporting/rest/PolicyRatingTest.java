package org.jpledger.reporting.rest;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Employee-years are rated by the policy of the nearest ancestor-or-self of their unit that has one, else the national
 * one; that policy's pacing decides ON_TRACK against AT_RISK, and its leavers rule whether leavers count.
 */
@QuarkusTest
class PolicyRatingTest {

    /** Day 183 of 365, two quarters over: linear pacing expects 10.03 of 20 JP by today. */
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

    private LedgerEvents events;
    private Projections projections;
    private String root;

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(MID_2025);
        root = "PROV-" + UUID.randomUUID();
        projections.awaitHandled(events.unit(root, "Provinsi", 1));
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void ratesEachEmployeeByTheNearestAncestorsPolicyElseTheNationalOne() {
        int year = 2022;
        String dki = unit("DKI", root);
        String dkiOffice = unit("DKI-BIRO", dki);
        String tegal = unit("TEGAL", root);
        String other = unit("LAIN", root);
        String inDki = trained(employee(dki, SERVING_SINCE, null), "30", LocalDate.of(year, 5, 1));
        String inDkiOffice = trained(employee(dkiOffice, SERVING_SINCE, null), "60", LocalDate.of(year, 5, 1));
        String inTegal = trained(employee(tegal, SERVING_SINCE, null), "30", LocalDate.of(year, 5, 1));
        String elsewhere = trained(employee(other, SERVING_SINCE, null), "30", LocalDate.of(year, 5, 1));
        // DKI states 40 hours (54 JP), Tegal 20 JP: side by side under one root.
        putOfUnit(year, dki, "{\"targetHours\": 40}");
        putOfUnit(year, tegal, "{\"targetJp\": 20}");
        putOfUnit(year, tegal, "{\"targetJp\": 25}");

        status(inDki, year).body("targetJp", jp("54")).body("status", equalTo("NOT_MET"))
                .body("policyUnitCode", equalTo(dki)).body("policyVersion", equalTo(1));
        status(inDkiOffice, year).body("targetJp", jp("54")).body("status", equalTo("COMPLIANT"))
                .body("policyUnitCode", equalTo(dki));
        status(inTegal, year).body("targetJp", jp("25")).body("status", equalTo("COMPLIANT"))
                .body("policyUnitCode", equalTo(tegal)).body("policyVersion", equalTo(2));
        status(elsewhere, year).body("targetJp", jp("20")).body("policyUnitCode", nullValue())
                .body("policyVersion", equalTo(0));
        unitFigures(root, year).body("unit.figures.headcount", equalTo(4)).body("unit.figures.compliant", equalTo(3))
                .body("unit.figures.notMet", equalTo(1));

        // The office's own policy wins below DKI; deleting DKI's leaves DKI itself to the national one.
        putOfUnit(year, dkiOffice, "{\"targetJp\": 70}");
        status(inDkiOffice, year).body("targetJp", jp("70")).body("policyUnitCode", equalTo(dkiOffice));
        Compliance.request().delete("/api/v1/policies/{year}/units/{code}", year, dki).then().statusCode(204);
        status(inDki, year).body("targetJp", jp("20")).body("status", equalTo("COMPLIANT"))
                .body("policyUnitCode", nullValue());
        unitFigures(root, year).body("unit.figures.compliant", equalTo(3)).body("unit.figures.notMet", equalTo(1));
    }

    @Test
    void expectsTheQuarterlyMilestoneOnceAQuarterIsOver() {
        String quarterly = unit("Q", root);
        putOfUnit(2025, quarterly, "{\"targetJp\": 20, \"pacing\": \"QUARTERLY\", \"quarterFractions\": [0.1, 0.4, 0.7, 1]}");
        String behind = trained(employee(quarterly, SERVING_SINCE, null), "7.99", LocalDate.of(2025, 5, 1));
        String onPace = trained(employee(quarterly, SERVING_SINCE, null), "8", LocalDate.of(2025, 5, 1));

        // Two quarters over: 0.4 of 20 JP is due, where linear pacing would expect 10.03.
        status(behind, 2025).body("status", equalTo("AT_RISK")).body("expectedJpToDate", jp("8.00"));
        status(onPace, 2025).body("status", equalTo("ON_TRACK"));

        clock.setJakarta(LocalDateTime.of(2025, 3, 30, 12, 0));
        status(behind, 2025).body("status", equalTo("ON_TRACK")).body("expectedJpToDate", jp("0.00"));
        clock.setJakarta(LocalDateTime.of(2025, 3, 31, 12, 0));
        status(behind, 2025).body("status", equalTo("ON_TRACK")).body("expectedJpToDate", jp("2.00"));
    }

    @Test
    void putsNobodyAtRiskBeforeTheGraceMonthAndPacesLinearlyAfter() {
        String grace = unit("G", root);
        putOfUnit(2025, grace, "{\"targetJp\": 20, \"pacing\": \"GRACE\", \"atRiskFromMonth\": 9}");
        String untrained = employee(grace, SERVING_SINCE, null);

        status(untrained, 2025).body("status", equalTo("ON_TRACK")).body("expectedJpToDate", jp("0.00"));
        unitFigures(grace, 2025).body("unit.figures.onTrack", equalTo(1)).body("unit.figures.atRisk", equalTo(0));

        // From 1 September on, the target pro-rated to the days elapsed (244 of 365) is due.
        clock.setJakarta(LocalDateTime.of(2025, 9, 1, 8, 0));
        status(untrained, 2025).body("status", equalTo("AT_RISK")).body("expectedJpToDate", jp("13.37"));
    }

    @Test
    void pacesLinearlyByDefault() {
        String linear = unit("L", root);
        putOfUnit(2025, linear, "{\"targetJp\": 20, \"pacing\": \"LINEAR\"}");
        String justBehind = trained(employee(linear, SERVING_SINCE, null), "10", LocalDate.of(2025, 5, 1));

        status(justBehind, 2025).body("status", equalTo("AT_RISK")).body("expectedJpToDate", jp("10.03"));
    }

    @Test
    void leavesLeaversOutOfTheRatingAndTheHeadcountWhenThePolicyExcludesThem() {
        String excluding = unit("X", root);
        String leaver = trained(employee(excluding, SERVING_SINCE, LocalDate.of(2025, 6, 30)), "2",
                LocalDate.of(2025, 3, 1));
        String stayer = trained(employee(excluding, SERVING_SINCE, LocalDate.of(2025, 12, 31)), "4",
                LocalDate.of(2025, 3, 1));
        unitFigures(excluding, 2025).body("unit.figures.headcount", equalTo(2)).body("unit.figures.notMet", equalTo(1));

        putOfUnit(2025, excluding, "{\"targetJp\": 20, \"leavers\": \"EXCLUDE\"}");

        status(leaver, 2025).body("status", equalTo("LEFT_SERVICE")).body("servedUntil", equalTo("2025-06-30"));
        status(stayer, 2025).body("status", equalTo("AT_RISK"));
        unitFigures(excluding, 2025).body("unit.figures.headcount", equalTo(1)).body("unit.figures.notMet", equalTo(0))
                .body("unit.figures.totalJp", jp("4"));
        unitFigures(root, 2025).body("unit.figures.headcount", equalTo(1));
    }

    @Test
    void flagsThePppkJpAboveTheCapOfTheContractYearEndingInTheYearAndStillCountsThem() {
        String capped = cappedUnit("C");
        String nip = pppk(capped, LocalDate.of(2022, 3, 1));
        trained(nip, "20", LocalDate.of(2024, 6, 1));
        trained(nip, "10", LocalDate.of(2025, 2, 1));
        trained(nip, "12", LocalDate.of(2025, 5, 1));

        // The contract year 1 March 2024 to 28 February 2025 holds 30 JP: 6 above the cap. All 22 of 2025 count.
        status(nip, 2025).body("capJp", jp("24")).body("contractYearFrom", equalTo("2024-03-01"))
                .body("contractYearUntil", equalTo("2025-02-28")).body("contractYearJp", jp("30"))
                .body("jpAboveCap", jp("6")).body("totalJp", jp("22")).body("status", equalTo("COMPLIANT"));
        String pns = employee(capped, SERVING_SINCE, null);
        status(pns, 2025).body("capJp", nullValue()).body("jpAboveCap", nullValue());
    }

    @Test
    void countsThePppkAboveTheCapInTheUnitFiguresWithADecemberCompletionOfTheYearBefore() {
        String capped = cappedUnit("K");
        String nip = pppk(capped, LocalDate.of(2022, 3, 1));
        // December 2024 belongs to calendar year 2024, but to the contract year ending on 28 February 2025.
        trained(nip, "17.5", LocalDate.of(2024, 12, 10));
        trained(nip, "12.5", LocalDate.of(2025, 2, 1));
        // A PNS of the same unit with as many JP has no cap, and is not above one.
        trained(trained(employee(capped, SERVING_SINCE, null), "17.5", LocalDate.of(2024, 12, 10)), "12.5",
                LocalDate.of(2025, 2, 1));

        status(nip, 2025).body("contractYearJp", jp("30")).body("jpAboveCap", jp("6")).body("totalJp", jp("12.5"));
        unitFigures(capped, 2025).body("unit.figures.aboveCap", equalTo(1))
                .body("unit.figures.jpAboveCap", jp("6")).body("unit.figures.headcount", equalTo(2));
        unitFigures(root, 2025).body("unit.figures.aboveCap", equalTo(1)).body("unit.figures.jpAboveCap", jp("6"))
                .body("children.find { it.code == '" + capped + "' }.figures.aboveCap", equalTo(1));
        // 2025's cap does not reach back into 2024's figures, which have no policy with one.
        unitFigures(capped, 2024).body("unit.figures.aboveCap", equalTo(0)).body("unit.figures.jpAboveCap", jp("0"));
    }

    private String unit(String name, String parent) {
        String code = name + "-" + UUID.randomUUID();
        projections.awaitHandled(events.unit(code, name, parent, 1));
        return code;
    }

    /** A unit below the root whose 2025 policy caps PPPK at 24 JP per contract year. */
    private String cappedUnit(String name) {
        String capped = unit(name, root);
        putOfUnit(2025, capped, "{\"targetJp\": 20, \"capByEmploymentType\": {\"PPPK\": 24}}");
        return capped;
    }

    private String pppk(String unit, LocalDate from) {
        String nip = freshNip();
        projections.awaitHandled(events.employee(new EmployeeUpserted(nip, "Pegawai " + nip, EmploymentType.PPPK,
                PositionLevel.PELAKSANA, unit, from, null, 1, List.of(new UnitAssignment(unit, from)))));
        return nip;
    }

    private String employee(String unit, LocalDate from, LocalDate until) {
        String nip = freshNip();
        projections.awaitHandled(events.employee(new EmployeeUpserted(nip, "Pegawai " + nip, EmploymentType.PNS,
                PositionLevel.PELAKSANA, unit, from, until, 1, List.of(new UnitAssignment(unit, from)))));
        return nip;
    }

    private String trained(String nip, String jp, LocalDate endDate) {
        RecordMetadata sent = events.completion(completionOf(nip, jp, endDate, CompetencyType.TEKNIS,
                TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        projections.awaitHandled(sent);
        return nip;
    }

    private static ValidatableResponse status(String nip, int year) {
        return Compliance.of(nip, year).statusCode(200);
    }

    private static ValidatableResponse unitFigures(String code, int year) {
        return Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}", code).then()
                .statusCode(200);
    }

    private static void putOfUnit(int year, String code, String body) {
        Compliance.request().contentType(ContentType.JSON).body(body)
                .put("/api/v1/policies/{year}/units/{code}", year, code).then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
