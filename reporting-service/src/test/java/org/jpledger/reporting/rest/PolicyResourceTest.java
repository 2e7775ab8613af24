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
import org.jpledger.contracts.problem.Problem;
import org.jpledger.reporting.Compliance;
import org.junit.jupiter.api.Test;

/** A year's policy: the defaults until one is stored, replaced whole, versioned, and refused when invalid. */
@QuarkusTest
class PolicyResourceTest {

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
                 "minutesPerJp": 60, "prorate": false}""";
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
        invalid(2043, "{\"targetJp\": 20, \"targetByPositionLevel\": {\"JPT_PRATAMA\": -1}}", "targetByPositionLevel");
        put(2043, "{\"targetJp\": 20, \"targetByEmploymentType\": {\"HONORER\": 10}}").statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        put(2043, "{\"targetJp\": 20, \"ceiling\": 40}").statusCode(400).contentType(Problem.MEDIA_TYPE);
        put(2043, "{\"targetJp\": ").statusCode(400).contentType(Problem.MEDIA_TYPE);
        put(1999, "{\"targetJp\": 20}").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("year"));
        policy(2043).statusCode(200).body("version", equalTo(1)).body("targetJp", jp("20"));
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
