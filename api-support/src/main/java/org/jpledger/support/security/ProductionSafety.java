package org.jpledger.support.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.jpledger.contracts.access.Access;

/**
 * Refuses to start outside development, tests and the local stack with a configuration that would let the wrong
 * callers in or expose what passes between the parts: authentication switched off, no issuer to check, no verification
 * key, the run command's local development key or issuer, an issuer or key set over plain http, the shipped database
 * password, Kafka without TLS or SASL (unless explicitly allowed), or xAPI clients that come with the jar.
 */
@ApplicationScoped
public class ProductionSafety {

    /** File the run command writes beside its locally generated key pair, marking the pair as unfit for production. */
    public static final String LOCAL_KEY_MARKER = "LOCAL-DEVELOPMENT-KEY";

    /** Profiles for development, tests and the run command's local stack; every other profile is production. */
    static final List<String> EXEMPT_PROFILES = List.of("dev", "test", "local");
    /** The database password application.properties ships with, for the local stack only. */
    static final String SHIPPED_DATABASE_PASSWORD = "postgres";

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
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        // Exempt only when every active profile is: "prod,local" is a production run with the demo settings added.
        if (profiles.stream().allMatch(EXEMPT_PROFILES::contains)) {
            return;
        }
        List<String> reasons = new ArrayList<>(reasons(Settings.of(config)));
        reasons.addAll(connectionReasons(Connections.of(config)));
        if (!reasons.isEmpty()) {
            String message = "Refusing to start in the production profile" + (profiles.contains("prod") ? ""
                    : " (safety applies to every profile but " + String.join(", ", EXEMPT_PROFILES) + "; this is "
                            + String.join(",", profiles) + ")") + ":\n  - " + String.join("\n  - ", reasons);
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

    /**
     * How the service reaches its database, its broker and its learning platforms: the database password, whether
     * Kafka is reached without TLS or SASL and whether that was explicitly allowed, and the xAPI clients whose
     * credentials come from the packaged application.properties rather than from the deployment.
     */
    public record Connections(Optional<String> issuer, Optional<String> keyLocation, Optional<String> databasePassword,
            String kafkaProtocol, String kafkaSaslMechanism, boolean kafkaPlaintextAllowed,
            List<String> shippedXapiClients) {

        static Connections of(Config config) {
            List<String> shipped = new ArrayList<>();
            SmallRyeConfig all = config.unwrap(SmallRyeConfig.class);
            for (String name : all.getPropertyNames()) {
                if (name.startsWith(XAPI_CLIENTS) && name.endsWith(".secret-sha256")) {
                    ConfigValue value = all.getConfigValue(name);
                    if (value.getValue() != null && isPackaged(value)) {
                        shipped.add(name.substring(XAPI_CLIENTS.length(), name.length() - ".secret-sha256".length()));
                    }
                }
            }
            return new Connections(
                    config.getOptionalValue("mp.jwt.verify.issuer", String.class).filter(s -> !s.isBlank()),
                    config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).filter(s -> !s.isBlank()),
                    config.getOptionalValue("quarkus.datasource.password", String.class),
                    config.getOptionalValue(KAFKA_PROTOCOL, String.class).orElse("PLAINTEXT"),
                    config.getOptionalValue(KAFKA_SASL_MECHANISM, String.class).orElse("SCRAM-SHA-512"),
                    config.getOptionalValue(KAFKA_ALLOW_PLAINTEXT, Boolean.class).orElse(false),
                    List.copyOf(shipped));
        }
    }

    static final String XAPI_CLIENTS = "jpledger.xapi.clients.";
    static final String KAFKA_PROTOCOL = "jpledger.kafka.security-protocol";
    static final String KAFKA_ALLOW_PLAINTEXT = "jpledger.kafka.allow-plaintext";
    static final String KAFKA_SASL_MECHANISM = "jpledger.kafka.sasl.mechanism";
    /** The ordinal of the application.properties packaged in the service's jar. */
    static final int PACKAGED_ORDINAL = 250;

    /** Why the connections are unsafe for production, one sentence each; empty when they are safe. */
    public static List<String> connectionReasons(Connections connections) {
        List<String> reasons = new ArrayList<>();
        connections.issuer().filter(ProductionSafety::isPlainHttpElsewhere).ifPresent(issuer -> reasons.add(
                "the token issuer " + issuer + " is plain http:// off this machine; use https://."));
        connections.keyLocation().filter(ProductionSafety::isPlainHttpElsewhere).ifPresent(key -> reasons.add(
                "the token verification key is fetched over plain http:// (" + key + "); use https://."));
        if (connections.databasePassword().filter(SHIPPED_DATABASE_PASSWORD::equals).isPresent()) {
            reasons.add("the database password is the shipped default; set QUARKUS_DATASOURCE_PASSWORD.");
        }
        boolean plaintext = "PLAINTEXT".equalsIgnoreCase(connections.kafkaProtocol().trim());
        if (plaintext && !connections.kafkaPlaintextAllowed()) {
            reasons.add("Kafka is reached without TLS or SASL; set JPLEDGER_KAFKA_SECURITY_PROTOCOL (SSL, SASL_SSL or "
                    + "SASL_PLAINTEXT), or JPLEDGER_KAFKA_ALLOW_PLAINTEXT=true for a broker on a trusted network.");
        }
        String protocol = connections.kafkaProtocol().trim().toUpperCase(Locale.ROOT);
        if (protocol.equals("SASL_PLAINTEXT") && connections.kafkaSaslMechanism().trim().equalsIgnoreCase("PLAIN")) {
            reasons.add("Kafka SASL PLAIN would send the password in clear; use SASL_SSL, or a SCRAM mechanism.");
        }
        if (!connections.shippedXapiClients().isEmpty()) {
            reasons.add("the xAPI clients " + connections.shippedXapiClients() + " come with the service's jar; "
                    + "declare your learning platforms' credentials in the deployment's configuration.");
        }
        return reasons;
    }

    /** An IPv4 loopback literal; a host name that merely starts with 127. is not one. */
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** Whether a URL is plain http to a host other than this machine's loopback. */
    static boolean isPlainHttpElsewhere(String url) {
        if (!url.regionMatches(true, 0, "http://", 0, "http://".length())) {
            return false;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return true;
            }
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return !(bare.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(bare).matches() || bare.equals("::1"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean isPackaged(ConfigValue value) {
        return value.getSourceOrdinal() == PACKAGED_ORDINAL && value.getSourceName() != null
                && value.getSourceName().contains("application.properties");
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
