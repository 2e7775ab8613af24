package org.jpledger.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
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
    void describesEveryEndpointInOpenApi() {
        JsonPath openApi = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");

        assertThat(paths).containsKeys("/api/v1/units/{code}", "/api/v1/employees/{nip}", "/api/v1/completions",
                "/api/v1/completions/{id}", "/api/v1/completions/{id}/void", "/api/v1/completions/{id}/history",
                "/api/v1/admin/recognition-rules");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat((String) operation.get("summary")).as("summary of %s %s", method, path).isNotBlank();
            assertThat((String) operation.get("description")).as("description of %s %s", method, path).isNotBlank();
            assertThat((Map<?, ?>) operation.get("responses")).as("responses of %s %s", method, path)
                    .isNotEmpty();
        }));
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryParameterFieldAndError() {
        JsonPath openApi = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                    List.of());
            parameters.forEach(parameter -> assertThat((String) parameter.get("description"))
                    .as("description of parameter %s of %s %s", parameter.get("name"), method, path).isNotBlank());
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            if (!parameters.isEmpty() || operation.containsKey("requestBody")) {
                assertThat(responses.keySet()).as("error responses of %s %s", method, path)
                        .anyMatch(code -> code.startsWith("4"));
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4")) {
                    assertThat(((Map<String, Object>) response.get("content")).keySet())
                            .as("problem details of %s for %s %s", code, method, path)
                            .contains("application/problem+json");
                }
            });
        }));
        Map<String, Map<String, Object>> schemas = openApi.getMap("components.schemas");
        schemas.forEach((name, schema) -> ((Map<String, Map<String, Object>>) schema.getOrDefault("properties",
                Map.of())).forEach((property, definition) -> assertThat((String) definition.get("description"))
                        .as("description of %s.%s", name, property).isNotBlank()));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
