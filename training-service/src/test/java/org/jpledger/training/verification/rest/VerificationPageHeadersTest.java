package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The verifier's page is served to anyone (it holds no data) under a policy that lets it show only its own blobs. */
@QuarkusTest
class VerificationPageHeadersTest {

    @Test
    void servesThePageWithoutATokenUnderAStrictContentSecurityPolicy() {
        given().get("/verification/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(VerificationPageHeaders.POLICY))
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .body(containsString("<script type=\"module\" src=\"verification.js\"></script>"));
        given().get("/verification/verification.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-src blob:"));
    }
}
