package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.jpledger.training.RuleTimeline;
import org.jpledger.training.xapi.rest.Xapi;

/**
 * Every endpoint of the service (and the audit log it serves) against every kind of caller: no token, an expired one, a
 * forged one, one from another issuer, the wrong role, the right role aimed outside its units, and the right role in
 * its units. Each gets its exact status; no refusal carries a NIP, a name or an id of the fixture.
 */
@QuarkusTest
class AccessControlTest {

    private static final String EXEMPTION =
            "{\"kind\":\"CUTI_BESAR\",\"from\":\"2021-01-01\",\"until\":\"2021-03-31\",\"reference\":\"SK/ACL/2021\"}";
    private static final String CSV_HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n";

    /** Two sibling subtrees under one root, built once with the default token: the callers' home and the other one. */
    private static Fixture fixture;

    /** Who the request is from. */
    enum Attempt {
        NO_TOKEN, EXPIRED_TOKEN, BAD_SIGNATURE, WRONG_ISSUER, WRONG_ROLE, RIGHT_ROLE_OUTSIDE_SCOPE, RIGHT_ROLE_IN_SCOPE
    }

    /** Which subtree the request is about. */
    enum Target {
        HOME, AWAY
    }

    /** What a caller with the right role gets when it aims outside its units. */
    enum Outside {
        /** refused (403 for a write about a foreign employee or unit, 404 for a single resource) */
        REFUSED,
        /** answered 200 with nothing of the other subtree in it */
        FILTERED,
        /** the endpoint is national: a token naming any unit is accepted */
        NATIONAL
    }

    /** How an endpoint is called about a target. */
    @FunctionalInterface
    interface Call {
        Response send(RequestSpecification request, Target target);
    }

    /**
     * One row of the table.
     *
     * @param success      status of the call in scope (and of a national call whatever units the token names)
     * @param outsideCheck what else a filtered answer must show
     */
    record Endpoint(String name, String role, String wrongRole, int success, Outside outside, int outsideStatus,
            Call call, Consumer<Response> outsideCheck) {

        static Endpoint refusing(String name, String role, String wrongRole, int success, int outsideStatus,
                Call call) {
            return new Endpoint(name, role, wrongRole, success, Outside.REFUSED, outsideStatus, call, r -> { });
        }

        static Endpoint filtering(String name, String role, String wrongRole, Call call, Consumer<Response> check) {
            return new Endpoint(name, role, wrongRole, 200, Outside.FILTERED, 200, call, check);
        }

        static Endpoint national(String name, String role, String wrongRole, int success, Call call) {
            return new Endpoint(name, role, wrongRole, success, Outside.NATIONAL, success, call, r -> { });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.refusing("PUT /api/v1/units/{code}", Access.ROSTER_ADMIN, Access.TRAINING_WRITER, 201, 403,
                        (r, t) -> t == Target.HOME
                                ? r.contentType(ContentType.JSON).body(unitJson("Seksi Baru", fixture.home))
                                        .put("/api/v1/units/{code}", fixture.home + "-2")
                                : r.contentType(ContentType.JSON).body(unitJson(fixture.awayChildName, fixture.away))
                                        .put("/api/v1/units/{code}", fixture.awayChild)),
                Endpoint.filtering("GET /api/v1/units", Access.TRAINING_READER, Access.REPORT_READER,
                        (r, t) -> r.get("/api/v1/units"),
                        r -> assertThat(r.jsonPath().getList("code", String.class)).containsExactly(fixture.home)),
                Endpoint.refusing("GET /api/v1/units/{code}", Access.TRAINING_READER, Access.REPORT_READER, 200, 404,
                        (r, t) -> r.get("/api/v1/units/{code}", either(t, fixture.homeChild, fixture.awayChild))),
                Endpoint.refusing("GET /api/v1/units/{code}/subtree", Access.TRAINING_READER, Access.REPORT_READER, 200,
                        404, (r, t) -> r.get("/api/v1/units/{code}/subtree", either(t, fixture.home, fixture.away))),
                Endpoint.refusing("PUT /api/v1/employees/{nip}", Access.ROSTER_ADMIN, Access.TRAINING_WRITER, 200, 403,
                        (r, t) -> t == Target.HOME
                                ? r.contentType(ContentType.JSON)
                                        .body(employeeJson(fixture.homeName, fixture.homeChild))
                                        .put("/api/v1/employees/{nip}", fixture.homeNip)
                                : r.contentType(ContentType.JSON)
                                        .body(employeeJson(fixture.awayName, fixture.awayChild))
                                        .put("/api/v1/employees/{nip}", fixture.awayNip)),
                Endpoint.refusing("GET /api/v1/employees/{nip}", Access.TRAINING_READER, Access.REPORT_READER, 200, 404,
                        (r, t) -> r.get("/api/v1/employees/{nip}", either(t, fixture.homeNip, fixture.awayNip))),
                // A national admin call that a token naming units is held to: the units named come first (403).
                Endpoint.refusing("PUT /api/v1/employees/{nip}/history", Access.ADMIN, Access.ROSTER_ADMIN, 200, 403,
                        (r, t) -> r.contentType(ContentType.JSON)
                                .body(historyJson(either(t, fixture.homeChild, fixture.awayChild)))
                                .put("/api/v1/employees/{nip}/history", fixture.nip(t))),
                Endpoint.refusing("POST /api/v1/employees/{nip}/exemptions", Access.ROSTER_ADMIN,
                        Access.TRAINING_WRITER, 201, 404, (r, t) -> r.contentType(ContentType.JSON).body(EXEMPTION)
                                .post("/api/v1/employees/{nip}/exemptions", fixture.nip(t))),
                Endpoint.refusing("GET /api/v1/employees/{nip}/exemptions", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, 404,
                        (r, t) -> r.get("/api/v1/employees/{nip}/exemptions", fixture.nip(t))),
                Endpoint.refusing("GET /api/v1/employees/{nip}/exemptions/{id}", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, 404, (r, t) -> r.get("/api/v1/employees/{nip}/exemptions/{id}",
                                fixture.nip(t), either(t, fixture.homeExemption, fixture.awayExemption))),
                Endpoint.refusing("DELETE /api/v1/employees/{nip}/exemptions/{id}", Access.ROSTER_ADMIN,
                        Access.TRAINING_WRITER, 204, 404, (r, t) -> r.delete("/api/v1/employees/{nip}/exemptions/{id}",
                                fixture.nip(t), either(t, fixture.homeExemption, fixture.awayExemption))),
                Endpoint.refusing("POST /api/v1/completions", Access.TRAINING_WRITER, Access.TRAINING_READER, 201, 403,
                        (r, t) -> r.contentType(ContentType.JSON).body(completionJson(fixture.nip(t), fresh("acl-one")))
                                .post("/api/v1/completions")),
                Endpoint.filtering("POST /api/v1/completions/batch", Access.TRAINING_WRITER, Access.TRAINING_READER,
                        (r, t) -> r.contentType(ContentType.JSON)
                                .body("[" + completionJson(fixture.nip(t), fresh("acl-batch")) + "]")
                                .post("/api/v1/completions/batch"),
                        r -> assertThat(r.jsonPath().getInt("items[0].problem.status")).isEqualTo(403)),
                Endpoint.filtering("POST /api/v1/completions/import", Access.TRAINING_WRITER, Access.TRAINING_READER,
                        (r, t) -> r.contentType("text/csv").body(CSV_HEADER + fixture.nip(t)
                                        + ",Pelatihan,3,TEKNIS,LURING,BKD,2026-02-02,2026-02-03,8,csv,"
                                        + fresh("acl-csv"))
                                .post("/api/v1/completions/import"),
                        r -> {
                            assertThat(r.jsonPath().getInt("failed")).isEqualTo(1);
                            assertThat(r.jsonPath().getInt("errors[0].row")).isEqualTo(1);
                            assertThat(r.jsonPath().getInt("errors[0].problem.status")).isEqualTo(403);
                        }),
                Endpoint.filtering("GET /api/v1/completions", Access.TRAINING_READER, Access.REPORT_READER,
                        (r, t) -> r.queryParam("limit", 500).get("/api/v1/completions"),
                        r -> assertThat(r.jsonPath().getList("items.nip", String.class)).isNotEmpty()
                                .containsOnly(fixture.homeNip)),
                Endpoint.refusing("GET /api/v1/completions/{id}", Access.TRAINING_READER, Access.REPORT_READER, 200,
                        404, (r, t) -> r.get("/api/v1/completions/{id}",
                                either(t, fixture.homeRead, fixture.awayRead))),
                Endpoint.refusing("PUT /api/v1/completions/{id}", Access.TRAINING_WRITER, Access.TRAINING_READER, 200,
                        404, (r, t) -> t == Target.HOME
                                ? r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                                        .body(completionJson(fixture.homeNip, fixture.homeAmendKey).replace("\"jp\":24",
                                                "\"jp\":30"))
                                        .put("/api/v1/completions/{id}", fixture.homeAmend)
                                : r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                                        .body(completionJson(fixture.awayNip, fixture.awayReadKey).replace("\"jp\":24",
                                                "\"jp\":30"))
                                        .put("/api/v1/completions/{id}", fixture.awayRead)),
                Endpoint.refusing("POST /api/v1/completions/{id}/void", Access.TRAINING_WRITER, Access.TRAINING_READER,
                        200, 404, (r, t) -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                                .body("{\"reason\":\"Sertifikat ganda\"}")
                                .post("/api/v1/completions/{id}/void", either(t, fixture.homeVoid, fixture.awayRead))),
                // The suite's token recorded the fixture's completions; the verifier is another subject.
                Endpoint.refusing("POST /api/v1/completions/{id}/verification", Access.TRAINING_VERIFIER,
                        Access.TRAINING_WRITER, 200, 404, (r, t) -> r.contentType(ContentType.JSON)
                                .header("If-Match", "\"1\"").body("{\"decision\":\"VERIFIED\"}")
                                .post("/api/v1/completions/{id}/verification",
                                        either(t, fixture.homeVerify, fixture.awayRead))),
                Endpoint.refusing("GET /api/v1/completions/{id} as a verifier", Access.TRAINING_VERIFIER,
                        Access.REPORT_READER, 200, 404, (r, t) -> r.get("/api/v1/completions/{id}",
                                either(t, fixture.homeRead, fixture.awayRead))),
                Endpoint.national("GET /api/v1/verification/trusted-sources", Access.TRAINING_VERIFIER,
                        Access.TRAINING_WRITER, 200, (r, t) -> r.get("/api/v1/verification/trusted-sources")),
                // An admin's token naming units is held to them, as for the history corrections.
                Endpoint.refusing("PUT /api/v1/verification/trusted-sources/{unitCode}", Access.ADMIN,
                        Access.POLICY_ADMIN, 200, 403, (r, t) -> r.contentType(ContentType.JSON)
                                .body("{\"sourceSystems\":[]}").put("/api/v1/verification/trusted-sources/{unitCode}",
                                        either(t, fixture.home, fixture.away))),
                Endpoint.refusing("DELETE /api/v1/verification/trusted-sources/{unitCode}", Access.ADMIN,
                        Access.POLICY_ADMIN, 204, 403, (r, t) -> r.delete(
                                "/api/v1/verification/trusted-sources/{unitCode}", either(t, fixture.home, fixture.away))),
                Endpoint.refusing("GET /api/v1/completions/{id}/history", Access.TRAINING_READER, Access.REPORT_READER,
                        200, 404, (r, t) -> r.get("/api/v1/completions/{id}/history",
                                either(t, fixture.homeRead, fixture.awayRead))),
                Endpoint.refusing("POST /api/v1/completions/{id}/certificates", Access.TRAINING_VERIFIER,
                        Access.REPORT_READER, 201, 404, (r, t) -> r.contentType("application/pdf")
                                .body(pdf(fresh("acl-attach")))
                                .post("/api/v1/completions/{id}/certificates", either(t, fixture.homeRead,
                                        fixture.awayRead))),
                Endpoint.refusing("GET /api/v1/completions/{id}/certificates", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, 404, (r, t) -> r.get("/api/v1/completions/{id}/certificates",
                                either(t, fixture.homeRead, fixture.awayRead))),
                Endpoint.refusing("GET /api/v1/completions/{id}/certificates/{sha256}", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, 404, (r, t) -> r.get(
                                "/api/v1/completions/{id}/certificates/{sha256}",
                                either(t, fixture.homeRead, fixture.awayRead),
                                either(t, fixture.homeFile, fixture.awayFile))),
                Endpoint.refusing("DELETE /api/v1/completions/{id}/certificates/{sha256}", Access.TRAINING_WRITER,
                        Access.TRAINING_VERIFIER, 204, 404, (r, t) -> r.delete(
                                "/api/v1/completions/{id}/certificates/{sha256}",
                                either(t, fixture.homeRead, fixture.awayRead),
                                either(t, fixture.homeDetached, fixture.awayFile))),
                Endpoint.national("GET /api/v1/verification/evidence-requirements", Access.POLICY_ADMIN,
                        Access.REPORT_READER, 200, (r, t) -> r.get("/api/v1/verification/evidence-requirements")),
                Endpoint.national("PUT /api/v1/verification/evidence-requirements/{kindId}", Access.POLICY_ADMIN,
                        Access.ADMIN, 200, (r, t) -> r.contentType(ContentType.JSON)
                                .body("{\"certificateNumber\":false,\"file\":false}")
                                .put("/api/v1/verification/evidence-requirements/{kindId}", 25)),
                Endpoint.refusing("GET /api/v1/completions/{id}/duplicates", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, 404, (r, t) -> r.get("/api/v1/completions/{id}/duplicates",
                                either(t, fixture.homeDuplicate, fixture.awayDuplicate))),
                Endpoint.refusing("POST /api/v1/completions/{id}/duplicates/{otherId}", Access.TRAINING_VERIFIER,
                        Access.TRAINING_WRITER, 200, 404, (r, t) -> r.contentType(ContentType.JSON)
                                .body("{\"decision\":\"NOT_DUPLICATE\"}")
                                .post("/api/v1/completions/{id}/duplicates/{otherId}",
                                        either(t, fixture.homeDuplicate, fixture.awayDuplicate),
                                        either(t, fixture.homeOriginal, fixture.awayOriginal))),
                Endpoint.filtering("GET /api/v1/verification/queue", Access.TRAINING_VERIFIER, Access.REPORT_READER,
                        (r, t) -> r.queryParam("limit", 100).get("/api/v1/verification/queue"),
                        r -> assertThat(r.jsonPath().getList("items.nip", String.class)).isNotEmpty()
                                .containsOnly(fixture.homeNip)),
                Endpoint.filtering("GET /api/v1/verification/queue/counts", Access.TRAINING_VERIFIER,
                        Access.TRAINING_WRITER, (r, t) -> r.get("/api/v1/verification/queue/counts"),
                        r -> assertThat(r.jsonPath().getList("units.unitCode", String.class))
                                .containsExactly(fixture.home)),
                Endpoint.national("GET /api/v1/admin/recognition-rules", Access.TRAINING_READER, Access.REPORT_READER,
                        200, (r, t) -> r.get("/api/v1/admin/recognition-rules")),
                Endpoint.national("GET /api/v1/admin/recognition-rules/{version}", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, (r, t) -> r.get("/api/v1/admin/recognition-rules/{version}", 1)),
                Endpoint.national("GET /api/v1/admin/recognition-rules/versions", Access.TRAINING_READER,
                        Access.REPORT_READER, 200, (r, t) -> r.get("/api/v1/admin/recognition-rules/versions")),
                Endpoint.national("PUT /api/v1/admin/recognition-rules", Access.POLICY_ADMIN, Access.ADMIN, 201,
                        (r, t) -> r.contentType(ContentType.JSON).body(RuleTimeline.nextVersion())
                                .put("/api/v1/admin/recognition-rules")),
                Endpoint.national("POST /api/v1/admin/republish", Access.ADMIN, Access.POLICY_ADMIN, 200,
                        (r, t) -> r.post("/api/v1/admin/republish")),
                Endpoint.national("GET /api/v1/admin/audit", Access.ADMIN, Access.ROSTER_ADMIN, 200,
                        (r, t) -> r.queryParam("limit", 5).get("/api/v1/admin/audit")),
                // A completion statement about an employee outside the sender's units is stored, and records nothing.
                Endpoint.filtering("POST /xapi/statements", Access.TRAINING_WRITER, Access.TRAINING_READER,
                        (r, t) -> r.header(Xapi.VERSION, "2.0.0").contentType(ContentType.JSON)
                                .body(Xapi.completed(UUID.randomUUID(), fixture.nip(t))).post("/xapi/statements"),
                        r -> assertThat(r.jsonPath().getList("", String.class)).hasSize(1)),
                Endpoint.filtering("GET /xapi/statements", Access.TRAINING_READER, Access.REPORT_READER,
                        (r, t) -> r.header(Xapi.VERSION, "2.0.0").get("/xapi/statements"),
                        r -> assertThat(r.jsonPath().getString("more")).isNotNull()),
                // A system sees what its own statements said of an agent or an activity, whichever units it has.
                Endpoint.filtering("GET /xapi/agents", Access.TRAINING_READER, Access.REPORT_READER,
                        (r, t) -> r.header(Xapi.VERSION, "2.0.0")
                                .queryParam("agent", "{\"mbox\":\"mailto:acl@example.go.id\"}").get("/xapi/agents"),
                        r -> assertThat(r.jsonPath().getString("objectType")).isEqualTo("Person")),
                Endpoint.filtering("GET /xapi/activities", Access.TRAINING_READER, Access.REPORT_READER,
                        (r, t) -> r.header(Xapi.VERSION, "2.0.0").queryParam("activityId", "https://lms.example/acl")
                                .get("/xapi/activities"),
                        r -> assertThat(r.jsonPath().getString("objectType")).isEqualTo("Activity")),
                Endpoint.national("GET /api/v1/xapi-statements", Access.ADMIN, Access.TRAINING_WRITER, 200,
                        (r, t) -> r.queryParam("limit", 5).get("/api/v1/xapi-statements")),
                // Documents belong to the calling system, whatever units it acts for: national, as far as units go.
                documentWrite("PUT", "/xapi/activities/state", 204),
                documentWrite("POST", "/xapi/activities/state", 204),
                documentWrite("DELETE", "/xapi/activities/state", 204),
                documentRead("/xapi/activities/state"),
                documentWrite("PUT", "/xapi/activities/profile", 204),
                documentWrite("POST", "/xapi/activities/profile", 204),
                documentWrite("DELETE", "/xapi/activities/profile", 204),
                documentRead("/xapi/activities/profile"),
                documentWrite("PUT", "/xapi/agents/profile", 204),
                documentWrite("POST", "/xapi/agents/profile", 204),
                documentWrite("DELETE", "/xapi/agents/profile", 204),
                documentRead("/xapi/agents/profile"));
    }

    /** A write of a document under a fresh id (so that a PUT never meets one stored before it). */
    private static Endpoint documentWrite(String method, String path, int success) {
        return Endpoint.national(method + " " + path, Access.TRAINING_WRITER, Access.TRAINING_READER, success,
                (r, t) -> document(r, path, UUID.randomUUID().toString()).contentType(ContentType.JSON).body("{}")
                        .request(method, path));
    }

    /** The id list of a document resource. */
    private static Endpoint documentRead(String path) {
        return Endpoint.national("GET " + path, Access.TRAINING_READER, Access.REPORT_READER, 200,
                (r, t) -> document(r, path, null).get(path));
    }

    private static RequestSpecification document(RequestSpecification request, String path, String id) {
        RequestSpecification keyed = request.header(Xapi.VERSION, "2.0.0");
        if (path.startsWith("/xapi/activities/")) {
            keyed.queryParam("activityId", "https://lms.example.go.id/course/access-control");
        }
        if (!path.equals("/xapi/activities/profile")) {
            keyed.queryParam("agent", Xapi.agent("access-control"));
        }
        if (id != null) {
            keyed.queryParam(path.endsWith("/state") ? "stateId" : "profileId", id);
        }
        return keyed;
    }

    /** Every endpoint with every attempt, the successful one last, so that refused attempts find the fixture intact. */
    static Stream<Arguments> endpointsAndAttempts() {
        return endpoints().stream()
                .flatMap(endpoint -> Stream.of(Attempt.values()).map(attempt -> Arguments.of(endpoint, attempt)));
    }

    @BeforeEach
    void fixtureThenNoDefaultToken() {
        if (fixture == null) {
            fixture = Fixture.build();
        }
        RestAssured.replaceFiltersWith(new ArrayList<>());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndAttempts")
    void answersEachCallerWithTheExactStatusAndRefusesWithoutRevealingData(Endpoint endpoint, Attempt attempt) {
        RequestSpecification request = given();
        String authorization = authorization(endpoint, attempt);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Target target = attempt == Attempt.RIGHT_ROLE_OUTSIDE_SCOPE && endpoint.outside() != Outside.NATIONAL
                ? Target.AWAY : Target.HOME;

        Response response = endpoint.call().send(request, target);

        switch (attempt) {
            case NO_TOKEN, EXPIRED_TOKEN, BAD_SIGNATURE, WRONG_ISSUER -> {
                assertRefused(response, 401);
                // The xAPI resources also take integrating systems' Basic credentials, and say so.
                assertThat(response.header("WWW-Authenticate"))
                        .isEqualTo(endpoint.name().contains(" /xapi/") ? "Basic realm=\"xAPI\", Bearer" : "Bearer");
            }
            case WRONG_ROLE -> assertRefused(response, 403);
            case RIGHT_ROLE_OUTSIDE_SCOPE -> {
                switch (endpoint.outside()) {
                    case REFUSED -> assertRefused(response, endpoint.outsideStatus());
                    case FILTERED -> {
                        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                        assertThat(response.asString()).doesNotContain(fixture.awaySecrets());
                        endpoint.outsideCheck().accept(response);
                    }
                    case NATIONAL -> assertThat(response.statusCode()).as(response.asString())
                            .isEqualTo(endpoint.success());
                }
            }
            case RIGHT_ROLE_IN_SCOPE -> assertThat(response.statusCode()).as(response.asString())
                    .isEqualTo(endpoint.success());
        }
    }

    /**
     * A bearer token whose subject is an xAPI system's name is not that system: it gets for the system's statements the
     * answers it gets for any other system's (404 to read, 403 to void, absent from its list), and the system itself
     * still reads and voids them.
     */
    @Test
    void aTokenWhoseSubjectIsAnXapiSystemsNameCannotActAsThatSystem() {
        UUID platforms = UUID.randomUUID();
        UUID others = UUID.randomUUID();
        Xapi.lms().body(Xapi.attempted(platforms, "ruang@example.go.id", "https://lms.example/ruang"))
                .post("/xapi/statements").then().statusCode(200);
        Xapi.as(Xapi.SCOPED).body(Xapi.attempted(others, "ruang@example.go.id", "https://lms.example/ruang"))
                .post("/xapi/statements").then().statusCode(200);
        String impostor = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER, Access.TRAINING_READER)
                .units(Access.ALL_UNITS).subject(Xapi.LMS));

        for (UUID foreign : List.of(platforms, others)) {
            assertRefused(given().header("Authorization", impostor).header(Xapi.VERSION, "2.0.0")
                    .queryParam("statementId", foreign.toString()).get("/xapi/statements"), 404);
            assertRefused(given().header("Authorization", impostor).header(Xapi.VERSION, "2.0.0")
                    .contentType(ContentType.JSON).body(Xapi.voiding(UUID.randomUUID(), foreign))
                    .post("/xapi/statements"), 403);
        }
        assertThat(given().header("Authorization", impostor).header(Xapi.VERSION, "2.0.0")
                .queryParam("activity", "https://lms.example/ruang").get("/xapi/statements")
                .then().statusCode(200).extract().jsonPath().getList("statements.id")).isEmpty();

        Xapi.lms().queryParam("statementId", platforms.toString()).get("/xapi/statements").then().statusCode(200);
        Xapi.lms().body(Xapi.voiding(UUID.randomUUID(), platforms)).post("/xapi/statements").then().statusCode(200);
        Xapi.lms().queryParam("voidedStatementId", platforms.toString()).get("/xapi/statements").then().statusCode(200);
    }

    /**
     * The Authorization header of an attempt. The tokens that must fail for their own sake hold the right role and
     * scope; a global role's token in scope names no units (a national role needs none), and outside it names the other
     * subtree's unit, which must not narrow it.
     */
    private static String authorization(Endpoint endpoint, Attempt attempt) {
        // A subject of its own per attempt, so that no attempt spends another's allowance of rate-limited calls.
        String subject = "acl " + endpoint.name() + " " + attempt.name().toLowerCase();
        Token right = Token.withRoles(endpoint.role()).units(fixture.home).subject(subject);
        return switch (attempt) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN -> TestTokens.bearer(right.lifetime(Duration.ofMinutes(-10)));
            case BAD_SIGNATURE -> "Bearer " + right.signedWith(LocalKeys.untrusted().getPrivate());
            case WRONG_ISSUER -> TestTokens.bearer(right.issuer("https://sso.example.go.id/realms/other"));
            case WRONG_ROLE -> TestTokens.bearer(Token.withRoles(endpoint.wrongRole()).units(Access.ALL_UNITS)
                    .subject(subject));
            case RIGHT_ROLE_OUTSIDE_SCOPE -> TestTokens.bearer(endpoint.outside() == Outside.NATIONAL
                    ? Token.withRoles(endpoint.role()).units(fixture.away).subject(subject) : right);
            case RIGHT_ROLE_IN_SCOPE -> TestTokens.bearer(Access.GLOBAL_ROLES.contains(endpoint.role())
                    ? Token.withRoles(endpoint.role()).subject(subject) : right);
        };
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.asString()).doesNotContain(fixture.everySecret());
    }

    /** The fixture employee's histories as registered, so that the successful correction changes nothing. */
    private static String historyJson(String unit) {
        return """
                {"unitHistory":[{"unitCode":"%s","effectiveFrom":"2010-01-01"}],
                 "positionHistory":[{"employmentType":"PNS","positionLevel":"PELAKSANA","effectiveFrom":"2010-01-01"}],
                 "reason":"Koreksi riwayat"}""".formatted(unit);
    }

    private static String either(Target target, String home, String away) {
        return target == Target.HOME ? home : away;
    }

    /** A small PDF of its own content. */
    private static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The units, employees and completions the table is about, with the text no refusal may contain. */
    static final class Fixture {

        final String run = UUID.randomUUID().toString().substring(0, 8);
        final String root = "ACL-" + run;
        final String home = root + "-HOME";
        final String homeChild = home + "-1";
        final String away = root + "-AWAY";
        final String awayChild = away + "-1";
        final String homeChildName = "Bidang Rumah " + run;
        final String awayChildName = "Bidang Jauh " + run;
        final String homeName = "Rahasia Rumah " + run;
        final String awayName = "Rahasia Jauh " + run;
        final String homeNip = freshNip();
        final String awayNip = freshNip();
        final String homeAmendKey = fresh("acl-amend");
        final String awayReadKey = fresh("acl-away");
        String homeRead;
        String homeAmend;
        String homeVoid;
        String homeVerify;
        String awayRead;
        String homeExemption;
        String awayExemption;
        String homeFile;
        String homeDetached;
        String awayFile;
        String homeOriginal;
        String homeDuplicate;
        String awayOriginal;
        String awayDuplicate;

        static Fixture build() {
            Fixture f = new Fixture();
            unit(f.root, "Pemerintah Uji " + f.run, null);
            unit(f.home, "Dinas Rumah " + f.run, f.root);
            unit(f.homeChild, f.homeChildName, f.home);
            unit(f.away, "Dinas Jauh " + f.run, f.root);
            unit(f.awayChild, f.awayChildName, f.away);
            employee(f.homeNip, f.homeName, f.homeChild);
            employee(f.awayNip, f.awayName, f.awayChild);
            f.homeRead = completion(f.homeNip, fresh("acl-read"));
            f.homeAmend = completion(f.homeNip, f.homeAmendKey);
            f.homeVoid = completion(f.homeNip, fresh("acl-void"));
            f.homeVerify = completion(f.homeNip, fresh("acl-verify"));
            f.awayRead = completion(f.awayNip, f.awayReadKey);
            f.homeExemption = exemption(f.homeNip);
            f.awayExemption = exemption(f.awayNip);
            f.homeFile = certificate(f.homeRead);
            f.homeDetached = certificate(f.homeRead);
            f.awayFile = certificate(f.awayRead);
            // A possible duplicate pair in each subtree: one training reported by two systems, one certificate.
            f.homeOriginal = reported(f.homeNip, "lms", "ACL-HOME-" + f.run);
            f.homeDuplicate = reported(f.homeNip, "simpeg", "ACL-HOME-" + f.run);
            f.awayOriginal = reported(f.awayNip, "lms", "ACL-AWAY-" + f.run);
            f.awayDuplicate = reported(f.awayNip, "simpeg", "ACL-AWAY-" + f.run);
            return f;
        }

        String nip(Target target) {
            return target == Target.HOME ? homeNip : awayNip;
        }

        /** What only the other subtree holds: a filtered answer shows none of it. */
        String[] awaySecrets() {
            return new String[] {away, awayChildName, awayName, awayNip, awayRead, awayReadKey, awayExemption,
                awayOriginal, awayDuplicate, "Dinas Jauh " + run};
        }

        /** Everything of the fixture: a refusal shows none of it. */
        String[] everySecret() {
            List<String> all = new ArrayList<>(List.of(awaySecrets()));
            all.addAll(List.of(root, home, homeChildName, homeName, homeNip, homeRead, homeAmend, homeVoid, homeVerify,
                    homeAmendKey, homeExemption, homeOriginal, homeDuplicate, "Dinas Rumah " + run,
                    "Pemerintah Uji " + run));
            return all.toArray(String[]::new);
        }

        private static void unit(String code, String name, String parent) {
            given().contentType(ContentType.JSON).body(unitJson(name, parent)).put("/api/v1/units/{code}", code)
                    .then().statusCode(201);
        }

        private static void employee(String nip, String name, String unit) {
            given().contentType(ContentType.JSON).body(employeeJson(name, unit)).put("/api/v1/employees/{nip}", nip)
                    .then().statusCode(201);
        }

        private static String exemption(String nip) {
            return given().contentType(ContentType.JSON)
                    .body("{\"kind\":\"TUGAS_BELAJAR\",\"from\":\"2020-01-01\",\"until\":\"2020-06-30\","
                            + "\"reference\":\"SK/ACL/2020\"}")
                    .post("/api/v1/employees/{nip}/exemptions", nip).then().statusCode(201).extract().path("id");
        }

        private static String certificate(String completion) {
            return given().contentType("application/pdf").body(pdf(fresh("acl-file")))
                    .post("/api/v1/completions/{id}/certificates", completion).then().statusCode(201).extract()
                    .path("sha256");
        }

        /** A completion of a title of its own, so that the fixture's completions are no duplicates of each other. */
        private static String completion(String nip, String externalId) {
            return given().contentType(ContentType.JSON)
                    .body(completionJson(nip, externalId)
                            .replace("Pelatihan Analisis Kebijakan", "Pelatihan " + externalId))
                    .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        }

        /** A January training with certificate {@code certificate}, reported by {@code source}. */
        private static String reported(String nip, String source, String certificate) {
            return given().contentType(ContentType.JSON).body(completionJson(nip, fresh("acl-dup"))
                            .replace("Pelatihan Analisis Kebijakan", "Literasi Digital " + source)
                            .replace("\"startDate\":\"2026-03-02\"", "\"startDate\":\"2026-01-05\"")
                            .replace("\"endDate\":\"2026-03-05\"", "\"endDate\":\"2026-01-06\"")
                            .replace("\"jp\":24", "\"jp\":8,\"certificateNumber\":\"" + certificate + "\"")
                            .replace("\"test-lms\"", "\"" + source + "\""))
                    .post("/api/v1/completions").then().statusCode(201).extract().path("id");
        }
    }
}
