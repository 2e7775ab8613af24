package org.jpledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jpledger.support.security.ProductionSafety.Connections;
import org.jpledger.support.security.ProductionSafety.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionSafetyTest {

    private static final Optional<String> ISSUER = Optional.of("https://sso.example.go.id/realms/asn");
    private static final Optional<String> JWKS = Optional.of("https://sso.example.go.id/realms/asn/protocol/openid-connect/certs");

    @Test
    void acceptsAnIssuerWithARemoteKeySet() {
        assertThat(ProductionSafety.reasons(new Settings(true, ISSUER, JWKS, false))).isEmpty();
    }

    @Test
    void refusesAuthenticationSwitchedOff() {
        assertThat(ProductionSafety.reasons(new Settings(false, ISSUER, JWKS, false)))
                .singleElement().asString().contains("jpledger.security.enabled=false");
    }

    @Test
    void refusesAMissingIssuerAndTheLocalIssuer() {
        assertThat(ProductionSafety.reasons(new Settings(true, Optional.empty(), JWKS, false)))
                .singleElement().asString().contains("no token issuer");
        assertThat(ProductionSafety.reasons(new Settings(true, Optional.of("urn:jpledger:local-development"), JWKS, false)))
                .singleElement().asString().contains("local development issuer");
    }

    @Test
    void refusesAMissingKey() {
        assertThat(ProductionSafety.reasons(new Settings(true, ISSUER, Optional.empty(), false)))
                .singleElement().asString().contains("no token verification key");
        assertThat(ProductionSafety.reasons(new Settings(true, ISSUER, Optional.empty(), true))).isEmpty();
    }

    @Test
    void refusesAKeyFileBesideTheLocalKeyMarker(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----");
        Settings settings = new Settings(true, ISSUER, Optional.of(key.toString()), false);
        assertThat(ProductionSafety.reasons(settings)).isEmpty();

        Files.writeString(dir.resolve(ProductionSafety.LOCAL_KEY_MARKER), "local");
        assertThat(ProductionSafety.reasons(settings)).singleElement().asString().contains("local development key");
        assertThat(ProductionSafety.reasons(new Settings(true, ISSUER, Optional.of("file:" + key), false)))
                .singleElement().asString().contains("local development key");
    }

    @Test
    void namesEveryUnsafeSettingAtOnce() {
        assertThat(ProductionSafety.reasons(new Settings(false, Optional.empty(), Optional.empty(), false))).hasSize(3);
    }

    private static Connections connections(Optional<String> issuer, Optional<String> key, String password,
            String kafkaProtocol, boolean plaintextAllowed, List<String> shippedClients) {
        return new Connections(issuer, key, Optional.ofNullable(password), kafkaProtocol, "SCRAM-SHA-512",
                plaintextAllowed, shippedClients);
    }

    @Test
    void acceptsHttpsTlsKafkaAndTheDeploymentsOwnPassword() {
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER, JWKS, "s3cret", "SASL_SSL", false,
                List.of()))).isEmpty();
    }

    @Test
    void refusesAnIssuerOrKeySetOverPlainHttpUnlessOnLoopback() {
        assertThat(ProductionSafety.connectionReasons(connections(Optional.of("http://sso.example.go.id/realms/asn"),
                Optional.of("http://sso.example.go.id/certs"), "s3cret", "SSL", false, List.of())))
                .hasSize(2).anySatisfy(reason -> assertThat(reason).contains("token issuer"))
                .anySatisfy(reason -> assertThat(reason).contains("verification key"));
        for (String loopback : List.of("http://localhost:8180/certs", "http://127.0.0.1/certs", "http://[::1]/certs")) {
            assertThat(ProductionSafety.connectionReasons(connections(ISSUER, Optional.of(loopback), "s3cret", "SSL",
                    false, List.of()))).as(loopback).isEmpty();
        }
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER,
                Optional.of("http://127.attacker.example/certs"), "s3cret", "SSL", false, List.of()))).hasSize(1);
    }

    @Test
    void refusesTheShippedDatabasePassword() {
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER, JWKS, "postgres", "SSL", false, List.of())))
                .singleElement().asString().contains("QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void refusesPlaintextKafkaUnlessExplicitlyAllowed() {
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER, JWKS, "s3cret", "PLAINTEXT", false,
                List.of()))).singleElement().asString().contains("JPLEDGER_KAFKA_ALLOW_PLAINTEXT");
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER, JWKS, "s3cret", "PLAINTEXT", true,
                List.of()))).isEmpty();
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER, JWKS, "s3cret", "SASL_PLAINTEXT", false,
                List.of()))).isEmpty();
    }

    @Test
    void refusesXapiClientsThatComeWithTheJar() {
        assertThat(ProductionSafety.connectionReasons(connections(ISSUER, JWKS, "s3cret", "SSL", false,
                List.of("demo-lms")))).singleElement().asString().contains("demo-lms");
    }

    @Test
    void refusesSaslPlainWithoutTls() {
        Connections plainInClear = new Connections(ISSUER, JWKS, Optional.of("s3cret"), "SASL_PLAINTEXT", "PLAIN", false,
                List.of());
        assertThat(ProductionSafety.connectionReasons(plainInClear)).singleElement().asString().contains("SASL_SSL");
        assertThat(ProductionSafety.connectionReasons(new Connections(ISSUER, JWKS, Optional.of("s3cret"), "SASL_SSL",
                "PLAIN", false, List.of()))).isEmpty();
    }
}
