package org.jpledger.training.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.training.xapi.MultipartMixed;
import org.jpledger.training.xapi.Signatures;
import org.jpledger.training.xapi.StatementAttachments;
import org.junit.jupiter.api.Test;

/** Statements with their attachments' content (multipart/mixed), read back with attachments=true, and signed ones. */
@QuarkusTest
class StatementAttachmentTest {

    private static final String BOUNDARY = "batas-" + UUID.randomUUID();

    @Test
    void storesAnAttachmentSentWithItsStatementAndAnswersItWithAttachmentsTrue() {
        UUID id = UUID.randomUUID();
        byte[] certificate = ("%PDF-1.4 sertifikat " + id).getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(certificate);

        multipart(List.of(json(withAttachment(statement(id), sha2, certificate.length)),
                part("application/pdf", sha2, certificate))).post("/xapi/statements").then().statusCode(200);

        Response read = lms().queryParam("statementId", id.toString()).queryParam("attachments", "true")
                .get("/xapi/statements");
        read.then().statusCode(200);
        List<MultipartMixed.Part> parts = MultipartMixed.parse(read.asByteArray(),
                MultipartMixed.boundary(read.contentType()));
        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).contains(id.toString(), sha2);
        assertThat(parts.get(1).header("X-Experience-API-Hash")).isEqualTo(sha2);
        assertThat(parts.get(1).header("Content-Transfer-Encoding")).isEqualTo("binary");
        assertThat(parts.get(1).content()).isEqualTo(certificate);
        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(200)
                .contentType("application/json");
        // Sent again as JSON alone: the content is already kept, so the statement is the same and nothing changes.
        lms().body(withAttachment(statement(id), sha2, certificate.length)).post("/xapi/statements").then().statusCode(200);
    }

    @Test
    void anAttachmentWithoutFileUrlOrContentIsRefusedAndNothingStored() {
        UUID id = UUID.randomUUID();
        String sha2 = sha256("tidak dikirim".getBytes(StandardCharsets.US_ASCII));

        lms().body(withAttachment(statement(id), sha2, 13)).post("/xapi/statements")
                .then().statusCode(400).body("errors.field", hasItem("attachments[0]"));

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void aPartWhoseHashIsWrongIsRefused() {
        UUID id = UUID.randomUUID();
        byte[] content = "isi".getBytes(StandardCharsets.US_ASCII);
        String claimed = sha256("lain".getBytes(StandardCharsets.US_ASCII));

        multipart(List.of(json(withAttachment(statement(id), claimed, 3)), part("text/plain", claimed, content)))
                .post("/xapi/statements").then().statusCode(400);

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void aSignedStatementIsStoredAndATamperedOneRefused() {
        UUID id = UUID.randomUUID();
        String original = statement(id);
        byte[] jws = Signatures.sign(original).getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(jws);
        String signed = original.substring(0, original.lastIndexOf('}')) + ",\"attachments\":[{\"usageType\":\""
                + StatementAttachments.SIGNATURE + "\",\"display\":{\"en-US\":\"signature\"},"
                + "\"contentType\":\"application/octet-stream\",\"length\":" + jws.length + ",\"sha2\":\"" + sha2
                + "\"}]}";

        multipart(List.of(json(signed.replace("module-1", "module-2")), part("application/octet-stream", sha2, jws)))
                .post("/xapi/statements").then().statusCode(400);
        multipart(List.of(json(signed), part("application/octet-stream", sha2, jws)))
                .post("/xapi/statements").then().statusCode(200);

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(200);
    }

    private static String statement(UUID id) {
        return Xapi.attempted(id, "lampiran@example.go.id", "https://lms.example/module-1");
    }

    private static String withAttachment(String statement, String sha2, int length) {
        return statement.substring(0, statement.lastIndexOf('}')) + ",\"attachments\":[{\"usageType\":"
                + "\"http://id.tincanapi.com/attachment/certificate\",\"display\":{\"id-ID\":\"Sertifikat\"},"
                + "\"contentType\":\"application/pdf\",\"length\":" + length + ",\"sha2\":\"" + sha2 + "\"}]}";
    }

    private static RequestSpecification multipart(List<MultipartMixed.Part> parts) {
        return lms().contentType("multipart/mixed; boundary=" + BOUNDARY).body(MultipartMixed.write(parts, BOUNDARY));
    }

    private static MultipartMixed.Part json(String statement) {
        return new MultipartMixed.Part(Map.of("Content-Type", "application/json"),
                statement.getBytes(StandardCharsets.UTF_8));
    }

    private static MultipartMixed.Part part(String type, String sha2, byte[] content) {
        return new MultipartMixed.Part(Map.of("Content-Type", type, "Content-Transfer-Encoding", "binary",
                "X-Experience-API-Hash", sha2), content);
    }

    private static String sha256(byte[] content) {
        return StatementAttachments.digest(content, 64);
    }
}
