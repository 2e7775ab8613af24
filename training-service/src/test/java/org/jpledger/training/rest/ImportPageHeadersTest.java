package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The upload page is served to anyone (it holds no data) with headers that keep it to its own scripts and origin. */
@QuarkusTest
class ImportPageHeadersTest {

    @Test
    void servesThePageWithoutATokenUnderAStrictContentSecurityPolicy() {
        given().get("/imports/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(ImportPageHeaders.POLICY))
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .body(containsString("<script type=\"module\" src=\"imports.js\"></script>"));
        given().get("/imports/imports.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self'"));
    }

    @Test
    void leavesTheApiWithoutThePageHeaders() {
        given().get("/q/health/live").then().header("Content-Security-Policy", nullValue());
    }
}
