package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.training.xapi.rules.MultipartMixed;
import org.jpledger.training.xapi.rules.Signatures;
import org.jpledger.training.xapi.rules.StatementAttachments;
import org.junit.jupiter.api.Test;

/**
 * Statements with their attachments' content (multipart/mixed), read back with attachments=true (only by systems that
 * sent the content themselves, streamed), and signed ones.
 */
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
        // Sent again with its content: the same statement, so nothing changes.
        multipart(List.of(json(withAttachment(statement(id), sha2, certificate.length)),
                part("application/pdf", sha2, certificate))).post("/xapi/statements").then().statusCode(200);
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
    void anAttachmentWhoseContentCameOnlyInAnEarlierRequestIsRefused() {
        byte[] content = ("%PDF-1.4 sekali " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(content);
        multipart(List.of(json(withAttachment(statement(UUID.randomUUID()), sha2, content.length)),
                part("application/pdf", sha2, content))).post("/xapi/statements").then().statusCode(200);
        UUID later = UUID.randomUUID();

        lms().body(withAttachment(statement(later), sha2, content.length)).post("/xapi/statements")
                .then().statusCode(400).body("errors.field", hasItem("attachments[0]"));

        lms().queryParam("statementId", later.toString()).get("/xapi/statements").then().statusCode(404);
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

    @Test
    void attachmentContentReachesOnlySystemsWhoseOwnStatementsCarriedIt() {
        byte[] content = ("%PDF-1.4 milik lms-test " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(content);
        UUID carried = UUID.randomUUID();
        multipart(List.of(json(withAttachment(statement(carried), sha2, content.length)),
                part("application/pdf", sha2, content))).post("/xapi/statements").then().statusCode(200);

        // Another system, and a token whose subject is the carrier's name, only know the hash: they must send the part.
        UUID guessed = UUID.randomUUID();
        Xapi.as(Xapi.SCOPED).body(withAttachment(statement(guessed), sha2, content.length)).post("/xapi/statements")
                .then().statusCode(400).body("errors.field", hasItem("attachments[0]"));
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER, Access.TRAINING_READER)
                        .units(Access.ALL_UNITS).subject(Xapi.LMS))).header(Xapi.VERSION, "2.0.0")
                .contentType(ContentType.JSON).body(withAttachment(statement(UUID.randomUUID()), sha2, content.length))
                .post("/xapi/statements").then().statusCode(400).body("errors.field", hasItem("attachments[0]"));
        // Naming it by a fileUrl stores the statement, and its answer still carries no content it never sent.
        UUID pointing = UUID.randomUUID();
        Xapi.as(Xapi.SCOPED).body(withFileUrl(withAttachment(statement(pointing), sha2, content.length)))
                .post("/xapi/statements").then().statusCode(200);
        assertThat(partsOf(Xapi.as(Xapi.SCOPED), pointing)).hasSize(1);
        assertThat(partsOf(admin(), pointing)).as("an admin reads it as its sender would").hasSize(1);

        // The carrier names it again with the part (kept once), and gets it back with both statements.
        UUID again = UUID.randomUUID();
        multipart(List.of(json(withAttachment(statement(again), sha2, content.length)),
                part("application/pdf", sha2, content))).post("/xapi/statements").then().statusCode(200);
        for (UUID own : List.of(carried, again)) {
            List<MultipartMixed.Part> parts = partsOf(lms(), own);
            assertThat(parts).hasSize(2);
            assertThat(parts.get(1).content()).isEqualTo(content);
        }
        assertThat(partsOf(admin(), carried)).hasSize(2);
        lms().queryParam("statementId", guessed.toString()).get("/xapi/statements").then().statusCode(404);
    }

    @Test
    void aLongAnswerWithAttachmentsIsStreamedPartByPart() {
        String activity = "https://lms.example/lampiran-" + UUID.randomUUID();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] content = new byte[1024 * 1024];
            Arrays.fill(content, (byte) ('a' + i));
            contents.add(content);
            String statement = Xapi.attempted(UUID.randomUUID(), "lampiran@example.go.id", activity);
            multipart(List.of(json(withAttachment(statement, sha256(content), content.length)),
                    part("application/octet-stream", sha256(content), content))).post("/xapi/statements")
                    .then().statusCode(200);
        }

        Response read = lms().queryParam("activity", activity).queryParam("ascending", "true")
                .queryParam("attachments", "true").get("/xapi/statements");

        read.then().statusCode(200);
        // Written as it is read from the store, so its length is not known before the answer starts.
        assertThat(read.header("Content-Length")).isNull();
        assertThat(read.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        List<MultipartMixed.Part> parts = MultipartMixed.parse(read.asByteArray(),
                MultipartMixed.boundary(read.contentType()));
        assertThat(parts).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(parts.get(i + 1).content()).isEqualTo(contents.get(i));
            assertThat(parts.get(i + 1).header(StatementAttachments.HASH_HEADER)).isEqualTo(sha256(contents.get(i)));
        }
    }

    private static List<MultipartMixed.Part> partsOf(RequestSpecification reader, UUID id) {
        Response read = reader.queryParam("statementId", id.toString())
                .queryParam("attachments", "true").get("/xapi/statements");
        read.then().statusCode(200);
        return MultipartMixed.parse(read.asByteArray(), MultipartMixed.boundary(read.contentType()));
    }

    /** The test suite's token, which holds every role, admin among them. */
    private static RequestSpecification admin() {
        return given().header(Xapi.VERSION, "2.0.0");
    }

    private static String withFileUrl(String statement) {
        return statement.replace("\"sha2\":", "\"fileUrl\":\"https://lms.example/sertifikat.pdf\",\"sha2\":");
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
