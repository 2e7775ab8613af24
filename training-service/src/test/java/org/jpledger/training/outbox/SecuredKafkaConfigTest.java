package org.jpledger.training.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.kafka.client.runtime.KafkaAdminClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Kafka configuration every client of the running service is built from carries the {@code jpledger.kafka.*}
 * connection security, and the health check's admin client uses it too.
 */
@QuarkusTest
class SecuredKafkaConfigTest {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    KafkaAdminClient healthCheckAdmin;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theServicesKafkaConfigurationHasTheConfiguredSecurityAndItsOtherKafkaSettings() throws Exception {
        assertThat(kafkaConfig).containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("bootstrap.servers", bootstrapServers);
        // Built from that configuration, the health check's admin client reaches the broker.
        assertThat(healthCheckAdmin.getCluster().clusterId().get()).isNotBlank();
    }
}
