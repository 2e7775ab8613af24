package org.jpledger.training.xapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.jpledger.training.xapi.rest.Xapi.completed;
import static org.jpledger.training.xapi.rest.Xapi.lms;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.training.TestData;
import org.jpledger.training.xapi.rules.MultipartMixed;
import org.jpledger.training.xapi.rules.StatementAttachments;
import org.junit.jupiter.api.Test;

/**
 * A completion statement's attachment with the certificate usage type becomes the completion's certificate file, typed
 * by its bytes; one that is no PDF or image refuses the statement.
 */
@QuarkusTest
class StatementCertificateTest {

    private static final String BOUNDARY = "sertifikat-" + UUID.randomUUID();

    @Test
    void aCertificateAttachmentOfACompletionStatementIsTheCompletionsCertificateFile() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();
        byte[] pdf = ("%PDF-1.7 sertifikat LMS " + id).getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(pdf);

        multipart(withCertificate(completed(id, nip), sha2, pdf.length, "image/png"),
                part("image/png", sha2, pdf)).post("/xapi/statements").then().statusCode(200);

        String completion = given().queryParam("nip", nip).get("/api/v1/completions").then().statusCode(200)
                .extract().path("items[0].id");
        given().get("/api/v1/completions/{id}/certificates", completion).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].sha256", equalTo(sha2))
                .body("[0].contentType", equalTo("application/pdf")).body("[0].fileName", equalTo("STTPP Kursus"))
                .body("[0].attachedBy", equalTo(Xapi.LMS));
        assertThat(given().get("/api/v1/completions/{id}/certificates/{sha}", completion, sha2).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(pdf);
    }

    @Test
    void aCertificateAttachmentThatIsNoPdfOrImageRefusesTheStatement() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();
        byte[] text = ("sertifikat palsu " + id).getBytes(StandardCharsets.US_ASCII);
        String sha2 = sha256(text);

        multipart(withCertificate(completed(id, nip), sha2, text.length, "application/pdf"),
                part("application/pdf", sha2, text)).post("/xapi/statements").then().statusCode(400)
                .body("errors.field", hasItem("attachments[0]"));

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(404);
        given().queryParam("nip", nip).get("/api/v1/completions").then().body("items.size()", equalTo(0));
    }

    @Test
    void aCertificateAttachmentOverTheSizeLimitRefusesTheStatement() {
        String nip = TestData.registeredEmployee();
        UUID id = UUID.randomUUID();
        byte[] big = Arrays.copyOf("%PDF-1.7 besar".getBytes(StandardCharsets.US_ASCII), 64 * 1024 + 1);
        String sha2 = sha256(big);

        multipart(withCertificate(completed(id, nip), sha2, big.length, "application/pdf"),
                part("application/pdf", sha2, big)).post("/xapi/statements").then().statusCode(413);

        lms().queryParam("statementId", id.toString()).get("/xapi/statements").then().statusCode(404);
    }

    private static String withCertificate(String statement, String sha2, int length, String type) {
        return statement.substring(0, statement.lastIndexOf('}')) + ",\"attachments\":[{\"usageType\":\""
                + XapiProfile.CERTIFICATE_ATTACHMENT + "\",\"display\":{\"id-ID\":\"STTPP Kursus\"},"
                + "\"contentType\":\"" + type + "\",\"length\":" + length + ",\"sha2\":\"" + sha2 + "\"}]}";
    }

    private static RequestSpecification multipart(String statement, MultipartMixed.Part attachment) {
        MultipartMixed.Part json = new MultipartMixed.Part(Map.of("Content-Type", "application/json"),
                statement.getBytes(StandardCharsets.UTF_8));
        return lms().contentType("multipart/mixed; boundary=" + BOUNDARY)
                .body(MultipartMixed.write(List.of(json, attachment), BOUNDARY));
    }

    private static MultipartMixed.Part part(String type, String sha2, byte[] content) {
        return new MultipartMixed.Part(Map.of("Content-Type", type, "Content-Transfer-Encoding", "binary",
                "X-Experience-API-Hash", sha2), content);
    }

    private static String sha256(byte[] content) {
        return StatementAttachments.digest(content, 64);
    }
}
