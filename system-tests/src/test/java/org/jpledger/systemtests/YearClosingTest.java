package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A province closes last year through the packaged services, then a late certificate for that year arrives: the closed
 * figures stay as signed, the live ones move, the correction is listed, the year's policy refuses changes, and the
 * verification replays the ledger to the closing's offsets and reproduces the snapshot exactly.
 */
class YearClosingTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String PROVINCE = "YC-JATENG";
    private static final String DINAS = "YC-JATENG-DINKES";
    private static final String ON_TIME = "198503122010011001";
    private static final String LATE = "198704152011012002";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path logs;

    private static LocalStack stack;
    private static int lastYear;

    @BeforeAll
    static void startSystem() throws InterruptedException {
        Path root = ProjectRoot.path();
        stack = LocalStack.start(new LocalStack.Options(null, logs, LocalStack.Ports.free(),
                root.resolve("training-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar")));
        StackTokens.authorizeEverything(stack.keys());
        lastYear = LocalDate.now(WIB).getYear() - 1;
        StackRoster.unit(training(), PROVINCE, "Pemerintah Provinsi Jawa Tengah", null);
        StackRoster.unit(training(), DINAS, "Dinas Kesehatan", PROVINCE);
        StackRoster.employee(training(), ON_TIME, "Budi Santoso", DINAS);
        StackRoster.employee(training(), LATE, "Dewi Lestari", DINAS);
        completion(ON_TIME, "YC-ON-TIME", 24, LocalDate.of(lastYear, 5, 6));
        completion(LATE, "YC-EARLY-PART", 8, LocalDate.of(lastYear, 6, 10));
        await("/api/v1/compliance/units/" + DINAS, json -> json.getDouble("unit.figures.totalJp") == 32.0);
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void lateCertificateLeavesTheClosedFiguresAsSignedAndTheVerificationReproducesThem() throws InterruptedException {
        JsonPath closing = given().baseUri(reporting()).contentType(ContentType.JSON)
                .body("{\"unitCode\":\"%s\",\"note\":\"Laporan pemenuhan 20 JP tahun %d\"}".formatted(PROVINCE,
                        lastYear))
                .post("/api/v1/years/{year}/closing", lastYear).then().statusCode(201).extract().jsonPath();
        assertThat(closing.getInt("version")).isEqualTo(1);
        assertThat(closing.getInt("employeeRows")).isEqualTo(2);
        assertThat(closing.getString("sha256")).hasSize(64);

        JsonPath closed = get("/api/v1/compliance/units/" + DINAS, "closed");
        assertThat(closed.getBoolean("closed")).isTrue();
        assertThat(closed.getDouble("unit.figures.totalJp")).isEqualTo(32.0);
        assertThat(closed.getLong("unit.figures.compliant")).isEqualTo(1);

        // The rest of Dewi's certificate arrives in the new year: 16 JP more, dated last year.
        completion(LATE, "YC-LATE-PART", 16, LocalDate.of(lastYear, 11, 20));
        JsonPath live = await("/api/v1/compliance/units/" + DINAS + "?view=live",
                json -> json.getDouble("unit.figures.totalJp") == 48.0);
        assertThat(live.getBoolean("closed")).isFalse();
        assertThat(live.getLong("unit.figures.compliant")).isEqualTo(2);

        JsonPath stillClosed = get("/api/v1/compliance/units/" + DINAS, "closed");
        assertThat(stillClosed.getBoolean("closed")).isTrue();
        assertThat(stillClosed.getDouble("unit.figures.totalJp")).isEqualTo(32.0);
        assertThat(stillClosed.getLong("unit.figures.compliant")).isEqualTo(1);
        assertThat(stillClosed.getInt("closing.corrections")).isEqualTo(1);
        JsonPath employee = get("/api/v1/compliance/employees/" + LATE, "closed");
        assertThat(employee.getString("status")).isEqualTo("NOT_MET");

        JsonPath corrections = given().baseUri(reporting()).queryParam("unitCode", PROVINCE)
                .get("/api/v1/years/{year}/corrections", lastYear).then().statusCode(200).extract().jsonPath();
        assertThat(corrections.getList("items.employee.nip")).containsExactly(LATE);
        assertThat(corrections.getString("items[0].change")).isEqualTo("RECORDED");
        assertThat(corrections.getDouble("items[0].recognizedJpAfter")).isEqualTo(16.0);
        assertThat(corrections.getString("items[0].changedBy")).isNotBlank();
        assertThat(corrections.getString("items[0].employee.closedStatus")).isEqualTo("NOT_MET");
        assertThat(corrections.getString("items[0].employee.liveStatus")).isEqualTo("COMPLIANT");
        assertThat(corrections.getDouble("items[0].unit.closed.totalJp")).isEqualTo(32.0);
        assertThat(corrections.getDouble("items[0].unit.live.totalJp")).isEqualTo(48.0);

        Response policy = given().baseUri(reporting()).contentType(ContentType.JSON).body("{\"targetJp\":10}")
                .put("/api/v1/policies/{year}/units/{code}", lastYear, PROVINCE);
        assertThat(policy.statusCode()).isEqualTo(409);
        assertThat(policy.contentType()).startsWith("application/problem+json");

        given().baseUri(reporting()).queryParam("unitCode", PROVINCE)
                .post("/api/v1/years/{year}/closing/verify", lastYear).then().statusCode(202);
        JsonPath verified = await("/api/v1/years/" + lastYear + "/closing/verify?unitCode=" + PROVINCE,
                json -> !"RUNNING".equals(json.getString("state")));
        assertThat(verified.getString("state")).as(verified.prettify()).isEqualTo("EQUAL");
        assertThat(verified.getInt("employeeRows")).isEqualTo(2);
    }

    private static void completion(String nip, String externalId, int jp, LocalDate end) {
        given().baseUri(training()).contentType(ContentType.JSON)
                .body("""
                        {"nip":"%s","title":"Pelatihan %s","kindId":3,"jp":%d,"competencyType":"TEKNIS",
                         "deliveryMode":"LURING","provider":"BPSDMD","startDate":"%s","endDate":"%s",
                         "sourceSystem":"system-tests","externalId":"%s"}"""
                        .formatted(nip, externalId, jp, end.minusDays(2), end, externalId))
                .post("/api/v1/completions").then().statusCode(201);
    }

    private static JsonPath get(String path, String view) {
        return given().baseUri(reporting()).queryParam("year", lastYear).queryParam("view", view).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls a reporting path of last year until its answer satisfies {@code condition}, or fails after a while. */
    private static JsonPath await(String path, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = given().baseUri(reporting()).queryParam("year", lastYear).get(path);
            if (last.statusCode() == 200 && condition.test(last.jsonPath())) {
                return last.jsonPath();
            }
            Thread.sleep(200);
        }
        assertThat(last).as("no answer from reporting-service").isNotNull();
        throw new AssertionError("reporting-service never showed what was awaited at " + path + ": " + last.asString());
    }

    private static String training() {
        return stack.training().baseUrl();
    }

    private static String reporting() {
        return stack.reporting().baseUrl();
    }
}
