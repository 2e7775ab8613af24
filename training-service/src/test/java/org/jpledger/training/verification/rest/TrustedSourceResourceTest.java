package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.verification.rest.Verification.admin;
import static org.jpledger.training.verification.rest.Verification.completion;
import static org.jpledger.training.verification.rest.Verification.employee;
import static org.jpledger.training.verification.rest.Verification.record;
import static org.jpledger.training.verification.rest.Verification.trust;
import static org.jpledger.training.verification.rest.Verification.unit;
import static org.jpledger.training.verification.rest.Verification.verifier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trusted sources: configured per unit subtree by an admin (audited, bounded), they decide whether a new completion
 * starts AUTO_VERIFIED; a change applies to what is recorded afterwards only.
 */
@QuarkusTest
class TrustedSourceResourceTest {

    private String root;
    private String child;
    private String sibling;
    private String source;

    @BeforeEach
    void tree() {
        String top = unit(null);
        root = unit(top);
        child = unit(root);
        sibling = unit(top);
        source = "simdiklat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void recordsACompletionFromASourceTrustedAboveTheEmployeesUnitAsAutoVerified() {
        trust(root, source);
        String inChild = employee(child);
        String inSibling = employee(sibling);

        given().get("/api/v1/completions/{id}", record(completion(inChild, source, "Bimtek"))).then()
                .body("verification", equalTo("AUTO_VERIFIED")).body("verifiedBy", equalTo(null));
        given().get("/api/v1/completions/{id}", record(completion(employee(root), source, "Bimtek"))).then()
                .body("verification", equalTo("AUTO_VERIFIED"));
        // A sibling subtree does not trust it; another source is not trusted here.
        given().get("/api/v1/completions/{id}", record(completion(inSibling, source, "Bimtek"))).then()
                .body("verification", equalTo("SUBMITTED"));
        given().get("/api/v1/completions/{id}", record(completion(inChild, "test-lms", "Bimtek"))).then()
                .body("verification", equalTo("SUBMITTED"));
    }

    @Test
    void decidesTheStartingStateOfEachItemOfABatch() {
        trust(child, source);
        String inChild = employee(child);
        String inSibling = employee(sibling);
        String batch = "[" + completion(inChild, source, "Bimtek") + "," + completion(inSibling, source, "Bimtek")
                + "," + completion(inChild, "test-lms", "Bimtek") + "]";

        given().contentType(ContentType.JSON).body(batch).post("/api/v1/completions/batch").then().statusCode(200)
                .body("items.status", contains("created", "created", "created"))
                .body("items.completion.verification", contains("AUTO_VERIFIED", "SUBMITTED", "SUBMITTED"));
    }

    @Test
    void changingTrustLeavesTheCompletionsAlreadyRecordedAsTheyAre() {
        trust(root, source);
        String nip = employee(child);
        String before = record(completion(nip, source, "Bimtek"));

        given().header("Authorization", admin("trust-admin")).delete("/api/v1/verification/trusted-sources/{u}", root)
                .then().statusCode(204);

        given().get("/api/v1/completions/{id}", before).then().body("verification", equalTo("AUTO_VERIFIED"))
                .body("version", equalTo(1));
        given().get("/api/v1/completions/{id}", record(completion(nip, source, "Bimtek"))).then()
                .body("verification", equalTo("SUBMITTED"));
    }

    @Test
    void replacesAUnitsListAndShowsItToReadersOfTheConfiguration() {
        trust(root, source, "lms-a");
        put(admin("trust-admin"), root, "[\"lms-b\",\"" + source + "\"]").then().statusCode(200)
                .body("unitCode", equalTo(root)).body("sourceSystems", contains("lms-b", source));

        for (String reader : List.of(admin("trust-reader"),
                TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).subject("policy")),
                verifier("reader-verifier", sibling))) {
            List<Map<String, Object>> units = given().header("Authorization", reader)
                    .get("/api/v1/verification/trusted-sources").then().statusCode(200).extract().jsonPath()
                    .getList("");
            assertThat(units).contains(Map.of("unitCode", root, "sourceSystems", List.of("lms-b", source)));
        }
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER)
                .units(Access.ALL_UNITS).subject("writer"))).get("/api/v1/verification/trusted-sources").then()
                .statusCode(403);
    }

    @Test
    void letsOnlyAnAdminChangeTrust() {
        for (String role : List.of(Access.POLICY_ADMIN, Access.TRAINING_VERIFIER, Access.ROSTER_ADMIN)) {
            String token = TestTokens.bearer(Token.withRoles(role).units(Access.ALL_UNITS).subject("not-admin"));
            put(token, root, "[\"" + source + "\"]").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
            given().header("Authorization", token).delete("/api/v1/verification/trusted-sources/{u}", root).then()
                    .statusCode(403);
        }
        given().get("/api/v1/completions/{id}", record(completion(employee(root), source, "Bimtek"))).then()
                .body("verification", equalTo("SUBMITTED"));
    }

    @Test
    void boundsTheListAndRefusesBadEntriesAndUnknownUnits() {
        String fifty = IntStream.range(0, 50).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(","));
        String admin = admin("trust-admin");

        put(admin, root, "[" + fifty + ",\"s50\"]").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("sourceSystems"));
        put(admin, root, "[\"a\",\"b\",\"a\"]").then().statusCode(400).body("errors.field", contains("sourceSystems[2]"));
        put(admin, root, "[\" \"]").then().statusCode(400);
        put(admin, root, "[\"" + "x".repeat(65) + "\"]").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/verification/trusted-sources/{u}", root).then().statusCode(400)
                .body("errors.field", hasItem("sourceSystems"));
        put(admin, "NO-SUCH-" + UUID.randomUUID().toString().substring(0, 8), "[\"a\"]").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", admin).delete("/api/v1/verification/trusted-sources/{u}", "NO-SUCH-UNIT-X")
                .then().statusCode(404);
        put(admin, "bad code!", "[\"a\"]").then().statusCode(400);

        put(admin, root, "[" + fifty + "]").then().statusCode(200).body("sourceSystems.size()", equalTo(50));
    }

    @Test
    void auditsEachChangeWithTheListBeforeAndAfter() {
        String admin = admin("trust-auditor-" + UUID.randomUUID().toString().substring(0, 8));
        put(admin, root, "[\"" + source + "\"]").then().statusCode(200);
        put(admin, root, "[\"lms-c\"]").then().statusCode(200);
        given().header("Authorization", admin).delete("/api/v1/verification/trusted-sources/{u}", root).then()
                .statusCode(204);

        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .header("Authorization", admin).queryParam("target", root).get("/api/v1/admin/audit").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("entries").stream()
                .filter(e -> e.get("action").toString().startsWith("verification.trusted-sources")).toList(),
                found -> found.size() == 3);
        List<Object> details = entries.stream().map(e -> e.get("details")).toList();
        assertThat(details).containsExactlyInAnyOrder(
                Map.of("unitCode", root, "before", List.of(), "after", List.of(source)),
                Map.of("unitCode", root, "before", List.of(source), "after", List.of("lms-c")),
                Map.of("unitCode", root, "before", List.of("lms-c"), "after", List.of()));
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("targetUnit", root));
    }

    private static Response put(String token, String unit, String list) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"sourceSystems\":" + list + "}").put("/api/v1/verification/trusted-sources/{u}", unit);
    }
}
