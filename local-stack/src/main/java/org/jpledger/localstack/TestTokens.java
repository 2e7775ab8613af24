package org.jpledger.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jpledger.contracts.access.Access;

/** Tokens for a module's tests, signed with a key pair generated once into the module's {@code target/test-keys}. */
public final class TestTokens {

    /** Subject of the default token every test request carries unless a test says otherwise. */
    public static final String TEST_SUITE = "test-suite";

    private static final Map<String, String> EVERYTHING_BY_CLIENT = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    public static LocalKeys keys() {
        return LocalKeys.in(Path.of("target", "test-keys"));
    }

    /** The Authorization header value for a token. */
    public static String bearer(Token token) {
        return keys().bearer(token);
    }

    /** A token with every role over the whole unit tree: what tests of behaviour other than access control use. */
    public static String everything() {
        return EVERYTHING_BY_CLIENT.computeIfAbsent("", client -> bearer(everythingToken()));
    }

    /**
     * {@link #everything()} issued to a client named after the test class: the same subject, but rate-limited calls
     * (exports, imports, rebuilds) count against the class's own allowance, so how many such calls the classes that ran
     * before it made within the window, which depends on the machine's speed, cannot refuse its calls.
     */
    public static String everythingFrom(Class<?> testClass) {
        return EVERYTHING_BY_CLIENT.computeIfAbsent(testClass.getName(),
                client -> bearer(everythingToken().client(client)));
    }

    private static Token everythingToken() {
        return Token.withRoles(Access.ROLES.toArray(String[]::new)).units(Access.ALL_UNITS).subject(TEST_SUITE)
                .lifetime(Duration.ofHours(12));
    }
}
