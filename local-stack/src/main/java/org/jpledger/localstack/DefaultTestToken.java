package org.jpledger.localstack;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.List;

/**
 * Every REST Assured request of a {@code @QuarkusTest} that names no Authorization of its own carries
 * {@link TestTokens#everythingFrom(Class)} of its test class. Access-control tests, which also send requests without any token, clear REST
 * Assured's filters first.
 */
public class DefaultTestToken implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        String token = TestTokens.everythingFrom(context.getTestInstance().getClass());
        Filter addToken = (request, response, filterContext) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", token);
            }
            return filterContext.next(request, response);
        };
        RestAssured.replaceFiltersWith(List.of(addToken));
    }
}
