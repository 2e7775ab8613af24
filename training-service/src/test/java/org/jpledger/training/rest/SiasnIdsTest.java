package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.outbox.OutboxEvent;
import org.jpledger.training.outbox.OutboxRepository;
import org.junit.jupiter.api.Test;

/** SIASN's own ids on the roster: the person id of an employee and the agency id of a root unit. */
@QuarkusTest
class SiasnIdsTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void keepsAnEmployeesSiasnPersonIdAndPublishesIt() throws Exception {
        String unit = root("Dinas Kesehatan", null);
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(withField(employeeJson(unit), "pnsOrangId", "A8ACA7397AEB3912E040640A040269BB"))
                .put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201).body("pnsOrangId", equalTo("A8ACA7397AEB3912E040640A040269BB"));
        assertThat(last(nip).path("pnsOrangId").asText()).isEqualTo("A8ACA7397AEB3912E040640A040269BB");
        given().get("/api/v1/employees/{nip}", nip).then().body("pnsOrangId", equalTo("A8ACA7397AEB3912E040640A040269BB"));

        // A change of the id alone is a new version; leaving it out clears it.
        given().contentType(ContentType.JSON).body(withField(employeeJson(unit), "pnsOrangId", "8ae48365-6d4b-4b1b"))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(200).body("version", equalTo(2));
        given().contentType(ContentType.JSON).body(employeeJson(unit))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(200).body("version", equalTo(3))
                .body("pnsOrangId", nullValue());
        assertThat(last(nip).path("pnsOrangId").isNull()).isTrue();
    }

    @Test
    void refusesAPersonIdThatIsNotLettersDigitsAndDashesOrTooLong() {
        String unit = root("Dinas Sosial", null);
        String nip = freshNip();
        for (String bad : new String[] {"A8 ACA", "id/../x", "x".repeat(65)}) {
            given().contentType(ContentType.JSON).body(withField(employeeJson(unit), "pnsOrangId", bad))
                    .put("/api/v1/employees/{nip}", nip)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("pnsOrangId"));
        }
        given().get("/api/v1/employees/{nip}", nip).then().statusCode(404);
    }

    @Test
    void keepsTheSiasnAgencyIdOfARootUnitAndPublishesIt() throws Exception {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(withField(unitJson("Pemerintah Provinsi", null), "instansiId",
                "A5EB03E23C0BF6A0E040640A040252AD")).put("/api/v1/units/{code}", code)
                .then().statusCode(201).body("instansiId", equalTo("A5EB03E23C0BF6A0E040640A040252AD"));
        assertThat(last(code).path("instansiId").asText()).isEqualTo("A5EB03E23C0BF6A0E040640A040252AD");
        given().contentType(ContentType.JSON).body(unitJson("Pemerintah Provinsi", null))
                .put("/api/v1/units/{code}", code).then().statusCode(200).body("instansiId", nullValue());
    }

    @Test
    void refusesAnAgencyIdOnAUnitWithAParentOrOfTheWrongShape() {
        String parent = root("Pemerintah Kabupaten", null);
        String child = freshUnit();
        given().contentType(ContentType.JSON).body(withField(unitJson("Dinas", parent), "instansiId", "A5EB03E2"))
                .put("/api/v1/units/{code}", child)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("instansiId"));
        given().contentType(ContentType.JSON).body(withField(unitJson("Dinas", null), "instansiId", "A5;EB"))
                .put("/api/v1/units/{code}", child)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("instansiId"));
        given().get("/api/v1/units/{code}", child).then().statusCode(404);
    }

    private static String root(String name, String parent) {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson(name, parent)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);
        return code;
    }

    private static String withField(String json, String field, String value) {
        return json.substring(0, json.lastIndexOf('}')) + ",\"" + field + "\":\"" + value + "\"}";
    }

    private JsonNode last(String key) throws Exception {
        OutboxEvent event = QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey = ?1 order by id desc", key).firstResult());
        return mapper.readTree(event.payload).path("data");
    }
}
