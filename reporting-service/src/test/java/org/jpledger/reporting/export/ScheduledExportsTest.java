package org.jpledger.reporting.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.Test;

/**
 * The export schedules of the test configuration ("monthly": compliance as CSV; "history": training history as XLSX):
 * a missed fire time runs once on start; files and manifests agree (checksum, size, rows); one run per fire time even
 * when called twice at once; old files go; every run is audited; a reader of some units sees no whole-tree file; files
 * and their directories are the owner's alone.
 */
@QuarkusTest
class ScheduledExportsTest {

    @Inject
    ScheduledExports schedules;

    @Inject
    ExportFiles files;

    @Test
    void runsTheMissedFireTimeOnStartAndTheFileMatchesItsManifest() throws Exception {
        Map<String, Object> monthly = awaitManifest("monthly");
        byte[] bytes = given().get("/api/v1/exports/files/{name}", monthly.get("file")).then().statusCode(200)
                .extract().asByteArray();

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(monthly.get("sha256"));
        assertThat((long) bytes.length).isEqualTo(((Number) monthly.get("bytes")).longValue());
        List<List<String>> rows = CsvRows.parse(new String(bytes, StandardCharsets.UTF_8), ',');
        assertThat(rows.size() - 2).isEqualTo(((Number) monthly.get("rows")).intValue());
        assertThat(rows.get(0).get(0)).isEqualTo("NIP");

        Map<String, Object> history = awaitManifest("history");
        // A schedule may name a directory of its own.
        assertThat(Path.of("target/exports-history", (String) history.get("file"))).exists();
        byte[] workbook = given().get("/api/v1/exports/files/{name}", history.get("file")).then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(read.getFirstSheet().read().get(0).getCell(0).asString()).isEqualTo("NIP");
        }
        JsonPath audit = given().queryParam("subject", "schedule:monthly").get("/api/v1/admin/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(audit.getList("entries.targetId")).contains(monthly.get("file"));
    }

    @Test
    void servesAFireTimeOnceEvenWhenTwoRunsStartTogether() {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CompletableFuture<Optional<ExportManifest>> first = CompletableFuture.supplyAsync(() -> schedules.run("monthly",
                fire));
        CompletableFuture<Optional<ExportManifest>> second = CompletableFuture.supplyAsync(() -> schedules.run(
                "monthly", fire));

        assertThat(List.of(first.join(), second.join())).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(schedules.run("monthly", fire)).isEmpty();
    }

    @Test
    void removesFilesPastTheRetentionPeriodAndKeepsTheOthers() throws Exception {
        Path old = files.directoryOf("monthly").resolve("monthly-compliance-20200101T020000.csv");
        Path recent = files.directoryOf("monthly").resolve("monthly-compliance-20991231T020000.csv");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "old");
        Files.writeString(recent, "recent");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(200))));

        assertThat(files.removeExpired(Instant.now())).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        Files.delete(recent);
    }

    @Test
    void writesFilesManifestsAndTheirDirectoryForTheOwnerAlone() throws Exception {
        Path directory = files.directoryOf("history");
        // A directory left by an earlier build keeps the permissions it was made with: start from none.
        if (Files.isDirectory(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }

        ExportManifest manifest = schedules.run("history", Instant.now()).orElseThrow();

        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(directory.resolve(manifest.file())))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(directory.resolve(manifest.file() + ".manifest.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void showsAReaderOfSomeUnitsNoFileOfTheWholeTree() {
        awaitManifest("monthly");
        String scoped = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units("SOME-UNIT"));

        assertThat(given().header("Authorization", scoped).get("/api/v1/exports/files").then().statusCode(200)
                .extract().jsonPath().getList("file")).isEmpty();
        String file = (String) awaitManifest("monthly").get("file");
        given().header("Authorization", scoped).get("/api/v1/exports/files/{name}", file).then().statusCode(404);
        given().get("/api/v1/exports/files/{name}", "..%2F..%2Fpom.xml").then().statusCode(404);
    }

    private static Map<String, Object> awaitManifest(String schedule) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/exports/files").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("").stream()
                .filter(manifest -> schedule.equals(manifest.get("schedule"))).findFirst(), Optional::isPresent).get();
    }
}
