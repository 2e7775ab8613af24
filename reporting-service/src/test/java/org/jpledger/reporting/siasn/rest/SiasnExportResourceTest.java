package org.jpledger.reporting.siasn.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.contracts.siasn.SiasnStructuralTraining;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full SIASN file of a small fixture province, compared byte-for-byte with the golden files in
 * {@code src/test/resources/siasn/}: a 12 JP completion, an international one, one counted by days, a structural PKA
 * course (in the struktural shape only), a voided one (in neither); then XLSX with both sheets, access and bad input.
 */
@QuarkusTest
class SiasnExportResourceTest {

    static final String PROVINCE = "SIASN-JATENG";
    private static final String BKD = PROVINCE + "-BKD";
    private static final String DINKES = PROVINCE + "-DINKES";
    private static final String SRI = "199001012015031001";
    private static final String AGUS = "199202022016042002";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private LedgerEvents events;
    private final String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(PROVINCE)
            .subject("siasn-golden-" + UUID.randomUUID()));

    /** The province, once: every event has version 1, so sending it again changes nothing. */
    @BeforeEach
    void province() {
        events = new LedgerEvents(bootstrapServers, mapper);
        SiasnFixture ledger = new SiasnFixture(events, new Projections(dataSource));
        ledger.unit(PROVINCE, "Pemerintah Provinsi Jawa Tengah", null, "A5EB03E23CCCF6A0E040640A040252AD");
        ledger.unit(BKD, "Badan Kepegawaian Daerah", PROVINCE, null);
        ledger.unit(DINKES, "Dinas Kesehatan", PROVINCE, null);
        ledger.employee(SRI, "Sri Wahyuni", BKD, "A8ACA7A1E33C3912E040640A040269BB");
        ledger.employee(AGUS, "Agus Santoso", DINKES, null);
        ledger.completion(id(1), 1, SRI, 3, "Pelatihan Analisis Jabatan", "12", null, false, "12",
                LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 12), "SERT/2025/001", false);
        ledger.completion(id(2), 1, AGUS, 9, "International Public Health Seminar", "12", null, true, "9",
                LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2), "INT-2025-7", false);
        ledger.completion(id(3), 1, SRI, 10, "Magang Manajemen ASN", null, 3, false, "27",
                LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 7), null, false);
        ledger.completion(id(4), 1, AGUS, 1, "Pelatihan Kepemimpinan Administrator (PKA) Angkatan II", "320", null,
                false, "40", LocalDate.of(2025, 6, 2), LocalDate.of(2025, 9, 26), "PKA/2025/II/015", false);
        ledger.completion(id(5), 2, SRI, 3, "Pelatihan Yang Dibatalkan", "8", null, false, "8",
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 1), null, true);
        ledger.completion(id(6), 1, AGUS, 2, "Diklat \"Fungsional\", Auditor Ahli", "7.5", null, false, "7.5",
                LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 8), "=FUNG/2025/3", false);
        ledger.await();
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void writesTheProvincesCoursesExactlyAsTheGoldenFiles() throws IOException {
        assertGolden("riwayat-kursus.csv", export("units=" + PROVINCE));
        assertGolden("riwayat-kursus.jsonl", export("units=" + PROVINCE + "&format=jsonl&shape=kursus"));
    }

    @Test
    void writesTheStructuralTrainingExactlyAsTheGoldenFiles() throws IOException {
        assertGolden("riwayat-diklat-struktural.csv", export("units=" + PROVINCE + "&shape=struktural"));
        assertGolden("riwayat-diklat-struktural.jsonl", export("units=" + PROVINCE + "&shape=struktural&format=jsonl"));
    }

    @Test
    void writesTheJpOnTheCertificateAndAStructuralCourseOnlyInTheStrukturalShape() throws IOException {
        List<SiasnCourse> courses = lines(export("units=" + PROVINCE + "&format=jsonl"), SiasnCourse.class);
        assertThat(courses).extracting(SiasnCourse::namaKursus).doesNotContain(
                "Pelatihan Kepemimpinan Administrator (PKA) Angkatan II", "Pelatihan Yang Dibatalkan");
        assertThat(courses.stream().filter(c -> c.nomorSertipikat() != null
                && c.nomorSertipikat().equals("SERT/2025/001")).findFirst().orElseThrow().jumlahJam()).isEqualTo(12);
        assertThat(courses.stream().filter(c -> "INT-2025-7".equals(c.nomorSertipikat())).findFirst().orElseThrow()
                .jumlahJam()).isEqualTo(12);
        List<SiasnStructuralTraining> structural = lines(export("units=" + PROVINCE + "&format=jsonl&shape=struktural"),
                SiasnStructuralTraining.class);
        assertThat(structural).singleElement().satisfies(training -> {
            assertThat(training.latihanStrukturalId()).isEqualTo("3");
            assertThat(training.jumlahJam()).isEqualTo(320);
            assertThat(training.tanggalSelesai()).isEqualTo("26-09-2025");
        });
    }

    @Test
    void holdsBothShapesOnSheetsOfTheirOwnInXlsx() throws IOException {
        byte[] bytes = given().header("Authorization", reader).get("/api/v1/exports/siasn?units=" + PROVINCE
                + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("Riwayat Kursus",
                    "Riwayat Diklat Struktural");
            List<Row> courses = sheets.get(0).read();
            assertThat(IntStream.range(0, SiasnCourse.FIELDS.size()).mapToObj(c -> courses.get(0).getCell(c)
                    .asString()).toList()).isEqualTo(SiasnCourse.FIELDS);
            assertThat(courses).hasSize(5);
            List<Row> structural = sheets.get(1).read();
            assertThat(structural).hasSize(2);
            assertThat(structural.get(1).getCell(3).asString()).isEqualTo("3");
        }
    }

    @Test
    void limitsAScopedCallerToItsUnitsAndLetsTheSiasnOperatorRead() {
        String dinkes = TestTokens.bearer(Token.withRoles(Access.SIASN_OPERATOR).units(DINKES)
                .subject("siasn-dinkes-" + UUID.randomUUID()));
        String own = given().header("Authorization", dinkes).get("/api/v1/exports/siasn?format=jsonl").then()
                .statusCode(200).extract().asString();
        assertThat(own).contains(AGUS).doesNotContain(SRI);
        given().header("Authorization", dinkes).get("/api/v1/exports/siasn?units=" + BKD).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(PROVINCE)))
                .get("/api/v1/exports/siasn").then().statusCode(403);
    }

    @Test
    void answersBadParametersWithProblemsNamingEach() {
        List<String> fields = given().header("Authorization", reader)
                .get("/api/v1/exports/siasn?format=pdf&shape=diklat&from=2025-13-01&to=x").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).extract().jsonPath().getList("errors.field");
        assertThat(fields).containsExactlyInAnyOrder("format", "shape", "from", "to");
        String tooMany = IntStream.rangeClosed(1, 101).mapToObj(i -> "U" + i).collect(Collectors.joining(","));
        given().header("Authorization", reader).get("/api/v1/exports/siasn?units=" + tooMany).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
    }

    private String export(String query) {
        return given().header("Authorization", reader).get("/api/v1/exports/siasn?" + query).then().statusCode(200)
                .extract().asString();
    }

    private <T> List<T> lines(String body, Class<T> type) throws IOException {
        List<T> records = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            records.add(mapper.readValue(line, type));
        }
        return records;
    }

    /** Compares with the golden file; a differing output is left in target/siasn-actual for review. */
    static void assertGolden(String name, String actual) throws IOException {
        String expected;
        try (InputStream golden = SiasnExportResourceTest.class.getResourceAsStream("/siasn/" + name)) {
            expected = golden == null ? null : new String(golden.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "siasn-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file siasn/" + name).isEqualTo(expected);
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-0000000000%02d", n));
    }
}
