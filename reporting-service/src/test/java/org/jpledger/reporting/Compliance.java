package org.jpledger.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Reads the compliance endpoint from tests, waiting (boundedly) for the consumer to catch up where needed. */
public final class Compliance {

    /** How long an event may take from the broker to the projections before a test gives up. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Compliance() {
    }

    /** Matches a JSON number equal to {@code expected} whatever its scale: 17, 17.0 and 17.00 are the same JP. */
    public static Matcher<Object> jp(String expected) {
        BigDecimal value = new BigDecimal(expected);
        return new CustomTypeSafeMatcher<>("a JP value of " + expected) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(value) == 0;
            }
        };
    }

    /** A request that reads JSON numbers exactly (as BigDecimal), for JP figures. */
    public static RequestSpecification request() {
        return given().config(EXACT_NUMBERS);
    }

    /** GET the employee's compliance for {@code year} (null: no year parameter). */
    public static ValidatableResponse of(String nip, Integer year) {
        var request = request();
        if (year != null) {
            request = request.queryParam("year", year);
        }
        return request.when().get("/api/v1/compliance/employees/{nip}", nip).then();
    }

    /** Polls the endpoint until the answer satisfies {@code expectation}, at most {@link #PATIENCE}. */
    public static void awaitUntil(String nip, Integer year, Consumer<ValidatableResponse> expectation) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> expectation.accept(of(nip, year).statusCode(200)));
    }
}
