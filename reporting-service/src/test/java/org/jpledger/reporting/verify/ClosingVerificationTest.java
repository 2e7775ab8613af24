package org.jpledger.reporting.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;
import static org.jpledger.reporting.LedgerEvents.reviewedAs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifying a closing replays the topics up to the closing's offsets into copies and reproduces its snapshot exactly,
 * while late corrections move the live figures; a tampered snapshot row is named; replays refuse each other.
 */
@QuarkusTest
class ClosingVerificationTest {

    private static final int YEAR = 2025;
    private static final String VERIFY = "/api/v1/years/{year}/closing/verify";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private LedgerEvents events;
    private Projections projections;

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void reproducesTheClosedSnapshotFromTheLedgerWhileLateCorrectionsMoveTheLiveFigures() {
        Scope scope = Scope.recorded(events, projections);
        long closing = close(scope.root);

        // Late corrections: a new 2025 completion for one employee, a void of the other's.
        events.completion(training(scope.nipA, "5"));
        CompletionRecorded voided = scope.voidable;
        projections.awaitHandled(events.completion(new CompletionRecorded(voided.completionId(), 2, voided.nip(),
                voided.title(), voided.kindId(), voided.method(), voided.competencyType(), voided.deliveryMode(),
                voided.provider(), voided.startDate(), voided.endDate(), voided.year(), voided.jp(), null, false,
                voided.recognizedJp(), null, "test", voided.externalId(), CompletionStatus.VOIDED, 1,
                "Sertifikat ditarik")));
        // The live figures moved; the closed ones (the default answer) did not.
        live(scope.nipA).body("totalJp", jp("17"));
        live(scope.nipB).body("totalJp", jp("8"));
        Compliance.of(scope.nipA, YEAR).statusCode(200).body("closed", equalTo(true));

        given().queryParam("unitCode", scope.root).post(VERIFY, YEAR).then().statusCode(202)
                .header("Location", endsWith("/api/v1/years/2025/closing/verify"))
                .body("state", equalTo("RUNNING")).body("closing.year", equalTo(YEAR))
                .body("closing.unitCode", equalTo(scope.root)).body("closing.version", equalTo(1));
        JsonPath done = awaitEnd();

        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("EQUAL");
        assertThat(done.getLong("employeeRows")).isEqualTo(2);
        assertThat(done.getLong("unitRows")).as("the scope's total and both units").isEqualTo(3);
        assertThat(done.getLong("differenceCount")).isZero();
        assertThat(done.getList("differences")).isEmpty();
        assertThat(done.getLong("eventsReplayed")).isPositive();
        assertThat(done.getString("finishedAt")).isNotNull();
        Log.infof("Verification replayed %d events at %s per second", done.getLong("eventsReplayed"),
                done.getString("eventsPerSecond"));
        assertThat(projections.single("SELECT count(*)::text FROM pg_namespace WHERE nspname = 'verify'"))
                .as("the copies are dropped").hasValue("0");
        // The closed snapshot still holds the figures as closed, the live ones moved.
        assertThat(projections.single("SELECT answer ->> 'totalJp' FROM closing_employee WHERE closing_id = ? "
                + "AND nip = ?", closing, scope.nipA)).hasValueSatisfying(v -> assertThat(v).startsWith("12"));
    }

    @Test
    void reproducesAClosingRatedWithItsOwnCountingPolicyWhileLateReviewsMoveTheLiveFigures() {
        Scope scope = Scope.recorded(events, projections);
        given().contentType(ContentType.JSON).body("{\"targetJp\": 20, \"counting\": \"VERIFIED_ONLY\"}")
                .put("/api/v1/policies/{year}/units/{code}", YEAR, scope.root).then().statusCode(201);
        CompletionRecorded verified = reviewedAs(training(scope.nipA, "10"), 1, VerificationState.VERIFIED, null);
        projections.awaitHandled(events.completion(verified));
        live(scope.nipA).body("totalJp", jp("10")).body("pendingJp", jp("12"));
        long closing = close(scope.root);
        assertThat(projections.single("SELECT answer ->> 'pendingJp' FROM closing_employee WHERE closing_id = ? "
                + "AND nip = ?", closing, scope.nipA)).hasValueSatisfying(v -> assertThat(v).startsWith("12"));

        // A late rejection moves the live figures only.
        projections.awaitHandled(events.reviewed(reviewedAs(verified, 2, VerificationState.REJECTED, null)));
        live(scope.nipA).body("totalJp", jp("0"));
        Compliance.of(scope.nipA, YEAR).statusCode(200).body("closed", equalTo(true)).body("totalJp", jp("10"));

        given().queryParam("unitCode", scope.root).post(VERIFY, YEAR).then().statusCode(202);
        JsonPath done = awaitEnd();
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("EQUAL");
        assertThat(done.getLong("differenceCount")).isZero();
    }

    @Test
    void namesTheSnapshotRowThatTheLedgerDoesNotReproduce() {
        Scope scope = Scope.recorded(events, projections);
        long closing = close(scope.root);
        Sql.execute(dataSource, "UPDATE closing_employee SET answer = jsonb_set(answer, '{totalJp}', '99') "
                + "WHERE closing_id = ? AND nip = ?", closing, scope.nipA);
        Sql.execute(dataSource, "DELETE FROM closing_unit WHERE closing_id = ? AND unit_code = ?", closing,
                scope.child);

        given().queryParam("unitCode", scope.root).queryParam("version", 1).post(VERIFY, YEAR).then()
                .statusCode(202);
        JsonPath done = awaitEnd();

        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DIFFERENT");
        assertThat(done.getLong("differenceCount")).isEqualTo(2);
        given().get(VERIFY, YEAR).then()
                .body("differences[0].kind", equalTo("EMPLOYEE")).body("differences[0].key", equalTo(scope.nipA))
                .body("differences[0].field", equalTo("$.totalJp")).body("differences[0].change", equalTo("CHANGED"))
                .body("differences[0].closed", jp("99")).body("differences[0].recomputed", jp("12"))
                .body("differences[1].kind", equalTo("UNIT")).body("differences[1].key", equalTo(scope.child))
                .body("differences[1].field", equalTo("$")).body("differences[1].change", equalTo("EXTRA"))
                .body("differences[1].closed", org.hamcrest.Matchers.nullValue())
                .body("differences[1].recomputed.unit.code", equalTo(scope.child));
    }

    @Test
    void refusesASecondVerificationAndARebuildWhileOneRuns() {
        Scope scope = Scope.recorded(events, projections);
        close(scope.root);

        given().queryParam("unitCode", scope.root).post(VERIFY, YEAR).then().statusCode(202);
        ValidatableResponse second = given().queryParam("unitCode", scope.root).post(VERIFY, YEAR).then();
        ValidatableResponse rebuild = given().post("/api/v1/admin/rebuild").then();
        JsonPath done = awaitEnd();

        second.statusCode(409).body("detail", org.hamcrest.Matchers.containsString("verification"));
        rebuild.statusCode(409).body("detail", org.hamcrest.Matchers.containsString("verification"));
        assertThat(done.getString("state")).isEqualTo("EQUAL");
        given().get("/api/v1/admin/rebuild").then().body("state", org.hamcrest.Matchers.not(equalTo("REPLAYING")));
    }

    @Test
    void answersUnknownClosingsAndVerificationsWithNotFound() {
        given().queryParam("unitCode", "VRF-NONE-" + UUID.randomUUID().toString().substring(0, 8))
                .post(VERIFY, YEAR).then().statusCode(404);
        given().post(VERIFY, 2031).then().statusCode(404).body("detail", org.hamcrest.Matchers.containsString("2031"));
        given().get(VERIFY, 2032).then().statusCode(404);
    }

    @Test
    void refusesBadParametersNamingEach() {
        given().queryParam("version", 0).queryParam("unitCode", "X".repeat(65)).post(VERIFY, 1999).then()
                .statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("version")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("unitCode")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("year")));
    }

    @Test
    void letsOnlyPolicyAdminsAndAdminsVerify() {
        for (String role : List.of(Access.REPORT_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN)) {
            String token = TestTokens.bearer(Token.withRoles(role).units(Access.ALL_UNITS).subject("verify " + role));
            given().header("Authorization", token).post(VERIFY, 2033).then().statusCode(403);
            given().header("Authorization", token).get(VERIFY, 2033).then().statusCode(403);
        }
        for (String role : List.of(Access.POLICY_ADMIN, Access.ADMIN)) {
            String token = TestTokens.bearer(Token.withRoles(role).subject("verify " + role));
            // Past authorization: no closing of the year.
            given().header("Authorization", token).post(VERIFY, 2033).then().statusCode(404);
            given().header("Authorization", token).get(VERIFY, 2033).then().statusCode(404);
        }
    }

    /** Closes {@code YEAR} for the subtree of {@code unitCode} through the API; the closing's id. */
    private static long close(String unitCode) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("note", "Laporan tahunan " + unitCode, "unitCode", unitCode))
                .post("/api/v1/years/{year}/closing", YEAR).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Polls the verification of the year until it has ended; its answer. */
    private static JsonPath awaitEnd() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                !given().get(VERIFY, YEAR).then().statusCode(200).extract().path("state").equals("RUNNING"));
        return given().get(VERIFY, YEAR).then().statusCode(200).extract().jsonPath();
    }

    private static CompletionRecorded training(String nip, String jp) {
        return completionOf(nip, jp, LocalDate.of(YEAR, 5, 2), CompetencyType.TEKNIS, TrainingMethod.KLASIKAL,
                DeliveryMode.LURING);
    }

    /** A root unit with a child, an employee in each, and their 2025 training, all applied. */
    private record Scope(String root, String child, String nipA, String nipB, CompletionRecorded voidable) {

        static Scope recorded(LedgerEvents events, Projections projections) {
            String root = "VRF-" + UUID.randomUUID().toString().substring(0, 8);
            String child = root + "-1";
            String nipA = freshNip();
            String nipB = freshNip();
            events.unit(root, "Pemerintah Verifikasi", 1);
            events.unit(child, "Dinas Verifikasi", root, 1);
            for (String[] employee : new String[][] {{nipA, "Lestari", child}, {nipB, "Wibowo", root}}) {
                events.employee(new EmployeeUpserted(employee[0], employee[1], EmploymentType.PNS,
                        PositionLevel.PELAKSANA, employee[2], LocalDate.of(2010, 1, 1), null, 1,
                        List.of(new UnitAssignment(employee[2], LocalDate.of(2010, 1, 1)))));
            }
            events.completion(training(nipA, "12"));
            CompletionRecorded voidable = training(nipB, "30");
            events.completion(voidable);
            projections.awaitHandled(events.completion(training(nipB, "8")));
            Compliance.of(nipA, YEAR).statusCode(200).body("totalJp", jp("12"));
            return new Scope(root, child, nipA, nipB, voidable);
        }
    }

    private static ValidatableResponse live(String nip) {
        return Compliance.request().queryParam("year", YEAR).queryParam("view", "live")
                .get("/api/v1/compliance/employees/{nip}", nip).then().statusCode(200);
    }
}
