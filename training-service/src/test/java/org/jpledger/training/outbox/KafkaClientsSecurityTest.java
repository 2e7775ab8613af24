package org.jpledger.training.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.KafkaBroker.ScramUser;
import org.jpledger.localstack.TlsFiles;
import org.jpledger.support.kafka.KafkaSecurity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay's producer and admin client, configured by the {@code JPLEDGER_KAFKA_*} variables, publish to a broker that
 * requires SASL/SCRAM and to one that requires mutual TLS; without the right password or certificate they are refused
 * and publish nothing.
 */
class KafkaClientsSecurityTest {

    private static final ScramUser BROKER_ADMIN = new ScramUser("broker-admin", "broker-admin-secret");
    private static final String USER = "training-service";
    // Quotes, a backslash and a semicolon: the login line must carry them as they are.
    private static final String PASSWORD = "tr\"ain;ing\\pass";
    private static final String TOPIC = "jpledger.security-test.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path certificates;

    private static KafkaBroker broker;
    private static KafkaBroker tlsBroker;
    private static TlsFiles tls;

    @BeforeAll
    static void startBrokersRequiringScramAndMutualTls() {
        broker = KafkaBroker.startThrowawayRequiringScram(BROKER_ADMIN);
        broker.addScramUser("SCRAM-SHA-512", USER, PASSWORD);
        tls = TlsFiles.generate(certificates);
        tlsBroker = KafkaBroker.startThrowawayRequiringMutualTls(tls);
    }

    @AfterAll
    static void stopBrokers() {
        for (KafkaBroker started : new KafkaBroker[] {broker, tlsBroker}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void publishesWithTheRightScramCredentialsAndTheRecordCanBeReadBack() throws Exception {
        publishesAndReadsBack(kafkaConfig(broker, scram(PASSWORD)));
    }

    @Test
    void publishesWithAClientCertificateTheBrokerTrustsAndTheRecordCanBeReadBack() throws Exception {
        publishesAndReadsBack(kafkaConfig(tlsBroker, mutualTls(tls.clientKeystore())));
    }

    @Test
    void aClientCertificateNotSignedByTheTrustedCaFailsToAuthenticate() {
        KafkaClients clients = new KafkaClients(kafkaConfig(tlsBroker, mutualTls(tls.strangerKeystore())));

        Throwable failure = publishing(clients);

        assertThat(causes(failure)).anyMatch(SslAuthenticationException.class::isInstance);
    }

    @Test
    void tlsWithoutAClientCertificateFailsToAuthenticate() {
        KafkaClients clients = new KafkaClients(kafkaConfig(tlsBroker, Map.of(
                "JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SSL",
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION", tls.truststore().toString(),
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_PASSWORD", tls.password())));

        Throwable failure = publishing(clients);

        assertThat(causes(failure)).anyMatch(SslAuthenticationException.class::isInstance);
    }

    private static void publishesAndReadsBack(Map<String, Object> kafkaConfig) throws Exception {
        KafkaClients clients = new KafkaClients(kafkaConfig);
        try (Admin admin = clients.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Producer<String, String> producer = clients.producer();
        try {
            producer.send(new ProducerRecord<>(TOPIC, "UNIT-1", "{\"code\":\"UNIT-1\"}")).get(30, TimeUnit.SECONDS);
        } finally {
            clients.closeProducer(producer);
        }

        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "security-test");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            ConsumerRecord<String, String> read = null;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (read == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read = record;
                }
            }
            assertThat(read).isNotNull();
            assertThat(read.key()).isEqualTo("UNIT-1");
            assertThat(read.value()).isEqualTo("{\"code\":\"UNIT-1\"}");
        }
    }

    @Test
    void aWrongPasswordFailsToAuthenticateAndPublishesNothing() {
        KafkaClients clients = new KafkaClients(kafkaConfig(broker, scram("not-the-password")));

        Throwable failure = publishing(clients);

        assertThat(causes(failure)).anyMatch(SaslAuthenticationException.class::isInstance);
    }

    @Test
    void anUnknownUserFailsToAuthenticate() {
        Map<String, String> environment = new HashMap<>(scram(PASSWORD));
        environment.put("JPLEDGER_KAFKA_SASL_USERNAME", "someone-else");
        KafkaClients clients = new KafkaClients(kafkaConfig(broker, environment));

        Throwable failure = publishing(clients);

        assertThat(causes(failure)).anyMatch(SaslAuthenticationException.class::isInstance);
    }

    @Test
    void withoutSaslTheBrokerNeverAcceptsTheClient() {
        // The default, plaintext without credentials: the broker waits for a SASL handshake that never comes.
        KafkaClients clients = new KafkaClients(kafkaConfig(broker, Map.of()));

        Throwable failure = publishing(clients);

        assertThat(causes(failure)).anyMatch(TimeoutException.class::isInstance);
    }

    private static Map<String, String> scram(String password) {
        return Map.of("JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "JPLEDGER_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "JPLEDGER_KAFKA_SASL_USERNAME", USER,
                "JPLEDGER_KAFKA_SASL_PASSWORD", password);
    }

    private static Map<String, String> mutualTls(Path keystore) {
        return Map.of("JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SSL",
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_LOCATION", tls.truststore().toString(),
                "JPLEDGER_KAFKA_SSL_TRUSTSTORE_PASSWORD", tls.password(),
                "JPLEDGER_KAFKA_SSL_KEYSTORE_LOCATION", keystore.toString(),
                "JPLEDGER_KAFKA_SSL_KEYSTORE_PASSWORD", tls.password());
    }

    /** The service's Kafka configuration as the services build it: its {@code kafka.*} settings and the security. */
    private static Map<String, Object> kafkaConfig(KafkaBroker target, Map<String, String> environment) {
        return KafkaSecurity.secure(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                // A refused client gives up soon instead of retrying for the default minute.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000), KafkaSecurity.read(environment));
    }

    /** What publishing one record through the relay's producer failed with; fails the test if it succeeded. */
    private static Throwable publishing(KafkaClients clients) {
        Producer<String, String> producer = clients.producer();
        try {
            Throwable failure = catchThrowable(() -> producer.send(new ProducerRecord<>(TOPIC, "UNIT-2", "{}"))
                    .get(30, TimeUnit.SECONDS));
            assertThat(failure).as("publishing without valid credentials").isNotNull();
            return failure;
        } finally {
            clients.closeProducer(producer);
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
