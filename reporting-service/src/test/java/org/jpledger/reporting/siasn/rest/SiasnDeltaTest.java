package org.jpledger.reporting.siasn.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.export.CsvRows;
import org.jpledger.reporting.siasn.service.SiasnDeltaService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIASN deltas over a unit of each test's own: record, export and acknowledge; amend one, void one, add one; the next
 * delta holds exactly CREATE, UPDATE and DELETE, its files say so in both shapes and read the same at each download,
 * and after its acknowledgement the next delta is empty. Acknowledging twice, or a superseded delta, is a conflict.
 */
@QuarkusTest
class SiasnDeltaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private LedgerEvents events;
    private SiasnFixture ledger;
    private String root;
    private String operator;
    private String nip;

    @BeforeEach
    void unit() {
        events = new LedgerEvents(bootstrapServers, mapper);
        ledger = new SiasnFixture(events, new Projections(dataSource));
        root = "SIASN-D-" + UUID.randomUUID().toString().substring(0, 8);
        nip = LedgerEvents.freshNip();
        ledger.unit(root, "Kabupaten Delta", null, "INSTANSI-" + root);
        ledger.employee(nip, "Rina Delta", root, "ORANG-" + nip);
        ledger.await();
        operator = TestTokens.bearer(Token.withRoles(Access.SIASN_OPERATOR).units(root).subject("op-" + root));
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void sendsCreateUpdateAndDeleteExactlyOnceEachAndAVoidedRecordNeverAgain() throws IOException {
        UUID amendedId = UUID.randomUUID();
        UUID voidedId = UUID.randomUUID();
        UUID addedId = UUID.randomUUID();
        course(amendedId, 1, "12", false, "Pelatihan Teknis Diubah", 6);
        course(voidedId, 1, "8", false, "Pelatihan Teknis Dibatalkan", 7);
        ledger.await();

        JsonPath first = create(Map.of());
        assertThat(rows(first)).containsExactly(2, 0, 0);
        acknowledge(first, List.of(Map.of("completionId", amendedId.toString(), "siasnId", "RW-AMENDED"),
                Map.of("completionId", voidedId.toString(), "siasnId", "RW-VOIDED"))).statusCode(200);
        assertThat(rows(create(Map.of()))).containsExactly(0, 0, 0);

        course(amendedId, 2, "10", false, "Pelatihan Teknis Diubah", 6);
        course(voidedId, 2, "8", true, "Pelatihan Teknis Dibatalkan", 7);
        course(addedId, 1, "12", false, "Pelatihan Teknis Baru", 8);
        ledger.await();

        JsonPath delta = create(Map.of("note", "Upload Desember"));
        assertThat(rows(delta)).containsExactly(1, 1, 1);
        assertThat(delta.getString("state")).isEqualTo("OPEN");
        assertThat(delta.getString("note")).isEqualTo("Upload Desember");
        String csv = download(delta, "riwayat-kursus.csv");
        Map<String, String> placeholders = Map.of(amendedId.toString(), "{AMENDED}", voidedId.toString(), "{VOIDED}",
                addedId.toString(), "{ADDED}", nip, "{NIP}", root, "{ROOT}");
        SiasnExportResourceTest.assertGolden("delta-riwayat-kursus.csv", placeheld(csv, placeholders));
        SiasnExportResourceTest.assertGolden("delta-riwayat-kursus.jsonl",
                placeheld(download(delta, "riwayat-kursus.jsonl"), placeholders));
        List<List<String>> lines = CsvRows.parse(csv, ',');
        List<String> header = new ArrayList<>(List.of("action", "completionId"));
        header.addAll(SiasnCourse.FIELDS);
        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines.subList(1, lines.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .containsExactlyInAnyOrder("UPDATE " + amendedId + " RW-AMENDED", "DELETE " + voidedId + " RW-VOIDED",
                        "CREATE " + addedId + " ");
        assertThat(lines.subList(1, lines.size())).filteredOn(row -> row.get(0).equals("UPDATE"))
                .singleElement().satisfies(row -> assertThat(row.get(2 + SiasnCourse.FIELDS.indexOf("jumlahJam")))
                        .isEqualTo("10"));
        assertThat(download(delta, "riwayat-kursus.csv")).isEqualTo(csv);
        String jsonl = download(delta, "riwayat-kursus.jsonl");
        assertThat(jsonl.lines().map(line -> read(line).get("action")).toList())
                .containsExactlyInAnyOrder("CREATE", "UPDATE", "DELETE");
        assertThat(download(delta, "riwayat-diklat-struktural.csv").lines()).hasSize(1);
        byte[] xlsx = downloadBytes(delta, "siasn-delta.xlsx");
        assertThat(downloadBytes(delta, "siasn-delta.xlsx")).isEqualTo(xlsx);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(Sheet::getName).toList()).containsExactly("Riwayat Kursus",
                    "Riwayat Diklat Struktural");
        }

        acknowledge(delta, List.of(Map.of("completionId", addedId.toString(), "siasnId", "RW-ADDED")))
                .statusCode(200);
        assertThat(rows(create(Map.of()))).containsExactly(0, 0, 0);
        assertThat(Sql.single(dataSource, "SELECT siasn_id || ' ' || withdrawn FROM siasn_sync WHERE completion_id = ?",
                voidedId)).contains("RW-VOIDED true");
        assertThat(given().header("Authorization", operator).get("/api/v1/exports/siasn?format=jsonl").then()
                .statusCode(200).extract().asString()).contains("RW-ADDED").contains("RW-AMENDED")
                .doesNotContain("RW-VOIDED");
    }

    @Test
    void withdrawsARejectedCompletionOnceSentAndNeverSendsOneRejectedBefore() {
        LocalDate from = LocalDate.of(2025, 8, 4);
        CompletionRecorded sentFirst = ledger.completion(UUID.randomUUID(), 1, nip, 3, "Pelatihan Teknis Ditolak",
                "8", null, false, "8", from, from.plusDays(2), null, false);
        ledger.await();
        JsonPath first = create(Map.of());
        assertThat(rows(first)).containsExactly(1, 0, 0);
        acknowledge(first, List.of(Map.of("completionId", sentFirst.completionId().toString(),
                "siasnId", "RW-REJECTED"))).statusCode(200);

        ledger.reviewed(sentFirst, 2, VerificationState.REJECTED);
        CompletionRecorded neverSent = ledger.completion(UUID.randomUUID(), 1, nip, 3, "Pelatihan Teknis Palsu", "6",
                null, false, "6", from, from.plusDays(1), null, false);
        ledger.reviewed(neverSent, 2, VerificationState.REJECTED);
        ledger.await();

        assertThat(rows(create(Map.of()))).as("the sent one withdrawn, the other never sent")
                .containsExactly(0, 0, 1);
    }

    @Test
    void refusesASecondAcknowledgementAndOneOfASupersededDelta() {
        course(UUID.randomUUID(), 1, "4", false);
        ledger.await();
        JsonPath older = create(Map.of());
        JsonPath newer = create(Map.of());
        assertThat(rows(newer)).containsExactly(1, 0, 0);
        acknowledge(older, List.of()).statusCode(409).contentType(Problem.MEDIA_TYPE);
        assertThat(given().header("Authorization", operator).get("/api/v1/exports/siasn/deltas/{id}",
                older.getString("exportId")).jsonPath().getString("state")).isEqualTo("SUPERSEDED");
        acknowledge(newer, List.of()).statusCode(200);
        acknowledge(newer, List.of()).statusCode(409).contentType(Problem.MEDIA_TYPE);
        List<String> listed = given().header("Authorization", operator).get("/api/v1/exports/siasn/deltas?limit=2")
                .then().statusCode(200).extract().jsonPath().getList("exportId");
        assertThat(listed).containsExactly(newer.getString("exportId"), older.getString("exportId"));
    }

    @Test
    void letsOnlyTheSiasnOperatorOfTheUnitsCreateAndAcknowledge() {
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(root));
        given().header("Authorization", reader).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/exports/siasn").then().statusCode(403);
        JsonPath delta = create(Map.of());
        given().header("Authorization", reader).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/exports/siasn/{id}/acknowledge", delta.getString("exportId")).then().statusCode(403);
        given().header("Authorization", reader).get("/api/v1/exports/siasn/deltas/{id}", delta.getString("exportId"))
                .then().statusCode(200);
        String elsewhere = TestTokens.bearer(Token.withRoles(Access.SIASN_OPERATOR).units("SIASN-ELSEWHERE"));
        given().header("Authorization", elsewhere).get("/api/v1/exports/siasn/deltas/{id}",
                delta.getString("exportId")).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", elsewhere).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/exports/siasn/{id}/acknowledge", delta.getString("exportId")).then().statusCode(404);
        given().header("Authorization", elsewhere).contentType(ContentType.JSON)
                .body(Map.of("units", List.of(root))).post("/api/v1/exports/siasn").then().statusCode(404);
        assertThat(given().header("Authorization", elsewhere).get("/api/v1/exports/siasn/deltas").then()
                .statusCode(200).extract().jsonPath().getList("exportId")).doesNotContain(delta.getString("exportId"));
    }

    @Test
    void answersBadInputWithProblemsAndChangesNothing() {
        course(UUID.randomUUID(), 1, "4", false);
        ledger.await();
        JsonPath delta = create(Map.of());
        String id = delta.getString("exportId");
        List<String> fields = acknowledge(delta, List.of(Map.of("completionId", "not-a-uuid", "siasnId", ""),
                Map.of("completionId", UUID.randomUUID().toString(), "siasnId", "x".repeat(65)))).statusCode(400)
                .contentType(Problem.MEDIA_TYPE).extract().jsonPath().getList("errors.field");
        assertThat(fields).containsExactlyInAnyOrder("siasnIds[0].completionId", "siasnIds[0].siasnId",
                "siasnIds[1].siasnId");
        acknowledge(delta, List.of(Map.of("completionId", UUID.randomUUID().toString(), "siasnId", "RW-1")))
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", operator).contentType(ContentType.JSON)
                .body(Map.of("note", "x".repeat(501))).post("/api/v1/exports/siasn").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", operator).get("/api/v1/exports/siasn/deltas?limit=101&offset=-1").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", operator).get("/api/v1/exports/siasn/deltas/{id}/files/{name}", id,
                "other.csv").then().statusCode(404);
        assertThat(given().header("Authorization", operator).get("/api/v1/exports/siasn/deltas/{id}", id).jsonPath()
                .getString("state")).isEqualTo("OPEN");
    }

    @Test
    void refusesMoreThanAHundredThousandSiasnIdsAndChangesNothing() {
        JsonPath delta = create(Map.of());
        // 100,001 entries: even the shortest are over the JSON body limit, which refuses them before they are read.
        StringBuilder body = new StringBuilder("{\"siasnIds\":[");
        for (int i = 0; i <= SiasnDeltaService.MAX_SIASN_IDS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"completionId\":\"c\",\"siasnId\":\"r\"}");
        }
        body.append("]}");
        given().header("Authorization", operator).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v1/exports/siasn/{id}/acknowledge", delta.getString("exportId")).then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE);
        assertThat(given().header("Authorization", operator).get("/api/v1/exports/siasn/deltas/{id}",
                delta.getString("exportId")).jsonPath().getString("state")).isEqualTo("OPEN");
    }

    private void course(UUID id, long version, String jp, boolean voided) {
        course(id, version, jp, voided, "Pelatihan Teknis " + id.toString().substring(0, 4), 6);
    }

    private void course(UUID id, long version, String jp, boolean voided, String title, int endDay) {
        ledger.completion(id, version, nip, 3, title, jp, null, false, jp, LocalDate.of(2025, 8, 4),
                LocalDate.of(2025, 8, endDay), null, voided);
    }

    /** The file with this test's own codes and ids in place of their placeholders, as the golden file has them. */
    private static String placeheld(String file, Map<String, String> placeholders) {
        String text = file;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            text = text.replace(entry.getKey(), entry.getValue());
        }
        return text;
    }

    private JsonPath create(Map<String, Object> body) {
        return given().header("Authorization", operator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/exports/siasn").then().statusCode(201).extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse acknowledge(JsonPath delta, List<Map<String, String>> ids) {
        return given().header("Authorization", operator).contentType(ContentType.JSON)
                .body(Map.of("siasnIds", ids))
                .post("/api/v1/exports/siasn/{id}/acknowledge", delta.getString("exportId")).then();
    }

    private static List<Integer> rows(JsonPath delta) {
        return List.of(delta.getInt("rows.create"), delta.getInt("rows.update"), delta.getInt("rows.delete"));
    }

    private String download(JsonPath delta, String name) {
        return new String(downloadBytes(delta, name), java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] downloadBytes(JsonPath delta, String name) {
        String href = delta.getList("files", Map.class).stream().filter(f -> name.equals(f.get("name")))
                .map(f -> (String) f.get("href")).findFirst().orElseThrow();
        return given().header("Authorization", operator).get(href).then().statusCode(200).extract().asByteArray();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String line) {
        try {
            return mapper.readValue(line, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
