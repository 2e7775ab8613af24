package org.jpledger.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.problem.Problem;
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
 * A year's figures aggregate under the unit tree as it stood on 31 December of that year. A province with dinas A, B
 * and C is reorganised in 2026: A is split into A1 and A2 (dissolved on 1 January with successor A1, its people
 * transferred), B is merged into C (dissolved on 1 March with successor C, its people left in B) and C is renamed from
 * 1 February. 2025's answers stay exactly as they were; 2026's show A1, A2 and the renamed C with B's people inside.
 */
@QuarkusTest
class ReorganisationTest {

    private static final LocalDate SINCE = LocalDate.of(2010, 1, 1);
    private static final LocalDate REORGANISED = LocalDate.of(2026, 1, 1);
    private static final LocalDate MERGED = LocalDate.of(2026, 3, 1);
    private static final LocalDate RENAMED = LocalDate.of(2026, 2, 1);

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
    private String province;
    private String a;
    private String b;
    private String c;
    private String a1;
    private String a2;
    private String inA1;
    private String inA2;
    private String inB;
    private String inC;

    @BeforeEach
    void buildTheProvinceOf2025() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(2026, 7, 2, 12, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        province = "PROV-" + run;
        a = "A-" + run;
        b = "B-" + run;
        c = "C-" + run;
        a1 = "A1-" + run;
        a2 = "A2-" + run;
        // Events written before units had histories: one period since ever.
        events.unit(province, "Provinsi " + run, 1);
        events.unit(a, "Dinas A", province, 1);
        events.unit(b, "Dinas B", province, 1);
        projections.awaitHandled(events.unit(c, "Dinas C", province, 1));
        inA1 = employee("Ahmad", List.of(new UnitAssignment(a, SINCE)), "25", "10");
        inA2 = employee("Budi", List.of(new UnitAssignment(a, SINCE)), "12", "30");
        inB = employee("Citra", List.of(new UnitAssignment(b, SINCE)), "20", "5");
        inC = employee("Dewi", List.of(new UnitAssignment(c, SINCE)), "8", "21");
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void keepsAYearsFiguresNamesListsAndExportsThroughALaterReorganisation() {
        Map<String, String> before = answersOf2025();
        JsonPath unitBefore = JsonPath.from(before.get("unit:" + province));
        assertThat(unitBefore.getList("children.code")).containsExactly(a, b, c);
        assertThat(unitBefore.getInt("unit.figures.headcount")).isEqualTo(4);

        reorganise();

        Map<String, String> after = answersOf2025();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((question, answer) -> assertThat(withoutAsOf(answer)).as(question)
                .isEqualTo(withoutAsOf(before.get(question))));

        // 2026: A1 and A2 (by name), and C renamed with B's people inside; A and B are not in the year's tree.
        JsonPath of2026 = unit(province, 2026).statusCode(200).extract().jsonPath();
        assertThat(of2026.getList("children.code")).containsExactly(a2, a1, c);
        assertThat(of2026.getList("children.name")).containsExactly("Dinas A Dua", "Dinas A Satu", "Dinas C Baru");
        assertThat(of2026.getInt("unit.figures.headcount")).isEqualTo(4);
        unit(c, 2026).statusCode(200).body("unit.name", equalTo("Dinas C Baru"))
                .body("unit.figures.headcount", equalTo(2)).body("unit.figures.totalJp", jp("26"));
        unit(a1, 2026).statusCode(200).body("unit.figures.headcount", equalTo(1)).body("unit.figures.totalJp", jp("10"));
        unit(c, 2025).statusCode(200).body("unit.name", equalTo("Dinas C"));
        for (String gone : List.of(a, b)) {
            unit(gone, 2026).statusCode(404).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("did not exist on 31 December 2026"));
        }
        unit(a1, 2025).statusCode(404).contentType(Problem.MEDIA_TYPE);
        Compliance.request().queryParam("year", 2026).get("/api/v1/compliance/units/{code}/employees", c).then()
                .statusCode(200).body("items.nip", contains(inB, inC)).body("items[0].unitCode", equalTo(c))
                .body("items[0].unitName", equalTo("Dinas C Baru"));
        Compliance.of(inB, 2026).statusCode(200).body("unitCode", equalTo(c)).body("unitName", equalTo("Dinas C Baru"));
        Compliance.of(inB, 2025).statusCode(200).body("unitCode", equalTo(b)).body("unitName", equalTo("Dinas B"));
        JsonPath summary = Compliance.request().queryParam("year", 2026).get("/api/v1/compliance/summary").then()
                .statusCode(200).extract().jsonPath();
        int row = summary.getList("units.code").indexOf(province);
        assertThat(summary.getInt("units[" + row + "].figures.headcount")).isEqualTo(4);
        breakdown(c, 2026).body("headcount", equalTo(2)).body("jpByMethod.KLASIKAL", jp("26"));
        String units2026 = export("units", c, 2026);
        assertThat(units2026).contains(c + ",Dinas C Baru," + province + ",2,");
    }

    @Test
    void aUnitPolicyGovernsTheSubtreeOfItsYearsTree() {
        putOfUnit(2025, a, "{\"targetJp\": 12}");
        putOfUnit(2026, c, "{\"targetJp\": 30}");
        reorganise();
        // 2025: A's policy still governs A's people of that year; 2026: C's governs B's people, folded into C.
        Compliance.of(inA2, 2025).statusCode(200).body("policyUnitCode", equalTo(a)).body("targetJp", jp("12"))
                .body("status", equalTo("COMPLIANT"));
        Compliance.of(inB, 2026).statusCode(200).body("policyUnitCode", equalTo(c)).body("targetJp", jp("30"));
        Compliance.of(inA1, 2026).statusCode(200).body("policyUnitCode", equalTo(null)).body("targetJp", jp("20"));
    }

    /** The 2026 reorganisation, as training-service publishes it. */
    private void reorganise() {
        events.unit(new UnitUpserted(a1, "Dinas A Satu", province, 1, null,
                List.of(new UnitPeriod(REORGANISED, "Dinas A Satu", province)), null, null));
        events.unit(new UnitUpserted(a2, "Dinas A Dua", province, 1, null,
                List.of(new UnitPeriod(REORGANISED, "Dinas A Dua", province)), null, null));
        events.unit(new UnitUpserted(a, "Dinas A", province, 2, null,
                List.of(new UnitPeriod(SINCE, "Dinas A", province)), REORGANISED, a1));
        events.unit(new UnitUpserted(b, "Dinas B", province, 2, null,
                List.of(new UnitPeriod(SINCE, "Dinas B", province)), MERGED, c));
        RecordMetadata units = events.unit(new UnitUpserted(c, "Dinas C Baru", province, 2, null,
                List.of(new UnitPeriod(SINCE, "Dinas C", province), new UnitPeriod(RENAMED, "Dinas C Baru", province)),
                null, null));
        transfer(inA1, "Ahmad", a1);
        RecordMetadata employees = transfer(inA2, "Budi", a2);
        projections.awaitHandled(units);
        projections.awaitHandled(employees);
    }

    /** Every 2025 answer the reorganisation must leave alone, by question. */
    private Map<String, String> answersOf2025() {
        Map<String, String> answers = new TreeMap<>();
        for (String code : List.of(province, a, b, c)) {
            answers.put("unit:" + code, unit(code, 2025).statusCode(200).extract().asString());
            answers.put("employees:" + code, Compliance.request().queryParam("year", 2025)
                    .get("/api/v1/compliance/units/{code}/employees", code).then().statusCode(200).extract().asString());
            answers.put("breakdown:" + code, breakdown(code, 2025).extract().asString());
        }
        for (String nip : List.of(inA1, inA2, inB, inC)) {
            answers.put("employee:" + nip, Compliance.of(nip, 2025).statusCode(200).extract().asString());
        }
        JsonPath summary = Compliance.request().queryParam("year", 2025).get("/api/v1/compliance/summary").then()
                .statusCode(200).extract().jsonPath();
        int row = summary.getList("units.code").indexOf(province);
        answers.put("summary:" + province, summary.getString("units[" + row + "]"));
        answers.put("export:compliance", export("compliance", province, 2025));
        answers.put("export:units", export("units", province, 2025));
        return answers;
    }

    private String employee(String name, List<UnitAssignment> history, String jp2025, String jp2026) {
        String nip = freshNip();
        events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA,
                history.get(history.size() - 1).unitCode(), SINCE, null, 1, history));
        events.completion(completionOf(nip, jp2025, LocalDate.of(2025, 4, 1), CompetencyType.TEKNIS,
                TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        projections.awaitHandled(events.completion(completionOf(nip, jp2026, LocalDate.of(2026, 4, 1),
                CompetencyType.TEKNIS, TrainingMethod.KLASIKAL, DeliveryMode.LURING)));
        return nip;
    }

    private RecordMetadata transfer(String nip, String name, String to) {
        List<UnitAssignment> history = List.of(new UnitAssignment(a, SINCE), new UnitAssignment(to, REORGANISED));
        return events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA, to, SINCE,
                null, 2, history));
    }

    /** The answer without the time its figures are as of (a JSON field, or an export's footer line). */
    private static String withoutAsOf(String answer) {
        return answer.replaceAll("\"asOf\":\"[^\"]*\"", "\"asOf\":\"\"").replaceAll("(?m)^#,.*$", "#");
    }

    private static io.restassured.response.ValidatableResponse unit(String code, int year) {
        return Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}", code).then();
    }

    private static io.restassured.response.ValidatableResponse breakdown(String code, int year) {
        return Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}/breakdown", code)
                .then().statusCode(200);
    }

    private static String export(String kind, String unitCode, int year) {
        return Compliance.request().queryParam("year", year).queryParam("unitCode", unitCode)
                .get("/api/v1/exports/" + kind).then().statusCode(200).extract().asString();
    }

    private static void putOfUnit(int year, String code, String body) {
        Compliance.request().contentType(ContentType.JSON).body(body)
                .put("/api/v1/policies/{year}/units/{code}", year, code).then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
