package org.jpledger.training.verification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.employeeJson;
import static org.jpledger.training.TestData.freshNip;
import static org.jpledger.training.TestData.unitJson;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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
 * the keyboard, verifying with v and rejecting with r and a digit, Bahasa Indonesia first and English by the toggle. Screenshots are kept in
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
        // Certificates and duplicates come from other endpoints; one the service lacks is said plainly.
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("certificates")).getText()
                .matches("Belum tersedia di layanan ini\\.|Belum ada sertifikat terlampir\\."));
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

    private void recordedAt(String id, String instant) throws SQLException {
        execute("UPDATE completion SET recorded_at = ? WHERE id = ?", Timestamp.from(Instant.parse(instant)), id);
    }

    /** A flag part C's detection would set, which this branch does not have. */
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
