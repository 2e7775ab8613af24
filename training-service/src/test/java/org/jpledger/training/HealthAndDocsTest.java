package org.jpledger.training;

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
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void describesEveryEndpointParameterFieldAndErrorInOpenApi() throws Exception {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode openApi = new ObjectMapper().readTree(document);

        assertThat(openApi.path("paths").properties()).extracting(Map.Entry::getKey).contains(
                "/api/v1/units/{code}", "/api/v1/employees/{nip}", "/api/v1/completions", "/api/v1/completions/{id}",
                "/api/v1/completions/{id}/void", "/api/v1/completions/{id}/history", "/api/v1/completions/batch",
                "/api/v1/completions/import", "/api/v1/admin/recognition-rules", "/api/v1/admin/republish");
        assertThat(OpenApiAudit.gaps(openApi)).isEmpty();
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void answersEveryResponseWithTheCurrentDate() {
        for (String path : List.of("/q/health/ready", "/q/openapi", "/api/v1/units/ANY", "/no/such/path")) {
            String date = given().when().get(path).then().extract().header("Date");

            assertThat(date).as(path).isNotNull();
            Instant sent = DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from);
            assertThat(Duration.between(sent, Instant.now()).abs()).as(path).isLessThan(Duration.ofMinutes(1));
        }
    }
}
