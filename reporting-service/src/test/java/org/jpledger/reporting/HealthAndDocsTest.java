package org.jpledger.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jpledger.support.openapi.OpenApiAudit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndDocsTest {

    @Test
    void isReadyWhenDatabaseAndKafkaAreUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "Event consumer progress"));
    }

    @Test
    void isLiveWhileTheEventConsumerRuns() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Event consumer"));
    }

    @Test
    void describesEveryEndpointParameterFieldAndErrorInOpenApi() throws Exception {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode openApi = new ObjectMapper().readTree(document);

        assertThat(openApi.path("paths").properties()).extracting(Map.Entry::getKey).contains(
                "/api/v1/compliance/employees/{nip}", "/api/v1/compliance/units/{code}",
                "/api/v1/compliance/units/{code}/employees", "/api/v1/compliance/summary", "/api/v1/policies/{year}",
                "/api/v1/admin/parked", "/api/v1/admin/parked/{id}/retry", "/api/v1/admin/parked/retry",
                "/api/v1/status");
        assertThat(OpenApiAudit.gaps(openApi)).isEmpty();
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void exposesPrometheusMetricsIncludingConsumedEvents() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("jpledger_consumer_events_total{outcome=\"applied\"}"));
    }

    @Test
    void answersEveryResponseWithTheCurrentDate() {
        for (String path : List.of("/q/health/ready", "/q/openapi", "/dashboard/index.html", "/api/v1/units/ANY", "/no/such/path")) {
            String date = given().when().get(path).then().extract().header("Date");

            assertThat(date).as(path).isNotNull();
            Instant sent = DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);
            assertThat(Duration.between(sent, Instant.now()).abs()).as(path).isLessThan(Duration.ofMinutes(1));
        }
    }
}
