package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.junit.jupiter.api.Test;

/** The recognition rule table is data: seeded from Perlan 10/2018, replaced as a new version for future records. */
@QuarkusTest
class RecognitionRuleResourceTest {

    private static final String PERLAN = """
            {"internationalFactor":1.20,"dayRates":[{"kindId":9,"jpPerDay":4,"jpPerDayInternational":6},
             {"kindId":4,"jpPerDay":5,"jpPerDayInternational":7}]}""";

    @Test
    void seedsThePerlanDefaults() {
        given().when().get("/api/v1/admin/recognition-rules/1")
                .then().statusCode(200)
                .body("internationalFactor", equalTo(1.2f))
                .body("dayRates.find { it.kindId == 9 }.jpPerDay", equalTo(4.0f))
                .body("dayRates.find { it.kindId == 4 }.jpPerDayInternational", equalTo(7.0f));
    }

    @Test
    void appliesAReplacedTableToNewRecordsAndKeepsTheOldRecordsAsRecognised() {
        String nip = registeredEmployee();
        String seminar = completionJson(nip, "rule-" + UUID.randomUUID())
                .replace("\"kindId\":3", "\"kindId\":9").replace("\"jp\":24", "\"days\":2");
        String before = given().contentType(ContentType.JSON).body(seminar).post("/api/v1/completions")
                .then().statusCode(201).extract().path("id");
        int oldVersion = given().get("/api/v1/admin/recognition-rules").then().extract().path("version");

        int newVersion = given().contentType(ContentType.JSON)
                .body(PERLAN.replace("\"jpPerDay\":4", "\"jpPerDay\":3"))
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(201).body("createdBy", equalTo(TestTokens.TEST_SUITE)).extract().path("version");
        try {
            given().contentType(ContentType.JSON)
                    .body(seminar.replace("\"externalId\":\"rule-", "\"externalId\":\"rule2-"))
                    .when().post("/api/v1/completions")
                    .then().statusCode(201).body("recognizedJp", equalTo(6.0f)).body("ruleVersion", equalTo(newVersion));
            given().when().get("/api/v1/completions/{id}", before)
                    .then().body("recognizedJp", equalTo(8.0f)).body("ruleVersion", equalTo(oldVersion));
        } finally {
            given().contentType(ContentType.JSON).body(PERLAN).put("/api/v1/admin/recognition-rules").then().statusCode(201);
        }
    }

    @Test
    void rejectsAnInvalidTableWithoutStoringAVersion() {
        int current = given().get("/api/v1/admin/recognition-rules").then().extract().path("version");
        given().contentType(ContentType.JSON)
                .body("""
                        {"internationalFactor":0.5,"dayRates":[{"kindId":9,"jpPerDay":4,"jpPerDayInternational":6},
                         {"kindId":9,"jpPerDay":5,"jpPerDayInternational":7},{"kindId":30,"jpPerDay":0,"jpPerDayInternational":7}]}""")
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("internationalFactor"))
                .body("errors.field", hasItem("dayRates[2].kindId"))
                .body("errors.field", hasItem("dayRates[2].jpPerDay"));
        given().contentType(ContentType.JSON)
                .body(PERLAN.replace("\"kindId\":4", "\"kindId\":9"))
                .when().put("/api/v1/admin/recognition-rules")
                .then().statusCode(400).body("errors.field", hasItem("dayRates[1].kindId"));
        given().get("/api/v1/admin/recognition-rules").then().body("version", equalTo(current));
    }
}
