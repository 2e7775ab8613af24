package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier's queue through the API: what waits (active, undecided or flagged as a possible duplicate), oldest
 * first, narrowed by unit, kind, source and flag, paged by keyset, only within the caller's units, and the counts per
 * unit. Each test builds its own unit tree and asks with a token limited to it, so other tests' completions never
 * show.
 */
@QuarkusTest
class VerificationQueueTest {

    @Inject
    DataSource dataSource;

    private String root;
    private String east;
    private String west;
    private String outside;
    private String rootNip;
    private String eastNip;
    private String westNip;
    private String outsideNip;

    @BeforeEach
    void unitsAndEmployees() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = "VQ-" + run;
        east = root + "-E";
        west = root + "-W";
        outside = "VQX-" + run;
        unit(root, "Dinas Antrean " + run, null);
        unit(east, "Bidang Timur " + run, root);
        unit(west, "Bidang Barat " + run, root);
        unit(outside, "Dinas Lain " + run, null);
        rootNip = employee("Kepala Dinas", root);
        eastNip = employee("Ani Timur", east);
        westNip = employee("Budi Barat", west);
        outsideNip = employee("Citra Lain", outside);
    }

    @Test
    void listsTheWaitingCompletionsOfTheCallersUnitsOldestFirstWithTheirEmployeeAndUnit() throws SQLException {
        String newest = record(eastNip, "lms");
        String oldest = record(westNip, "simpeg");
        String middle = record(rootNip, "lms");
        record(outsideNip, "lms");
        recordedAt(oldest, "2026-01-01T08:00:00Z");
        recordedAt(middle, "2026-01-02T08:00:00Z");
        recordedAt(newest, "2026-01-03T08:00:00Z");

        JsonPath page = queue(verifier(root)).extract().jsonPath();

        assertThat(page.getList("items.id", String.class)).containsExactly(oldest, middle, newest);
        assertThat(page.getString("nextCursor")).isNull();
        assertThat(page.getString("items[0].nip")).isEqualTo(westNip);
        assertThat(page.getString("items[0].employeeName")).isEqualTo("Budi Barat");
        assertThat(page.getString("items[0].unitCode")).isEqualTo(west);
        assertThat(page.getString("items[0].unitName")).startsWith("Bidang Barat");
        assertThat(page.getInt("items[0].kindId")).isEqualTo(3);
        assertThat(page.getString("items[0].kindName")).isNotBlank();
        assertThat(page.getString("items[0].method")).isEqualTo("KLASIKAL");
        assertThat(page.getString("items[0].sourceSystem")).isEqualTo("simpeg");
        assertThat(page.getString("items[0].verification")).isEqualTo("SUBMITTED");
        assertThat(page.getString("items[0].recordedAt")).isEqualTo("2026-01-01T08:00:00Z");
        assertThat(page.getString("items[0].recordedBy")).isNotBlank();
        assertThat(page.getInt("items[0].version")).isEqualTo(1);
        assertThat(page.getList("items[0].flags")).isEmpty();
        assertThat(page.getString("items[0].startDate")).isEqualTo("2026-03-02");
        assertThat(page.getDouble("items[0].recognizedJp")).isEqualTo(24.0);
    }

    @Test
    void leavesOutDecidedAndVoidedCompletionsButKeepsAVerifiedOneFlaggedAsAPossibleDuplicate() throws SQLException {
        String waiting = record(eastNip, "lms");
        String verified = record(eastNip, "lms");
        String rejected = record(eastNip, "lms");
        String trusted = record(eastNip, "bpsdm");
        String flaggedVerified = record(eastNip, "lms");
        String implausible = record(eastNip, "lms");
        String voided = record(eastNip, "lms");
        update("UPDATE completion SET verification = 'VERIFIED' WHERE id = ?", verified);
        update("UPDATE completion SET verification = 'REJECTED', rejection_code = 'NO_EVIDENCE' WHERE id = ?",
                rejected);
        update("UPDATE completion SET verification = 'AUTO_VERIFIED' WHERE id = ?", trusted);
        update("UPDATE completion SET verification = 'VERIFIED', flags = '{POSSIBLE_DUPLICATE}' WHERE id = ?",
                flaggedVerified);
        update("UPDATE completion SET flags = '{IMPLAUSIBLE_JP_PER_DAY}' WHERE id = ?", implausible);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"Salah catat\"}")
                .post("/api/v1/completions/{id}/void", voided).then().statusCode(200);

        List<String> ids = queue(verifier(root)).extract().jsonPath().getList("items.id", String.class);

        assertThat(ids).containsExactlyInAnyOrder(waiting, flaggedVerified, implausible);
    }

    @Test
    void narrowsByUnitSubtreeKindSourceAndFlag() throws SQLException {
        String eastLms = record(eastNip, "lms");
        String westSimpeg = record(westNip, "simpeg");
        String rootSeminar = given().contentType(ContentType.JSON)
                .body(completionJson(rootNip, "vq-" + UUID.randomUUID()).replace("\"kindId\":3", "\"kindId\":9")
                        .replace("\"test-lms\"", "\"lms\""))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        update("UPDATE completion SET flags = '{POSSIBLE_DUPLICATE}' WHERE id = ?", westSimpeg);

        assertThat(ids(verifier(root).queryParam("unitCode", east))).containsExactly(eastLms);
        assertThat(ids(verifier(root).queryParam("unitCode", root)))
                .containsExactlyInAnyOrder(eastLms, westSimpeg, rootSeminar);
        assertThat(ids(verifier(root).queryParam("kindId", 9))).containsExactly(rootSeminar);
        assertThat(ids(verifier(root).queryParam("sourceSystem", "simpeg"))).containsExactly(westSimpeg);
        assertThat(ids(verifier(root).queryParam("flag", "POSSIBLE_DUPLICATE"))).containsExactly(westSimpeg);
        assertThat(ids(verifier(root).queryParam("flag", "IMPLAUSIBLE_JP_PER_DAY"))).isEmpty();
        assertThat(ids(verifier(root).queryParam("sourceSystem", "lms").queryParam("unitCode", west))).isEmpty();
    }

    @Test
    void pagesByKeysetAndADecisionOnAnEarlierPageDoesNotShiftTheNextOne() throws SQLException {
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(record(i % 2 == 0 ? eastNip : westNip, "lms"));
        }
        // Equal times: the id breaks the tie, so the order is still total.
        for (String id : recorded) {
            recordedAt(id, "2026-02-01T00:00:00Z");
        }
        List<String> expected = recorded.stream().sorted().toList();

        JsonPath first = queue(verifier(root).queryParam("limit", 2)).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactlyElementsOf(expected.subList(0, 2));
        update("UPDATE completion SET verification = 'VERIFIED' WHERE id = ?", expected.get(0));
        JsonPath second = queue(verifier(root).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")))
                .extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactlyElementsOf(expected.subList(2, 4));
        JsonPath third = queue(verifier(root).queryParam("limit", 2).queryParam("cursor", second.getString("nextCursor")))
                .extract().jsonPath();
        assertThat(third.getList("items.id", String.class)).containsExactly(expected.get(4));
        assertThat(third.getString("nextCursor")).isNull();
    }

    @Test
    void showsNothingOutsideTheCallersUnitsAndCountsNoUnitOutsideThem() {
        record(outsideNip, "lms");
        record(westNip, "lms");

        assertThat(ids(verifier(east))).isEmpty();
        assertThat(ids(verifier(east).queryParam("unitCode", west))).isEmpty();
        assertThat(ids(verifier(east).queryParam("unitCode", outside))).isEmpty();
        assertThat(ids(verifier(root).queryParam("unitCode", "VQ-NO-SUCH-UNIT"))).isEmpty();
        verifier(east).queryParam("unitCode", west).get("/api/v1/verification/queue/counts").then().statusCode(404);
        verifier(east).queryParam("unitCode", "VQ-NO-SUCH-UNIT").get("/api/v1/verification/queue/counts").then()
                .statusCode(404);
    }

    @Test
    void takesAtMostAHundredPerPage() {
        verifier(root).queryParam("limit", 100).get("/api/v1/verification/queue").then().statusCode(200);
        verifier(root).queryParam("limit", 101).get("/api/v1/verification/queue").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].reason", equalTo("must be a whole number from 1 to 100"));
    }

    @Test
    void namesEveryBadFilterAtOnce() {
        JsonPath problem = verifier(root).queryParam("kindId", 26).queryParam("flag", "X").queryParam("unitCode", "'x")
                .queryParam("limit", 0).queryParam("cursor", "nope").get("/api/v1/verification/queue").then()
                .statusCode(400).extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).contains("kindId", "flag", "unitCode", "limit");
    }

    @Test
    void refusesACursorOfAnotherListing() {
        record(eastNip, "lms");
        record(eastNip, "lms");
        String completionsCursor = given().queryParam("limit", 1).get("/api/v1/completions").then().statusCode(200)
                .extract().path("nextCursor");
        verifier(root).queryParam("cursor", completionsCursor).get("/api/v1/verification/queue").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void countsWhatWaitsPerUnitWithItsSubtreeAndTheUnitsOwnEmployees() throws SQLException {
        record(rootNip, "lms");
        record(eastNip, "lms");
        String flagged = record(eastNip, "lms");
        record(westNip, "lms");
        record(outsideNip, "lms");
        String decided = record(westNip, "lms");
        update("UPDATE completion SET flags = '{IMPLAUSIBLE_JP_PER_DAY}' WHERE id = ?", flagged);
        update("UPDATE completion SET verification = 'VERIFIED' WHERE id = ?", decided);

        JsonPath top = verifier(root).get("/api/v1/verification/queue/counts").then().statusCode(200).extract()
                .jsonPath();
        assertThat(top.getList("units.unitCode", String.class)).containsExactly(root);
        assertThat(top.getLong("units[0].waiting")).isEqualTo(4);
        assertThat(top.getLong("units[0].flagged")).isEqualTo(1);
        assertThat(top.getString("own")).isNull();
        assertThat(top.getBoolean("more")).isFalse();

        JsonPath down = verifier(root).queryParam("unitCode", root).get("/api/v1/verification/queue/counts").then()
                .statusCode(200).extract().jsonPath();
        assertThat(down.getString("own.unitCode")).isEqualTo(root);
        assertThat(down.getLong("own.waiting")).isEqualTo(1);
        assertThat(down.getList("units.unitCode", String.class)).containsExactly(east, west);
        assertThat(down.getList("units.waiting", Long.class)).containsExactly(2L, 1L);
        assertThat(down.getList("units.flagged", Long.class)).containsExactly(1L, 0L);
    }

    @Test
    void isReadByVerifiersAndReadersOnly() {
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_READER).units(root)))
                .get("/api/v1/verification/queue").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(root)))
                .get("/api/v1/verification/queue").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(root)))
                .get("/api/v1/verification/queue/counts").then().statusCode(403);
    }

    // ---- steps -------------------------------------------------------------------------------------------------------

    private static RequestSpecification verifier(String unit) {
        return given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_VERIFIER).units(unit)
                .subject("verifier-" + unit)));
    }

    private static io.restassured.response.ValidatableResponse queue(RequestSpecification request) {
        return request.get("/api/v1/verification/queue").then().statusCode(200);
    }

    private static List<String> ids(RequestSpecification request) {
        return queue(request).extract().jsonPath().getList("items.id", String.class);
    }

    private static void unit(String code, String name, String parent) {
        given().contentType(ContentType.JSON).body(unitJson(name, parent)).put("/api/v1/units/{code}", code).then()
                .statusCode(201);
    }

    private static String employee(String name, String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(name, unit)).put("/api/v1/employees/{nip}", nip).then()
                .statusCode(201);
        return nip;
    }

    /** A completion of a title of its own, so that no two of a test are possible duplicates of each other. */
    private static String record(String nip, String source) {
        String externalId = "vq-" + UUID.randomUUID();
        return given().contentType(ContentType.JSON)
                .body(completionJson(nip, externalId).replace("\"test-lms\"", "\"" + source + "\"")
                        .replace("Pelatihan Analisis Kebijakan", "Pelatihan " + externalId))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }

    private void recordedAt(String id, String instant) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement("UPDATE completion SET recorded_at = ? WHERE id = ?")) {
            statement.setObject(1, java.sql.Timestamp.from(Instant.parse(instant)));
            statement.setObject(2, UUID.fromString(id));
            statement.executeUpdate();
        }
    }

    /** Sets a verification state or flags that other parts' endpoints decide, which this branch does not have. */
    private void update(String sql, String id) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            statement.executeUpdate();
        }
    }
}
