package org.jpledger.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unit figures roll up over the subtree, children come with their own, employee lists page through the subtree, and the
 * summary covers the whole organisation. The tree: ROOT (one employee, 25 JP) with MID-A (one employee, 0 JP) above
 * LEAF (one employee, 20 JP), and MID-B (one employee, 11 JP); on 2 July 2025 that is 2 compliant, 1 on track, 1 at risk.
 */
@QuarkusTest
class UnitComplianceTest {

    private static final int YEAR = 2025;

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
    private String midA;
    private String midB;
    private String leaf;
    private String inRoot;
    private String inMidA;
    private String inMidB;
    private String inLeaf;

    @BeforeEach
    void buildTheTree() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(2025, 7, 2, 12, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = "ROOT-" + run;
        midA = "MIDA-" + run;
        midB = "MIDB-" + run;
        leaf = "LEAF-" + run;
        events.unit(root, "Pemerintah Provinsi " + run, 1);
        events.unit(midA, "A Dinas Kesehatan", root, 1);
        events.unit(midB, "B Dinas Pendidikan", root, 1);
        projections.awaitHandled(events.unit(leaf, "Puskesmas Kota", midA, 1));
        inRoot = employee(root, "Ahmad", "25");
        inMidA = employee(midA, "Budi", null);
        inMidB = employee(midB, "Citra", "11");
        inLeaf = employee(leaf, "Dewi", "20");
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void rollsUpTheSubtreeAndListsEachDirectChildWithItsOwn() {
        unit(root).body("unit.code", equalTo(root)).body("unit.parentCode", nullValue())
                .body("unit.figures.headcount", equalTo(4)).body("unit.figures.compliant", equalTo(2))
                .body("unit.figures.onTrack", equalTo(1)).body("unit.figures.atRisk", equalTo(1))
                .body("unit.figures.notMet", equalTo(0)).body("unit.figures.complianceRate", jp("0.5"))
                .body("unit.figures.totalJp", jp("56")).body("unit.figures.averageJp", jp("14"))
                .body("children.code", contains(midA, midB))
                .body("children[0].figures.headcount", equalTo(2)).body("children[0].figures.compliant", equalTo(1))
                .body("children[0].figures.totalJp", jp("20"))
                .body("children[1].figures.headcount", equalTo(1)).body("children[1].figures.onTrack", equalTo(1))
                .body("asOf", notNullValue());
        unit(midA).body("unit.figures.headcount", equalTo(2)).body("unit.parentCode", equalTo(root))
                .body("children.code", contains(leaf)).body("children[0].figures.compliant", equalTo(1));
        unit(leaf).body("unit.figures.headcount", equalTo(1)).body("children", org.hamcrest.Matchers.empty());
    }

    @Test
    void listsTheEmployeesOfASubtreeByStatusSortedAndPaged() {
        employees(root, "status=COMPLIANT").body("items.nip", contains(inLeaf, inRoot));
        employees(root, "status=AT_RISK").body("items.nip", contains(inMidA))
                .body("items[0].targetJp", jp("20")).body("items[0].totalJp", jp("0"));
        employees(midA, "sort=name").body("items.name", contains("Budi", "Dewi"));

        JsonPath first = employees(root, "sort=-totalJp&limit=2").body("items.nip", contains(inRoot, inLeaf))
                .extract().jsonPath();
        String cursor = first.getString("nextCursor");
        JsonPath second = employees(root, "sort=-totalJp&limit=2&cursor=" + cursor)
                .body("items.nip", contains(inMidB, inMidA)).extract().jsonPath();
        assertThat(second.getString("nextCursor")).isNull();
    }

    @Test
    void refusesBadListParametersNamingEach() {
        String cursor = employees(root, "sort=name&limit=1").extract().jsonPath().getString("nextCursor");
        badList(root, "status=LATE", "status");
        badList(root, "sort=age", "sort");
        badList(root, "limit=0", "limit");
        badList(root, "limit=501", "limit");
        badList(root, "cursor=not-a-cursor", "cursor");
        badList(root, "sort=totalJp&cursor=" + cursor, "cursor");
        badList(root, "year=1999", "year");
    }

    @Test
    void answersAnUnknownUnitWithNotFound() {
        Compliance.request().get("/api/v1/compliance/units/{code}", "NO-SUCH-UNIT").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        Compliance.request().get("/api/v1/compliance/units/{code}/employees", "NO-SUCH-UNIT").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void summarisesTheOrganisationAndItsTopLevelUnits() {
        JsonPath summary = Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/summary").then()
                .statusCode(200).body("year", equalTo(YEAR)).body("units.code", hasItem(root))
                .body("asOf", notNullValue()).extract().jsonPath();
        assertThat(summary.getList("units.code")).doesNotContain(midA, midB, leaf);
        int rootIndex = summary.getList("units.code").indexOf(root);
        assertThat(summary.getInt("units[" + rootIndex + "].figures.headcount")).isEqualTo(4);
        assertThat(summary.getInt("units[" + rootIndex + "].figures.compliant")).isEqualTo(2);

        long before = summary.getLong("figures.headcount");
        employee(leaf, "Eko", "30");
        Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/summary").then().statusCode(200)
                .body("figures.headcount", equalTo((int) before + 1));
    }

    @Test
    void showsAReaderOfSomeUnitsOnlyThoseCountingEachEmployeeOnce() {
        // leaf lies below midA: the reader's figures hold midA's subtree once, and each named unit over its own.
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(leaf, midA));

        JsonPath summary = Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/summary").then().statusCode(200).extract().jsonPath();

        assertThat(summary.getList("units.code")).containsExactly(midA, leaf);
        assertThat(summary.getInt("figures.headcount")).isEqualTo(2);
        assertThat(summary.getInt("units[0].figures.headcount")).isEqualTo(2);
        assertThat(summary.getInt("units[1].figures.headcount")).isEqualTo(1);
        assertThat(summary.getInt("units[1].figures.compliant")).isEqualTo(1);
        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/units/{code}", midB).then().statusCode(404);
        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/employees/{nip}", inMidB).then().statusCode(404);
        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/employees/{nip}", inLeaf).then().statusCode(200);
    }

    @Test
    void breaksDownTheJpOfASubtreeByMethodCompetencyTypeAndBand() {
        breakdown(root).body("unitCode", equalTo(root)).body("headcount", equalTo(4)).body("withoutJp", equalTo(1))
                .body("jpByMethod.KLASIKAL", jp("56")).body("jpByMethod.NONKLASIKAL", jp("0"))
                .body("jpByCompetencyType.TEKNIS", jp("56")).body("jpByCompetencyType.MANAJERIAL", jp("0"))
                .body("jpByDeliveryMode.LURING", jp("56"))
                .body("jpBands.fromJp", contains(jp("0"), jp("5"), jp("10"), jp("15"), jp("20"), jp("40")))
                .body("jpBands[5].toJp", nullValue())
                // Budi 0 JP; Citra 11; Dewi 20 and Ahmad 25 (20 is the lower edge of its band)
                .body("jpBands.employees", contains(1, 0, 1, 0, 2, 0)).body("asOf", notNullValue());
        breakdown(midA).body("headcount", equalTo(2)).body("withoutJp", equalTo(1))
                .body("jpBands.employees", contains(1, 0, 0, 0, 1, 0));
        String nonklasikal = employee(leaf, "Eko", null);
        projections.awaitHandled(events.completion(completionOf(nonklasikal, "7.5", LocalDate.of(YEAR, 5, 2),
                CompetencyType.MANAJERIAL, TrainingMethod.NONKLASIKAL, DeliveryMode.DARING)));
        breakdown(leaf).body("headcount", equalTo(2)).body("jpByMethod.NONKLASIKAL", jp("7.5"))
                .body("jpByCompetencyType.MANAJERIAL", jp("7.5")).body("jpByDeliveryMode.DARING", jp("7.5"))
                .body("jpBands.employees", contains(0, 1, 0, 0, 1, 0));
    }

    @Test
    void breaksDownOnlyWhatAReaderOfSomeUnitsMaySee() {
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(leaf, midA));

        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/summary/breakdown").then().statusCode(200).body("unitCode", nullValue())
                .body("headcount", equalTo(2)).body("jpByMethod.KLASIKAL", jp("20"));
        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/units/{code}/breakdown", midB).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        Compliance.request().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_READER)
                .units(Access.ALL_UNITS))).get("/api/v1/compliance/units/{code}/breakdown", root).then()
                .statusCode(403);
    }

    @Test
    void listsThoseBehindTogetherAndFindsEmployeesByNipOrName() {
        String late = employee(midB, "Gita Lestari", null);
        employees(root, "status=AT_RISK,NOT_MET").body("items.nip", contains(inMidA, late));
        employees(root, "status=COMPLIANT,ON_TRACK&sort=name").body("items.name", contains("Ahmad", "Citra", "Dewi"));
        employees(root, "search=dew").body("items.nip", contains(inLeaf));
        employees(root, "search=LESTARI&status=AT_RISK").body("items.nip", contains(late));
        employees(root, "search=" + inLeaf).body("items.nip", contains(inLeaf));
        employees(root, "sort=name&search=" + inLeaf).body("items.nip", contains(inLeaf));
        // A NIP as people write it: birth date, appointment month, gender, number.
        String spaced = inLeaf.substring(0, 8) + " " + inLeaf.substring(8, 14) + " " + inLeaf.substring(14, 15) + " "
                + inLeaf.substring(15);
        Compliance.request().queryParam("year", YEAR).queryParam("search", spaced)
                .get("/api/v1/compliance/units/{code}/employees", root).then().statusCode(200)
                .body("items.nip", contains(inLeaf));
        // LIKE's wildcards are searched for as text, not matched as wildcards.
        for (String wildcard : List.of("%", "_", "\\")) {
            Compliance.request().queryParam("year", YEAR).queryParam("search", wildcard)
                    .get("/api/v1/compliance/units/{code}/employees", root).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
        }
        employees(midB, "search=Ahmad").body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void listsTheEmployeesOfTheWholeOrganisationOrOfAReadersUnitsTogether() {
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(leaf, midA));
        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/summary/employees").then().statusCode(200)
                // midA's subtree once, though the token names leaf below it too
                .body("items.nip", contains(inMidA, inLeaf)).body("nextCursor", nullValue());
        Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .queryParam("status", "AT_RISK,NOT_MET").get("/api/v1/compliance/summary/employees").then()
                .statusCode(200).body("items.nip", contains(inMidA));

        // A reader of every unit finds anyone by NIP; the list pages as a unit's does.
        Compliance.request().queryParam("year", YEAR).queryParam("search", inMidB)
                .get("/api/v1/compliance/summary/employees").then().statusCode(200).body("items.nip", contains(inMidB));
        String rootReader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(root));
        String cursor = Compliance.request().header("Authorization", rootReader).queryParam("year", YEAR)
                .queryParam("sort", "name").queryParam("limit", 2).get("/api/v1/compliance/summary/employees").then()
                .statusCode(200).body("items.name", contains("Ahmad", "Budi")).extract().path("nextCursor");
        Compliance.request().header("Authorization", rootReader).queryParam("year", YEAR).queryParam("sort", "name")
                .queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/compliance/summary/employees").then()
                .statusCode(200).body("items.name", contains("Citra", "Dewi")).body("nextCursor", nullValue());
    }

    @Test
    void listsTheYearsReportedOnNewestFirst() {
        Compliance.request().get("/api/v1/compliance/years").then().statusCode(200).body("current", equalTo(YEAR))
                .body("years[0]", equalTo(YEAR)).body("years[-1]", equalTo(2020))
                .body("years.size()", equalTo(YEAR - 2020 + 1));
    }

    @Test
    void saysTheFiguresAreCurrentOnceEveryEventIsApplied() {
        Compliance.request().get("/api/v1/compliance/freshness").then().statusCode(200)
                .body("stale", equalTo(false)).body("pendingEvents", equalTo(0)).body("asOf", notNullValue())
                .body("checkedAt", notNullValue());
    }

    private String employee(String unit, String name, String jp) {
        String nip = freshNip();
        RecordMetadata last = events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS,
                PositionLevel.PELAKSANA, unit, LocalDate.of(2010, 1, 1), null, 1,
                List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        if (jp != null) {
            last = events.completion(completionOf(nip, jp, LocalDate.of(YEAR, 4, 1), CompetencyType.TEKNIS,
                    TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        }
        projections.awaitHandled(last);
        return nip;
    }

    private static io.restassured.response.ValidatableResponse unit(String code) {
        return Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/units/{code}", code).then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse breakdown(String code) {
        return Compliance.request().queryParam("year", YEAR).get("/api/v1/compliance/units/{code}/breakdown", code)
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse employees(String code, String query) {
        return Compliance.request().get("/api/v1/compliance/units/{code}/employees?year=" + YEAR + "&" + query, code)
                .then().statusCode(200);
    }

    private static void badList(String code, String query, String field) {
        Compliance.request().get("/api/v1/compliance/units/{code}/employees?" + query, code).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(field));
    }
}
