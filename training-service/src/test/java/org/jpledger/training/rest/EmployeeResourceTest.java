package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jpledger.contracts.problem.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmployeeResourceTest {

    private String unit;

    @BeforeEach
    void unit() {
        unit = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Kesehatan", null)).put("/api/v1/units/{code}", unit)
                .then().statusCode(201);
    }

    @Test
    void registersAnEmployeeAndVersionsEachChange() {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit))
                .when().put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201).body("nip", equalTo(nip)).body("version", equalTo(1))
                .body("employmentType", equalTo("PNS"));
        given().contentType(ContentType.JSON)
                .body(employeeJson(unit).replace("\"employedFrom\":\"2010-01-01\"",
                        "\"employedFrom\":\"2010-01-01\",\"employedUntil\":\"2026-06-30\""))
                .when().put("/api/v1/employees/{nip}", nip)
                .then().statusCode(200).body("version", equalTo(2)).body("employedUntil", equalTo("2026-06-30"));
        given().when().get("/api/v1/employees/{nip}", nip).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void rejectsAPnsNipWithAnImpossibleBirthDate() {
        given().contentType(ContentType.JSON).body(employeeJson(unit))
                .when().put("/api/v1/employees/{nip}", "198513122010012003")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("nip"));
        given().when().get("/api/v1/employees/{nip}", "198513122010012003").then().statusCode(404);
    }

    @Test
    void rejectsANipThatIsNotEighteenDigits() {
        given().contentType(ContentType.JSON).body(employeeJson(unit))
                .when().put("/api/v1/employees/{nip}", "12345")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("nip"));
    }

    @Test
    void rejectsAnUnknownUnitAndAPeriodEndingBeforeItStarts() {
        String body = """
                {"name":"Budi","employmentType":"PPPK","positionLevel":"FUNGSIONAL","unitCode":"NO-SUCH-UNIT",
                 "employedFrom":"2024-01-01","employedUntil":"2023-12-31"}""";
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/employees/{nip}", freshNip())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("unitCode", "employedUntil"));
    }

    @Test
    void rejectsAnUnknownEnumValueNamingTheAllowedOnes() {
        given().contentType(ContentType.JSON).body(employeeJson(unit).replace("PELAKSANA", "MENTERI"))
                .when().put("/api/v1/employees/{nip}", freshNip())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("positionLevel"))
                .body("errors[0].reason", equalTo(
                        "must be one of JPT_UTAMA, JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL"));
    }

    @Test
    void rejectsMissingRequiredFields() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Budi\"}")
                .when().put("/api/v1/employees/{nip}", freshNip())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("employmentType", "positionLevel", "unitCode", "employedFrom"));
    }
}
