package org.jpledger.training.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * Certificate files of completions over HTTP: kept once per hash, typed by their bytes, bounded in size and number,
 * seen only within the caller's units, and every download audited.
 */
@QuarkusTest
class CertificateResourceTest {

    /** The test profile's jpledger.evidence.max-file-size (64K). */
    private static final int LIMIT = 64 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Inject
    DataSource dataSource;

    @Test
    void attachesAPdfListsItAndServesItInlineWithItsHashAsETag() {
        String completion = completion(employeeIn(unit()));
        byte[] pdf = pdf("sttpp");

        Map<String, Object> attached = attach(completion, pdf, "application/pdf", "STTPP Analis Kebijakan.pdf")
                .then().statusCode(201).header("Location", startsWith("http")).extract().jsonPath().getMap("");

        String sha = sha256(pdf);
        assertThat(attached).containsEntry("sha256", sha).containsEntry("size", pdf.length)
                .containsEntry("contentType", "application/pdf").containsEntry("fileName", "STTPP Analis Kebijakan.pdf")
                .containsEntry("attachedBy", TestTokens.TEST_SUITE);
        given().get("/api/v1/completions/{id}/certificates", completion).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].sha256", equalTo(sha)).body("[0].size", equalTo(pdf.length));
        Response download = given().get("/api/v1/completions/{id}/certificates/{sha}", completion, sha);
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("inline; filename=\"STTPP Analis Kebijakan.pdf\""))
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", "sandbox")
                .header("ETag", "\"" + sha + "\"");
        assertThat(download.asByteArray()).isEqualTo(pdf);
    }

    @Test
    void theSameFileIsKeptOnceForTwoCompletionsAndLinkedOnceToOne() throws SQLException {
        String nip = employeeIn(unit());
        String first = completion(nip);
        String second = completion(nip);
        byte[] png = png("bersama");

        attach(first, png, "image/png", null).then().statusCode(201).body("fileName", equalTo("sertifikat.png"));
        attach(first, png, "image/png", null).then().statusCode(200).body("sha256", equalTo(sha256(png)));
        attach(second, png, "image/png", null).then().statusCode(201);

        assertThat(count("SELECT count(*) FROM evidence_blob WHERE sha256 = ?", sha256(png))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM completion_evidence WHERE sha256 = ?", sha256(png))).isEqualTo(2);
        given().get("/api/v1/completions/{id}/certificates", first).then().body("size()", equalTo(1));
    }

    @Test
    void theBytesDecideTheTypeNotTheContentTypeHeader() throws SQLException {
        String completion = completion(employeeIn(unit()));
        byte[] png = png("sebagai-pdf");
        byte[] text = ("Ini bukan PDF " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        attach(completion, png, "application/pdf", "sertifikat.pdf").then().statusCode(201)
                .body("contentType", equalTo("image/png"));
        assertRefused(attach(completion, text, "application/pdf", "sertifikat.pdf"), 415);
        assertRefused(attach(completion, text, "text/plain", "sertifikat.txt"), 415);

        assertThat(count("SELECT count(*) FROM evidence_blob WHERE sha256 = ?", sha256(text))).isZero();
        given().get("/api/v1/completions/{id}/certificates/{sha}", completion, sha256(png)).then().statusCode(200)
                .contentType("image/png");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWhetherItsLengthIsDeclaredOrStreamed() throws SQLException {
        String completion = completion(employeeIn(unit()));
        byte[] atLimit = padded(png("pas"), LIMIT);
        byte[] over = padded(png("lebih"), LIMIT + 1);

        assertRefused(attach(completion, over, "image/png", null), 413);
        assertRefused(given().contentType("image/png").body(new ByteArrayInputStream(over))
                .post("/api/v1/completions/{id}/certificates", completion), 413);
        attach(completion, atLimit, "image/png", null).then().statusCode(201).body("size", equalTo(LIMIT));

        assertThat(count("SELECT count(*) FROM evidence_blob WHERE sha256 = ?", sha256(over))).isZero();
    }

    @Test
    void aCompletionHoldsAtMostTenFiles() {
        String completion = completion(employeeIn(unit()));
        for (int i = 0; i < 10; i++) {
            attach(completion, png("ke-" + i), "image/png", null).then().statusCode(201);
        }

        assertRefused(attach(completion, png("ke-10"), "image/png", null), 409);
        given().get("/api/v1/completions/{id}/certificates", completion).then().body("size()", equalTo(10));
    }

    @Test
    void aVoidedCompletionTakesNoFile() {
        String completion = completion(employeeIn(unit()));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"Salah input\"}")
                .post("/api/v1/completions/{id}/void", completion).then().statusCode(200);

        assertRefused(attach(completion, pdf("batal"), "application/pdf", null), 409);
    }

    @Test
    void aFileNameComesFromContentDispositionWhenNoFileNameIsGiven() {
        String completion = completion(employeeIn(unit()));

        given().contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"../../etc/STTPP.pdf\"")
                .body(pdf("nama")).post("/api/v1/completions/{id}/certificates", completion)
                .then().statusCode(201).body("fileName", equalTo("STTPP.pdf"));
        assertRefused(attach(completion, pdf("panjang"), "application/pdf", "x".repeat(256) + ".pdf"), 400);
    }

    @Test
    void outsideItsUnitsACallerFindsNoCompletionAndAReportReaderIsRefused() {
        String home = unit();
        String completion = completion(employeeIn(unit()));
        byte[] pdf = pdf("lingkup");
        attach(completion, pdf, "application/pdf", null).then().statusCode(201);
        String sha = sha256(pdf);

        for (String role : List.of(Access.TRAINING_WRITER, Access.TRAINING_VERIFIER, Access.TRAINING_READER)) {
            String token = TestTokens.bearer(Token.withRoles(role).units(home).subject("lingkup-" + role));
            assertRefused(given().header("Authorization", token).get("/api/v1/completions/{id}/certificates",
                    completion), 404);
            assertRefused(given().header("Authorization", token).get("/api/v1/completions/{id}/certificates/{sha}",
                    completion, sha), 404);
        }
        String writer = TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(home).subject("penulis-luar"));
        assertRefused(given().header("Authorization", writer).contentType("application/pdf").body(pdf("lain"))
                .post("/api/v1/completions/{id}/certificates", completion), 404);
        assertRefused(given().header("Authorization", writer)
                .delete("/api/v1/completions/{id}/certificates/{sha}", completion, sha), 404);
        String reporter = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS)
                .subject("pelapor"));
        assertRefused(given().header("Authorization", reporter).get("/api/v1/completions/{id}/certificates/{sha}",
                completion, sha), 403);
        assertRefused(given().header("Authorization", reporter).contentType("application/pdf").body(pdf("pelapor"))
                .post("/api/v1/completions/{id}/certificates", completion), 403);
    }

    @Test
    void aVerifierInScopeMayAttachAndEveryDownloadIsAudited() {
        String unit = unit();
        String completion = completion(employeeIn(unit));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String verifier = TestTokens.bearer(Token.withRoles(Access.TRAINING_VERIFIER).units(unit)
                .subject("verifikator-" + run));
        byte[] jpeg = jpeg("audit");
        String sha = sha256(jpeg);

        given().header("Authorization", verifier).contentType("image/jpeg").body(jpeg)
                .post("/api/v1/completions/{id}/certificates", completion).then().statusCode(201);
        given().header("Authorization", verifier).get("/api/v1/completions/{id}/certificates/{sha}", completion, sha)
                .then().statusCode(200).contentType("image/jpeg");

        String admin = TestTokens.bearer(Token.withRoles(Access.ADMIN).subject("pemeriksa-" + run));
        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .header("Authorization", admin).queryParam("subject", "verifikator-" + run).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("entries"),
                found -> found.size() >= 2);
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry).containsEntry("action", "completion.certificate.read")
                    .containsEntry("targetId", completion).containsEntry("status", 200);
            assertThat(entry.get("details")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("sha256", sha);
        });
        assertThat(entries).anySatisfy(entry -> assertThat(entry)
                .containsEntry("action", "completion.certificate.attach").containsEntry("targetId", completion));
    }

    @Test
    void aDetachedFileIsNoLongerListedNorServed() {
        String completion = completion(employeeIn(unit()));
        byte[] pdf = pdf("lepas");
        String sha = sha256(pdf);
        attach(completion, pdf, "application/pdf", null).then().statusCode(201);

        given().delete("/api/v1/completions/{id}/certificates/{sha}", completion, sha).then().statusCode(204);

        given().get("/api/v1/completions/{id}/certificates", completion).then().body("size()", equalTo(0));
        assertRefused(given().get("/api/v1/completions/{id}/certificates/{sha}", completion, sha), 404);
        assertRefused(given().delete("/api/v1/completions/{id}/certificates/{sha}", completion, sha), 404);
        assertRefused(given().get("/api/v1/completions/{id}/certificates/{sha}", completion, "bukan-hash"), 404);
    }

    private static Response attach(String completion, byte[] content, String type, String fileName) {
        var request = given().contentType(type).body(content);
        if (fileName != null) {
            request.queryParam("fileName", fileName);
        }
        return request.post("/api/v1/completions/{id}/certificates", completion);
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
    }

    private static String unit() {
        String unit = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Unit " + unit, null)).put("/api/v1/units/{code}", unit)
                .then().statusCode(201);
        return unit;
    }

    private static String employeeIn(String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(unit)).put("/api/v1/employees/{nip}", nip)
                .then().statusCode(201);
        return nip;
    }

    private static String completion(String nip) {
        return given().contentType(ContentType.JSON).body(completionJson(nip, "cert-" + UUID.randomUUID()))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }

    static byte[] pdf(String seed) {
        return ("%PDF-1.7\n% sertifikat " + seed + " " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png(String seed) {
        return concat(PNG_MAGIC, (seed + " " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] jpeg(String seed) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                (seed + " " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] padded(byte[] head, int length) {
        byte[] content = Arrays.copyOf(head, length);
        Arrays.fill(content, head.length, length, (byte) 'x');
        return content;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
