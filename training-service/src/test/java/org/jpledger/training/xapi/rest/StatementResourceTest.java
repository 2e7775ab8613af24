package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.jpledger.training.xapi.rest.Xapi.LMS;
import static org.jpledger.training.xapi.rest.Xapi.VERSION;
import static org.jpledger.training.xapi.rest.Xapi.attempted;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.Test;

/** The xAPI Statement Resource's storing and reading rules: ids, immutability, batches, what the store sets, headers. */
@QuarkusTest
class StatementResourceTest {

    @Test
    void aboutNamesTheVersionsWithoutCredentialsOrVersionHeader() {
        RestAssured.replaceFiltersWith(List.of());
        given().get("/xapi/about").then().statusCode(200)
                .header(VERSION, "2.0.0")
                .body("version", contains("2.0.0", "1.0.3"))
                .body("extensions.'https://jpledger.id/xapi/about/profile'.resultExtensions.jp",
                        equalTo("https://jpledger.id/xapi/extensions/jp"));
    }

    @Test
    void aboutReportsTheTrainingCalendarsMinutesPerJp() {
        RestAssured.replaceFiltersWith(List.of());
        int thisYear = TrainingCalendar.today(Clock.systemUTC()).getYear();
        given().get("/xapi/about").then().statusCode(200)
                .body("extensions.'https://jpledger.id/xapi/about/profile'.minutesPerJp",
                        equalTo(TrainingCalendar.minutesPerJp(thisYear)));
    }

    @Test
    void refusesARequestWithoutTheVersionHeader() {
        given().header("Authorization", Xapi.basic(LMS, Xapi.secret(LMS))).contentType("application/json")
                .body(attempted(UUID.randomUUID(), "a@example.go.id", "https://lms.example/a"))
                .post("/xapi/statements")
                .then().statusCode(400).header(VERSION, "2.0.0")
                .body("errors[0].field", equalTo(VERSION));
    }

    @Test
    void refusesAVersionTheStoreDoesNotSpeak() {
        Xapi.as(LMS, "0.95").get("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo(VERSION));
    }

    @Test
    void storesAStatementAndAnswersItByIdWithWhatTheStoreSets() {
        UUID id = UUID.randomUUID();
        Instant before = Instant.now().minusMillis(1);
        lms().body(attempted(id, "siti@example.go.id", "https://lms.example/module-1")).post("/xapi/statements")
                .then().statusCode(200).header(VERSION, "2.0.0").body("", contains(id.toString()));

        Response read = lms().queryParam("statementId", id.toString()).get("/xapi/statements");

        read.then().statusCode(200)
                .header(VERSION, "2.0.0")
                .header("X-Experience-API-Consistent-Through", notNullValue())
                .header("Last-Modified", notNullValue())
                .body("id", equalTo(id.toString()))
                .body("version", equalTo("2.0.0"))
                .body("authority.objectType", equalTo("Agent"))
                .body("authority.account.name", equalTo(LMS))
                .body("actor.mbox", equalTo("mailto:siti@example.go.id"));
        Instant stored = Instant.parse(read.jsonPath().getString("stored"));
        assertThat(stored).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(read.jsonPath().getString("timestamp")).as("timestamp defaults to stored")
                .isEqualTo(read.jsonPath().getString("stored"));
        assertThat(Instant.parse(read.header("X-Experience-API-Consistent-Through"))).isAfterOrEqualTo(stored);
    }

    @Test
    void givesAStatementWithoutAnIdOne() {
        String sent = attempted(UUID.randomUUID(), "tanpa-id@example.go.id", "https://lms.example/m")
                .replaceFirst("\"id\":\"[^\"]+\",", "");

        String id = lms().body(sent).post("/xapi/statements").then().statusCode(200).extract().path("[0]");

        lms().queryParam("statementId", id).get("/xapi/statements").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void theStoreSetsStoredAndAuthorityWhateverTheClientSent() {
        UUID id = UUID.randomUUID();
        String sent = attempted(id, "klien@example.go.id", "https://lms.example/m").replaceFirst("\\}$",
                ",\"stored\":\"2001-01-01T00:00:00Z\",\"authority\":{\"mbox\":\"mailto:palsu@example.com\"}}");

        lms().body(sent).post("/xapi/statements").then().statusCode(200);

        Response read = lms().queryParam("statementId", id.toString()).get("/xapi/statements");
        assertThat(Instant.parse(read.jsonPath().getString("stored"))).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(read.jsonPath().getString("authority.account.name")).isEqualTo(LMS);
        assertThat(read.jsonPath().getString("authority.mbox")).isNull();
    }

    @Test
    void putStoresUnderTheGivenIdAndAnswers204() {
        UUID id = UUID.randomUUID();
        lms().queryParam("statementId", id.toString())
                .body(attempted(id, "put@example.go.id", "https://lms.example/m").replaceFirst("\"id\":\"[^\"]+\",", ""))
                .put("/xapi/statements").then().statusCode(204);

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(200)
                .body("id", equalTo(id.toString()));
    }

    @Test
    void putWithoutStatementIdIsRefused() {
        lms().body(attempted(UUID.randomUUID(), "put@example.go.id", "https://lms.example/m")).put("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("statementId"));
    }

    @Test
    void putWhoseBodyNamesAnotherIdIsRefusedAndStoresNothing() {
        UUID id = UUID.randomUUID();
        lms().queryParam("statementId", id.toString())
                .body(attempted(UUID.randomUUID(), "put@example.go.id", "https://lms.example/m"))
                .put("/xapi/statements").then().statusCode(400).body("errors[0].field", equalTo("id"));

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void sendingAStoredStatementAgainChangesNothing() {
        UUID id = UUID.randomUUID();
        String statement = attempted(id, "ulang@example.go.id", "https://lms.example/m");
        lms().queryParam("statementId", id.toString()).body(statement).put("/xapi/statements").then().statusCode(204);
        String stored = lms().queryParam("statementId", id.toString()).get("/xapi/statements").path("stored");

        lms().queryParam("statementId", id.toString()).body(statement).put("/xapi/statements").then().statusCode(204);
        lms().body(statement).post("/xapi/statements").then().statusCode(200).body("", contains(id.toString()));

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(200)
                .body("stored", equalTo(stored));
    }

    @Test
    void aStoredIdWithOtherContentIsAConflictAndTheStatementStaysAsItWas() {
        UUID id = UUID.randomUUID();
        lms().body(attempted(id, "tetap@example.go.id", "https://lms.example/asli")).post("/xapi/statements")
                .then().statusCode(200);

        lms().body(attempted(id, "tetap@example.go.id", "https://lms.example/lain")).post("/xapi/statements")
                .then().statusCode(409);
        lms().queryParam("statementId", id.toString())
                .body(attempted(id, "tetap@example.go.id", "https://lms.example/lain")).put("/xapi/statements")
                .then().statusCode(409);

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(200)
                .body("object.id", equalTo("https://lms.example/asli"));
    }

    @Test
    void storesABatchAndAnswersTheIdsInOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        lms().body("[" + attempted(first, "b1@example.go.id", "https://lms.example/b") + ","
                        + attempted(second, "b2@example.go.id", "https://lms.example/b") + "]")
                .post("/xapi/statements")
                .then().statusCode(200).body("", contains(first.toString(), second.toString()));
    }

    @Test
    void aBatchRepeatingAnIdIsRefusedAndStoresNothing() {
        UUID other = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();

        lms().body("[" + attempted(other, "d@example.go.id", "https://lms.example/d") + ","
                        + attempted(repeated, "d@example.go.id", "https://lms.example/d") + ","
                        + attempted(repeated, "d@example.go.id", "https://lms.example/d") + "]")
                .post("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("[2].id"));

        lms().queryParam("statementId", other.toString()).get("/xapi/statements").then().statusCode(404);
        lms().queryParam("statementId", repeated.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void aBatchWithOneMalformedStatementStoresNothing() {
        UUID good = UUID.randomUUID();

        lms().body("[" + attempted(good, "g@example.go.id", "https://lms.example/g") + ","
                        + attempted(UUID.randomUUID(), "g@example.go.id", "bukan iri") + "]")
                .post("/xapi/statements")
                .then().statusCode(400).body("errors.field", hasItem("[1].object.id"));

        lms().queryParam("statementId", good.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void refusesAStatementWithAPropertyXapiDoesNotDefine() {
        lms().body(attempted(UUID.randomUUID(), "x@example.go.id", "https://lms.example/x").replaceFirst("\\}$",
                        ",\"nilai\":1}"))
                .post("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("nilai"));
    }

    @Test
    void refusesAnUnknownQueryParameterAndStatementIdWithFilters() {
        lms().queryParam("learner", "x").get("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("learner"));
        lms().queryParam("statementId", UUID.randomUUID().toString())
                .queryParam("verb", "http://adlnet.gov/expapi/verbs/attempted").get("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("verb"));
        lms().queryParam("statementId", "bukan-uuid").get("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("statementId"));
    }

    @Test
    void anUnknownIdIs404() {
        lms().queryParam("statementId", UUID.randomUUID().toString()).get("/xapi/statements")
                .then().statusCode(404).header(VERSION, "2.0.0");
    }

    @Test
    void speaksXapi103ToA103Client() {
        UUID id = UUID.randomUUID();
        Xapi.as(LMS, "1.0.3").body(attempted(id, "lama@example.go.id", "https://lms.example/m"))
                .post("/xapi/statements").then().statusCode(200).header(VERSION, "1.0.3");

        Xapi.as(LMS, "1.0.3").queryParam("statementId", id.toString()).get("/xapi/statements")
                .then().statusCode(200).header(VERSION, "1.0.3").body("version", equalTo("1.0.0"));
    }

    @Test
    void formatIdsKeepsOnlyIdentifiersAndCanonicalOneLanguage() {
        UUID id = UUID.randomUUID();
        lms().body(Xapi.completed(id, "199001012015011001")).post("/xapi/statements").then().statusCode(200);

        lms().queryParam("statementId", id.toString()).queryParam("format", "ids").get("/xapi/statements")
                .then().statusCode(200)
                .body("actor.name", equalTo(null))
                .body("actor.account.name", equalTo("199001012015011001"))
                .body("verb.display", equalTo(null))
                .body("object.definition", equalTo(null))
                .body("object.objectType", equalTo(null))
                .body("object.id", equalTo("https://lms.bpsdmd.jatengprov.go.id/course/analisis-kebijakan"));
        lms().queryParam("statementId", id.toString()).queryParam("format", "canonical")
                .header("Accept-Language", "en-US,id;q=0.5").get("/xapi/statements")
                .then().statusCode(200)
                .body("object.definition.name.size()", equalTo(1))
                .body("object.definition.name.'en-US'", equalTo("Public Policy Analysis"));
    }

    @Test
    void attachmentsTrueAnswersMultipartWithTheStatementsAsItsFirstPart() {
        UUID id = UUID.randomUUID();
        lms().body(attempted(id, "lampiran@example.go.id", "https://lms.example/m")).post("/xapi/statements")
                .then().statusCode(200);

        Response read = lms().queryParam("statementId", id.toString()).queryParam("attachments", "true")
                .get("/xapi/statements");

        read.then().statusCode(200);
        assertThat(read.contentType()).startsWith("multipart/mixed; boundary=");
        assertThat(read.asString()).contains("Content-Type: application/json").contains(id.toString());
    }

    @Test
    void anIdAnotherSystemStoredIsAConflictWhateverTheContent() {
        UUID id = UUID.randomUUID();
        String statement = attempted(id, "milik@example.go.id", "https://lms.example/m");
        lms().body(statement).post("/xapi/statements").then().statusCode(200);

        Xapi.as(Xapi.SCOPED).body(statement).post("/xapi/statements").then().statusCode(409);

        Xapi.as(Xapi.SCOPED).queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void aTokenNamingNoUnitsCannotSendStatements() {
        given().header("Authorization", TestTokens.bearer(Token.withRoles("training-writer").subject("tanpa-unit")))
                .header(VERSION, "2.0.0").contentType("application/json")
                .body(attempted(UUID.randomUUID(), "u@example.go.id", "https://lms.example/u")).post("/xapi/statements")
                .then().statusCode(403);
    }

    @Test
    void answersASingleContextActivityAsAnArrayInTheStatementAndItsSubStatement() {
        UUID id = UUID.randomUUID();
        lms().body("""
                {"id":"%s","actor":{"mbox":"mailto:konteks@example.go.id"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:konteks@example.go.id"},
                  "verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},"object":{"id":"https://lms.example/sub"},
                  "context":{"contextActivities":{"grouping":{"id":"https://lms.example/program"}}}},
                 "context":{"contextActivities":{"parent":{"id":"https://lms.example/course"},
                  "category":{"id":"https://lms.example/profile"}}}}""".formatted(id))
                .post("/xapi/statements").then().statusCode(200);

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(200)
                .body("context.contextActivities.parent[0].id", equalTo("https://lms.example/course"))
                .body("context.contextActivities.category[0].id", equalTo("https://lms.example/profile"))
                .body("object.context.contextActivities.grouping[0].id", equalTo("https://lms.example/program"));
    }

    @Test
    void refusesAStatementRequestInAMultipartTypeOtherThanMixedWith400() {
        String statement = attempted(UUID.randomUUID(), "formulir@example.go.id", "https://lms.example/f");
        byte[] form = ("--batas\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n--batas--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        lms().contentType("multipart/form-data; boundary=batas").body(form).post("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
        lms().contentType("multipart/form-data; boundary=batas").body(form)
                .queryParam("statementId", UUID.randomUUID().toString()).put("/xapi/statements")
                .then().statusCode(400).body("errors[0].field", equalTo("Content-Type"));
        // A body that is no statement request at all stays an unsupported media type.
        lms().contentType("text/plain").body(statement).post("/xapi/statements").then().statusCode(415);
    }

    @Test
    void everyAnswerCarriesADateHeaderErrorsIncluded() {
        RestAssured.replaceFiltersWith(List.of());
        given().get("/xapi/about").then().statusCode(200).header("Date", notNullValue());
        lms().get("/xapi/statements").then().statusCode(200).header("Date", notNullValue());
        lms().queryParam("statementId", UUID.randomUUID().toString()).get("/xapi/statements")
                .then().statusCode(404).header("Date", notNullValue());
        given().header("Authorization", Xapi.basic(LMS, Xapi.secret(LMS))).get("/xapi/statements")
                .then().statusCode(400).header("Date", notNullValue());
        lms().body("{\"actor\":").post("/xapi/statements").then().statusCode(400).header("Date", notNullValue());
    }
}
