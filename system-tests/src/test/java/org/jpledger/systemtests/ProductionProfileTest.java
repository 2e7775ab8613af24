package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.LocalStack;
import org.jpledger.localstack.LoopbackPorts;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both services as shipped, started in the production profile (or any profile but dev, test and local): they refuse
 * each configuration that would let the wrong callers in or expose their connections, saying which, and start with a
 * proper identity-provider setup. Outside production, authentication
 * can be switched off for throwaway experiments.
 */
@Tag("slow") // minutes alone: left out by -Pquick
class ProductionProfileTest {

    private static final String ISSUER = "https://sso.example.go.id/realms/asn";

    @TempDir
    static Path work;

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static Path localKey;
    private static Path providerKey;

    @BeforeAll
    static void start() throws IOException {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing(LocalStack.TRAINING_DB)
                .createDatabaseIfMissing(LocalStack.REPORTING_DB);
        broker = KafkaBroker.startThrowaway();
        localKey = LocalKeys.in(work.resolve("local-keys")).publicKeyFile();
        // The identity provider's public key: any key file that is not the run command's marked local key.
        providerKey = Files.copy(localKey, Files.createDirectories(work.resolve("idp")).resolve("idp-public.pem"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {broker, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // best effort: the next part still has to stop
            }
        }
    }

    @BeforeEach
    void noToken() {
        RestAssured.replaceFiltersWith(new ArrayList<>());
    }

    static Stream<Arguments> unsafeConfigurations() {
        return Stream.of("training-service", "reporting-service").flatMap(service -> Stream.of(
                Arguments.of(service, "no issuer", Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider"),
                        "no token issuer is configured"),
                Arguments.of(service, "local issuer", Map.of("MP_JWT_VERIFY_ISSUER", "urn:jpledger:local-development",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider"), "the local development issuer"),
                Arguments.of(service, "no key", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER),
                        "no token verification key is configured"),
                Arguments.of(service, "local key", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:local"), "is the run command's local development key"),
                Arguments.of(service, "authentication off", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider", "JPLEDGER_SECURITY_ENABLED", "false"),
                        "authentication is switched off"),
                Arguments.of(service, "key set over http", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://sso.example.go.id/realms/asn/certs"),
                        "is fetched over plain http://"),
                Arguments.of(service, "shipped database password", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider", "QUARKUS_DATASOURCE_PASSWORD",
                        PostgresServer.USER), "the database password is the shipped default"),
                Arguments.of(service, "plaintext Kafka", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider", "JPLEDGER_KAFKA_ALLOW_PLAINTEXT", "false"),
                        "Kafka is reached without TLS or SASL"),
                Arguments.of(service, "a profile of its own", Map.of("QUARKUS_PROFILE", "staging",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider"), "safety applies to every profile but")));
    }

    /** Production with the local run's settings added on top brings the jar's demo learning platform along. */
    static Stream<Arguments> shippedXapiClient() {
        return Stream.of(Arguments.of("training-service", "the local profile added", Map.of("QUARKUS_PROFILE",
                "prod,local", "MP_JWT_VERIFY_ISSUER", ISSUER, "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider"),
                "[demo-lms] come with the service's jar"));
    }

    @ParameterizedTest(name = "{0} refuses to start with {1}")
    @MethodSource({"unsafeConfigurations", "shippedXapiClient"})
    void refusesToStartInAnUnsafeConfiguration(String service, String label, Map<String, String> security,
            String reason) {
        ServiceProcess process = start(service, label, security);
        try {
            OptionalInt exit = process.awaitExit(Duration.ofMinutes(2));
            assertThat(exit).as("%s with %s should stop by itself", service, label).isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(process.output()).contains("Refusing to start in the production profile").contains(reason);
        } finally {
            process.close();
        }
    }

    @ParameterizedTest(name = "{0} starts with an identity provider's issuer and key")
    @ValueSource(strings = {"training-service", "reporting-service"})
    void startsWithAnIdentityProvidersIssuerAndKey(String service) {
        try (ServiceProcess process = start(service, "safe", Map.of("MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:provider"))) {
            process.awaitReady(Duration.ofMinutes(3));
            assertThat(process.output()).doesNotContain("Refusing to start");
        }
    }

    @Test
    void outsideProductionSwitchingAuthenticationOffLetsCallsInWithoutAToken() {
        Map<String, String> security = new HashMap<>(Map.of("QUARKUS_PROFILE", "local",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "KEY:local", "JPLEDGER_SECURITY_ENABLED", "false"));
        try (ServiceProcess process = start("reporting-service", "local without authentication", security)) {
            process.awaitReady(Duration.ofMinutes(3));

            given().baseUri(process.baseUrl()).get("/api/v1/compliance/summary").then().statusCode(200);
            given().baseUri(process.baseUrl()).get("/api/v1/status").then().statusCode(200);
        }
    }

    private static ServiceProcess start(String service, String label, Map<String, String> security) {
        String database = service.startsWith("training") ? LocalStack.TRAINING_DB : LocalStack.REPORTING_DB;
        Map<String, String> env = new HashMap<>(Map.of(
                // The jar's own default profile is prod; saying so keeps a QUARKUS_PROFILE of the caller's shell out.
                "QUARKUS_PROFILE", "prod",
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                // The throwaway server trusts loopback connections, so any password that is not the shipped one works.
                "QUARKUS_DATASOURCE_PASSWORD", "system-test-password",
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                // The throwaway broker listens on loopback without TLS; production says so explicitly.
                "JPLEDGER_KAFKA_ALLOW_PLAINTEXT", "true"));
        security.forEach((key, value) -> env.put(key, switch (value) {
            case "KEY:provider" -> providerKey.toString();
            case "KEY:local" -> localKey.toString();
            default -> value;
        }));
        return ServiceProcess.start(service, ProjectRoot.path().resolve(service + "/target/quarkus-app/quarkus-run.jar"),
                LoopbackPorts.free(), env, work.resolve(service + "-" + label.replace(' ', '-') + ".log"));
    }
}
