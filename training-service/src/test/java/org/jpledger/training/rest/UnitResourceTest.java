package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jpledger.contracts.problem.Problem;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitResourceTest {

    @Test
    void createsAUnitThenUpdatesItAsANewVersion() {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Biro Umum", null))
                .when().put("/api/v1/units/{code}", code)
                .then().statusCode(201).body("code", equalTo(code)).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(unitJson("Biro Umum dan Perlengkapan", null))
                .when().put("/api/v1/units/{code}", code)
                .then().statusCode(200).body("name", equalTo("Biro Umum dan Perlengkapan")).body("version", equalTo(2));
        given().when().get("/api/v1/units/{code}", code)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void keepsTheVersionWhenTheSameStateIsSentAgain() {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Pendidikan", null)).put("/api/v1/units/{code}", code);
        given().contentType(ContentType.JSON).body(unitJson("Dinas Pendidikan", null))
                .when().put("/api/v1/units/{code}", code)
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void rejectsAnUnknownParent() {
        given().contentType(ContentType.JSON).body(unitJson("Seksi", "NO-SUCH-UNIT"))
                .when().put("/api/v1/units/{code}", freshUnit())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("parentCode"));
    }

    @Test
    void rejectsAParentChainThatWouldLoop() {
        String top = freshUnit();
        String middle = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Top", null)).put("/api/v1/units/{code}", top);
        given().contentType(ContentType.JSON).body(unitJson("Middle", top)).put("/api/v1/units/{code}", middle);
        given().contentType(ContentType.JSON).body(unitJson("Top", middle))
                .when().put("/api/v1/units/{code}", top)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].reason", equalTo("would make the unit its own ancestor"));
        given().when().get("/api/v1/units/{code}", top).then().body("parentCode", equalTo(null));
    }

    @Test
    void rejectsABlankNameAndABadCodeWithFieldReasons() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \"}")
                .when().put("/api/v1/units/{code}", "bad code!")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("code"));
    }

    @Test
    void listsTheChildrenOfAUnitByCode() {
        String top = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas", null)).put("/api/v1/units/{code}", top);
        given().contentType(ContentType.JSON).body(unitJson("Bidang B", top)).put("/api/v1/units/{code}", top + "-B");
        given().contentType(ContentType.JSON).body(unitJson("Bidang A", top)).put("/api/v1/units/{code}", top + "-A");
        given().contentType(ContentType.JSON).body(unitJson("Seksi", top + "-A")).put("/api/v1/units/{code}", top + "-A-1");

        given().queryParam("parent", top).when().get("/api/v1/units")
                .then().statusCode(200).body("code", contains(top + "-A", top + "-B"));
        given().queryParam("parent", "NO-SUCH-PARENT").when().get("/api/v1/units").then().statusCode(404);
        given().when().get("/api/v1/units").then().statusCode(200).body("code", hasItem(top))
                .body("code", not(hasItem(top + "-A")));
    }

    @Test
    void returnsTheWholeSubtreeDepthFirstWithDepths() {
        String top = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas", null)).put("/api/v1/units/{code}", top);
        given().contentType(ContentType.JSON).body(unitJson("Bidang B", top)).put("/api/v1/units/{code}", top + "-B");
        given().contentType(ContentType.JSON).body(unitJson("Bidang A", top)).put("/api/v1/units/{code}", top + "-A");
        given().contentType(ContentType.JSON).body(unitJson("Seksi", top + "-A")).put("/api/v1/units/{code}", top + "-A-1");

        given().when().get("/api/v1/units/{code}/subtree", top)
                .then().statusCode(200)
                .body("code", contains(top, top + "-A", top + "-A-1", top + "-B"))
                .body("depth", contains(0, 1, 2, 1))
                .body("parentCode", contains(null, top, top + "-A", top));
        given().when().get("/api/v1/units/{code}/subtree", top + "-A")
                .then().statusCode(200).body("code", contains(top + "-A", top + "-A-1"));
        given().when().get("/api/v1/units/{code}/subtree", "NO-SUCH-UNIT")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void answersAnUnknownUnitWithNotFound() {
        given().when().get("/api/v1/units/{code}", "NEVER-CREATED")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
    }
}
