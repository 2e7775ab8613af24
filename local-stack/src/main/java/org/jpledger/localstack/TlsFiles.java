package org.jpledger.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway PKCS12 files for mutual TLS on loopback, made with the JDK's keytool: a test CA, a truststore holding it,
 * and keystores of a broker and a client signed by it (valid for 127.0.0.1 and localhost), plus one of a client the CA
 * never signed.
 *
 * @param password the password of every store and key
 */
public record TlsFiles(Path truststore, Path brokerKeystore, Path clientKeystore, Path strangerKeystore,
        String password) {

    private static final String PASSWORD = "local-test-only";
    private static final String VALIDITY_DAYS = "2";

    /** Generates the files in {@code directory}; takes a few seconds (one keytool process per step). */
    public static TlsFiles generate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path ca = directory.resolve("ca.p12");
            Path caCertificate = directory.resolve("ca.pem");
            keytool(directory, "-genkeypair", "-alias", "ca", "-dname", "CN=JP Ledger test CA", "-ext", "bc:c",
                    "-keystore", ca.toString());
            keytool(directory, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file",
                    caCertificate.toString());
            Path truststore = directory.resolve("truststore.p12");
            keytool(directory, "-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(),
                    "-keystore", truststore.toString());
            Path broker = signed(directory, "broker", ca, caCertificate);
            Path client = signed(directory, "client", ca, caCertificate);
            Path stranger = directory.resolve("stranger.p12");
            keytool(directory, "-genkeypair", "-alias", "stranger", "-dname", "CN=client", "-keystore",
                    stranger.toString());
            return new TlsFiles(truststore, broker, client, stranger, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path signed(Path directory, String name, Path ca, Path caCertificate) {
        Path keystore = directory.resolve(name + ".p12");
        Path request = directory.resolve(name + ".csr");
        Path certificate = directory.resolve(name + ".pem");
        keytool(directory, "-genkeypair", "-alias", name, "-dname", "CN=" + name, "-keystore", keystore.toString());
        keytool(directory, "-certreq", "-alias", name, "-keystore", keystore.toString(), "-file", request.toString());
        keytool(directory, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(),
                "-outfile", certificate.toString(), "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        keytool(directory, "-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-keystore",
                keystore.toString());
        keytool(directory, "-importcert", "-alias", name, "-file", certificate.toString(), "-keystore",
                keystore.toString());
        return keystore;
    }

    private static void keytool(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        if (arguments[0].equals("-genkeypair")) {
            // EC keys: generated in milliseconds, where RSA takes seconds.
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", VALIDITY_DAYS, "-keypass",
                    PASSWORD));
        }
        if (arguments[0].equals("-gencert")) {
            command.addAll(List.of("-validity", VALIDITY_DAYS));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
