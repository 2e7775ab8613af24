package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rest.Xapi.LMS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.jpledger.training.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Basic credentials of integrating systems: good for the xAPI resources only, with the system's roles. */
@QuarkusTest
class XapiCredentialsTest {

    @BeforeEach
    void noDefaultToken() {
        RestAssured.replaceFiltersWith(List.of());
    }

    @Test
    void aWrongSecretIsRefusedWithABasicChallenge() {
        Response response = given().header("Authorization", Xapi.basic(LMS, "salah")).header(Xapi.VERSION, "2.0.0")
                .get("/xapi/statements");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Basic realm=\"xAPI\"");
        assertThat(response.header(Xapi.VERSION)).isEqualTo("2.0.0");
    }

    @Test
    void anUnknownSystemAndNoCredentialsAreRefused() {
        given().header("Authorization", Xapi.basic("tidak-dikenal", Xapi.secret(LMS))).header(Xapi.VERSION, "2.0.0")
                .get("/xapi/statements").then().statusCode(401);
        given().header(Xapi.VERSION, "2.0.0").get("/xapi/statements").then().statusCode(401);
    }

    @Test
    void basicCredentialsDoNotOpenTheRestApi() {
        given().header("Authorization", Xapi.basic(LMS, Xapi.secret(LMS))).get("/api/v1/completions")
                .then().statusCode(401);
    }

    @Test
    void aReadingSystemCannotSendStatements() {
        Xapi.as(Xapi.READER).body(Xapi.attempted(UUID.randomUUID(), "r@example.go.id", "https://lms.example/r"))
                .post("/xapi/statements").then().statusCode(403);
    }

    @Test
    void theSystemIsWhoChangedTheCompletion() {
        RestAssured.replaceFiltersWith(List.of((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", org.jpledger.localstack.TestTokens.everything());
            }
            return context.next(request, response);
        }));
        String nip = TestData.registeredEmployee();
        Xapi.lms().body(Xapi.completed(UUID.randomUUID(), nip)).post("/xapi/statements").then().statusCode(200);
        String id = (String) StatementCompletionTest.onlyCompletionOf(nip).get("id");

        given().get("/api/v1/completions/{id}/history", id).then().statusCode(200)
                .body("[0].changedBy", org.hamcrest.Matchers.equalTo(LMS));
    }
}
