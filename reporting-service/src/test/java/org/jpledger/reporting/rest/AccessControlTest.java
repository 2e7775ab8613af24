package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.export.ExportFiles;
import org.jpledger.reporting.export.ExportManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the service (and the audit log it serves) against every kind of caller: no token, an expired one, a
 * forged one, one from another issuer, the wrong role, the right role aimed outside its units, and the right role in
 * its units. Each gets its exact status; no refusal carries a NIP, a name or a unit of the fixture.
 */
@QuarkusTest
class AccessControlTest {

    /** A year no other test sets a policy for. */
    private static final int POLICY_YEAR = 2087;
    private static final String POLICY = "{\"targetJp\":24}";

    private static Fixture fixture;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    ExportFiles exportFiles;

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
        /** 404, exactly as for something that does not exist */
        HIDDEN,
        /** answered 200 with nothing of the other subtree in it */
        FILTERED,
        /** the endpoint is not about units: a token naming any unit is accepted */
        NATIONAL
    }

    /** How an endpoint is called about a target. */
    @FunctionalInterface
    interface Call {
        Response send(RequestSpecification request, Target target);
    }

    /** One row of the table; {@code success} is the status in scope (and of a national call whatever units). */
    record Endpoint(String name, String role, String wrongRole, int success, Outside outside, Call call,
            Consumer<Response> outsideCheck) {

        static Endpoint hiding(String name, String role, String wrongRole, Call call) {
            return new Endpoint(name, role, wrongRole, 200, Outside.HIDDEN, call, r -> { });
        }

        static Endpoint filtering(String name, String role, String wrongRole, Call call, Consumer<Response> check) {
            return new Endpoint(name, role, wrongRole, 200, Outside.FILTERED, call, check);
        }

        static Endpoint national(String name, String role, String wrongRole, int success, Call call) {
            return new Endpoint(name, role, wrongRole, success, Outside.NATIONAL, call, r -> { });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                Endpoint.hiding("GET /api/v1/compliance/employees/{nip}", Access.REPORT_READER, Access.TRAINING_READER,
                        (r, t) -> r.get("/api/v1/compliance/employees/{nip}", fixture.nip(t))),
                Endpoint.hiding("GET /api/v1/compliance/units/{code}", Access.REPORT_READER, Access.ROSTER_ADMIN,
                        (r, t) -> r.get("/api/v1/compliance/units/{code}", fixture.unit(t))),
                Endpoint.hiding("GET /api/v1/compliance/units/{code}/employees", Access.REPORT_READER,
                        Access.TRAINING_WRITER, (r, t) -> r.get("/api/v1/compliance/units/{code}/employees",
                                fixture.unit(t))),
                Endpoint.hiding("GET /api/v1/compliance/units/{code}/breakdown", Access.REPORT_READER,
                        Access.TRAINING_READER,
                        (r, t) -> r.get("/api/v1/compliance/units/{code}/breakdown", fixture.unit(t))),
                // The home subtree holds one employee; the other subtree's do not count for a home reader.
                Endpoint.filtering("GET /api/v1/compliance/summary/breakdown", Access.REPORT_READER, Access.ADMIN,
                        (r, t) -> r.get("/api/v1/compliance/summary/breakdown"),
                        response -> assertThat(response.jsonPath().getInt("headcount")).isEqualTo(1)),
                Endpoint.filtering("GET /api/v1/compliance/summary/employees", Access.REPORT_READER,
                        Access.TRAINING_WRITER, (r, t) -> r.get("/api/v1/compliance/summary/employees"),
                        response -> assertThat(response.jsonPath().getList("items.nip"))
                                .containsExactly(fixture.homeNip)),
                Endpoint.national("GET /api/v1/compliance/years", Access.REPORT_READER, Access.TRAINING_WRITER, 200,
                        (r, t) -> r.get("/api/v1/compliance/years")),
                Endpoint.national("GET /api/v1/compliance/freshness", Access.REPORT_READER, Access.ROSTER_ADMIN, 200,
                        (r, t) -> r.get("/api/v1/compliance/freshness")),
                Endpoint.filtering("GET /api/v1/compliance/summary", Access.REPORT_READER, Access.ADMIN,
                        (r, t) -> r.get("/api/v1/compliance/summary"),
                        response -> assertThat(response.jsonPath().getList("units.code"))
                                .containsExactly(fixture.home)),
                Endpoint.hiding("GET /api/v1/exports/compliance", Access.REPORT_READER, Access.TRAINING_READER,
                        (r, t) -> r.queryParam("unitCode", fixture.unit(t)).get("/api/v1/exports/compliance")),
                Endpoint.hiding("GET /api/v1/exports/units", Access.REPORT_READER, Access.POLICY_ADMIN,
                        (r, t) -> r.queryParam("unitCode", fixture.unit(t)).get("/api/v1/exports/units")),
                Endpoint.hiding("GET /api/v1/exports/training-history", Access.REPORT_READER, Access.ADMIN,
                        (r, t) -> r.queryParam("unitCode", fixture.unit(t)).get("/api/v1/exports/training-history")),
                // The schedules of the test configuration export every unit: of all files, only the fixture's home
                // one is a home reader's.
                Endpoint.filtering("GET /api/v1/exports/files", Access.REPORT_READER, Access.TRAINING_READER,
                        (r, t) -> r.get("/api/v1/exports/files"),
                        response -> assertThat(response.jsonPath().getList("file")).containsExactly(fixture.homeFile)),
                Endpoint.hiding("GET /api/v1/exports/files/{name}", Access.REPORT_READER, Access.ROSTER_ADMIN,
                        (r, t) -> r.get("/api/v1/exports/files/{name}", fixture.file(t))),
                Endpoint.national("GET /api/v1/policies/{year}", Access.REPORT_READER, Access.TRAINING_WRITER, 200,
                        (r, t) -> r.get("/api/v1/policies/{year}", POLICY_YEAR)),
                Endpoint.national("PUT /api/v1/policies/{year}", Access.POLICY_ADMIN, Access.REPORT_READER, 200,
                        (r, t) -> r.contentType(ContentType.JSON).body(POLICY).put("/api/v1/policies/{year}",
                                POLICY_YEAR)),
                Endpoint.national("GET /api/v1/admin/parked", Access.ADMIN, Access.REPORT_READER, 200,
                        (r, t) -> r.get("/api/v1/admin/parked")),
                // An id never parked: an allowed caller gets past authorization to the service's own 404.
                Endpoint.national("POST /api/v1/admin/parked/{id}/retry", Access.ADMIN, Access.POLICY_ADMIN, 404,
                        (r, t) -> r.post("/api/v1/admin/parked/{id}/retry", Long.MAX_VALUE)),
                Endpoint.national("POST /api/v1/admin/parked/retry", Access.ADMIN, Access.REPORT_READER, 200,
                        (r, t) -> r.post("/api/v1/admin/parked/retry")),
                Endpoint.national("POST /api/v1/admin/rebuild", Access.ADMIN, Access.POLICY_ADMIN, 202,
                        (r, t) -> awaitRebuildEnd(r.post("/api/v1/admin/rebuild"))),
                Endpoint.national("GET /api/v1/admin/rebuild", Access.ADMIN, Access.REPORT_READER, 200,
                        (r, t) -> r.get("/api/v1/admin/rebuild")),
                // A year never closed, never verified: an allowed caller gets past authorization to the 404.
                Endpoint.national("POST /api/v1/years/{year}/closing/verify", Access.POLICY_ADMIN, Access.REPORT_READER,
                        404, (r, t) -> r.post("/api/v1/years/{year}/closing/verify", POLICY_YEAR)),
                Endpoint.national("GET /api/v1/years/{year}/closing/verify", Access.ADMIN, Access.TRAINING_WRITER, 404,
                        (r, t) -> r.get("/api/v1/years/{year}/closing/verify", POLICY_YEAR)),
                Endpoint.national("GET /api/v1/status", Access.ADMIN, Access.REPORT_READER, 200,
                        (r, t) -> r.get("/api/v1/status")),
                Endpoint.national("GET /api/v1/admin/audit", Access.ADMIN, Access.POLICY_ADMIN, 200,
                        (r, t) -> r.queryParam("limit", 5).get("/api/v1/admin/audit")));
    }

    static Stream<Arguments> endpointsAndAttempts() {
        return endpoints().stream()
                .flatMap(endpoint -> Stream.of(Attempt.values()).map(attempt -> Arguments.of(endpoint, attempt)));
    }

    @BeforeEach
    void fixtureThenNoDefaultToken() {
        if (fixture == null) {
            fixture = Fixture.build(new LedgerEvents(bootstrapServers, mapper), new Projections(dataSource),
                    exportFiles);
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
        Target target = attempt == Attempt.RIGHT_ROLE_OUTSIDE_SCOPE ? Target.AWAY : Target.HOME;

        Response response = endpoint.call().send(request, target);

        switch (attempt) {
            case NO_TOKEN, EXPIRED_TOKEN, BAD_SIGNATURE, WRONG_ISSUER -> {
                assertRefused(response, 401);
                assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            }
            case WRONG_ROLE -> assertRefused(response, 403);
            case RIGHT_ROLE_OUTSIDE_SCOPE -> {
                switch (endpoint.outside()) {
                    case HIDDEN -> assertRefused(response, 404);
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
     * The Authorization header of an attempt. Tokens that must fail for their own sake hold the right role and scope;
     * "outside" names the home unit but asks about the other subtree, or for a national endpoint names the other
     * subtree's unit, which must not narrow it. A global role's token in scope names no units.
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

    /** The fixture's export files go, so that no later test lists them. */
    @AfterAll
    static void removeExportFiles() throws IOException {
        if (fixture != null) {
            for (Path path : fixture.exportPaths) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.asString()).doesNotContain(fixture.everySecret());
    }

    /** A started rebuild is left to finish, so that the rows after it find the projections in place. */
    private static Response awaitRebuildEnd(Response started) {
        if (started.statusCode() == 202) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String state = given().header("Authorization", TestTokens.everything()).get("/api/v1/admin/rebuild")
                        .jsonPath().getString("state");
                return state.equals("DONE") || state.equals("FAILED");
            });
        }
        return started;
    }

    /**
     * Two sibling subtrees under one root, an employee with a completion in each, a scheduled export file of each, and
     * a policy for the year.
     */
    static final class Fixture {

        final String run = UUID.randomUUID().toString().substring(0, 8);
        final String root = "ACL-" + run;
        final String home = root + "-HOME";
        final String away = root + "-AWAY";
        final String awayChild = away + "-1";
        final String homeChild = home + "-1";
        final String homeName = "Rahasia Rumah " + run;
        final String awayName = "Rahasia Jauh " + run;
        final String homeNip = freshNip();
        final String awayNip = freshNip();
        final String homeFile = "acl-" + run + "-home.csv";
        final String awayFile = "acl-" + run + "-away.csv";
        final List<Path> exportPaths = new ArrayList<>();

        static Fixture build(LedgerEvents events, Projections projections, ExportFiles files) {
            Fixture f = new Fixture();
            LocalDate firstOfYear = LocalDate.now(ZoneId.of("Asia/Jakarta")).withDayOfYear(1);
            events.unit(f.root, "Pemerintah Uji " + f.run, 1);
            events.unit(f.home, "Dinas Rumah " + f.run, f.root, 1);
            events.unit(f.homeChild, "Bidang Rumah " + f.run, f.home, 1);
            events.unit(f.away, "Dinas Jauh " + f.run, f.root, 1);
            events.unit(f.awayChild, "Bidang Jauh " + f.run, f.away, 1);
            for (String[] employee : new String[][] {{f.homeNip, f.homeName, f.homeChild},
                    {f.awayNip, f.awayName, f.awayChild}}) {
                events.employee(new EmployeeUpserted(employee[0], employee[1], EmploymentType.PNS,
                        PositionLevel.PELAKSANA, employee[2], LocalDate.of(2010, 1, 1), null, 1,
                        List.of(new UnitAssignment(employee[2], LocalDate.of(2010, 1, 1)))));
                projections.awaitHandled(events.completion(completionOf(employee[0], "12", firstOfYear,
                        CompetencyType.TEKNIS, TrainingMethod.KLASIKAL, DeliveryMode.LURING)));
            }
            events.close();
            f.exportFile(files, f.homeFile, f.home, f.homeNip + ",\"" + f.homeName + "\"\n");
            f.exportFile(files, f.awayFile, f.away, f.awayNip + ",\"" + f.awayName + "\"\n");
            given().contentType(ContentType.JSON).body(POLICY).put("/api/v1/policies/{year}", POLICY_YEAR)
                    .then().statusCode(201);
            return f;
        }

        /** A file as a schedule for one unit would leave it: the file, then its manifest naming the unit. */
        private void exportFile(ExportFiles files, String name, String unit, String content) {
            byte[] bytes = ("NIP,Nama\n" + content).getBytes(StandardCharsets.UTF_8);
            Path path = files.directoryOf("acl").resolve(name);
            try {
                Files.createDirectories(path.getParent());
                Files.write(path, bytes);
                exportPaths.add(path);
                exportPaths.add(files.directoryOf("acl").resolve(name + ".manifest.json"));
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                Instant now = Instant.now();
                files.writeManifest(new ExportManifest(name, "acl", "compliance", Map.of("year", 2026, "units", unit),
                        "csv", now, 1, sha256, bytes.length, now, now, 0));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String nip(Target target) {
            return target == Target.HOME ? homeNip : awayNip;
        }

        String unit(Target target) {
            return target == Target.HOME ? home : away;
        }

        String file(Target target) {
            return target == Target.HOME ? homeFile : awayFile;
        }

        /** What only the other subtree holds: a filtered answer shows none of it. */
        String[] awaySecrets() {
            return new String[] {away, awayChild, awayName, awayNip, awayFile, "Dinas Jauh " + run,
                "Bidang Jauh " + run};
        }

        /** Everything of the fixture: a refusal shows none of it. */
        String[] everySecret() {
            List<String> all = new ArrayList<>(List.of(awaySecrets()));
            all.addAll(List.of(root, home, homeChild, homeName, homeNip, homeFile, "Dinas Rumah " + run,
                    "Bidang Rumah " + run, "Pemerintah Uji " + run));
            return all.toArray(String[]::new);
        }
    }
}
