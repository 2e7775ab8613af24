package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jpledger.training.xapi.rules.XapiJson.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Attachments and their content parts, and signed statements (xAPI 2.6). */
class StatementAttachmentsTest {

    private static final byte[] PDF = "%PDF-1.4 sertifikat".getBytes(StandardCharsets.US_ASCII);
    private static final String PDF_SHA2 = StatementAttachments.digest(PDF, 64);
    private static final String STATEMENT = """
            {"actor": {"mbox": "mailto:siti@example.id"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
             "object": {"id": "https://lms.example.id/courses/1"}}""";

    @Test
    void anAttachmentWithItsContentInAPartPasses() {
        JsonNode statement = withAttachment(STATEMENT, "application/pdf", PDF_SHA2, null);

        Map<String, MultipartMixed.Part> parts = StatementAttachments.check(List.of(statement),
                List.of(part("application/pdf", PDF_SHA2, PDF)), false);

        assertThat(parts).containsOnlyKeys(PDF_SHA2);
    }

    @Test
    void anAttachmentWithNeitherFileUrlNorContentIsRefused() {
        JsonNode statement = withAttachment(STATEMENT, "application/pdf", PDF_SHA2, null);

        assertThatThrownBy(() -> StatementAttachments.check(List.of(statement), List.of(), true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("[0].attachments[0]"));
    }

    @Test
    void aPartWhoseHashIsNotItsContentsOrThatNoAttachmentNamesIsRefused() {
        JsonNode statement = withAttachment(STATEMENT, "application/pdf", PDF_SHA2, "https://lms.example.id/c.pdf");
        String otherHash = StatementAttachments.digest("other".getBytes(StandardCharsets.US_ASCII), 64);

        assertThatThrownBy(() -> StatementAttachments.check(List.of(statement),
                List.of(part("application/pdf", otherHash, PDF)), false))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).reason())
                        .contains("not the SHA-2 of the part's content"));
        assertThatThrownBy(() -> StatementAttachments.check(List.of(parse(STATEMENT)),
                List.of(part("application/pdf", PDF_SHA2, PDF)), false))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors().get(0).reason())
                        .contains("belongs to no attachment"));
    }

    @Test
    void aSignedStatementWhoseSignatureVerifiesPasses() {
        byte[] jws = Signatures.sign(STATEMENT).getBytes(StandardCharsets.US_ASCII);
        String sha2 = StatementAttachments.digest(jws, 64);
        JsonNode statement = withSignature(STATEMENT, sha2);

        assertThat(StatementAttachments.check(List.of(statement),
                List.of(part("application/octet-stream", sha2, jws)), false)).containsOnlyKeys(sha2);
    }

    @Test
    void aSignatureOfAnotherStatementOrATamperedOneIsRefused() {
        String other = STATEMENT.replace("courses/1", "courses/2");
        byte[] ofOther = Signatures.sign(other).getBytes(StandardCharsets.US_ASCII);
        String jws = Signatures.sign(STATEMENT);
        byte[] tampered = (jws.substring(0, jws.lastIndexOf('.') + 1) + "AAAA" + jws.substring(jws.lastIndexOf('.') + 5))
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(StatementAttachments.signatureProblem(parse(STATEMENT), ofOther, "application/octet-stream"))
                .isEqualTo("the signed statement is not the statement sent");
        assertThat(StatementAttachments.signatureProblem(parse(STATEMENT), tampered, "application/octet-stream"))
                .isEqualTo("the signature does not verify with the certificate in x5c");
        assertThat(StatementAttachments.signatureProblem(parse(STATEMENT), "not.a-jws".getBytes(StandardCharsets.US_ASCII),
                "application/octet-stream")).startsWith("a signature must be a JWS");
        assertThat(StatementAttachments.signatureProblem(parse(STATEMENT), jws.getBytes(StandardCharsets.US_ASCII),
                "application/pdf")).contains("application/octet-stream");
    }

    @Test
    void aStatementNamingMoreAttachmentsThanTheCapIsRefusedByItsPlaceInTheBatch() {
        JsonNode one = withAttachment(STATEMENT, "application/pdf", PDF_SHA2, "https://lms.example.id/c.pdf");
        ObjectNode three = one.deepCopy();
        ArrayNode attachments = (ArrayNode) three.get("attachments");
        attachments.add(attachments.get(0).deepCopy()).add(attachments.get(0).deepCopy());
        StatementAttachments.Caps caps = new StatementAttachments.Caps(2, 1000);

        StatementAttachments.limit(List.of(one), List.of(), caps, false);
        assertThatThrownBy(() -> StatementAttachments.limit(List.of(one, three), List.of(), caps, true))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("[1].attachments");
                    assertThat(e.errors().get(0).reason()).contains("at most 2");
                });
    }

    @Test
    void partsWhoseContentTogetherPassesTheByteCapAreTooLargeNamingTheAttachmentThatPassedIt() {
        byte[] other = "isi lain yang cukup panjang".getBytes(StandardCharsets.US_ASCII);
        String otherSha2 = StatementAttachments.digest(other, 64);
        ObjectNode statement = withAttachment(STATEMENT, "application/pdf", PDF_SHA2, null).deepCopy();
        ((ArrayNode) statement.get("attachments")).addObject().put("usageType", "http://example.id/lain")
                .put("contentType", "text/plain").put("length", other.length).put("sha2", otherSha2)
                .putObject("display").put("en-US", "lain");
        StatementAttachments.Caps caps = new StatementAttachments.Caps(10, PDF.length + 5);

        StatementAttachments.limit(List.of(statement), List.of(part("application/pdf", PDF_SHA2, PDF)), caps, false);
        assertThatThrownBy(() -> StatementAttachments.limit(List.of(statement), List.of(
                        part("application/pdf", PDF_SHA2, PDF), part("text/plain", otherSha2, other)), caps, false))
                .isInstanceOfSatisfying(PayloadTooLargeException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("attachments[1]");
                    assertThat(e.getMessage()).contains(String.valueOf(PDF.length + 5));
                });
    }

    static JsonNode withAttachment(String statement, String contentType, String sha2, String fileUrl) {
        return parse(statement.substring(0, statement.lastIndexOf('}')) + ", \"attachments\": [{"
                + "\"usageType\": \"http://id.tincanapi.com/attachment/certificate\", \"display\": {\"en-US\": \"c\"}, "
                + "\"contentType\": \"" + contentType + "\", \"length\": 19, \"sha2\": \"" + sha2 + "\""
                + (fileUrl == null ? "" : ", \"fileUrl\": \"" + fileUrl + "\"") + "}]}");
    }

    static JsonNode withSignature(String statement, String sha2) {
        return parse(statement.substring(0, statement.lastIndexOf('}')) + ", \"attachments\": [{"
                + "\"usageType\": \"" + StatementAttachments.SIGNATURE + "\", \"display\": {\"en-US\": \"signature\"}, "
                + "\"contentType\": \"application/octet-stream\", \"length\": 1, \"sha2\": \"" + sha2 + "\"}]}");
    }

    static MultipartMixed.Part part(String contentType, String sha2, byte[] content) {
        return new MultipartMixed.Part(Map.of("content-type", contentType, "x-experience-api-hash", sha2), content);
    }
}
