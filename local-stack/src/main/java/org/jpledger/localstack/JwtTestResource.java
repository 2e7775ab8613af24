package org.jpledger.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.jpledger.contracts.access.Access;

/** Makes a {@code @QuarkusTest} trust the tokens of {@link TestTokens}: its public key, the local issuer, the audience. */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", TestTokens.keys().publicKeyFile().toString(),
                "mp.jwt.verify.issuer", Access.LOCAL_ISSUER,
                "mp.jwt.verify.audiences", Access.DEFAULT_AUDIENCE);
    }

    @Override
    public void stop() {
        // The key pair stays in target/ for the next test run.
    }
}
