package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.Test;

/**
 * A unit's time zone: stored, returned and published; one of Indonesia's three or refused; inherited from the parent.
 * "Not in the future" is judged in the zone of the employee's unit.
 */
@QuarkusTest
class UnitTimeZoneTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    private static String unit(String name, String parentCode, String timeZone) {
        return "{\"name\":\"" + name + "\"" + (parentCode == null ? "" : ",\"parentCode\":\"" + parentCode + "\"")
                + (timeZone == null ? "" : ",\"timeZone\":\"" + timeZone + "\"") + "}";
    }

    @Test
    void storesReturnsAndPublishesTheUnitsZone() throws Exception {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unit("Pemprov Papua", null, "Asia/Jayapura"))
                .put("/api/v1/units/{code}", code).then().statusCode(201).body("timeZone", equalTo("Asia/Jayapura"));
        given().contentType(ContentType.JSON).body(unit("Pemprov Papua", null, "Asia/Makassar"))
                .put("/api/v1/units/{code}", code).then().statusCode(200).body("version", equalTo(2));

        given().get("/api/v1/units/{code}", code).then().statusCode(200).body("timeZone", equalTo("Asia/Makassar"));
        OutboxEvent last = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", code).firstResult());
        JsonNode event = mapper.readTree(last.payload);
        assertThat(event.at("/data/version").asLong()).isEqualTo(2);
        assertThat(event.at("/data/timeZone").asText()).isEqualTo("Asia/Makassar");
    }

    @Test
    void aUnitWithoutAZoneShowsNone() {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unit("Dinas", null, null))
                .put("/api/v1/units/{code}", code).then().statusCode(201).body("timeZone", nullValue());
    }

    @Test
    void refusesAZoneOutsideIndonesiasThreeNamingTheField() {
        given().contentType(ContentType.JSON).body(unit("Dinas", null, "Europe/Berlin"))
                .put("/api/v1/units/{code}", freshUnit()).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("timeZone"));
        given().contentType(ContentType.JSON).body(unit("Dinas", null, "WIT"))
                .put("/api/v1/units/{code}", freshUnit()).then().statusCode(400)
                .body("errors.field", contains("timeZone"));
    }

    @Test
    void acceptsARecordDatedTodayInPapuaJustAfterMidnightWit() {
        // 00:30 WIT on 11 June 2026 is 15:30 UTC on 10 June, and 22:30 on 10 June in Jakarta.
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2026-06-10T15:30:00Z"), ZoneOffset.UTC), Clock.class);
        String province = freshUnit();
        String puskesmas = freshUnit();
        given().contentType(ContentType.JSON).body(unit("Pemprov Papua", null, "Asia/Jayapura"))
                .put("/api/v1/units/{code}", province).then().statusCode(201);
        // No zone of its own: the parent's.
        given().contentType(ContentType.JSON).body(unit("Puskesmas Abepura", province, null))
                .put("/api/v1/units/{code}", puskesmas).then().statusCode(201);
        String papuan = employeeIn(puskesmas);
        String javanese = employeeIn(jakartaUnit());

        given().contentType(ContentType.JSON).body(sameDay(papuan, "2026-06-11")).post("/api/v1/completions")
                .then().statusCode(201).body("endDate", equalTo("2026-06-11"));
        given().contentType(ContentType.JSON).body(sameDay(javanese, "2026-06-11")).post("/api/v1/completions")
                .then().statusCode(400).body("errors.field", contains("endDate"))
                .body("errors.reason", contains("must not be in the future (Asia/Jakarta)"));
    }

    private static String jakartaUnit() {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unit("Dinas Kominfo", null, null))
                .put("/api/v1/units/{code}", code).then().statusCode(201);
        return code;
    }

    private static String employeeIn(String unitCode) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unitCode)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }

    private static String sameDay(String nip, String day) {
        return completionJson(nip, "tz-" + UUID.randomUUID()).replace("2026-03-02", day).replace("2026-03-05", day)
                .replace("\"jp\":24", "\"jp\":4");
    }
}
