package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.LocalStack;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hours that can be trusted, through the whole system: the same training reported by the LMS and by a unit's SIMPEG
 * is flagged at training-service and counted once in reporting-service after a verifier resolves it; under a
 * VERIFIED_ONLY policy a unit's compliance rate follows the verifier through the queue.
 */
class VerificationTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String PROVINCE = "VT-JATENG";
    private static final String AGENCY = "VT-BKD";
    private static final String CHECKED_UNIT = "VT-DINKES";
    private static final String REPORTED_TWICE = "198503122010011001";
    private static final List<String> CHECKED = List.of("198704152011012002", "199105052015031004",
            "199002202014022003");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path logs;

    private static LocalStack stack;
    private static LocalDate today;
    private static int year;
    private static String lms;
    private static String simpeg;
    private static String verifier;

    @BeforeAll
    static void startSystem() throws InterruptedException {
        Path root = ProjectRoot.path();
        stack = LocalStack.start(new LocalStack.Options(null, logs, LocalStack.Ports.free(),
                root.resolve("training-service/target/quarkus-app/quarkus-run.jar"),
                root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar")));
        StackTokens.authorizeEverything(stack.keys());
        lms = caller(Access.TRAINING_WRITER, "lms-bpsdm");
        simpeg = caller(Access.TRAINING_WRITER, "simpeg-dinkes");
        verifier = caller(Access.TRAINING_VERIFIER, "verifikator-bkd");
        today = LocalDate.now(WIB);
        year = today.getYear();
        StackRoster.unit(training(), PROVINCE, "Pemerintah Provinsi Jawa Tengah", null);
        StackRoster.unit(training(), AGENCY, "Badan Kepegawaian Daerah", PROVINCE);
        StackRoster.unit(training(), CHECKED_UNIT, "Dinas Kesehatan", PROVINCE);
        StackRoster.employee(training(), REPORTED_TWICE, "Budi Santoso", AGENCY);
        for (String nip : CHECKED) {
            StackRoster.employee(training(), nip, "Pegawai " + nip.substring(14), CHECKED_UNIT);
        }
        awaitUnit(CHECKED_UNIT, json -> json.getLong("unit.figures.headcount") == CHECKED.size());
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void sameTrainingFromTheLmsAndSimpegCountsOnceAfterTheVerifierMarksTheDuplicate() throws InterruptedException {
        LocalDate start = today.minusDays(3);
        LocalDate end = today.minusDays(2);
        String kept = completion(lms, REPORTED_TWICE, "Bimtek Penyusunan Sasaran Kinerja Pegawai", 20, start, end,
                "BPSDM/" + year + "/0412", "lms-bpsdm", "LMS-0412");
        JsonPath second = given().baseUri(training()).header("Authorization", simpeg).contentType(ContentType.JSON)
                .body(completionBody(REPORTED_TWICE, "BIMTEK Penyusunan Sasaran Kinerja Pegawai (SKP)", 20, start, end,
                        "bpsdm-" + year + "-0412", "simpeg-dinkes", "SKP-77"))
                .post("/api/v1/completions").then().statusCode(201).extract().jsonPath();
        String duplicate = second.getString("id");
        assertThat(second.getList("flags", String.class)).as("flagged, never refused").contains("POSSIBLE_DUPLICATE");
        assertThat(completionJson(kept).getList("flags", String.class)).contains("POSSIBLE_DUPLICATE");

        JsonPath counted = awaitEmployee(REPORTED_TWICE, json -> json.getDouble("totalJp") == 40.0);
        assertThat(jp(counted, "flaggedJp")).as("both records wait for a verifier").isEqualTo(40.0);

        JsonPath pairs = asVerifier()
                .get("/api/v1/completions/{id}/duplicates", duplicate).then().statusCode(200).extract().jsonPath();
        assertThat(pairs.getString("[0].other.id")).isEqualTo(kept);
        assertThat(pairs.getString("[0].rules")).contains("SAME_CERTIFICATE");

        asVerifier().contentType(ContentType.JSON)
                .body("{\"decision\":\"DUPLICATE\",\"keep\":\"" + kept + "\"}")
                .post("/api/v1/completions/{id}/duplicates/{other}", duplicate, kept).then().statusCode(200);

        JsonPath voided = completionJson(duplicate);
        assertThat(voided.getString("status")).isEqualTo("VOIDED");
        assertThat(voided.getString("voidReason")).isEqualTo("DUPLICATE");
        assertThat(voided.getString("duplicateOf")).isEqualTo(kept);
        JsonPath once = awaitEmployee(REPORTED_TWICE, json -> json.getDouble("totalJp") == 20.0);
        assertThat(jp(once, "flaggedJp")).as("the kept record's flag is cleared").isZero();
    }

    @Test
    void underVerifiedOnlyTheUnitsComplianceRateMovesAsTheVerifierWorksThroughTheQueue() throws InterruptedException {
        given().baseUri(reporting()).contentType(ContentType.JSON)
                .body("{\"targetJp\":20,\"counting\":\"VERIFIED_ONLY\"}")
                .put("/api/v1/policies/{year}/units/{code}", year, CHECKED_UNIT)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
        for (String nip : CHECKED) {
            completion(simpeg, nip, "Pelatihan Pelayanan Prima " + nip.substring(14), 20, today.minusDays(10),
                    today.minusDays(8), null, "simpeg-dinkes", "PRIMA-" + nip);
        }
        JsonPath waiting = awaitUnit(CHECKED_UNIT, json -> jp(json, "unit.figures.pendingJp") == 60.0);
        assertThat(waiting.getLong("unit.figures.compliant")).as("nothing verified yet counts").isZero();

        List<String> queue = asVerifier().queryParam("unitCode", CHECKED_UNIT)
                .get("/api/v1/verification/queue").then().statusCode(200).extract().jsonPath()
                .getList("items.nip", String.class);
        assertThat(queue).as("oldest first").containsExactlyElementsOf(CHECKED);

        decide(CHECKED.get(0), "{\"decision\":\"VERIFIED\"}");
        awaitUnit(CHECKED_UNIT, json -> json.getLong("unit.figures.compliant") == 1
                && json.getDouble("unit.figures.complianceRate") == 0.3333);

        decide(CHECKED.get(1), "{\"decision\":\"REJECTED\",\"reasonCode\":\"NO_EVIDENCE\",\"note\":\"STTPP tidak ada\"}");
        JsonPath afterReject = awaitUnit(CHECKED_UNIT, json -> jp(json, "unit.figures.pendingJp") == 20.0);
        assertThat(afterReject.getLong("unit.figures.compliant")).as("a rejection never counts").isEqualTo(1);

        decide(CHECKED.get(2), "{\"decision\":\"VERIFIED\"}");
        JsonPath done = awaitUnit(CHECKED_UNIT, json -> json.getLong("unit.figures.compliant") == 2);
        assertThat(done.getDouble("unit.figures.complianceRate")).isEqualTo(0.6667);
        assertThat(jp(done, "unit.figures.pendingJp")).isZero();
        assertThat(asVerifier().queryParam("unitCode", CHECKED_UNIT)
                .get("/api/v1/verification/queue").then().statusCode(200).extract().jsonPath().getList("items"))
                .as("the queue is worked through").isEmpty();
    }

    /** The verifier decides on the only completion of {@code nip}, at the version it reads from the queue. */
    private static void decide(String nip, String decision) {
        JsonPath queue = asVerifier().queryParam("unitCode", CHECKED_UNIT)
                .get("/api/v1/verification/queue").then().statusCode(200).extract().jsonPath();
        String id = queue.getString("items.find { it.nip == '" + nip + "' }.id");
        long version = queue.getLong("items.find { it.nip == '" + nip + "' }.version");
        asVerifier().header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(decision)
                .post("/api/v1/completions/{id}/verification", id).then().statusCode(200);
    }

    private static RequestSpecification asVerifier() {
        return given().baseUri(training()).header("Authorization", verifier);
    }

    private static String caller(String role, String subject) {
        return stack.keys().bearer(Token.withRoles(role).units(PROVINCE).subject(subject));
    }

    private static String completion(String bearer, String nip, String title, int jp, LocalDate start, LocalDate end,
            String certificate, String source, String externalId) {
        return given().header("Authorization", bearer).baseUri(training()).contentType(ContentType.JSON)
                .body(completionBody(nip, title, jp, start, end, certificate, source, externalId))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }

    private static String completionBody(String nip, String title, int jp, LocalDate start, LocalDate end,
            String certificate, String source, String externalId) {
        return """
                {"nip":"%s","title":"%s","kindId":3,"jp":%d,"competencyType":"TEKNIS","deliveryMode":"DARING",
                 "provider":"BPSDMD Provinsi Jawa Tengah","startDate":"%s","endDate":"%s",%s
                 "sourceSystem":"%s","externalId":"%s"}"""
                .formatted(nip, title, jp, start, end,
                        certificate == null ? "" : "\"certificateNumber\":\"" + certificate + "\",", source,
                        externalId);
    }

    private static JsonPath completionJson(String id) {
        return given().baseUri(training()).get("/api/v1/completions/{id}", id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** Polls the employee's compliance this year until it satisfies {@code condition}, or fails after a while. */
    private static JsonPath awaitEmployee(String nip, Predicate<JsonPath> condition) throws InterruptedException {
        return await("/api/v1/compliance/employees/{key}", nip, condition);
    }

    /** Polls the unit's compliance this year until it satisfies {@code condition}, or fails after a while. */
    private static JsonPath awaitUnit(String code, Predicate<JsonPath> condition) throws InterruptedException {
        return await("/api/v1/compliance/units/{key}", code, condition);
    }

    private static JsonPath await(String path, String key, Predicate<JsonPath> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = given().baseUri(reporting()).queryParam("year", year).get(path, key);
            if (last.statusCode() == 200 && condition.test(last.jsonPath())) {
                return last.jsonPath();
            }
            Thread.sleep(100);
        }
        assertThat(last).as("no answer from reporting-service").isNotNull();
        throw new AssertionError("reporting-service never showed what was awaited at " + key + ": " + last.asString());
    }

    /** A JP figure of an answer; reporting-service leaves pending and flagged JP out when they are zero. */
    private static double jp(JsonPath json, String path) {
        Object value = json.get(path);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static String training() {
        return stack.training().baseUrl();
    }

    private static String reporting() {
        return stack.reporting().baseUrl();
    }
}
