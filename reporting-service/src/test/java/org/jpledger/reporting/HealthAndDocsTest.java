package org.jpledger.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
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
                        equalTo("Get an employee's compliance in a year"))
                .body("paths.'/api/v1/compliance/employees/{nip}'.get.description",
                        containsString("voided ones do not count"))
                .body("paths.'/api/v1/compliance/employees/{nip}'.get.responses.keySet()", hasItems("200", "400", "404"));
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
}
