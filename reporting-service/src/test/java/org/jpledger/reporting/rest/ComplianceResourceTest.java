package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.junit.jupiter.api.Test;

/** The compliance endpoint's answers to good and bad requests. */
@QuarkusTest
class ComplianceResourceTest {

    private static final String PATH = "/api/v1/compliance/employees/{nip}";
    private static final String VALID_NIP = "198503122010012003";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void answersForTheCurrentYearInJakartaWhenNoYearIsGiven() {
        String nip = freshNip();
        try (LedgerEvents events = new LedgerEvents(bootstrapServers, mapper)) {
            events.employee(nip, "Sri Wahyuni", 1);
        }

        Compliance.awaitUntil(nip, null, answer -> answer
                .body("year", equalTo(TrainingCalendar.today(Clock.systemUTC()).getYear()))
                .body("name", equalTo("Sri Wahyuni"))
                .body("totalJp", Compliance.jp("0"))
                .body("completionCount", equalTo(0))
                .body("lastCompletionDate", nullValue()));
    }

    @Test
    void rejectsANipThatIsNot18Digits() {
        given().when().get(PATH, "12345")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", contains("nip"))
                .body("errors.reason", contains("must be exactly 18 digits"));
    }

    @Test
    void rejectsAYearBefore2000() {
        given().queryParam("year", 1999).when().get(PATH, VALID_NIP)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("year"))
                .body("errors.reason", contains("must be a year from 2000 to 2100"));
    }

    @Test
    void rejectsAYearAfter2100() {
        given().queryParam("year", 2101).when().get(PATH, VALID_NIP)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("year"));
    }

    @Test
    void rejectsAYearThatIsNotANumber() {
        given().queryParam("year", "abc").when().get(PATH, VALID_NIP)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("errors.field", contains("year"))
                .body("errors.reason", contains("must be a whole number"));
    }

    @Test
    void rejectsAYearTooLargeForANumber() {
        given().queryParam("year", "99999999999").when().get(PATH, VALID_NIP)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", contains("year"));
    }

    @Test
    void namesEveryInvalidParameterAtOnce() {
        given().queryParam("year", 1800).when().get(PATH, "not-a-nip")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("nip", "year"));
    }

    @Test
    void answers404ForAnEmployeeReportingDoesNotKnow() {
        given().when().get(PATH, "199001012015031999")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No employee with this NIP is known to reporting within your units."));
    }

    @Test
    void answersAProblemForAnUnknownPath() {
        given().when().get("/api/v1/compliance/units")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }

    @Test
    void answersAProblemForAMethodTheEndpointDoesNotAllow() {
        given().when().delete(PATH, VALID_NIP)
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(405));
    }
}
