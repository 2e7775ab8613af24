package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.Compliance.jp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.service.PolicyService;
import org.junit.jupiter.api.Test;

/**
 * A year's policy, national or of a unit's subtree: the defaults until one is stored, replaced whole, versioned, and
 * refused when invalid.
 */
@QuarkusTest
class PolicyResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void answersTheDefaultsForAYearWithoutAPolicy() {
        policy(2041).statusCode(200).body("year", equalTo(2041)).body("isDefault", equalTo(true))
                .body("targetJp", jp("20")).body("minutesPerJp", equalTo(45)).body("prorate", equalTo(true))
                .body("version", equalTo(0)).body("updatedAt", nullValue());
    }

    @Test
    void storesAPolicyAsVersionsAndIgnoresTheSameOneAgain() {
        String body = """
                {"targetJp": 24, "targetByEmploymentType": {"PPPK": 24}, "targetByPositionLevel": {"FUNGSIONAL": 30},
                 "minutesPerJp": 45, "prorate": false}""";
        put(2042, body).statusCode(201).body("version", equalTo(1)).body("isDefault", equalTo(false))
                .body("targetByEmploymentType.PPPK", jp("24")).body("targetByPositionLevel.FUNGSIONAL", jp("30"))
                .body("updatedAt", notNullValue());
        put(2042, body).statusCode(200).body("version", equalTo(1));
        put(2042, """
                {"targetJp": 20}""").statusCode(200).body("version", equalTo(2)).body("minutesPerJp", equalTo(45))
                .body("prorate", equalTo(true)).body("targetByPositionLevel.size()", equalTo(0));
        policy(2042).statusCode(200).body("version", equalTo(2)).body("targetJp", jp("20"));
    }

    @Test
    void refusesAnInvalidPolicyNamingTheFieldAndKeepsTheStoredOne() {
        put(2043, """
                {"targetJp": 20}""").statusCode(201);
        invalid(2043, "{\"targetJp\": 0}", "targetJp");
        invalid(2043, "{\"targetJp\": 20.123}", "targetJp");
        invalid(2043, "{}", "targetJp");
        invalid(2043, "{\"targetJp\": 20, \"minutesPerJp\": 0}", "minutesPerJp");
        invalid(2043, "{\"targetJp\": 20, \"minutesPerJp\": 60}", "minutesPerJp");
        invalid(2043, "{\"targetJp\": 20, \"targetHours\": 40}", "targetHours");
        invalid(2043, "{\"targetHours\": 0}", "targetHours");
        invalid(2043, "{\"targetJp\": 20, \"pacing\": \"QUARTERLY\"}", "quarterFractions");
        invalid(2043, "{\"targetJp\": 20, \"pacing\": \"QUARTERLY\", \"quarterFractions\": [0.5, 0.4, 0.7, 1]}",
                "quarterFractions");
        invalid(2043, "{\"targetJp\": 20, \"pacing\": \"QUARTERLY\", \"quarterFractions\": [0.1, 0.4, 0.7, 0.9]}",
                "quarterFractions");
        invalid(2043, "{\"targetJp\": 20, \"pacing\": \"QUARTERLY\", \"quarterFractions\": [0.1, 0.4, 1]}",
                "quarterFractions");
        invalid(2043, "{\"targetJp\": 20, \"quarterFractions\": [0.1, 0.4, 0.7, 1]}", "quarterFractions");
        invalid(2043, "{\"targetJp\": 20, \"pacing\": \"GRACE\"}", "atRiskFromMonth");
        invalid(2043, "{\"targetJp\": 20, \"pacing\": \"GRACE\", \"atRiskFromMonth\": 13}", "atRiskFromMonth");
        invalid(2043, "{\"targetJp\": 20, \"atRiskFromMonth\": 4}", "atRiskFromMonth");
        invalid(2043, "{\"targetJp\": 20, \"capByEmploymentType\": {\"PPPK\": 0}}", "capByEmploymentType");
        put(2043, "{\"targetJp\": 20, \"pacing\": \"WEEKLY\"}").statusCode(400).contentType(Problem.MEDIA_TYPE);
        put(2043, "{\"targetJp\": 20, \"leavers\": \"IGNORE\"}").statusCode(400).contentType(Problem.MEDIA_TYPE);
        invalid(2043, "{\"targetJp\": 20, \"targetByPositionLevel\": {\"JPT_PRATAMA\": -1}}", "targetByPositionLevel");
        put(2043, "{\"targetJp\": 20, \"targetByEmploymentType\": {\"HONORER\": 10}}").statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        put(2043, "{\"targetJp\": 20, \"ceiling\": 40}").statusCode(400).contentType(Problem.MEDIA_TYPE);
        put(2043, "{\"targetJp\": ").statusCode(400).contentType(Problem.MEDIA_TYPE);
        put(1999, "{\"targetJp\": 20}").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("year"));
        policy(2043).statusCode(200).body("version", equalTo(1)).body("targetJp", jp("20"));
    }

    @Test
    void convertsATargetInHoursToJpRoundingUpAndShowsTheReferenceMinutes() {
        // 40 hours x 60 / 45 minutes = 53.33 JP, rounded up to 54.
        put(2045, "{\"targetHours\": 40}").statusCode(201).body("targetJp", jp("54")).body("targetHours", jp("40"))
                .body("minutesPerJp", equalTo(45));
        put(2045, "{\"targetJp\": 20, \"minutesPerJp\": 45}").statusCode(200).body("targetHours", nullValue())
                .body("targetJp", jp("20"));
    }

    @Test
    void storesPacingLeaversAndCapsAndShowsTheirDefaults() {
        policy(2046).statusCode(200).body("pacing", equalTo("LINEAR")).body("leavers", equalTo("PRORATE"))
                .body("capByEmploymentType.size()", equalTo(0)).body("unitCode", nullValue());
        put(2046, """
                {"targetJp": 20, "pacing": "QUARTERLY", "quarterFractions": [0.1, 0.4, 0.7, 1], "leavers": "EXCLUDE",
                 "capByEmploymentType": {"PPPK": 24, "PPPK_PARUH_WAKTU": 24}}""").statusCode(201)
                .body("pacing", equalTo("QUARTERLY")).body("quarterFractions[1]", jp("0.4"))
                .body("leavers", equalTo("EXCLUDE")).body("capByEmploymentType.PPPK_PARUH_WAKTU", jp("24"));
        put(2046, "{\"targetJp\": 20, \"pacing\": \"GRACE\", \"atRiskFromMonth\": 4}").statusCode(200)
                .body("version", equalTo(2)).body("atRiskFromMonth", equalTo(4)).body("quarterFractions", nullValue());
    }

    @Test
    void storesReplacesListsAndDeletesThePolicyOfAUnitsSubtree() {
        String unit = knownUnit();
        unitPolicy(2047, unit).statusCode(404).contentType(Problem.MEDIA_TYPE);
        putOfUnit(2047, unit, "{\"targetHours\": 40}").statusCode(201).body("unitCode", equalTo(unit))
                .body("targetJp", jp("54")).body("version", equalTo(1));
        putOfUnit(2047, unit, "{\"targetHours\": 40}").statusCode(200).body("version", equalTo(1));
        putOfUnit(2047, unit, "{\"targetJp\": 20}").statusCode(200).body("version", equalTo(2));
        unitPolicy(2047, unit).statusCode(200).body("targetJp", jp("20"));
        Compliance.request().get("/api/v1/policies/{year}/units", 2047).then().statusCode(200)
                .body("unitCode", hasItem(unit));
        policy(2047).statusCode(200).body("isDefault", equalTo(true));
        putOfUnit(2047, unit, "{\"targetJp\": 20, \"minutesPerJp\": 50}").statusCode(400)
                .body("errors.field", hasItem("minutesPerJp"));
        Compliance.request().delete("/api/v1/policies/{year}/units/{code}", 2047, unit).then().statusCode(204);
        unitPolicy(2047, unit).statusCode(404);
        Compliance.request().delete("/api/v1/policies/{year}/units/{code}", 2047, unit).then().statusCode(404);
        putOfUnit(2047, "NO-SUCH-UNIT-" + UUID.randomUUID(), "{\"targetJp\": 20}").statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void refusesTheUnitPolicyBeyondTheMostAYearMayHold() {
        String unit = knownUnit();
        Sql.execute(dataSource, """
                INSERT INTO unit_policy (year, unit_code, target_jp, target_by_employment_type, target_by_position_level,
                                         minutes_per_jp, prorate, version, updated_at)
                SELECT 2048, 'FILLER-' || n, 20, '{}', '{}', 45, true, 1, now() FROM generate_series(1, ?) n""",
                PolicyService.MAX_UNIT_POLICIES_PER_YEAR - 1);
        try {
            putOfUnit(2048, unit, "{\"targetJp\": 20}").statusCode(201);
            String another = knownUnit();
            putOfUnit(2048, another, "{\"targetJp\": 20}").statusCode(409).contentType(Problem.MEDIA_TYPE);
            unitPolicy(2048, another).statusCode(404);
            // Replacing one already stored is no new policy.
            putOfUnit(2048, unit, "{\"targetJp\": 24}").statusCode(200);
        } finally {
            Sql.execute(dataSource, "DELETE FROM unit_policy WHERE year = ?", 2048);
        }
    }

    /** A unit known to reporting, inserted as the consumer would. */
    private String knownUnit() {
        String code = "POLICY-UNIT-" + UUID.randomUUID();
        Sql.execute(dataSource, "INSERT INTO unit (code, name, version) VALUES (?, 'Unit', 1)", code);
        return code;
    }

    private static ValidatableResponse unitPolicy(int year, String code) {
        return Compliance.request().get("/api/v1/policies/{year}/units/{code}", year, code).then();
    }

    private static ValidatableResponse putOfUnit(int year, String code, String body) {
        return Compliance.request().contentType(ContentType.JSON).body(body)
                .put("/api/v1/policies/{year}/units/{code}", year, code).then();
    }

    private static ValidatableResponse policy(int year) {
        return Compliance.request().get("/api/v1/policies/{year}", year).then();
    }

    private static ValidatableResponse put(int year, String body) {
        return Compliance.request().contentType(ContentType.JSON).body(body).put("/api/v1/policies/{year}", year).then();
    }

    private static void invalid(int year, String body, String field) {
        put(year, body).statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(
                org.hamcrest.Matchers.startsWith(field)));
    }
}
