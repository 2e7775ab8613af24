package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.xapi.rest.StatementCompletionTest.onlyCompletionOf;
import static org.jpledger.training.xapi.rest.StatementCompletionTest.outcomeOf;
import static org.jpledger.training.xapi.rest.Xapi.completed;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jpledger.training.TestData;
import org.junit.jupiter.api.Test;

/**
 * A statement's timestamp is dated in the zone of the employee's unit, so New Year's night in Papua lands in the new
 * training year; and a statement is held to the same plausibility rules as the REST API.
 */
@QuarkusTest
class StatementTimeZoneTest {

    private static final String NEW_YEARS_NIGHT_IN_PAPUA = "2026-12-31T16:30:00.000Z";

    @Test
    void datesATimestampInTheEmployeesUnitsZone() {
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2027-01-02T03:00:00Z"), ZoneOffset.UTC), Clock.class);
        String papua = freshUnit();
        given().contentType(ContentType.JSON).body("{\"name\":\"Pemprov Papua\",\"timeZone\":\"Asia/Jayapura\"}")
                .put("/api/v1/units/{code}", papua).then().statusCode(201);
        String papuan = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(papua)).put("/api/v1/employees/{nip}", papuan)
                .then().statusCode(201);
        String javanese = TestData.registeredEmployee();

        lms().body(atNewYearsNight(papuan)).post("/xapi/statements").then().statusCode(200);
        lms().body(atNewYearsNight(javanese)).post("/xapi/statements").then().statusCode(200);

        Map<String, Object> inPapua = onlyCompletionOf(papuan);
        assertThat(inPapua).containsEntry("endDate", "2027-01-01").containsEntry("year", 2027);
        assertThat(onlyCompletionOf(javanese)).containsEntry("endDate", "2026-12-31").containsEntry("year", 2026);
    }

    @Test
    void aStatementWithMoreDaysThanItsDatesIsNotACompletion() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();
        // A three-day seminar (kind 9, rated by days) with no start date: it starts and ends on the timestamp's day.
        String statement = completed(id, nip, "\"duration\":\"P3D\"")
                .replace("\"https://jpledger.id/xapi/extensions/kind\":16", "\"https://jpledger.id/xapi/extensions/kind\":9");

        lms().body(statement).post("/xapi/statements").then().statusCode(200);

        JsonPath outcome = outcomeOf(id);
        assertThat(outcome.getString("outcome")).isEqualTo("UNMAPPED");
        assertThat(outcome.getString("reason")).startsWith("days: must not exceed");
    }

    private static String atNewYearsNight(String nip) {
        return completed(UUID.randomUUID(), nip).replace("2026-03-05T09:30:00+07:00", NEW_YEARS_NIGHT_IN_PAPUA);
    }
}
