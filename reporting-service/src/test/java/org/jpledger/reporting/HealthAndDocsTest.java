package org.jpledger.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.assertj.core.api.Assertions.assertThat;

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
    void describesTheComplianceEndpointInOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/compliance/employees/{nip}'.get.summary",
                        equalTo("Get an employee's JP total for a year"))
                .body("paths.'/api/v1/compliance/employees/{nip}'.get.description",
                        containsString("voided completions do not count"))
                .body("paths.'/api/v1/compliance/employees/{nip}'.get.responses.keySet()", hasItems("200", "400", "404"));
    }

    @Test
    void describesTheAdminAndStatusEndpointsInOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/admin/parked'.get.summary", equalTo("List parked events"))
                .body("paths.'/api/v1/admin/parked'.get.responses.keySet()", hasItems("200", "400"))
                .body("paths.'/api/v1/admin/parked/{id}/retry'.post.summary", equalTo("Retry one parked event"))
                .body("paths.'/api/v1/admin/parked/{id}/retry'.post.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/v1/admin/parked/retry'.post.summary", equalTo("Retry every parked event"))
                .body("paths.'/api/v1/status'.get.summary", equalTo("Get the consumer's progress"))
                .body("paths.'/api/v1/status'.get.description", containsString("lag unknown"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryEndpointParameterAndError() {
        JsonPath openApi = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");

        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat((String) operation.get("summary")).as("summary of %s %s", method, path).isNotBlank();
            assertThat((String) operation.get("description")).as("description of %s %s", method, path).isNotBlank();
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as("responses of %s %s", method, path).isNotEmpty();
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                    List.of());
            parameters.forEach(parameter -> assertThat((String) parameter.get("description"))
                    .as("description of parameter %s of %s %s", parameter.get("name"), method, path).isNotBlank());
            if (!parameters.isEmpty()) {
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
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryFieldOfTheAdminAndStatusAnswers() {
        Map<String, Map<String, Object>> schemas = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");

        for (String name : List.of("ParkedEvent", "ParkedEventPage", "ParkedEventRetry", "ParkedEventRetryAll",
                "ConsumerStatus", "PartitionStatus")) {
            assertThat(schemas).as("schema %s", name).containsKey(name);
            assertThat((String) schemas.get(name).get("description")).as("description of %s", name).isNotBlank();
            ((Map<String, Map<String, Object>>) schemas.get(name).get("properties")).forEach((property, definition) ->
                    assertThat(describedOrReferenced(definition)).as("description of %s.%s", name, property).isTrue());
        }
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /** A property's own description, or (for an enum or record given by reference) the description beside the reference. */
    @SuppressWarnings("unchecked")
    private static boolean describedOrReferenced(Map<String, Object> definition) {
        if (definition.get("description") instanceof String description && !description.isBlank()) {
            return true;
        }
        return definition.get("allOf") instanceof List<?> parts && parts.stream().anyMatch(part ->
                ((Map<String, Object>) part).get("description") instanceof String text && !text.isBlank());
    }

    @Test
    void exposesPrometheusMetricsIncludingConsumedEvents() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("jpledger_consumer_events_total{outcome=\"applied\"}"));
    }
}
