package org.jpledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this checks what would break it: settings that no service
 * reads, ports that disagree, images that float.
 */
class ComposeFileTest {

    private static final Set<String> IDENTITY_PROVIDER_KEYS = Set.of("MP_JWT_VERIFY_ISSUER",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION");

    private static Path root;
    private static JsonNode compose;

    @BeforeAll
    static void readCompose() throws IOException {
        root = ProjectRoot.path();
        compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"training-service", "reporting-service"})
    void everyEnvironmentVariableOfAServiceMapsToOneOfItsConfigurationKeys(String service) throws IOException {
        Set<String> keysAsVariables = configuration(service).stringPropertyNames().stream()
                .map(ComposeFileTest::asEnvironmentVariable).collect(Collectors.toCollection(HashSet::new));
        // Required in production and deliberately without a default (an empty one would hide the reason it is refused).
        keysAsVariables.addAll(IDENTITY_PROVIDER_KEYS);
        List<String> variables = new ArrayList<>();
        compose.at("/services/" + service + "/environment").fieldNames().forEachRemaining(variables::add);

        assertThat(variables).isNotEmpty();
        assertThat(keysAsVariables).as("configuration keys of %s as environment variables", service)
                .containsAll(variables);
    }

    @ParameterizedTest
    @ValueSource(strings = {"training-service", "reporting-service"})
    void portsAgreeBetweenComposeDockerfileAndConfiguration(String service) throws IOException {
        String httpPort = configuration(service).getProperty("quarkus.http.port");
        JsonNode definition = compose.at("/services/" + service);

        assertThat(definition.at("/environment/QUARKUS_HTTP_PORT").asText()).isEqualTo(httpPort);
        assertThat(definition.at("/ports/0").asText()).isEqualTo(httpPort + ":" + httpPort);
        assertThat(Files.readString(root.resolve(service).resolve(definition.at("/build/dockerfile").asText())))
                .contains("EXPOSE " + httpPort);
        assertThat(definition.at("/healthcheck/test/1").asText()).contains("localhost:" + httpPort + "/q/health/ready");
    }

    @ParameterizedTest
    @ValueSource(strings = {"training-service", "reporting-service"})
    void eachServiceUsesItsOwnDatabaseOnTheComposeBrokerAndServer(String service) {
        JsonNode env = compose.at("/services/" + service + "/environment");
        String database = service.substring(0, service.indexOf('-'));

        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(compose.at("/services/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText()
                        .replace("PLAINTEXT://", ""));
        assertThat(compose.at("/services/" + service + "/depends_on/postgres/condition").asText())
                .isEqualTo("service_healthy");
        assertThat(compose.at("/services/" + service + "/depends_on/kafka/condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void theDatabaseInitScriptCreatesBothServiceDatabases() throws IOException {
        String mount = compose.at("/services/postgres/volumes/1").asText();
        String script = Files.readString(root.resolve(mount.substring(2, mount.indexOf(':'))));

        assertThat(script).contains("CREATE DATABASE training;").contains("CREATE DATABASE reporting;");
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        Pattern pinned = Pattern.compile("[^:]+:\\d[\\w.-]*");
        compose.get("services").forEach(service -> {
            String image = service.get("image").asText();
            assertThat(image).as("image %s", image).matches(pinned);
        });
    }

    @Test
    void everyDependencyConditionPointsAtAServiceWithAHealthcheck() {
        compose.get("services").fields().forEachRemaining(service -> service.getValue().path("depends_on").fieldNames()
                .forEachRemaining(dependency -> assertThat(compose.at("/services/" + dependency + "/healthcheck").isObject())
                        .as("%s depends on %s, which has no healthcheck", service.getKey(), dependency).isTrue()));
    }

    @Test
    void serviceImagesAreBuiltFromTheServicesOwnJvmDockerfiles() {
        for (String service : List.of("training-service", "reporting-service")) {
            assertThat(compose.at("/services/" + service + "/build/context").asText()).isEqualTo("./" + service);
            assertThat(Files.isRegularFile(root.resolve(service).resolve("Dockerfile.jvm"))).isTrue();
        }
    }

    private static Properties configuration(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The MicroProfile Config rule: non-alphanumerics become '_', then upper case. */
    static String asEnvironmentVariable(String key) {
        Matcher nonAlphanumeric = Pattern.compile("[^A-Za-z0-9]").matcher(key);
        return nonAlphanumeric.replaceAll("_").toUpperCase(java.util.Locale.ROOT);
    }
}
