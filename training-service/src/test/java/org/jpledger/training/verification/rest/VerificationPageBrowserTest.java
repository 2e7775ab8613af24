package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.jpledger.contracts.access.Access;
import org.jpledger.localstack.Chromium;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verifier's page at /verification/ in a real browser (the machine's headless Chromium): signing in with a
 * verifier's token, the queue of its units oldest first, the counts per unit, filters, moving through the queue with
 * the keyboard, verifying with v and rejecting with r and a digit, a certificate shown inline, possible duplicates side
 * by side and resolved, Bahasa Indonesia first and English by the toggle. Screenshots are kept in
 * target/verification-page-screenshots.
 */
@Tag("slow") // a browser: left out by -Pquick
@QuarkusTest
class VerificationPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "verification-page-screenshots");

    @TestHTTPResource("/verification/")
    URL page;

    @Inject
    DataSource dataSource;

    private ChromeDriver browser;
    private String root;
    private String east;
    private String west;

    @BeforeAll
    static void findChromium() throws IOException {
        Chromium.requireInstalled();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openTheBrowser() throws IOException {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
        browser = Chromium.start(work.resolve("profile"), Files.createDirectories(work.resolve("downloads")));
        String run = UUID.randomUUID().toString().substring(0, 8);
        root = "VP-" + run;
        east = root + "-E";
        west = root + "-W";
        unit(root, "Dinas Halaman " + run, null);
        unit(east, "Bidang Timur " + run, root);
        unit(west, "Bidang Barat " + run, root);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void listsTheQueueOldestFirstWithCountsFiltersKeyboardSelectionAndBothLanguages() throws SQLException {
        String ani = employee("Ani Timur", east);
        String budi = employee("Budi Barat", west);
        String newest = record(ani, "lms", "Bimtek Arsip Digital");
        String oldest = record(budi, "simpeg", "Pelatihan Analisis Kebijakan");
        String middle = record(ani, "simpeg", "Diklat Kepemimpinan");
        recordedAt(oldest, "2026-01-05T08:00:00Z");
        recordedAt(middle, "2026-01-06T08:00:00Z");
        recordedAt(newest, "2026-01-07T08:00:00Z");
        flag(middle, "POSSIBLE_DUPLICATE");

        signIn(verifier());
        awaitRows(3);
        screenshot("01-queue");
        assertThat(rowIds()).containsExactly(oldest, middle, newest);
        assertThat(text(By.tagName("h1"))).isEqualTo("Antrean Verifikasi");
        assertThat(text(By.id("queue-title"))).contains("terlama dulu");
        assertThat(text(By.cssSelector("#queue tbody tr[data-id='" + middle + "']")))
                .contains("Kemungkinan duplikat");

        // Counts: the token's unit with its subtree.
        new WebDriverWait(browser, PATIENCE).until(b -> !b.findElements(
                By.cssSelector("#counts tbody tr[data-unit='" + root + "']")).isEmpty());
        assertThat(count(root, 2)).isEqualTo("3");
        assertThat(count(root, 3)).isEqualTo("1");

        // The oldest is selected; j / arrow down / k move, and the detail follows.
        assertThat(selected()).isEqualTo(oldest);
        awaitText(By.id("claim"), "Budi Barat");
        assertThat(text(By.id("claim"))).contains(budi, "Pelatihan Analisis Kebijakan", "simpeg");
        // Certificates and duplicates come from their own endpoints; none is said plainly.
        awaitText(By.id("certificates"), "Belum ada sertifikat terlampir.");
        awaitText(By.id("duplicates"), "Tidak ada kemungkinan duplikat.");
        key("j");
        awaitSelected(middle);
        awaitText(By.id("claim"), "Diklat Kepemimpinan");
        key(Keys.ARROW_DOWN);
        awaitSelected(newest);
        key("k");
        awaitSelected(middle);
        screenshot("02-selected");

        // Filters narrow the queue: a source, then a flag, then a unit of the subtree.
        filter("filter-source", "simpeg");
        awaitRowIds(oldest, middle);
        browser.findElement(By.id("clear")).click();
        awaitRowIds(oldest, middle, newest);
        new Select(browser.findElement(By.id("filter-flag"))).selectByValue("POSSIBLE_DUPLICATE");
        browser.findElement(By.id("apply")).click();
        awaitRowIds(middle);
        browser.findElement(By.id("clear")).click();
        awaitRowIds(oldest, middle, newest);
        filter("filter-unit", east);
        awaitRowIds(middle, newest);
        // With a unit, the counts show its own employees and its children.
        awaitText(By.id("counts-own"), "Bidang Timur");
        assertThat(text(By.id("counts-own"))).contains("2 menunggu, 1 bertanda");
        browser.findElement(By.id("clear")).click();
        awaitRowIds(oldest, middle, newest);

        // English by the toggle; the choice is kept.
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        awaitText(By.tagName("h1"), "Verification Queue");
        assertThat(text(By.id("queue-title"))).contains("oldest first");
        assertThat(text(By.cssSelector("#queue tbody tr[data-id='" + middle + "']"))).contains("Possible duplicate");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        screenshot("03-english");
        browser.navigate().refresh();
        awaitRows(3);
        assertThat(text(By.tagName("h1"))).isEqualTo("Verification Queue");
    }

    @Test
    void verifiesWithVAndRejectsWithRAndADigitAndEachDecidedItemLeavesTheQueue() throws SQLException {
        String ani = employee("Ani Timur", east);
        String first = record(ani, "lms", "Bimtek Arsip Digital");
        String second = record(ani, "simpeg", "Diklat Kepemimpinan");
        String third = record(ani, "lms", "Pelatihan Analisis Kebijakan");
        recordedAt(first, "2026-01-05T08:00:00Z");
        recordedAt(second, "2026-01-06T08:00:00Z");
        recordedAt(third, "2026-01-07T08:00:00Z");

        signIn(verifier());
        awaitRows(3);
        awaitSelected(first);

        // v verifies the selected item: it leaves the queue and the next one is selected.
        key("v");
        awaitRowIds(second, third);
        awaitText(By.id("message"), "Terverifikasi: Bimtek Arsip Digital");
        awaitSelected(second);
        given().get("/api/v1/completions/{id}", first).then().statusCode(200)
                .body("verification", equalTo("VERIFIED"))
                .body("verifiedBy", equalTo("pemeriksa-" + root));

        // r then 1 rejects it with the first reason, NO_EVIDENCE.
        key("r");
        awaitText(By.id("reject-mode"), "tekan angka alasan");
        key("1");
        awaitRowIds(third);
        awaitText(By.id("message"), "Tidak ada bukti");
        given().get("/api/v1/completions/{id}", second).then().statusCode(200)
                .body("verification", equalTo("REJECTED"))
                .body("rejection.code", equalTo("NO_EVIDENCE"));
        screenshot("04-decided");

        // A stale version is explained and the queue reloaded, not silently decided.
        // (another verifier's version, as the page sees it: the version moved on since the page read it)
        bumpVersion(third);
        key("v");
        awaitText(By.id("error"), "sudah berubah");
        assertThat(rowIds()).containsExactly(third);
    }

    @Test
    void showsAnAttachedImageAndPdfCertificateInline() throws IOException {
        String ani = employee("Ani Timur", east);
        String completion = record(ani, "lms", "Bimtek Arsip Digital");
        byte[] png = png();
        given().contentType("image/png").queryParam("fileName", "sertifikat-ani.png").body(png)
                .post("/api/v1/completions/{id}/certificates", completion).then().statusCode(201);
        given().contentType("application/pdf").queryParam("fileName", "sttpp-ani.pdf").body(pdf())
                .post("/api/v1/completions/{id}/certificates", completion).then().statusCode(201);

        signIn(verifier());
        awaitSelected(completion);
        awaitText(By.id("certificates"), "sertifikat-ani.png");
        // Loaded from a blob: URL the page fetched with the token, in spite of the download's sandbox policy.
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the certificate image loaded: "
                + text(By.id("certificates"))).until(b -> Boolean.TRUE.equals(browser.executeScript(
                        "const image = document.querySelector('#certificates figure img');"
                        + " return !!image && image.complete && image.naturalWidth === 48"
                        + " && image.src.startsWith('blob:')")));
        assertThat(text(By.cssSelector("#certificates figcaption"))).contains("image/png");
        // The PDF in a frame, read by Chromium's viewer: neither the download's sandbox nor this page's
        // object-src 'none' (which a blob: frame takes over) keeps it out.
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the certificate PDF framed: "
                + text(By.id("certificates"))).until(b -> "application/pdf".equals(browser.executeScript(
                        "const frame = document.querySelector('#certificates figure iframe');"
                        + " return frame && frame.src.startsWith('blob:') && frame.contentDocument"
                        + " && frame.contentDocument.contentType")));
        screenshot("05-certificate");
    }

    @Test
    void showsDuplicatesSideBySideAndKeepingThisOneVoidsTheOther() {
        String ani = employee("Ani Timur", east);
        String lms = recordAs("lms-" + root, ani, "lms", "Bimtek Arsip Digital", "BPSDMD/2026/0398");
        String simpeg = recordAs("simpeg-" + root, ani, "simpeg", "Bimtek Kearsipan Digital", "BPSDMD/2026/0398");

        signIn(verifier());
        awaitRowIds(lms, simpeg);
        awaitSelected(lms);
        By pair = By.cssSelector("#duplicates .side[data-other='" + simpeg + "']");
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the pair shown: " + text(By.id("duplicates")))
                .until(b -> !b.findElements(pair).isEmpty());
        assertThat(text(pair)).contains("Catatan ini", "Catatan lain", "Bimtek Arsip Digital",
                "Bimtek Kearsipan Digital", "lms", "simpeg", "Nomor sertifikat sama", "Belum diputuskan");
        screenshot("06-duplicates");

        browser.findElement(pair).findElement(By.cssSelector("button[data-decision=keepThis]")).click();
        awaitText(By.id("message"), "Keputusan duplikat disimpan");
        awaitRowIds(lms);
        given().get("/api/v1/completions/{id}", simpeg).then().statusCode(200)
                .body("status", equalTo("VOIDED")).body("voidReason", equalTo("DUPLICATE"))
                .body("duplicateOf", equalTo(lms));
        given().get("/api/v1/completions/{id}", lms).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("flags", empty());
        // The decided pair stays on record, without buttons.
        awaitText(By.id("duplicates"), "Diputuskan duplikat");
        assertThat(browser.findElements(By.cssSelector("#duplicates button"))).isEmpty();
    }

    @Test
    void notADuplicateClearsTheFlagOfBoth() {
        String ani = employee("Ani Timur", east);
        String lms = recordAs("lms-" + root, ani, "lms", "Bimtek Arsip Digital", "BPSDMD/2026/0411");
        String simpeg = recordAs("simpeg-" + root, ani, "simpeg", "Bimtek Kearsipan Digital", "BPSDMD/2026/0411");

        signIn(verifier());
        awaitRowIds(lms, simpeg);
        awaitSelected(lms);
        assertThat(text(By.cssSelector("#queue tbody tr[data-id='" + lms + "']"))).contains("Kemungkinan duplikat");
        By notDuplicate = By.cssSelector("#duplicates .side[data-other='" + simpeg
                + "'] button[data-decision=notDuplicate]");
        new WebDriverWait(browser, PATIENCE).until(b -> !b.findElements(notDuplicate).isEmpty());
        browser.findElement(notDuplicate).click();

        awaitText(By.id("message"), "Keputusan duplikat disimpan");
        awaitText(By.id("duplicates"), "Diputuskan bukan duplikat");
        new WebDriverWait(browser, PATIENCE).until(b -> !text(By.id("queue")).contains("Kemungkinan duplikat"));
        assertThat(rowIds()).containsExactly(lms, simpeg);
        given().get("/api/v1/completions/{id}", lms).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("flags", empty());
        given().get("/api/v1/completions/{id}", simpeg).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("flags", empty());
    }

    @Test
    void refusesATokenWithoutTheVerifierRole() {
        signIn(TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)));
        awaitText(By.id("sign-in-error"), "tidak punya peran training-verifier");
        assertThat(browser.findElement(By.id("view")).isDisplayed()).isFalse();
    }

    // ---- steps -------------------------------------------------------------------------------------------------------

    private String verifier() {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_VERIFIER).units(root).subject("pemeriksa-" + root));
    }

    private void signIn(String bearer) {
        browser.get(page.toString());
        WebElement token = browser.findElement(By.id("token"));
        new WebDriverWait(browser, PATIENCE).until(b -> token.isDisplayed());
        token.clear();
        token.sendKeys(bearer.substring("Bearer ".length()));
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("view")).isDisplayed()
                || !b.findElement(By.id("sign-in-error")).getText().isEmpty());
    }

    private void filter(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
        browser.findElement(By.id("apply")).click();
    }

    /** Presses a key with the focus on the page itself, as a verifier working through the queue does. */
    private void key(CharSequence key) {
        browser.executeScript("document.activeElement && document.activeElement.blur()");
        new Actions(browser).sendKeys(key).perform();
    }

    /** The rows' ids, read in one script: the page redraws the rows while it is asked. */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#queue tbody tr')].map(row => row.dataset.id)");
    }

    private void awaitRows(int rows) {
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the queue showing " + rows + " rows: "
                + browser.findElement(By.tagName("body")).getText())
                .until(b -> b.findElements(By.cssSelector("#queue tbody tr")).size() == rows);
    }

    private void awaitRowIds(String... ids) {
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the queue showing " + List.of(ids) + ", not "
                + rowIds()).until(b -> rowIds().equals(List.of(ids)));
    }

    private String selected() {
        return (String) browser.executeScript(
                "const row = document.querySelector('#queue tbody tr[aria-selected=true]'); return row && row.dataset.id");
    }

    private void awaitSelected(String id) {
        new WebDriverWait(browser, PATIENCE).until(b -> id.equals(selected())
                && id.equals(b.findElement(By.id("detail")).getAttribute("data-id")));
    }

    private String count(String unit, int column) {
        return browser.findElement(By.cssSelector("#counts tbody tr[data-unit='" + unit + "'] td:nth-child(" + column
                + ")")).getAttribute("data-value");
    }

    private String text(By element) {
        return browser.findElement(element).getText();
    }

    private void awaitText(By element, String text) {
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "'" + text + "' in " + element + ": "
                + browser.findElement(element).getText())
                .until(b -> b.findElement(element).getText().contains(text));
    }

    private void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    private static void unit(String code, String name, String parent) {
        given().contentType(ContentType.JSON).body(unitJson(name, parent)).put("/api/v1/units/{code}", code).then()
                .statusCode(201);
    }

    private static String employee(String name, String unit) {
        String nip = freshNip();
        given().contentType(ContentType.JSON).body(employeeJson(name, unit)).put("/api/v1/employees/{nip}", nip).then()
                .statusCode(201);
        return nip;
    }

    private static String record(String nip, String source, String title) {
        return given().contentType(ContentType.JSON).body(completionJson(nip, "vp-" + UUID.randomUUID())
                        .replace("\"test-lms\"", "\"" + source + "\"")
                        .replace("Pelatihan Analisis Kebijakan", title))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }

    /** Recorded by a writer of its own: a verifier may not decide about what it recorded itself. */
    private String recordAs(String writer, String nip, String source, String title, String certificate) {
        return given().header("Authorization", TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(root)
                        .subject(writer)))
                .contentType(ContentType.JSON).body(completionJson(nip, "vp-" + UUID.randomUUID())
                        .replace("\"test-lms\"", "\"" + source + "\"")
                        .replace("Pelatihan Analisis Kebijakan", title)
                        .replace("\"jp\":24", "\"jp\":24,\"certificateNumber\":\"" + certificate + "\""))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }

    /** A one-page PDF a viewer can draw, with a number of its own so its hash is new. */
    private static byte[] pdf() {
        String text = "(SERTIFIKAT " + ThreadLocalRandom.current().nextInt(1_000_000) + ")";
        String stream = "BT /F1 24 Tf 40 100 Td " + text + " Tj ET";
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R"
                + "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
                + "4 0 obj<</Length " + stream.length() + ">>stream\n" + stream + "\nendstream endobj\n"
                + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A real 48 x 32 PNG (the browser must decode it), of a colour of its own so its hash is new. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        int colour = ThreadLocalRandom.current().nextInt(0x1000000);
        for (int x = 0; x < 48; x++) {
            for (int y = 0; y < 32; y++) {
                image.setRGB(x, y, colour);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private void recordedAt(String id, String instant) throws SQLException {
        execute("UPDATE completion SET recorded_at = ? WHERE id = ?", Timestamp.from(Instant.parse(instant)), id);
    }

    /** A flag set directly: a flagged item with no pair behind it, for the filter and the counts. */
    private void flag(String id, String flag) throws SQLException {
        execute("UPDATE completion SET flags = ARRAY[?] WHERE id = ?", flag, id);
    }

    private void bumpVersion(String id) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = db.prepareStatement("UPDATE completion SET version = version + 1 "
                        + "WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            statement.executeUpdate();
        }
    }

    private void execute(String sql, Object value, String id) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, value);
            statement.setObject(2, UUID.fromString(id));
            statement.executeUpdate();
        }
    }
}
