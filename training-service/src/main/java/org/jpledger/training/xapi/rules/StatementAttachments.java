package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.FieldErrors;

/**
 * The attachments of a statement request: every attachment either points at its file (fileUrl) or comes as a part of a
 * multipart/mixed request whose X-Experience-API-Hash is its sha2 (and matches its content); every part belongs to an
 * attachment; a signature attachment is a JWS whose payload is the statement, signed by the certificate it names.
 */
public final class StatementAttachments {

    /** The usage type of a statement's signature (xAPI 2.6). */
    public static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";
    public static final String HASH_HEADER = "X-Experience-API-Hash";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SIGNATURE_ALGORITHMS = Map.of("RS256", "SHA256withRSA", "RS384",
            "SHA384withRSA", "RS512", "SHA512withRSA");

    private StatementAttachments() {
    }

    /** What one request's attachments may come to: attachments named by one statement, and bytes of content. */
    public record Caps(int perStatement, long bytes) {
    }

    /**
     * Refuses a statement naming more attachments than {@code caps} allow (400) and parts whose content together passes
     * its byte cap (413, naming the attachment whose part passed it); cheap, so it comes before any content is hashed
     * or looked up. {@code batch} puts "[i]." before field names.
     */
    public static void limit(List<? extends JsonNode> statements, List<MultipartMixed.Part> parts, Caps caps,
            boolean batch) {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode attachments = statements.get(i).path("attachments");
            if (attachments.isArray() && attachments.size() > caps.perStatement()) {
                errors.add((batch ? "[" + i + "]." : "") + "attachments", "at most " + caps.perStatement()
                        + " attachments in one statement, not " + attachments.size());
            }
        }
        errors.throwIfAny();
        long total = 0;
        for (int p = 0; p < parts.size(); p++) {
            total += parts.get(p).content().length;
            if (total > caps.bytes()) {
                String hash = parts.get(p).header(HASH_HEADER);
                String field = hash == null ? null : attachmentNaming(statements, hash, batch);
                throw new PayloadTooLargeException("The attachments' content passes the limit of " + caps.bytes()
                        + " bytes for one request; send the statements in several requests.",
                        List.of(new FieldError(field == null ? "part " + (p + 2) : field, "its content brings the "
                                + "request's attachments past " + caps.bytes() + " bytes")));
            }
        }
    }

    /** The field of the first attachment of {@code statements} with sha2 {@code hash}, or null when none has it. */
    private static String attachmentNaming(List<? extends JsonNode> statements, String hash, boolean batch) {
        for (int i = 0; i < statements.size(); i++) {
            JsonNode attachments = statements.get(i).path("attachments");
            for (int a = 0; a < attachments.size(); a++) {
                if (attachments.get(a).path("sha2").asText("").equalsIgnoreCase(hash)) {
                    return (batch ? "[" + i + "]." : "") + "attachments[" + a + "]";
                }
            }
        }
        return null;
    }

    /**
     * Checks the statements' attachments against the attachment {@code parts} (none for a JSON request) and returns the
     * parts by hash; refuses (400) the request naming every problem. An attachment without fileUrl needs its content in
     * this request, even when an earlier one brought it (xAPI Data 2.4.11, Communication 1.5.2). {@code batch} puts
     * "[i]." before field names.
     */
    public static Map<String, MultipartMixed.Part> check(List<? extends JsonNode> statements,
            List<MultipartMixed.Part> parts, boolean batch) {
        FieldErrors errors = new FieldErrors();
        Map<String, MultipartMixed.Part> byHash = new LinkedHashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            MultipartMixed.Part part = parts.get(p);
            String where = "part " + (p + 2);
            String hash = part.header(HASH_HEADER);
            if (hash == null || part.header("Content-Type") == null) {
                errors.add(where, "an attachment part needs Content-Type and " + HASH_HEADER);
                continue;
            }
            String encoding = part.header("Content-Transfer-Encoding");
            if (encoding != null && !encoding.equalsIgnoreCase("binary")) {
                errors.add(where, "Content-Transfer-Encoding must be binary");
                continue;
            }
            String computed = digest(part.content(), hash.length());
            if (computed == null || !computed.equalsIgnoreCase(hash)) {
                errors.add(where, HASH_HEADER + " is not the SHA-2 of the part's content");
                continue;
            }
            byHash.put(hash.toLowerCase(Locale.ROOT), part);
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonNode statement = statements.get(i);
            JsonNode attachments = statement.path("attachments");
            for (int a = 0; a < attachments.size(); a++) {
                JsonNode attachment = attachments.get(a);
                String field = (batch ? "[" + i + "]." : "") + "attachments[" + a + "]";
                String sha2 = attachment.path("sha2").asText("").toLowerCase(Locale.ROOT);
                MultipartMixed.Part part = byHash.get(sha2);
                if (part != null) {
                    used.add(sha2);
                } else if (!attachment.hasNonNull("fileUrl")) {
                    errors.add(field, "no fileUrl, and no part of this request carries content with this sha2");
                    continue;
                }
                if (SIGNATURE.equals(attachment.path("usageType").asText(null))) {
                    if (part == null) {
                        errors.add(field, "a signature's JWS must come as a part of the request");
                    } else {
                        String problem = signatureProblem(statement, part.content(),
                                attachment.path("contentType").asText(""));
                        if (problem != null) {
                            errors.add(field, problem);
                        }
                    }
                }
            }
        }
        byHash.keySet().stream().filter(hash -> !used.contains(hash)).forEach(hash ->
                errors.add("body", "the part with " + HASH_HEADER + " " + hash + " belongs to no attachment"));
        errors.throwIfAny();
        return byHash;
    }

    /** Why a signature attachment is malformed (xAPI 2.6), or null when it is well formed. */
    static String signatureProblem(JsonNode statement, byte[] content, String contentType) {
        if (!contentType.equalsIgnoreCase("application/octet-stream")) {
            return "a signature's contentType must be application/octet-stream";
        }
        String[] jws = new String(content, StandardCharsets.US_ASCII).trim().split("\\.");
        if (jws.length != 3) {
            return "a signature must be a JWS in compact serialisation";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jws[0]));
            String algorithm = SIGNATURE_ALGORITHMS.get(header.path("alg").asText(""));
            if (algorithm == null) {
                return "a signature's alg must be RS256, RS384 or RS512";
            }
            JsonNode signed = JSON.readTree(Base64.getUrlDecoder().decode(jws[1]));
            if (signed == null || !signed.isObject() || !StatementComparison.equivalent(signed, statement)) {
                return "the signed statement is not the statement sent";
            }
            JsonNode chain = header.path("x5c");
            if (chain.isArray() && !chain.isEmpty()) {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(chain.get(0).asText())));
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(certificate.getPublicKey());
                verifier.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
                if (!verifier.verify(Base64.getUrlDecoder().decode(jws[2]))) {
                    return "the signature does not verify with the certificate in x5c";
                }
            }
            return null;
        } catch (RuntimeException | IOException | GeneralSecurityException e) {
            return "a signature must be a JWS in compact serialisation (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The hex SHA-2 of {@code content} of the length a hash of {@code hexLength} digits has; null for no SHA-2. */
    public static String digest(byte[] content, int hexLength) {
        String algorithm = switch (hexLength) {
            case 56 -> "SHA-224";
            case 64 -> "SHA-256";
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> null;
        };
        if (algorithm == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
