package org.jpledger.support.kafka;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.Map;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.Config;

/**
 * Replaces Quarkus' {@code default-kafka-broker} configuration with one that carries the connection security of
 * {@link KafkaSecurityConfig}, so every Kafka client of the service connects the same way: the ones it builds from that
 * configuration and the Kafka health check's admin client alike.
 */
@Singleton
public class SecuredKafkaConfig {

    @Produces
    @Singleton
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig(Config config, ApplicationConfig application, KafkaSecurityConfig security) {
        // Quarkus' own reading of kafka.* (environment variables included), then the security on top.
        Map<String, Object> secured = KafkaSecurity.secure(
                new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application), security);
        Object mechanism = secured.get(SaslConfigs.SASL_MECHANISM);
        Log.infof("Kafka clients connect with %s%s", security.securityProtocol(), mechanism == null ? ""
                : " as " + security.sasl().username().orElseThrow() + " (" + mechanism + ")");
        return Collections.unmodifiableMap(secured);
    }
}
