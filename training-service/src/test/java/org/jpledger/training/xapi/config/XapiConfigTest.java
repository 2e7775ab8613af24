package org.jpledger.training.xapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integrating systems' credentials are configured from environment variables, as docs/xapi.md shows for production, and
 * the xAPI limits in Quarkus's forms of sizes and durations.
 */
class XapiConfigTest {

    @Test
    void readsTheLimitsInTheFormsQuarkusReads() {
        SmallRyeConfig config = builder().withSources(new PropertiesConfigSource(Map.of(
                "jpledger.xapi.attachment-bytes", "512K"), "application.properties",
                250)).build();

        XapiConfig xapi = config.getConfigMapping(XapiConfig.class);

        assertThat(xapi.attachmentBytes().asLongValue()).isEqualTo(512 * 1024);
        assertThat(xapi.attachmentsPerStatement()).isEqualTo(10);
    }

    @Test
    void readsAClientFromEnvironmentVariables() {
        SmallRyeConfig config = builder()
                .withSources(new EnvConfigSource(Map.of(
                        "JPLEDGER_XAPI_CLIENTS_LMSBPSDMD_SECRET_SHA256", "ab".repeat(32),
                        "JPLEDGER_XAPI_CLIENTS_LMSBPSDMD_ROLES", "training-writer,training-reader",
                        "JPLEDGER_XAPI_CLIENTS_LMSBPSDMD_UNITS", "33"), 300))
                .build();

        XapiConfig xapi = config.getConfigMapping(XapiConfig.class);

        assertThat(xapi.clients()).containsOnlyKeys("lmsbpsdmd");
        XapiConfig.Client client = xapi.clients().get("lmsbpsdmd");
        assertThat(client.secretSha256()).isEqualTo("ab".repeat(32));
        assertThat(client.roles()).containsExactly("training-writer", "training-reader");
        assertThat(client.units()).contains(List.of("33"));
    }

    @Test
    void aDashedNameDeclaredInThePropertiesTakesItsSecretFromTheEnvironment() {
        SmallRyeConfig config = builder()
                .withSources(new PropertiesConfigSource(Map.of(
                        "jpledger.xapi.clients.lms-bpsdmd.roles", "training-writer",
                        "jpledger.xapi.clients.lms-bpsdmd.secret-sha256", "placeholder"), "application.properties", 250))
                .withSources(new EnvConfigSource(Map.of(
                        "JPLEDGER_XAPI_CLIENTS_LMS_BPSDMD_SECRET_SHA256", "cd".repeat(32)), 300))
                .build();

        XapiConfig.Client client = config.getConfigMapping(XapiConfig.class).clients().get("lms-bpsdmd");

        assertThat(client.secretSha256()).isEqualTo("cd".repeat(32));
        assertThat(client.units()).isEmpty();
    }

    /** A configuration of the mapping alone, reading sizes and durations as Quarkus does ("3M", "1m"). */
    @Test
    void theDemoLetsAWholeConformanceSuiteRunWriteWhileProductionKeepsItsAllowance() throws IOException {
        URL properties = XapiConfigTest.class.getResource("/application.properties");
        String calls = "jpledger.limits.kind.xapi-statements.calls";

        SmallRyeConfig production = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250)).build();
        SmallRyeConfig demo = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("local")
                .withSources(new PropertiesConfigSource(properties, 250)).build();

        assertThat(production.getValue(calls, Integer.class)).isEqualTo(600);
        // The ADL suite sends about 1,700 statement writes within one window and does not retry.
        assertThat(demo.getValue(calls, Integer.class)).isGreaterThanOrEqualTo(2 * 1700);
    }

    private static SmallRyeConfigBuilder builder() {
        return new SmallRyeConfigBuilder().withMapping(XapiConfig.class)
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withConverter(Duration.class, 200, new DurationConverter());
    }
}
