package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing completions: filters, a unit's whole subtree, and stable keyset pages. */
@QuarkusTest
class CompletionListingTest {

    private String top;
    private String child;
    private String nipInTop;
    private String nipInChild;

    @BeforeEach
    void province() {
        top = freshUnit();
        child = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas", null)).put("/api/v1/units/{c}", top).then().statusCode(201);
        given().contentType(ContentType.JSON).body(unitJson("Bidang", top)).put("/api/v1/units/{c}", child)
                .then().statusCode(201);
        nipInTop = employeeIn(top);
        nipInChild = employeeIn(child);
    }

    @Test
    void pagesThroughAnEmployeesCompletionsInRecordingOrderWithoutGapsOrRepeats() {
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(record(nipInTop, "2026-02-0" + (i + 1)));
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("nip", nipInTop).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/completions").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(recorded);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void coversTheWholeSubtreeOfAUnit() {
        String inTop = record(nipInTop, "2026-02-01");
        String inChild = record(nipInChild, "2026-02-01");

        List<String> underTop = given().queryParam("unitCode", top).get("/api/v1/completions")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        List<String> underChild = given().queryParam("unitCode", child).get("/api/v1/completions")
                .then().statusCode(200).extract().jsonPath().getList("items.id");

        assertThat(underTop).containsExactly(inTop, inChild);
        assertThat(underChild).containsExactly(inChild);
    }

    @Test
    void filtersByEndDateRangeAndStatus() {
        String january = record(nipInTop, "2026-01-15");
        String march = record(nipInTop, "2026-03-15");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"duplicate\"}")
                .post("/api/v1/completions/{id}/void", march).then().statusCode(200);

        assertThat(ids("nip", nipInTop, "from", "2026-02-01")).containsExactly(march);
        assertThat(ids("nip", nipInTop, "to", "2026-01-31")).containsExactly(january);
        assertThat(ids("nip", nipInTop, "status", "VOIDED")).containsExactly(march);
        assertThat(ids("nip", nipInTop, "status", "ACTIVE")).containsExactly(january);
    }

    @Test
    void rejectsBadFiltersWithTheFieldNamed() {
        for (String[] bad : new String[][] {{"limit", "0"}, {"limit", "501"}, {"limit", "ten"}, {"from", "1 Jan"},
            {"status", "DELETED"}, {"cursor", "not-a-cursor"}, {"nip", "123"}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/v1/completions")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem(bad[0]));
        }
    }

    private List<String> ids(String... filters) {
        var request = given();
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/api/v1/completions").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static String employeeIn(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }

    private static String record(String nip, String endDate) {
        return given().contentType(ContentType.JSON)
                .body(completionJson(nip, "list-" + UUID.randomUUID()).replace("2026-03-02", endDate)
                        .replace("2026-03-05", endDate))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }
}
