package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;

/** Units and employees put through training-service's API: how system tests set up the organisation they judge. */
final class StackRoster {

    private StackRoster() {
    }

    /** Creates or updates unit {@code code} under {@code parent} (null for a root). */
    static void unit(String training, String code, String name, String parent) {
        given().baseUri(training).contentType(ContentType.JSON)
                .body(parent == null ? "{\"name\":\"%s\"}".formatted(name)
                        : "{\"name\":\"%s\",\"parentCode\":\"%s\"}".formatted(name, parent))
                .put("/api/v1/units/{code}", code).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** Creates or updates a PNS pelaksana of {@code unit}, in service since 2010. */
    static void employee(String training, String nip, String name, String unit) {
        given().baseUri(training).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","employmentType":"PNS","positionLevel":"PELAKSANA","unitCode":"%s",
                         "employedFrom":"2010-01-01"}""".formatted(name, unit))
                .put("/api/v1/employees/{nip}", nip).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }
}
