package org.jpledger.support.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How both services' Kafka clients (producer, consumer, admin and the health check) authenticate to the brokers and
 * protect the connection. Each key is named with its environment variable; passwords belong in the environment or a
 * secret store, never in a properties file.
 */
@ConfigMapping(prefix = "jpledger.kafka")
public interface KafkaSecurityConfig {

    /**
     * {@code JPLEDGER_KAFKA_SECURITY_PROTOCOL}: {@code PLAINTEXT} (no TLS, no authentication: loopback only),
     * {@code SSL} (TLS; with a keystore, mutual TLS), {@code SASL_PLAINTEXT} (SASL without TLS) or {@code SASL_SSL}.
     */
    @WithDefault("PLAINTEXT")
    SecurityProtocol securityProtocol();

    /**
     * {@code JPLEDGER_KAFKA_ALLOW_PLAINTEXT}: whether a production configuration may talk to Kafka with neither TLS nor
     * SASL; only for a broker reachable on a trusted network alone.
     */
    @WithDefault("false")
    boolean allowPlaintext();

    /** SASL authentication, used with {@code SASL_PLAINTEXT} and {@code SASL_SSL}. */
    Sasl sasl();

    /** TLS trust and client certificate, used with {@code SSL} and {@code SASL_SSL}. */
    Ssl ssl();

    /** Whether the connection has neither TLS nor SASL: anyone on the network path can read, write and impersonate. */
    default boolean plaintextWithoutSasl() {
        return securityProtocol() == SecurityProtocol.PLAINTEXT;
    }

    /** SASL settings. */
    interface Sasl {

        /** {@code JPLEDGER_KAFKA_SASL_MECHANISM}: {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}. */
        @WithDefault("SCRAM-SHA-512")
        String mechanism();

        /** {@code JPLEDGER_KAFKA_SASL_USERNAME}: the Kafka user this service logs in as. */
        Optional<String> username();

        /** {@code JPLEDGER_KAFKA_SASL_PASSWORD}: that user's password; set it in the environment. */
        Optional<String> password();
    }

    /** TLS settings; without a truststore the JVM's default trusted certificates apply. */
    interface Ssl {

        /** {@code JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION}: file of the certificates that may sign the brokers' ones. */
        Optional<String> truststoreLocation();

        /** {@code JPLEDGER_KAFKA_SSL_TRUSTSTORE_PASSWORD}: password of the truststore. */
        Optional<String> truststorePassword();

        /** {@code JPLEDGER_KAFKA_SSL_TRUSTSTORE_TYPE}: {@code PKCS12}, {@code JKS} or {@code PEM}. */
        @WithDefault("PKCS12")
        String truststoreType();

        /** {@code JPLEDGER_KAFKA_SSL_KEYSTORE_LOCATION}: file of this service's client key and certificate (mutual TLS). */
        Optional<String> keystoreLocation();

        /** {@code JPLEDGER_KAFKA_SSL_KEYSTORE_PASSWORD}: password of the keystore. */
        Optional<String> keystorePassword();

        /** {@code JPLEDGER_KAFKA_SSL_KEYSTORE_TYPE}: {@code PKCS12}, {@code JKS} or {@code PEM}. */
        @WithDefault("PKCS12")
        String keystoreType();

        /** {@code JPLEDGER_KAFKA_SSL_KEY_PASSWORD}: password of the private key, when it differs from the keystore's. */
        Optional<String> keyPassword();
    }
}
