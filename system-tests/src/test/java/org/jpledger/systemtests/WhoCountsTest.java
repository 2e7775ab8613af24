package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.jpledger.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who counts in a year and for how much, through the whole system: positions, exemptions, PPPK caps and regional
 * policies recorded at training-service, judged by reporting-service. Years are relative to today, so the test reads
 * the same in any year: "last year" is closed, "this year" is running.
 */
class WhoCountsTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String ROOT = "WC-INDONESIA";
    private static final String DKI = "WC-DKI";
    private static final String TEGAL = "WC-TEGAL";
    private static final String PROMOTED = "198503122010011001";
    private static final String ON_STUDY_LEAVE = "198704152011012002";
    private static final String IN_JAKARTA = "199105052015031004";
    /** An NI PPPK: real birth date, gender digit 2. */
    private static final String PPPK = "199002202024212003";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path logs;

    private static LocalStack stack;
    private static LocalDate today;
    private static int thisYear;
    private static int lastYear;

    @BeforeAll
    static void startSystem() throws InterruptedException {
        Path root = ProjectRoot.path();
        stack = LocalStack.start(new LocalStack.Options(null, logs, LocalStack.Ports.free(),
                root.resolve("training-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar")));
        StackTokens.authorizeEverything(stack.keys());
        today = LocalDate.now(WIB);
        thisYear = today.getYear();
        lastYear = thisYear - 1;
        StackRoster.unit(training(), ROOT, "Indonesia", null);
        StackRoster.unit(training(), DKI, "Pemerintah Provinsi DKI Jakarta", ROOT);
        StackRoster.unit(training(), TEGAL, "Pemerintah Kota Tegal", ROOT);
        // A unit policy names a unit reporting-service knows, so the tree must have arrived there first.
        awaitKnownToReporting(DKI);
        awaitKnownToReporting(TEGAL);
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void promotionRecordedThisYearLeavesLastYearsTargetAndStatusAlone() throws InterruptedException {
        String administratorsOwe40 = "{\"targetJp\":20,\"targetByPositionLevel\":{\"ADMINISTRATOR\":40}}";
        policy("/api/v1/policies/" + lastYear, administratorsOwe40);
        policy("/api/v1/policies/" + thisYear, administratorsOwe40);
        employee(PROMOTED, "Budi Santoso", "PNS", "PELAKSANA", ROOT, "2010-01-01", "");
        completion(PROMOTED, "WC-PROMOTED-1", 20, LocalDate.of(lastYear, 3, 2), LocalDate.of(lastYear, 3, 3));
        JsonPath before = await(PROMOTED, lastYear, json -> json.getDouble("totalJp") == 20.0);
        assertThat(before.getDouble("targetJp")).isEqualTo(20.0);
        assertThat(before.getString("status")).isEqualTo("COMPLIANT");

        employee(PROMOTED, "Budi Santoso", "PNS", "ADMINISTRATOR", ROOT, "2010-01-01",
                ",\"effectiveDate\":\"" + today + "\"");

        JsonPath promoted = await(PROMOTED, thisYear, json -> "ADMINISTRATOR".equals(json.getString("positionLevel")));
        assertThat(promoted.getDouble("targetJp")).as("this year's target follows the promotion").isEqualTo(40.0);
        JsonPath after = await(PROMOTED, lastYear, json -> true);
        assertThat(after.getString("positionLevel")).isEqualTo("PELAKSANA");
        assertThat(after.getDouble("targetJp")).isEqualTo(20.0);
        assertThat(after.getString("status")).isEqualTo("COMPLIANT");
    }

    @Test
    void employeeOnStudyLeaveAllLastYearIsExemptAndOutsideTheHeadcount() throws InterruptedException {
        employee(ON_STUDY_LEAVE, "Dewi Lestari", "PNS", "PELAKSANA", TEGAL, "2011-01-01", "");
        given().baseUri(training()).contentType(ContentType.JSON)
                .body("""
                        {"kind":"TUGAS_BELAJAR","from":"%d-01-01","until":"%d-12-31",
                         "reference":"800/123/BKPSDM/%d"}""".formatted(lastYear, lastYear, lastYear))
                .post("/api/v1/employees/{nip}/exemptions", ON_STUDY_LEAVE).then().statusCode(201);

        await(ON_STUDY_LEAVE, lastYear, json -> "EXEMPT".equals(json.getString("status")));
        JsonPath tegal = given().baseUri(reporting()).queryParam("year", lastYear)
                .get("/api/v1/compliance/units/{code}", TEGAL).then().statusCode(200).extract().jsonPath();
        assertThat(tegal.getLong("unit.figures.exempt")).isEqualTo(1);
        assertThat(tegal.getLong("unit.figures.headcount")).isZero();
    }

    @Test
    void regionalPoliciesInHoursAndInJpCoexistUnderOneRootAndCapPppkTraining() throws InterruptedException {
        policy("/api/v1/policies/" + thisYear + "/units/" + DKI, "{\"targetHours\":40}");
        policy("/api/v1/policies/" + thisYear + "/units/" + TEGAL,
                "{\"targetJp\":20,\"capByEmploymentType\":{\"PPPK\":24}}");
        employee(IN_JAKARTA, "Agus Pratama", "PNS", "PELAKSANA", DKI, "2015-03-01", "");
        employee(PPPK, "Rina Wulandari", "PPPK", "FUNGSIONAL", TEGAL, thisYear + "-01-01", "");
        completion(PPPK, "WC-PPPK-1", 30, today.minusDays(2), today);

        // 40 hours of 60 minutes at 45 minutes a JP: 53.33, rounded up.
        JsonPath jakarta = await(IN_JAKARTA, thisYear, json -> DKI.equals(json.getString("policyUnitCode")));
        assertThat(jakarta.getDouble("targetJp")).isEqualTo(54.0);
        JsonPath pppk = await(PPPK, thisYear, json -> json.getDouble("totalJp") == 30.0);
        assertThat(pppk.getString("policyUnitCode")).isEqualTo(TEGAL);
        assertThat(pppk.getDouble("targetJp")).isEqualTo(20.0);
        assertThat(pppk.getString("status")).as("JP above the cap still count").isEqualTo("COMPLIANT");
        assertThat(pppk.getDouble("capJp")).isEqualTo(24.0);
        assertThat(pppk.getDouble("jpAboveCap")).isEqualTo(6.0);
        JsonPath tegal = given().baseUri(reporting()).queryParam("year", thisYear)
                .get("/api/v1/compliance/units/{code}", TEGAL).then().statusCode(200).extract().jsonPath();
        assertThat(tegal.getLong("unit.figures.aboveCap")).isEqualTo(1);
        assertThat(tegal.getDouble("unit.figures.jpAboveCap")).isEqualTo(6.0);
    }

    private static void employee(String nip, String name, String type, String level, String unit, String from,
            String more) {
        given().baseUri(training()).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","employmentType":"%s","positionLevel":"%s","unitCode":"%s",
                         "employedFrom":"%s"%s}""".formatted(name, type, level, unit, from, more))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static void completion(String nip, String externalId, int jp, LocalDate start, LocalDate end) {
        given().baseUri(training()).contentType(ContentType.JSON)
                .body("""
                        {"nip":"%s","title":"Pelatihan %s","kindId":3,"jp":%d,"competencyType":"TEKNIS",
                         "deliveryMode":"LURING","provider":"BPSDMD","startDate":"%s","endDate":"%s",
                         "sourceSystem":"system-tests","externalId":"%s"}"""
                        .formatted(nip, externalId, jp, start, end, externalId))
                .post("/api/v1/completions").then().statusCode(201);
    }

    private static void policy(String path, String body) {
        given().baseUri(reporting()).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** Polls reporting-service until the unit's compliance answers, or fails after a while. */
    private static void awaitKnownToReporting(String code) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = given().baseUri(reporting()).get("/api/v1/compliance/units/{code}", code).statusCode();
            Thread.sleep(100);
        }
        assertThat(status).as("reporting-service never learnt of unit %s", code).isEqualTo(200);
    }

    /** Polls the employee's compliance in {@code year} until it satisfies {@code condition}, or fails after a while. */
    private static JsonPath await(String nip, int year, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = given().baseUri(reporting()).queryParam("year", year)
                    .get("/api/v1/compliance/employees/{nip}", nip);
            if (last.statusCode() == 200 && condition.test(last.jsonPath())) {
                return last.jsonPath();
            }
            Thread.sleep(100);
        }
        assertThat(last).as("no answer from reporting-service").isNotNull();
        throw new AssertionError("reporting-service never showed what was awaited for " + nip + " in " + year + ": "
                + last.asString());
    }

    private static String training() {
        return stack.training().baseUrl();
    }

    private static String reporting() {
        return stack.reporting().baseUrl();
    }
}
