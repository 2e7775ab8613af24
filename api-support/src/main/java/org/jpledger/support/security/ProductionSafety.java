package org.jpledger.support.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jpledger.contracts.access.Access;

/**
 * Refuses to start the production profile with a configuration that would let the wrong callers in: authentication
 * switched off, no issuer to check, no verification key, or the run command's local development key or issuer.
 */
@ApplicationScoped
public class ProductionSafety {

    /** File the run command writes beside its locally generated key pair, marking the pair as unfit for production. */
    public static final String LOCAL_KEY_MARKER = "LOCAL-DEVELOPMENT-KEY";

    /** The security settings that decide who gets in. */
    public record Settings(boolean authenticationEnabled, Optional<String> issuer, Optional<String> keyLocation,
            boolean inlineKey) {

        static Settings of(Config config) {
            return new Settings(config.getOptionalValue("jpledger.security.enabled", Boolean.class).orElse(true),
                    config.getOptionalValue("mp.jwt.verify.issuer", String.class).filter(s -> !s.isBlank()),
                    config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).filter(s -> !s.isBlank()),
                    config.getOptionalValue("mp.jwt.verify.publickey", String.class).filter(s -> !s.isBlank()).isPresent());
        }
    }

    void check(@Observes StartupEvent startup, Config config) {
        if (!config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            return;
        }
        List<String> reasons = reasons(Settings.of(config));
        if (!reasons.isEmpty()) {
            String message = "Refusing to start in the production profile:\n  - " + String.join("\n  - ", reasons);
            Log.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** Why the settings are unsafe for production, one sentence each; empty when they are safe. */
    public static List<String> reasons(Settings settings) {
        List<String> reasons = new ArrayList<>();
        if (!settings.authenticationEnabled()) {
            reasons.add("authentication is switched off (jpledger.security.enabled=false); remove the setting.");
        }
        if (settings.issuer().isEmpty()) {
            reasons.add("no token issuer is configured; set MP_JWT_VERIFY_ISSUER to your identity provider's issuer.");
        } else if (Access.LOCAL_ISSUER.equals(settings.issuer().get())) {
            reasons.add("the token issuer is the local development issuer " + Access.LOCAL_ISSUER
                    + "; set MP_JWT_VERIFY_ISSUER to your identity provider's issuer.");
        }
        if (settings.keyLocation().isEmpty() && !settings.inlineKey()) {
            reasons.add("no token verification key is configured; set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity "
                    + "provider's JWKS URL or public key file.");
        }
        settings.keyLocation().filter(ProductionSafety::isLocalDevelopmentKey).ifPresent(location -> reasons.add(
                "the token verification key " + location + " is the run command's local development key; set "
                        + "MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's JWKS URL or public key file."));
        return reasons;
    }

    /** Whether a key location is a file sitting beside the run command's local-key marker. */
    static boolean isLocalDevelopmentKey(String location) {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (path.contains("://") || path.startsWith("classpath:")) {
            return false;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return parent != null && Files.exists(parent.resolve(LOCAL_KEY_MARKER));
    }
}
