package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's page and settings are served without a token, with its security headers. */
@QuarkusTest
class DashboardResourceTest {

    @Test
    void sendsTheAddressWithoutSlashToThePage() {
        given().redirects().follow(false).get("/dashboard").then().statusCode(303)
                .header("Location", endsWith("/dashboard/"));
    }

    @Test
    void servesThePageWithItsSecurityHeadersAndTheChartLibrary() {
        String page = given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache")).extract().asString();
        String library = page.replaceAll("(?s).*<script src=\"(/webjars/echarts/[^\"]+)\".*", "$1");
        given().get(library).then().statusCode(200).body(containsString("echarts"));
        given().get("/dashboard/dashboard.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void tellsTheDashboardWhereToSignIn() {
        given().get("/api/v1/dashboard/sign-in").then().statusCode(200).body("enabled", equalTo(true))
                .body("providerName", equalTo("SSO ASN")).body("clientId", equalTo("jpledger-dashboard"))
                .body("authorizationEndpoint", equalTo("/test-idp/authorize")).body("scope", equalTo("openid"));
    }
}
