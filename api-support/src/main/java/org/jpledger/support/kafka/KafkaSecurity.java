package org.jpledger.support.kafka;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * Turns {@link KafkaSecurityConfig} into Kafka client properties, the same for producers, consumers and admin clients,
 * and refuses settings that contradict each other rather than let a client connect with less protection than asked.
 */
public final class KafkaSecurity {

    /** The SASL mechanisms a client may log in with: SCRAM keeps the password off the wire, PLAIN needs TLS to. */
    static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");

    /** The Kafka client keys decided here; setting them as {@code kafka.*} too would leave two sources of truth. */
    static final Map<String, String> GOVERNED = Map.ofEntries(
            Map.entry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "JPLEDGER_KAFKA_SECURITY_PROTOCOL"),
            Map.entry(SaslConfigs.SASL_MECHANISM, "JPLEDGER_KAFKA_SASL_MECHANISM"),
            Map.entry(SaslConfigs.SASL_JAAS_CONFIG, "JPLEDGER_KAFKA_SASL_USERNAME and JPLEDGER_KAFKA_SASL_PASSWORD"),
            Map.entry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, "JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION"),
            Map.entry(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, "JPLEDGER_KAFKA_SSL_TRUSTSTORE_PASSWORD"),
            Map.entry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "JPLEDGER_KAFKA_SSL_TRUSTSTORE_TYPE"),
            Map.entry(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, "JPLEDGER_KAFKA_SSL_KEYSTORE_LOCATION"),
            Map.entry(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, "JPLEDGER_KAFKA_SSL_KEYSTORE_PASSWORD"),
            Map.entry(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "JPLEDGER_KAFKA_SSL_KEYSTORE_TYPE"),
            Map.entry(SslConfigs.SSL_KEY_PASSWORD_CONFIG, "JPLEDGER_KAFKA_SSL_KEY_PASSWORD"));

    private KafkaSecurity() {
    }

    /**
     * The settings that environment variables such as {@code JPLEDGER_KAFKA_SECURITY_PROTOCOL} give, with the defaults
     * for the others: for Kafka clients built outside a Quarkus application, such as the tests'.
     */
    public static KafkaSecurityConfig read(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withMapping(KafkaSecurityConfig.class)
                .withSources(new EnvConfigSource(environment, EnvConfigSource.ORDINAL))
                .build()
                .getConfigMapping(KafkaSecurityConfig.class);
    }

    /**
     * {@code kafkaConfig} (the service's {@code kafka.*} settings) with the security properties of {@code security}
     * added.
     *
     * @throws IllegalStateException naming every problem when the settings contradict each other, lack a credential
     *                               the protocol needs, or set a security key as {@code kafka.*} to another value
     */
    public static Map<String, Object> secure(Map<String, Object> kafkaConfig, KafkaSecurityConfig security) {
        Map<String, Object> properties = clientProperties(security);
        List<String> problems = new ArrayList<>();
        GOVERNED.forEach((key, variable) -> {
            Object direct = kafkaConfig.get(key);
            if (direct != null && !String.valueOf(direct).equals(String.valueOf(properties.get(key)))) {
                // The value itself is not quoted: it may be a password.
                problems.add("kafka." + key + " is set directly and differs from what jpledger.kafka.* says; set "
                        + variable + " instead.");
            }
        });
        refuse(problems);
        Map<String, Object> secured = new LinkedHashMap<>(kafkaConfig);
        secured.putAll(properties);
        return secured;
    }

    /**
     * The security properties of {@code security} alone.
     *
     * @throws IllegalStateException naming every problem when the settings contradict each other or lack a credential
     */
    public static Map<String, Object> clientProperties(KafkaSecurityConfig security) {
        SecurityProtocol protocol = security.securityProtocol();
        boolean sasl = protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
        boolean tls = protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        KafkaSecurityConfig.Sasl login = security.sasl();
        KafkaSecurityConfig.Ssl ssl = security.ssl();
        List<String> problems = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
        if (sasl) {
            String mechanism = login.mechanism().toUpperCase(Locale.ROOT);
            Optional<String> username = login.username().filter(s -> !s.isBlank());
            Optional<String> password = login.password().filter(s -> !s.isEmpty());
            if (!MECHANISMS.contains(mechanism)) {
                problems.add("SASL mechanism " + login.mechanism() + " is not one of " + MECHANISMS
                        + "; set JPLEDGER_KAFKA_SASL_MECHANISM.");
            }
            if (username.isEmpty() || password.isEmpty()) {
                problems.add(protocol.name + " needs a user and a password; set JPLEDGER_KAFKA_SASL_USERNAME and "
                        + "JPLEDGER_KAFKA_SASL_PASSWORD.");
            }
            if (problems.isEmpty()) {
                properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
                properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(mechanism, username.get(), password.get()));
            }
        } else if (login.username().isPresent() || login.password().isPresent()) {
            problems.add("a SASL user or password is set but the security protocol " + protocol.name
                    + " does not log in; set JPLEDGER_KAFKA_SECURITY_PROTOCOL to SASL_SSL or SASL_PLAINTEXT.");
        }
        boolean trustOrKeyGiven = ssl.truststoreLocation().isPresent() || ssl.truststorePassword().isPresent()
                || ssl.keystoreLocation().isPresent() || ssl.keystorePassword().isPresent()
                || ssl.keyPassword().isPresent();
        if (tls) {
            ssl.truststoreLocation().ifPresent(location -> {
                properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, location);
                properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, ssl.truststoreType());
            });
            ssl.truststorePassword().ifPresent(p -> properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, p));
            ssl.keystoreLocation().ifPresent(location -> {
                properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, location);
                properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, ssl.keystoreType());
            });
            ssl.keystorePassword().ifPresent(p -> properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, p));
            ssl.keyPassword().ifPresent(p -> properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, p));
        } else if (trustOrKeyGiven) {
            problems.add("a truststore or keystore is set but the security protocol " + protocol.name
                    + " does not use TLS; set JPLEDGER_KAFKA_SECURITY_PROTOCOL to SSL or SASL_SSL.");
        }
        refuse(problems);
        return properties;
    }

    /** The JAAS line logging in as {@code username}; both values quoted so no character of them can end the line. */
    static String jaasConfig(String mechanism, String username, String password) {
        String module = mechanism.startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    /** A JAAS quoted string: Kafka reads it with a {@link java.io.StreamTokenizer}, which undoes these escapes. */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Kafka security settings are not usable:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
