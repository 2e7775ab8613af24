package org.jpledger.reporting.rest;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;
import static org.jpledger.reporting.LedgerEvents.reviewedAs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The year's counting policy decides which completions count by their verification state: ALL every one not rejected,
 * VERIFIED_ONLY the verified, VERIFIED_OR_TRUSTED the verified and auto-verified; the rest not rejected show as pending
 * beside the counted JP, and a review (completion.reviewed.v1) re-rates the employee and the unit.
 */
@QuarkusTest
class CountingPolicyTest {

    /** Day 183 of 365: linear pacing expects 10.03 of 20 JP by today. */
    private static final LocalDateTime MID_2025 = LocalDateTime.of(2025, 7, 2, 12, 0);
    private static final LocalDate SERVING_SINCE = LocalDate.of(2010, 1, 1);
    private static final LocalDate MAY = LocalDate.of(2025, 5, 1);

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
    private String unit;

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(MID_2025);
        unit = "COUNT-" + UUID.randomUUID();
        projections.awaitHandled(events.unit(unit, "Unit penghitungan", 1));
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void countsEachStateAsTheYearsCountingPolicySaysAndShowsTheRestAsPending() {
        String nip = employee();
        trained(nip, "10", VerificationState.SUBMITTED, List.of());
        trained(nip, "8", VerificationState.VERIFIED, List.of());
        trained(nip, "6", VerificationState.AUTO_VERIFIED, List.of());
        trained(nip, "12", VerificationState.REJECTED, List.of());

        // ALL (the default): everything but the rejected 12 JP counts, nothing waits.
        status(nip).body("totalJp", jp("24")).body("pendingJp", nullValue()).body("status", equalTo("COMPLIANT"))
                .body("completionCount", equalTo(3)).body("completions.size()", equalTo(3));
        figures().body("unit.figures.totalJp", jp("24")).body("unit.figures.compliant", equalTo(1))
                .body("unit.figures.pendingJp", nullValue());

        putPolicy("{\"targetJp\": 20, \"counting\": \"VERIFIED_ONLY\"}").body("counting", equalTo("VERIFIED_ONLY"));
        status(nip).body("totalJp", jp("8")).body("pendingJp", jp("16")).body("status", equalTo("AT_RISK"));
        figures().body("unit.figures.totalJp", jp("8")).body("unit.figures.pendingJp", jp("16"))
                .body("unit.figures.compliant", equalTo(0)).body("unit.figures.atRisk", equalTo(1));

        putPolicy("{\"targetJp\": 20, \"counting\": \"VERIFIED_OR_TRUSTED\"}");
        status(nip).body("totalJp", jp("14")).body("pendingJp", jp("10")).body("status", equalTo("ON_TRACK"));
        figures().body("unit.figures.totalJp", jp("14")).body("unit.figures.pendingJp", jp("10"))
                .body("unit.figures.onTrack", equalTo(1));
    }

    @Test
    void movesTheUnitsComplianceRateAsTheVerifierWorksThroughTheQueue() {
        putPolicy("{\"targetJp\": 20, \"counting\": \"VERIFIED_ONLY\"}");
        String first = employee();
        String second = employee();
        CompletionRecorded firstClaim = trained(first, "20", VerificationState.SUBMITTED, List.of());
        CompletionRecorded secondClaim = trained(second, "20", VerificationState.SUBMITTED, List.of());
        figures().body("unit.figures.complianceRate", jp("0.0000")).body("unit.figures.pendingJp", jp("40"));

        projections.awaitHandled(events.reviewed(reviewedAs(firstClaim, 2, VerificationState.VERIFIED, null)));
        status(first).body("totalJp", jp("20")).body("pendingJp", nullValue()).body("status", equalTo("COMPLIANT"));
        figures().body("unit.figures.complianceRate", jp("0.5000")).body("unit.figures.pendingJp", jp("20"));

        projections.awaitHandled(events.reviewed(reviewedAs(secondClaim, 2, VerificationState.VERIFIED, null)));
        figures().body("unit.figures.complianceRate", jp("1.0000")).body("unit.figures.pendingJp", nullValue());
    }

    @Test
    void neverCountsARejectedCompletionUnderAnyPolicy() {
        String nip = employee();
        CompletionRecorded claim = trained(nip, "20", VerificationState.VERIFIED, List.of());
        status(nip).body("totalJp", jp("20"));

        projections.awaitHandled(events.reviewed(reviewedAs(claim, 2, VerificationState.REJECTED, null)));
        for (String counting : List.of("ALL", "VERIFIED_ONLY", "VERIFIED_OR_TRUSTED")) {
            putPolicy("{\"targetJp\": 20, \"counting\": \"" + counting + "\"}");
            status(nip).body("totalJp", jp("0")).body("pendingJp", nullValue()).body("status", equalTo("AT_RISK"))
                    .body("completions.size()", equalTo(0));
        }
    }

    @Test
    void showsTheJpFlaggedAsPossibleDuplicatesBesideTheCountedOnes() {
        String nip = employee();
        CompletionRecorded lms = trained(nip, "16", VerificationState.SUBMITTED, List.of());
        trained(nip, "16", VerificationState.SUBMITTED, List.of(CompletionFlag.POSSIBLE_DUPLICATE));
        trained(nip, "4", VerificationState.SUBMITTED, List.of(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY));
        projections.awaitHandled(events.reviewed(reviewedAs(lms, 2, VerificationState.SUBMITTED,
                List.of(CompletionFlag.POSSIBLE_DUPLICATE))));

        // Flagged JP still count (a flag is a guess, never a refusal); only possible duplicates are flagged JP.
        status(nip).body("totalJp", jp("36")).body("flaggedJp", jp("32"));
        figures().body("unit.figures.flaggedJp", jp("32"));

        // The flag cleared on one of them: it is no longer flagged.
        projections.awaitHandled(events.reviewed(reviewedAs(lms, 3, VerificationState.SUBMITTED, List.of())));
        status(nip).body("flaggedJp", jp("16"));
        figures().body("unit.figures.flaggedJp", jp("16"));
    }

    @Test
    void refusesACountingPolicyItDoesNotKnowNamingTheField() {
        Compliance.request().contentType(ContentType.JSON).body("{\"targetJp\": 20, \"counting\": \"SOME\"}")
                .put("/api/v1/policies/{year}/units/{code}", 2025, unit).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(startsWith("counting")));
        Compliance.request().get("/api/v1/policies/{year}/units/{code}", 2025, unit).then().statusCode(404);
        Compliance.request().get("/api/v1/policies/{year}", 2063).then().statusCode(200)
                .body("counting", equalTo("ALL"));
    }

    private String employee() {
        String nip = freshNip();
        projections.awaitHandled(events.employee(new EmployeeUpserted(nip, "Pegawai " + nip, EmploymentType.PNS,
                PositionLevel.PELAKSANA, unit, SERVING_SINCE, null, 1,
                List.of(new UnitAssignment(unit, SERVING_SINCE)))));
        return nip;
    }

    private CompletionRecorded trained(String nip, String jp, VerificationState state, List<CompletionFlag> flags) {
        CompletionRecorded claim = reviewedAs(completionOf(nip, jp, MAY, CompetencyType.TEKNIS, TrainingMethod.KLASIKAL,
                DeliveryMode.LURING), 1, state, flags);
        projections.awaitHandled(events.completion(claim));
        return claim;
    }

    private ValidatableResponse putPolicy(String body) {
        return Compliance.request().contentType(ContentType.JSON).body(body)
                .put("/api/v1/policies/{year}/units/{code}", 2025, unit).then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static ValidatableResponse status(String nip) {
        return Compliance.of(nip, 2025).statusCode(200);
    }

    private ValidatableResponse figures() {
        return Compliance.request().queryParam("year", 2025).get("/api/v1/compliance/units/{code}", unit).then()
                .statusCode(200);
    }
}
