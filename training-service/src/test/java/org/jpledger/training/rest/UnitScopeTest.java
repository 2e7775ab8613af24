package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.domain.CompletionRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unit-scope rules in detail: a caller limited to some units sees and changes only what lies in them and below, the
 * top of the tree belongs to callers of the whole tree, and nothing outside leaks through an error, a replay or a list.
 */
@QuarkusTest
class UnitScopeTest {

    private static final String CSV_HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n";

    @Inject
    CompletionRepository completions;

    private String run;
    private String root;
    private String home;
    private String homeChild;
    private String away;
    private String awayChild;
    private String homeNip;
    private String awayNip;

    /** A root with two sibling subtrees, home (with a child) and away (with a child); one employee in each child. */
    @BeforeEach
    void tree() {
        run = UUID.randomUUID().toString().substring(0, 8);
        root = "SC-" + run;
        home = root + "-HOME";
        homeChild = home + "-1";
        away = root + "-AWAY";
        awayChild = away + "-1";
        unit(root, null);
        unit(home, root);
        unit(homeChild, home);
        unit(away, root);
        unit(awayChild, away);
        homeNip = employee(homeChild);
        awayNip = employee(awayChild);
    }

    @Test
    void letsAScopedRosterAdminChangeUnitsOnlyWithinItsUnits() {
        String admin = token(Access.ROSTER_ADMIN, home);

        given().header("Authorization", admin).contentType(ContentType.JSON).body(unitJson("Seksi", homeChild))
                .when().put("/api/v1/units/{code}", homeChild + "-1")
                .then().statusCode(201);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(unitJson("Seksi", awayChild))
                .when().put("/api/v1/units/{code}", awayChild + "-1")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", startsWith("The unit, or the parentCode it would hang under, is outside the units"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(unitJson("Renamed", away))
                .when().put("/api/v1/units/{code}", awayChild)
                .then().statusCode(403)
                .body("detail", startsWith("The unit, or the parentCode it would hang under, is outside the units"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(unitJson("Moved", away))
                .when().put("/api/v1/units/{code}", homeChild)
                .then().statusCode(403);

        given().get("/api/v1/units/{code}", awayChild + "-1").then().statusCode(404);
        given().get("/api/v1/units/{code}", awayChild).then().body("name", equalTo("Unit " + awayChild))
                .body("version", equalTo(1));
        given().get("/api/v1/units/{code}", homeChild)
                .then().body("parentCode", equalTo(home)).body("version", equalTo(1));
    }

    @Test
    void leavesTheRootsOfTheTreeToCallersOfTheWholeTree() {
        String newRoot = root + "-NEW";
        given().header("Authorization", token(Access.ROSTER_ADMIN, home)).contentType(ContentType.JSON)
                .body(unitJson("Pemerintah Baru", null))
                .when().put("/api/v1/units/{code}", newRoot)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        // A caller holding a unit may rename it where it hangs, even at the top, but not move it to the top.
        given().header("Authorization", token(Access.ROSTER_ADMIN, root)).contentType(ContentType.JSON)
                .body(unitJson("Renamed root", null))
                .when().put("/api/v1/units/{code}", root)
                .then().statusCode(200).body("version", equalTo(2));
        given().header("Authorization", token(Access.ROSTER_ADMIN, root)).contentType(ContentType.JSON)
                .body(unitJson("Home at the top", null))
                .when().put("/api/v1/units/{code}", home)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", token(Access.ROSTER_ADMIN, Access.ALL_UNITS)).contentType(ContentType.JSON)
                .body(unitJson("Pemerintah Baru", null))
                .when().put("/api/v1/units/{code}", newRoot)
                .then().statusCode(201);

        given().get("/api/v1/units/{code}", home).then().statusCode(200).body("parentCode", equalTo(root));
    }

    @Test
    void listsOnlyUnitsWithinTheScope() {
        String reader = token(Access.TRAINING_READER, home);

        given().header("Authorization", reader).get("/api/v1/units")
                .then().statusCode(200).body("code", contains(home));
        given().header("Authorization", reader).queryParam("parent", home).get("/api/v1/units")
                .then().statusCode(200).body("code", contains(homeChild));
        given().header("Authorization", reader).queryParam("parent", root).get("/api/v1/units")
                .then().statusCode(200).body("$", empty());
        given().header("Authorization", reader).queryParam("parent", "NO-SUCH-PARENT").get("/api/v1/units")
                .then().statusCode(200).body("$", empty());
        given().header("Authorization", token(Access.TRAINING_READER, home, awayChild)).get("/api/v1/units")
                .then().statusCode(200).body("code", contains(awayChild, home));
        given().header("Authorization", reader).get("/api/v1/units/{code}/subtree", home)
                .then().statusCode(200).body("code", contains(home, homeChild));
    }

    @Test
    void answersAUnitOutsideTheScopeExactlyLikeAnUnknownOne() {
        String reader = token(Access.TRAINING_READER, home);
        String outside = given().header("Authorization", reader).get("/api/v1/units/{code}", away)
                .then().statusCode(404).extract().asString();
        String unknown = given().header("Authorization", reader).get("/api/v1/units/{code}", "NO-SUCH-UNIT")
                .then().statusCode(404).extract().asString();
        assertThat(outside).isEqualTo(unknown);
    }

    @Test
    void answersAWriteNamingANipOrUnitOfAnotherUnitLikeOneNamingAnUnknownOne() {
        String admin = token(Access.ROSTER_ADMIN, home);
        String invalid = employeeJson(homeChild).replace("\"employedFrom\":\"2010-01-01\"",
                "\"employedFrom\":\"2010-01-01\",\"employedUntil\":\"2009-01-01\"");

        String foreignNip = given().header("Authorization", admin).contentType(ContentType.JSON).body(invalid)
                .put("/api/v1/employees/{nip}", awayNip).then().statusCode(400).extract().asString();
        String unknownNip = given().header("Authorization", admin).contentType(ContentType.JSON).body(invalid)
                .put("/api/v1/employees/{nip}", freshNip()).then().statusCode(400).extract().asString();
        assertThat(foreignNip).isEqualTo(unknownNip);

        String foreignUnit = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(unitJson("Renamed", null)).put("/api/v1/units/{code}", awayChild)
                .then().statusCode(403).extract().asString();
        String unknownUnit = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(unitJson("Renamed", null)).put("/api/v1/units/{code}", away + "-NO-SUCH")
                .then().statusCode(403).extract().asString();
        assertThat(foreignUnit).isEqualTo(unknownUnit);
    }

    @Test
    void movesAndRegistersEmployeesOnlyWithinTheScope() {
        String admin = token(Access.ROSTER_ADMIN, home);

        given().header("Authorization", admin).contentType(ContentType.JSON).body(employeeJson(awayChild))
                .when().put("/api/v1/employees/{nip}", homeNip)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("unitCode names a unit outside the units your token names."));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(employeeJson(homeChild))
                .when().put("/api/v1/employees/{nip}", awayNip)
                .then().statusCode(403).body("detail", equalTo("The employee is outside the units your token names."));
        String newcomer = freshNip();
        given().header("Authorization", admin).contentType(ContentType.JSON).body(employeeJson(awayChild))
                .when().put("/api/v1/employees/{nip}", newcomer)
                .then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(employeeJson(home))
                .when().put("/api/v1/employees/{nip}", homeNip)
                .then().statusCode(200).body("unitCode", equalTo(home));

        given().get("/api/v1/employees/{nip}", awayNip)
                .then().body("unitCode", equalTo(awayChild)).body("version", equalTo(1));
        given().get("/api/v1/employees/{nip}", newcomer).then().statusCode(404);
        given().header("Authorization", token(Access.TRAINING_READER, home)).get("/api/v1/employees/{nip}", awayNip)
                .then().statusCode(404).body("detail", not(containsString(awayNip)));
    }

    @Test
    void refusesAnUnknownNipExactlyLikeAForeignOneUnlessTheScopeIsTheWholeTree() {
        String writer = token(Access.TRAINING_WRITER, home);
        String unknown = freshNip();

        String foreignAnswer = given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(awayNip, "sc-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).extract().asString();
        String unknownAnswer = given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(unknown, "sc-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(403).extract().asString();

        assertThat(unknownAnswer).isEqualTo(foreignAnswer).doesNotContain(awayNip, unknown);
        given().header("Authorization", token(Access.TRAINING_WRITER, Access.ALL_UNITS)).contentType(ContentType.JSON)
                .body(completionJson(unknown, "sc-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(400).body("errors.field", hasItem("nip"));
    }

    @Test
    void neverReplaysNorNamesAForeignRecordForAnIdempotencyKey() {
        String key = "sc-key-" + UUID.randomUUID();
        String externalId = "sc-" + UUID.randomUUID();
        String foreign = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(completionJson(awayNip, externalId)).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        String writer = token(Access.TRAINING_WRITER, home);

        given().header("Authorization", writer).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(completionJson(awayNip, externalId))
                .when().post("/api/v1/completions")
                .then().statusCode(403).body(not(containsString(foreign)));
        given().header("Authorization", writer).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(completionJson(homeNip, "sc-" + UUID.randomUUID()))
                .when().post("/api/v1/completions")
                .then().statusCode(409).body(not(containsString(foreign)));
        given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(homeNip, externalId))
                .when().post("/api/v1/completions")
                .then().statusCode(409).body(not(containsString(foreign)));
    }

    @Test
    void listsOnlyCompletionsWithinTheScopeAcrossPagesOfSeveralRoots() {
        String inAway = employee(away);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(record(homeNip));
            expected.add(record(awayNip));
            record(inAway);
        }
        String reader = token(Access.TRAINING_READER, home, awayChild);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", reader).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/completions").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(ids(reader, "unitCode", away)).isEmpty();
        assertThat(ids(reader, "unitCode", root)).isEmpty();
        assertThat(ids(reader, "unitCode", awayChild)).hasSize(3);
        assertThat(ids(reader, "nip", inAway)).isEmpty();
        assertThat(ids(token(Access.TRAINING_READER, Access.ALL_UNITS), "unitCode", root)).hasSize(9);
    }

    @Test
    void recordsTheScopesItemsOfABatchAndRefusesTheOthersOneByOne() {
        String prefix = "sc-" + UUID.randomUUID();
        String items = "[" + String.join(",", completionJson(homeNip, prefix + "-1"),
                completionJson(awayNip, prefix + "-2"), completionJson(freshNip(), prefix + "-3"),
                completionJson(homeNip, prefix + "-4").replace("\"kindId\":3", "\"kindId\":99")) + "]";

        JsonPath answer = given().header("Authorization", token(Access.TRAINING_WRITER, home))
                .contentType(ContentType.JSON).body(items).when().post("/api/v1/completions/batch")
                .then().statusCode(200)
                .body("created", equalTo(1)).body("failed", equalTo(3))
                .body("items.status", contains("created", "error", "error", "error"))
                .body("items[1..3].problem.status", contains(403, 403, 400))
                .extract().jsonPath();

        assertThat(answer.getString("items[1].problem.detail")).isEqualTo(answer.getString("items[2].problem.detail"));
        assertThat(answer.prettify()).doesNotContain(awayNip);
        assertThat(stored(prefix)).isEqualTo(1);
    }

    @Test
    void importsTheScopesRowsAndReportsTheOthersAsRowErrors() {
        String prefix = "sc-" + UUID.randomUUID();
        String row = ",Pelatihan,3,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv,";
        String csv = CSV_HEADER + homeNip + row + prefix + "-1\n" + awayNip + row + prefix + "-2\n"
                + homeNip + row + prefix + "-3\n";

        given().header("Authorization", token(Access.TRAINING_WRITER, home)).contentType("text/csv").body(csv)
                .when().post("/api/v1/completions/import")
                .then().statusCode(200)
                .body("rows", equalTo(3)).body("created", equalTo(2)).body("failed", equalTo(1))
                .body("errors.row", contains(2)).body("errors[0].problem.status", equalTo(403))
                .body(not(containsString(awayNip)));
        assertThat(stored(prefix)).isEqualTo(2);
    }

    @Test
    void namesTheTokenSubjectAsWhoRecordedAmendedAndVoided() {
        String writer = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER, Access.TRAINING_READER).units(home)
                .subject("operator-bkd-" + run));
        String externalId = "sc-" + UUID.randomUUID();
        String id = given().header("Authorization", writer).contentType(ContentType.JSON)
                .body(completionJson(homeNip, externalId)).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", writer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(completionJson(homeNip, externalId).replace("\"jp\":24", "\"jp\":30"))
                .put("/api/v1/completions/{id}", id).then().statusCode(200);
        given().header("Authorization", writer).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"reason\":\"Sertifikat ganda\"}").post("/api/v1/completions/{id}/void", id)
                .then().statusCode(200);

        given().header("Authorization", writer).get("/api/v1/completions/{id}/history", id)
                .then().statusCode(200)
                .body("changedBy", contains("operator-bkd-" + run, "operator-bkd-" + run, "operator-bkd-" + run));
    }

    @Test
    void refusesAUnitScopedRoleWhoseTokenNamesNoUnits() {
        String noUnits = TestTokens.bearer(Token.withRoles(Access.TRAINING_READER, Access.TRAINING_WRITER)
                .subject("no-units-" + run));
        given().header("Authorization", noUnits).get("/api/v1/completions")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", noUnits).contentType(ContentType.JSON)
                .body(completionJson(homeNip, "sc-" + UUID.randomUUID())).post("/api/v1/completions")
                .then().statusCode(403);
    }

    private static String token(String role, String... units) {
        return TestTokens.bearer(Token.withRoles(role).units(units).subject("unit-scope-test"));
    }

    private List<String> ids(String authorization, String filter, String value) {
        return given().header("Authorization", authorization).queryParam(filter, value).get("/api/v1/completions")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private long stored(String externalIdPrefix) {
        return QuarkusTransaction.requiringNew()
                .call(() -> completions.count("externalId like ?1", externalIdPrefix + "%"));
    }

    private static void unit(String code, String parent) {
        given().contentType(ContentType.JSON).body(unitJson("Unit " + code, parent)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);
    }

    private static String employee(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }

    private static String record(String nip) {
        return given().contentType(ContentType.JSON).body(completionJson(nip, "sc-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }
}
