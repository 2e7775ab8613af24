package org.jpledger.systemtests;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.Token;

/** System tests act as a caller with every role over the whole unit tree, with a token the started services trust. */
final class StackTokens {

    private StackTokens() {
    }

    /** A service's environment plus what makes it trust {@code keys}. */
    static Map<String, String> trusting(LocalKeys keys, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(keys.serviceEnvironment());
        return all;
    }

    /** Every REST Assured request that names no Authorization of its own carries such a token signed with {@code keys}. */
    static void authorizeEverything(LocalKeys keys) {
        String bearer = keys.bearer(Token.withRoles(Access.ROLES.toArray(String[]::new)).units(Access.ALL_UNITS)
                .subject("system-tests"));
        Filter addToken = (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", bearer);
            }
            return context.next(request, response);
        };
        RestAssured.replaceFiltersWith(List.of(addToken));
    }
}
