package org.jpledger.training.xapi.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Signed statements for tests: a key pair and self-signed certificate made once with the JDK's keytool, and compact
 * JWS signatures (RS256, the certificate in x5c) of statement JSON.
 */
public final class Signatures {

    private static PrivateKey key;
    private static X509Certificate certificate;

    private Signatures() {
    }

    /** The compact JWS of {@code statementJson}, signed with the test key and naming its certificate. */
    public static String sign(String statementJson) {
        try {
            load();
            String header = "{\"alg\":\"RS256\",\"x5c\":[\"" + Base64.getEncoder().encodeToString(certificate.getEncoded())
                    + "\"]}";
            String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64Url(statementJson.getBytes(StandardCharsets.UTF_8));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    private static synchronized void load() throws Exception {
        if (key != null) {
            return;
        }
        Path dir = Files.createTempDirectory("xapi-signing");
        Path store = dir.resolve("signer.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "signer", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=LMS Test Signer", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) keys.getKey("signer", "changeit".toCharArray());
        certificate = (X509Certificate) keys.getCertificate("signer");
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
