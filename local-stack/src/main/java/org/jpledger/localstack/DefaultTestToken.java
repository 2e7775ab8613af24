package org.jpledger.localstack;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.List;

/**
 * Every REST Assured request of a {@code @QuarkusTest} that names no Authorization of its own carries
 * {@link TestTokens#everything()}. Access-control tests, which also send requests without any token, clear REST
 * Assured's filters first.
 */
public class DefaultTestToken implements QuarkusTestBeforeEachCallback {

    private static final Filter ADD_TOKEN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", TestTokens.everything());
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(List.of(ADD_TOKEN));
    }
}
