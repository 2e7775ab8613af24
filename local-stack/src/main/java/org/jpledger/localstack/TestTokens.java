package org.jpledger.localstack;

import java.nio.file.Path;
import org.jpledger.contracts.access.Access;

/** Tokens for a module's tests, signed with a key pair generated once into the module's {@code target/test-keys}. */
public final class TestTokens {

    /** Subject of the default token every test request carries unless a test says otherwise. */
    public static final String TEST_SUITE = "test-suite";

    private static volatile String everything;

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
        if (everything == null) {
            everything = bearer(Token.withRoles(Access.ROLES.toArray(String[]::new)).units(Access.ALL_UNITS)
                    .subject(TEST_SUITE).lifetime(java.time.Duration.ofHours(12)));
        }
        return everything;
    }
}
