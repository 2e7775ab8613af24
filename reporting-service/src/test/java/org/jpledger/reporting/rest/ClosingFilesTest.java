package org.jpledger.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.export.CsvRows;
import org.jpledger.reporting.export.ExportFiles;
import org.jpledger.reporting.export.ExportKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A closing writes its snapshot's compliance and units exports (CSV and XLSX, the live exports' shapes) into the
 * closings' directory: the files match the manifest's SHA-256, read back to the snapshot's rows, are written again to
 * the same bytes, go to readers of the closed scope alone, and outlive the retention sweep. Year 2019 and fresh units
 * keep other tests' years and policies free.
 */
@QuarkusTest
class ClosingFilesTest {

    private static final int YEAR = 2019;
    /** The compliance export's column of the TMT in the unit (in an Indonesian file). */
    private static final int TMT_UNIT = 21;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    ExportFiles exportFiles;

    private LedgerEvents events;
    private Projections projections;
    private String root;
    private String child;
    private String other;
    /** A caller of its own: the closing and export allowances of the suite's default caller are other tests'. */
    private String admin;
    private final List<String> nips = new ArrayList<>();

    @BeforeEach
    void buildTheTree() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(2026, 2, 3, 9, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = "CLF-" + run;
        child = "CLFC-" + run;
        other = "CLFO-" + run;
        admin = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN, Access.REPORT_READER)
                .units(Access.ALL_UNITS).subject("files " + run).client("files-" + run));
        events.unit(root, "=Provinsi \"Uji\", " + run, 1);
        events.unit(other, "Provinsi Lain " + run, 1);
        projections.awaitHandled(events.unit(child, "Dinas; Kota, \"Baru\" " + run, root, 1));
        nips.add(employee(root, "O'Brien, \"Ahmad\"", "25"));
        nips.add(employee(child, "=SUM(A1) Budi", "3.5"));
        nips.add(employee(child, "Citra; Dewi", "1"));
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void writesTheSnapshotsExportsInTheLiveShapesAndTheSameBytesAgain() throws Exception {
        JsonPath closing = close(root).statusCode(201).extract().jsonPath();
        int version = closing.getInt("version");
        String prefix = "closing-" + YEAR + "-v" + version + "-" + root + "-";
        List<Map<String, Object>> manifest = closing.getList("files");
        assertThat(manifest).extracting(f -> f.get("name"), f -> f.get("kind"), f -> f.get("format"),
                f -> ((Number) f.get("rows")).intValue()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(prefix + "compliance.csv", "compliance", "csv", 3),
                        org.assertj.core.groups.Tuple.tuple(prefix + "compliance.xlsx", "compliance", "xlsx", 3),
                        org.assertj.core.groups.Tuple.tuple(prefix + "units.csv", "units", "csv", 2),
                        org.assertj.core.groups.Tuple.tuple(prefix + "units.xlsx", "units", "xlsx", 2));

        Map<String, byte[]> downloaded = new HashMap<>();
        for (Map<String, Object> file : manifest) {
            String name = (String) file.get("name");
            ExtractableResponse<Response> response = download(reader(root), version, name).statusCode(200)
                    .header(ClosingResource.SHA256_HEADER, equalTo(file.get("sha256"))).extract();
            byte[] bytes = response.asByteArray();
            assertThat(sha256(bytes)).isEqualTo(file.get("sha256"));
            assertThat(response.contentType()).startsWith(name.endsWith(".csv") ? "text/csv"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(exportFiles.closingsDirectory().resolve(name)).hasBinaryContent(bytes);
            downloaded.put(name, bytes);
        }

        // The compliance CSV: the snapshot's rows (NIPs by NIP, statuses, totals), the live export's rows, its trailer.
        List<List<String>> compliance = csv(downloaded.get(prefix + "compliance.csv"));
        assertThat(compliance.get(0)).isEqualTo(ExportKind.COMPLIANCE.headers(false));
        List<List<String>> employees = compliance.subList(1, compliance.size() - 1);
        assertThat(employees).extracting(row -> row.get(0)).containsExactlyElementsOf(nips.stream().sorted().toList());
        for (List<String> row : employees) {
            assertThat(row.get(17)).isEqualTo(projections.single("SELECT e.status FROM closing_employee e JOIN "
                    + "year_closing c ON c.id = e.closing_id WHERE c.year = ? AND c.unit_code = ? AND c.version = ? "
                    + "AND e.nip = ?", YEAR, root, version, row.get(0)).orElseThrow());
        }
        assertThat(employees).extracting(row -> row.get(9)).containsExactlyInAnyOrder("25", "3.5", "1");
        assertThat(employees).extracting(row -> row.get(1)).contains("O'Brien, \"Ahmad\"", "'=SUM(A1) Budi");
        assertThat(compliance.get(compliance.size() - 1)).containsExactly("#", "jumlah baris", "3", "data per",
                Instant.parse(closing.getString("closedAt")).toString());
        List<List<String>> live = csv(as(admin).queryParam("year", YEAR).queryParam("unitCode", root)
                .get("/api/v1/exports/compliance").then().statusCode(200).extract().asByteArray());
        // The TMT in the unit is not in the snapshot, so a closing's file leaves it empty; the rest is the live rows.
        assertThat(employees).extracting(row -> row.get(TMT_UNIT)).containsOnly("");
        assertThat(live.subList(1, live.size() - 1)).extracting(row -> row.get(TMT_UNIT)).containsOnly("2010-01-01");
        assertThat(employees).extracting(row -> row.subList(27, 29)).containsOnly(List.of("Ya", "" + version));
        assertThat(employees).containsExactlyInAnyOrderElementsOf(live.subList(1, live.size() - 1).stream()
                .map(ClosingFilesTest::withoutTmt).toList());

        // The units CSV: the subtree's units by code, as the live units export has them.
        List<List<String>> units = csv(downloaded.get(prefix + "units.csv"));
        assertThat(units.get(0)).isEqualTo(ExportKind.UNITS.headers(false));
        List<List<String>> unitRows = units.subList(1, units.size() - 1);
        assertThat(unitRows).extracting(row -> row.get(0)).containsExactlyInAnyOrder(root, child);
        List<List<String>> liveUnits = csv(as(admin).queryParam("year", YEAR).queryParam("unitCode", root)
                .get("/api/v1/exports/units").then().statusCode(200).extract().asByteArray());
        assertThat(unitRows).containsExactlyInAnyOrderElementsOf(liveUnits.subList(1, liveUnits.size() - 1));

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                downloaded.get(prefix + "compliance.xlsx")))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.subList(1, 4)).extracting(row -> row.getCellText(0))
                    .containsExactlyElementsOf(nips.stream().sorted().toList());
        }

        // Written again from the snapshot: the same bytes.
        Thread.sleep(1_100);
        JsonPath rewritten = as(admin).queryParam("unitCode", root)
                .post("/api/v1/years/{year}/closings/{version}/files", YEAR, version).then().statusCode(200)
                .extract().jsonPath();
        assertThat(rewritten.getList("files")).isEqualTo(manifest);
        for (Map.Entry<String, byte[]> file : downloaded.entrySet()) {
            assertThat(exportFiles.closingsDirectory().resolve(file.getKey())).hasBinaryContent(file.getValue());
        }
        reopen();
    }

    @Test
    void givesTheFilesToReadersOfTheClosedScopeAloneAndKeepsThemFromTheRetentionSweep() throws Exception {
        int version = close(root).statusCode(201).extract().jsonPath().getInt("version");
        String name = "closing-" + YEAR + "-v" + version + "-" + root + "-units.csv";

        download(reader(root), version, name).statusCode(200);
        download(reader(Access.ALL_UNITS), version, name).statusCode(200);
        download(reader(other), version, name).statusCode(404);
        download(reader(child), version, name).statusCode(404);
        download(TestTokens.bearer(Token.withRoles(Access.TRAINING_READER).units(Access.ALL_UNITS)), version, name)
                .statusCode(403);
        download(reader(root), version, "closing-" + YEAR + "-v" + version + "-" + other + "-units.csv")
                .statusCode(404);
        download(reader(root), version + 1, name).statusCode(404);
        download(reader(root), version, "..%2F..%2Fetc%2Fpasswd").statusCode(org.hamcrest.Matchers.oneOf(400, 404));

        // Rewriting is a policy-admin's, for a scope it could close; bad input changes nothing.
        String ofOther = TestTokens.bearer(Token.withRoles(Access.POLICY_ADMIN).units(other).subject("other " + other)
                .client(other));
        Compliance.request().header("Authorization", ofOther).queryParam("unitCode", root)
                .post("/api/v1/years/{year}/closings/{version}/files", YEAR, version).then().statusCode(403);
        Compliance.request().header("Authorization", reader(Access.ALL_UNITS)).queryParam("unitCode", root)
                .post("/api/v1/years/{year}/closings/{version}/files", YEAR, version).then().statusCode(403);
        as(admin).queryParam("unitCode", "x".repeat(101))
                .post("/api/v1/years/{year}/closings/{version}/files", YEAR, version).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("unitCode"));
        as(admin).queryParam("unitCode", root)
                .post("/api/v1/years/{year}/closings/{version}/files", YEAR, version + 1).then().statusCode(404);

        // The sweep removes old export files, never a closing's.
        Path file = exportFiles.closingsDirectory().resolve(name);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(400))));
        exportFiles.removeExpired(Instant.now());
        assertThat(file).exists();
        download(reader(root), version, name).statusCode(200);
        reopen();
    }

    @Test
    void writesTheFilesOfAClosingMadeBeforeTheAnalystColumnsAgainInTheColumnsItHadThen() {
        int version = close(root).statusCode(201).extract().jsonPath().getInt("version");
        String name = "closing-" + YEAR + "-v" + version + "-" + root + "-compliance.csv";
        // As V19 marks the closings made before it.
        Sql.execute(dataSource, "UPDATE year_closing SET export_columns = 1 WHERE year = ? AND unit_code = ? "
                + "AND version = ?", YEAR, root, version);

        List<List<String>> rows = writtenAgain(version, name);

        assertThat(rows.get(0)).containsExactly("NIP", "Nama", "Kode Unit", "Nama Unit", "Jenis Kepegawaian",
                "Jenjang Jabatan", "Target JP", "Total JP", "JP Teknis", "JP Manajerial", "JP Sosial Kultural",
                "JP Klasikal", "JP Nonklasikal", "Jumlah Pelatihan", "Status", "Hari Dikecualikan", "Alasan Keluar");
        List<List<String>> employees = rows.subList(1, rows.size() - 1);
        assertThat(employees).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(17));
        assertThat(employees).extracting(row -> row.subList(4, 6)).containsOnly(List.of("PNS", "PELAKSANA"));
        for (List<String> row : employees) {
            assertThat(row.get(14)).isEqualTo(projections.single("SELECT e.status FROM closing_employee e JOIN "
                    + "year_closing c ON c.id = e.closing_id WHERE c.year = ? AND c.unit_code = ? AND c.version = ? "
                    + "AND e.nip = ?", YEAR, root, version, row.get(0)).orElseThrow());
        }
        reopen();
    }

    @Test
    void writesTheFilesOfAClosingMadeBeforeTheCountingColumnsAgainWithoutThem() {
        int version = close(root).statusCode(201).extract().jsonPath().getInt("version");
        String name = "closing-" + YEAR + "-v" + version + "-" + root + "-compliance.csv";
        List<List<String>> today = csv(download(reader(root), version, name).statusCode(200).extract().asByteArray());
        assertThat(today.get(0).subList(today.get(0).size() - 2, today.get(0).size()))
                .containsExactly("JP Menunggu Verifikasi", "JP Terindikasi Duplikat");
        // As V20 leaves the closings made before it.
        Sql.execute(dataSource, "UPDATE year_closing SET export_columns = 2 WHERE year = ? AND unit_code = ? "
                + "AND version = ?", YEAR, root, version);

        List<List<String>> rows = writtenAgain(version, name);

        assertThat(rows.get(0)).endsWith("Tahun Ditutup", "Versi Penutupan")
                .hasSize(today.get(0).size() - 2);
        assertThat(rows.subList(1, rows.size() - 1)).hasSize(3)
                .allSatisfy(row -> assertThat(row).hasSize(today.get(0).size() - 2));
        reopen();
    }

    /** The closing's files written again; the rows of {@code name} as downloaded, which has the SHA-256 recorded. */
    private List<List<String>> writtenAgain(int version, String name) {
        List<Map<String, Object>> files = as(admin).queryParam("unitCode", root)
                .post("/api/v1/years/{year}/closings/{version}/files", YEAR, version).then().statusCode(200).extract()
                .jsonPath().getList("files");
        List<List<String>> rows = csv(download(reader(root), version, name).statusCode(200)
                .header(ClosingResource.SHA256_HEADER, equalTo(files.stream().filter(f -> f.get("name").equals(name))
                        .findFirst().orElseThrow().get("sha256"))).extract().asByteArray());
        return rows;
    }

    private io.restassured.response.ValidatableResponse close(String unitCode) {
        ObjectNode body = mapper.createObjectNode().put("note", "SK penutupan " + unitCode).put("unitCode", unitCode);
        return as(admin).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v1/years/{year}/closing", YEAR).then();
    }

    private void reopen() {
        ObjectNode body = mapper.createObjectNode().put("reason", "test done").put("unitCode", root);
        Compliance.request().header("Authorization", TestTokens.bearer(Token.withRoles(Access.ADMIN)))
                .contentType(ContentType.JSON).body(body.toString())
                .post("/api/v1/years/{year}/closing/reopen", YEAR).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse download(String token, int version, String name) {
        return Compliance.request().header("Authorization", token).queryParam("unitCode", root).urlEncodingEnabled(false)
                .get("/api/v1/years/" + YEAR + "/closings/" + version + "/files/" + name).then();
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return Compliance.request().header("Authorization", token);
    }

    private static String reader(String unit) {
        return TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(unit));
    }

    private static List<List<String>> csv(byte[] bytes) {
        return CsvRows.parse(new String(bytes, StandardCharsets.UTF_8), ',');
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A live compliance row as a closing's file has it: without the TMT in the unit. */
    private static List<String> withoutTmt(List<String> row) {
        List<String> copy = new ArrayList<>(row);
        copy.set(TMT_UNIT, "");
        return copy;
    }

    private String employee(String unit, String name, String jp) {
        String nip = freshNip();
        var last = events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA, unit,
                LocalDate.of(2010, 1, 1), null, 1, List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        if (jp != null) {
            last = events.completion(completionOf(nip, jp, LocalDate.of(YEAR, 4, 1), CompetencyType.TEKNIS,
                    TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        }
        projections.awaitHandled(last);
        return nip;
    }
}
