package org.jpledger.reporting.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compliance export as an Indonesian file: a small province on 1 July of {@value #YEAR} with every status, every
 * employment type and position level and two leaving reasons, compared with golden files in both languages; its
 * analyst columns for a joiner, a leaver, a transfer, an exempt employee and a unit policy, equal to the employee
 * endpoint's answers; and its XLSX cells typed. The year and fresh units keep other tests' policies apart.
 */
@QuarkusTest
class IndonesianExportTest {

    private static final int YEAR = 2023;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    private LedgerEvents events;
    private Projections projections;
    private String run;
    private String root;
    private String child;
    /** A caller of its own, so this test's exports use no other test's allowance. */
    private String reader;
    /** NIP by the placeholder the golden files name them with, in the files' order. */
    private final Map<String, String> nips = new LinkedHashMap<>();

    /**
     * ROOT (its policy: 20 JP, pro-rated, leavers pro-rated) with CHILD below (its own policy, leavers excluded); on 1
     * July: Ani compliant, Budi on track (moved in from CHILD on 1 February), Citra at risk, Dewi retired on 31 March
     * short of her target, Eko on study leave all year, Fajar joined on 1 May; Gita died in February, in CHILD.
     */
    @BeforeEach
    void province() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(YEAR, 7, 1, 9, 0));
        run = UUID.randomUUID().toString().substring(0, 8);
        root = "IDX-" + run;
        child = root + "-1";
        reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS)
                .subject("idexports-" + run).client("idexports-" + run));
        events.unit(root, "Provinsi Uji " + run, 1);
        projections.awaitHandled(events.unit(child, "Dinas Uji " + run, root, 1));
        policy(root, "{\"targetJp\": 20, \"prorate\": true, \"leavers\": \"PRORATE\"}");
        policy(child, "{\"targetJp\": 20, \"prorate\": true, \"leavers\": \"EXCLUDE\"}");
        LocalDate since = LocalDate.of(2010, 1, 1);
        employee("{ani}", "Ani Memenuhi", EmploymentType.PNS, PositionLevel.JPT_PRATAMA, root, since, null, null,
                null, "20");
        employee("{budi}", "Budi Sesuai Jalur", EmploymentType.PPPK, PositionLevel.FUNGSIONAL, root, since, null,
                null, List.of(new UnitAssignment(child, since), new UnitAssignment(root, LocalDate.of(YEAR, 2, 1))),
                "12");
        employee("{citra}", "Citra Berisiko", EmploymentType.PPPK_PARUH_WAKTU, PositionLevel.PELAKSANA, root, since,
                null, null, null, "2");
        employee("{dewi}", "Dewi Pensiun", EmploymentType.PNS, PositionLevel.ADMINISTRATOR, root, since,
                LocalDate.of(YEAR, 3, 31), LeavingReason.PENSIUN, null, "1");
        employee("{eko}", "Eko Tugas Belajar", EmploymentType.PNS, PositionLevel.PENGAWAS, root, since, null, null,
                null, null);
        employee("{fajar}", "Fajar Baru", EmploymentType.PNS, PositionLevel.JPT_MADYA, root, LocalDate.of(YEAR, 5, 1),
                null, null, null, "4");
        employee("{gita}", "Gita Almarhumah", EmploymentType.PPPK, PositionLevel.JPT_UTAMA, child, since,
                LocalDate.of(YEAR, 2, 28), LeavingReason.MENINGGAL, null, null);
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void writesStatusesAndCodesInIndonesianWithTheCodesBesideThemAsTheGoldenFileHasIt() throws IOException {
        assertThat(placeholders(export("csv", "id"))).isEqualTo(golden("compliance-id.csv"));
    }

    @Test
    void writesTheCodesInAnEnglishFileAsTheGoldenFileHasIt() throws IOException {
        assertThat(placeholders(export("csv", "en"))).isEqualTo(golden("compliance-en.csv"));
    }

    @Test
    void givesEachRowTheFiguresOfTheEmployeeEndpoint() {
        List<List<String>> rows = CsvRows.parse(export("csv", "en"), ',');
        List<String> headers = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size() - 1)) {
            JsonPath api = Compliance.request().queryParam("year", YEAR).queryParam("view", "live")
                    .get("/api/v1/compliance/employees/{nip}", row.get(0)).then().statusCode(200).extract().jsonPath();
            String nip = row.get(0);
            assertThat(row.get(headers.indexOf("Status"))).as(nip).isEqualTo(api.getString("status"));
            assertThat(new BigDecimal(row.get(headers.indexOf("Target JP")))).as(nip)
                    .isEqualByComparingTo(api.getString("targetJp"));
            assertThat(new BigDecimal(row.get(headers.indexOf("Total JP")))).as(nip)
                    .isEqualByComparingTo(api.getString("totalJp"));
            assertThat(new BigDecimal(row.get(headers.indexOf("Expected JP to date")))).as(nip)
                    .isEqualByComparingTo(api.getString("expectedJpToDate"));
            assertThat(row.get(headers.indexOf("Served from"))).as(nip).isEqualTo(api.getString("servedFrom"));
            assertThat(row.get(headers.indexOf("Served until"))).as(nip).isEqualTo(api.getString("servedUntil"));
            assertThat(row.get(headers.indexOf("Exempt days"))).as(nip).isEqualTo(api.getString("exemptDays"));
            assertThat(row.get(headers.indexOf("Leaving reason"))).as(nip)
                    .isEqualTo(orEmpty(api.getString("leavingReason")));
            assertThat(row.get(headers.indexOf("Policy version"))).as(nip).isEqualTo(api.getString("policyVersion"));
            assertThat(row.get(headers.indexOf("Policy unit code"))).as(nip)
                    .isEqualTo(orEmpty(api.getString("policyUnitCode")));
            assertThat(row.subList(headers.indexOf("Year closed"), headers.indexOf("Closing version") + 1)).as(nip)
                    .containsExactly("NO", "");
            assertThat(row.get(headers.indexOf("JP pending verification"))).as(nip)
                    .isEqualTo(orEmpty(api.getString("pendingJp")));
            assertThat(row.get(headers.indexOf("JP flagged as possible duplicates"))).as(nip)
                    .isEqualTo(orEmpty(api.getString("flaggedJp")));
        }
    }

    @Test
    void showsTheJoinerTheLeaverTheTransferTheExemptAndTheUnitPolicyInTheAnalystColumns() {
        List<List<String>> rows = CsvRows.parse(export("csv", "id"), ',');
        List<String> headers = rows.get(0);
        Map<String, List<String>> byNip = new LinkedHashMap<>();
        rows.subList(1, rows.size() - 1).forEach(row -> byNip.put(row.get(0), row));
        int tmt = headers.indexOf("TMT Unit");
        List<String> analyst = List.of("Target JP", "Status", "Hari Dikecualikan", "Alasan Keluar", "TMT Unit",
                "Mulai Bertugas", "Selesai Bertugas", "JP Diharapkan s.d. Hari Ini", "Kode Unit Kebijakan",
                "Tahun Ditutup");

        // Joined on 1 May: 245 days of 365, so 14 JP (rounded up); 62 of them over by 1 July.
        assertThat(columns(byNip.get(nips.get("{fajar}")), headers, analyst)).containsExactly("14", "Sesuai jalur",
                "0", "", "2023-05-01", "2023-05-01", "2023-12-31", "3.54", root, "Tidak");
        // Retired on 31 March: 90 days, 5 JP, all due; her part of the year is over.
        assertThat(columns(byNip.get(nips.get("{dewi}")), headers, analyst)).containsExactly("5", "Tidak memenuhi",
                "0", "Pensiun", "2010-01-01", "2023-01-01", "2023-03-31", "5", root, "Tidak");
        // On study leave all year: nothing due, not judged.
        assertThat(columns(byNip.get(nips.get("{eko}")), headers, analyst)).containsExactly("0", "Dikecualikan",
                "365", "", "2010-01-01", "2023-01-01", "2023-12-31", "0", root, "Tidak");
        // Moved in on 1 February: in the unit since then.
        assertThat(byNip.get(nips.get("{budi}")).get(tmt)).isEqualTo("2023-02-01");
        // Died in February under the child's policy, which leaves leavers out.
        assertThat(columns(byNip.get(nips.get("{gita}")), headers, analyst)).containsExactly("4", "Keluar (tidak "
                + "dinilai)", "0", "Meninggal dunia", "2010-01-01", "2023-01-01", "2023-02-28", "4", child, "Tidak");
    }

    @Test
    void writesDatesAsDatesAndNumbersAsNumbersInXlsx() throws IOException {
        byte[] bytes = given().header("Authorization", reader).queryParam("year", YEAR).queryParam("unitCode", root)
                .queryParam("format", "xlsx").get("/api/v1/exports/compliance").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> headers = rows.get(0).stream().map(Cell::getText).toList();
            Row fajar = rows.stream().filter(row -> row.getCellText(0).equals(nips.get("{fajar}"))).findFirst()
                    .orElseThrow();
            for (String date : List.of("TMT Unit", "Mulai Bertugas", "Selesai Bertugas")) {
                Cell cell = fajar.getCell(headers.indexOf(date));
                assertThat(cell.getType()).as(date).isEqualTo(CellType.NUMBER);
                assertThat(cell.getDataFormatString()).as(date).isEqualTo("yyyy-mm-dd");
            }
            assertThat(fajar.getCell(headers.indexOf("Mulai Bertugas")).asDate().toLocalDate())
                    .isEqualTo(LocalDate.of(YEAR, 5, 1));
            for (String number : List.of("Target JP", "Total JP", "Hari Dikecualikan", "JP Diharapkan s.d. Hari Ini",
                    "Versi Kebijakan")) {
                assertThat(fajar.getCell(headers.indexOf(number)).getType()).as(number).isEqualTo(CellType.NUMBER);
            }
            assertThat(fajar.getCell(headers.indexOf("JP Diharapkan s.d. Hari Ini")).asNumber())
                    .isEqualByComparingTo("3.54");
            assertThat(fajar.getCell(headers.indexOf("Status")).asString()).isEqualTo("Sesuai jalur");
            assertThat(fajar.getCell(headers.indexOf("Kode Status")).asString()).isEqualTo("ON_TRACK");
            assertThat(fajar.getCell(headers.indexOf("Jenjang Jabatan")).asString()).isEqualTo("JPT Madya");
        }
    }

    private String export(String format, String lang) {
        return given().header("Authorization", reader).queryParam("year", YEAR).queryParam("unitCode", root)
                .queryParam("format", format).queryParam("lang", lang).get("/api/v1/exports/compliance").then()
                .statusCode(200).extract().asString();
    }

    /** The file with this run's NIPs, unit codes and as-of time named as the golden files name them. */
    private String placeholders(String csv) {
        String text = csv;
        for (Map.Entry<String, String> nip : nips.entrySet()) {
            text = text.replace(nip.getValue(), nip.getKey());
        }
        return text.replace(run, "{run}").replaceAll("(data per|as of),[^,]*,", "$1,{asOf},");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = IndonesianExportTest.class.getResourceAsStream("/exports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> columns(List<String> row, List<String> headers, List<String> names) {
        return names.stream().map(name -> row.get(headers.indexOf(name))).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void policy(String unit, String body) {
        Compliance.request().contentType(ContentType.JSON).body(body)
                .put("/api/v1/policies/{year}/units/{code}", YEAR, unit).then().statusCode(anyOf(equalTo(200),
                        equalTo(201)));
    }

    /**
     * An employee with {@code jp} recognised on 1 March or their first day if later (none when null); Eko's study leave
     * comes with his name.
     */
    private void employee(String placeholder, String name, EmploymentType type, PositionLevel level, String unit,
            LocalDate from, LocalDate until, LeavingReason reason, List<UnitAssignment> history, String jp) {
        String nip = freshNip();
        nips.put(placeholder, nip);
        List<ExemptionPeriod> exemptions = placeholder.equals("{eko}") ? List.of(new ExemptionPeriod(
                UUID.randomUUID(), ExemptionKind.TUGAS_BELAJAR, LocalDate.of(YEAR - 1, 1, 1), null, "800/1/BKD"))
                : null;
        var last = events.employee(new EmployeeUpserted(nip, name, type, level, unit, from, until, 1,
                history != null ? history : List.of(new UnitAssignment(unit, from)), null, exemptions, reason));
        if (jp != null) {
            LocalDate march = LocalDate.of(YEAR, 3, 1);
            last = events.completion(completionOf(nip, jp, from.isAfter(march) ? from : march, CompetencyType.TEKNIS,
                    TrainingMethod.KLASIKAL, DeliveryMode.LURING));
        }
        projections.awaitHandled(last);
    }
}
