package org.jpledger.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

/** The environment variables of the Kafka connection security and the client properties they give. */
class KafkaSecurityTest {

    private static final String BOOTSTRAP = "kafka-1.example:9093";
    private static final String TRUSTSTORE = "/etc/jpledger/kafka-ca.p12";
    private static final String KEYSTORE = "/etc/jpledger/training-service.p12";
    private static final String HOSTILE_PASSWORD = "p\"w\\d; username=\"admin\"\nx";

    @Test
    void defaultsArePlaintextWithoutSaslAndNotAllowedInProduction() {
        KafkaSecurityConfig config = KafkaSecurity.read(Map.of());

        assertThat(KafkaSecurity.clientProperties(config)).containsExactly(entry("security.protocol", "PLAINTEXT"));
        assertThat(config.plaintextWithoutSasl()).isTrue();
        assertThat(config.allowPlaintext()).isFalse();
    }

    @Test
    void scramOverTlsLogsInWithTheMechanismAndTrustsTheGivenCertificates() {
        KafkaSecurityConfig config = KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "JPLEDGER_KAFKA_SASL_MECHANISM", "scram-sha-256",
                "JPLEDGER_KAFKA_SASL_USERNAME", "training-service",
                "JPLEDGER_KAFKA_SASL_PASSWORD", "s3cret",
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION", TRUSTSTORE,
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit"));

        assertThat(config.plaintextWithoutSasl()).isFalse();
        assertThat(KafkaSecurity.clientProperties(config)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"training-service\" password=\"s3cret\";",
                "ssl.truststore.location", TRUSTSTORE,
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.password", "changeit"));
    }

    @Test
    void mutualTlsPresentsTheServicesKeystore() {
        KafkaSecurityConfig config = KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SSL",
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION", TRUSTSTORE,
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_TYPE", "JKS",
                "JPLEDGER_KAFKA_SSL_KEYSTORE_LOCATION", KEYSTORE,
                "JPLEDGER_KAFKA_SSL_KEYSTORE_PASSWORD", "store-pass",
                "JPLEDGER_KAFKA_SSL_KEY_PASSWORD", "key-pass"));

        assertThat(config.plaintextWithoutSasl()).isFalse();
        assertThat(KafkaSecurity.clientProperties(config)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.location", TRUSTSTORE,
                "ssl.truststore.type", "JKS",
                "ssl.keystore.location", KEYSTORE,
                "ssl.keystore.type", "PKCS12",
                "ssl.keystore.password", "store-pass",
                "ssl.key.password", "key-pass"));
    }

    @Test
    void plainSaslUsesThePlainLoginModule() {
        KafkaSecurityConfig config = KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "JPLEDGER_KAFKA_SASL_MECHANISM", "PLAIN",
                "JPLEDGER_KAFKA_SASL_USERNAME", "reporting-service",
                "JPLEDGER_KAFKA_SASL_PASSWORD", "s3cret"));

        assertThat(KafkaSecurity.clientProperties(config)).contains(entry("sasl.mechanism", "PLAIN"),
                entry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"reporting-service\" password=\"s3cret\";"));
    }

    @Test
    void aPasswordWithQuotesBackslashesAndNewlinesReachesKafkaUnchangedAndAddsNoOption() {
        String jaas = KafkaSecurity.jaasConfig("SCRAM-SHA-512", "a \"user\"", HOSTILE_PASSWORD);

        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(Map.of("sasl.jaas.config",
                new Password(jaas))).configurationEntries();

        assertThat(entries).hasSize(1);
        assertThat(Map.copyOf(entries.get(0).getOptions())).isEqualTo(Map.of(
                "username", "a \"user\"", "password", HOSTILE_PASSWORD));
    }

    @Test
    void refusesSaslWithoutCredentialsOrWithAnUnknownMechanism() {
        assertThatThrownBy(() -> KafkaSecurity.clientProperties(KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "JPLEDGER_KAFKA_SASL_USERNAME", "training-service"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SASL_PLAINTEXT needs a user and a password")
                .hasMessageContaining("JPLEDGER_KAFKA_SASL_PASSWORD");
        assertThatThrownBy(() -> KafkaSecurity.clientProperties(KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "JPLEDGER_KAFKA_SASL_MECHANISM", "GSSAPI",
                "JPLEDGER_KAFKA_SASL_USERNAME", "training-service",
                "JPLEDGER_KAFKA_SASL_PASSWORD", "s3cret"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SASL mechanism GSSAPI is not one of");
    }

    @Test
    void refusesCredentialsOrKeystoresTheProtocolWouldSilentlyIgnore() {
        assertThatThrownBy(() -> KafkaSecurity.clientProperties(KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SASL_USERNAME", "training-service",
                "JPLEDGER_KAFKA_SASL_PASSWORD", "s3cret"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the security protocol PLAINTEXT does not log in");
        assertThatThrownBy(() -> KafkaSecurity.clientProperties(KafkaSecurity.read(Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "JPLEDGER_KAFKA_SASL_USERNAME", "training-service",
                "JPLEDGER_KAFKA_SASL_PASSWORD", "s3cret",
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION", TRUSTSTORE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the security protocol SASL_PLAINTEXT does not use TLS");
    }

    @Test
    void keepsTheOtherKafkaSettingsAndAddsTheSecurityOnes() {
        KafkaSecurityConfig config = KafkaSecurity.read(Map.of("JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SSL"));

        Map<String, Object> secured = KafkaSecurity.secure(Map.of("bootstrap.servers", BOOTSTRAP,
                "security.protocol", "SSL"), config);

        assertThat(secured).containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", BOOTSTRAP,
                "security.protocol", "SSL"));
    }

    @Test
    void refusesASecuritySettingGivenDirectlyAsKafkaConfigurationThatContradictsTheTypedOneWithoutQuotingIt() {
        KafkaSecurityConfig config = KafkaSecurity.read(Map.of());

        assertThatThrownBy(() -> KafkaSecurity.secure(Map.of("bootstrap.servers", BOOTSTRAP,
                "security.protocol", "SASL_SSL", "sasl.jaas.config", "x required password=\"leaked\";"), config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.security.protocol is set directly")
                .hasMessageContaining("set JPLEDGER_KAFKA_SECURITY_PROTOCOL instead")
                .hasMessageContaining("kafka.sasl.jaas.config is set directly")
                .hasMessageNotContaining("leaked");
    }
}
