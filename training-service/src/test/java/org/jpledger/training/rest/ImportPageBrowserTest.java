package org.jpledger.training.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.training.TestData.registeredEmployee;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The upload page at /imports/ in a real browser (the machine's headless Chromium): signing in with a token, uploading
 * a CSV file to the import-jobs API and following the job's progress to COMPLETED with its counts, the error report's
 * download and the caller's jobs. Screenshots are kept in target/import-page-screenshots.
 */
@Tag("slow") // a browser: left out by -Pquick
@QuarkusTest
class ImportPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "import-page-screenshots");
    private static final String HEADER =
            "nip,title,kindId,competencyType,deliveryMode,provider,startDate,endDate,jp,sourceSystem,externalId\n";

    @TestHTTPResource("/imports/")
    URL page;

    private ChromeDriver browser;
    private Path work;
    private Path downloads;

    @BeforeAll
    static void findChromium() throws IOException {
        Chromium.requireInstalled();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openTheBrowser() throws IOException {
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
        downloads = Files.createDirectories(work.resolve("downloads"));
        browser = Chromium.start(work.resolve("profile"), downloads);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadsACsvFileAndFollowsTheJobToCompletedWithItsCounts() throws IOException {
        String nip = registeredEmployee();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 30; i++) {
            csv.append(row(nip, "page-" + run + "-" + i, "4"));
        }
        csv.append(row(nip, "page-" + run + "-30", "4"));   // row 31: the same again, recorded already
        csv.append(row(nip, "page-" + run + "-bad1", "x")); // rows 32 and 33: refused for their JP
        csv.append(row(nip, "page-" + run + "-bad2", "-1"));
        Path file = work.resolve("pelatihan.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        signIn(token("penulis-" + run));
        WebElement input = browser.findElement(By.id("file"));
        input.sendKeys(file.toAbsolutePath().toString());
        new Select(browser.findElement(By.id("format"))).selectByValue("csv");
        browser.findElement(By.id("upload-button")).click();

        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the job COMPLETED, the page showing: "
                + browser.findElement(By.tagName("body")).getText())
                .until(b -> "COMPLETED".equals(b.findElement(By.id("job-state")).getAttribute("data-state")));
        screenshot("01-completed");
        assertThat(figure("rowsRead")).isEqualTo("33");
        assertThat(figure("created")).isEqualTo("30");
        assertThat(figure("existing")).isEqualTo("1");
        assertThat(figure("errors")).isEqualTo("2");
        WebElement bar = browser.findElement(By.id("job-progress"));
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")).isEqualTo("33");
        assertThat(browser.findElement(By.id("job-progress-label")).getText()).contains("33 dari 33 baris");
        assertThat(browser.findElement(By.id("cancel-button")).isDisplayed()).isFalse();

        // The page's figures are the API's.
        String id = browser.findElement(By.id("job-id")).getText();
        given().header("Authorization", token("penulis-" + run)).get("/api/v1/completions/imports/{id}", id).then()
                .statusCode(200).body("created", equalTo(30))
                .body("errors", equalTo(2));

        // The error report, by row number, through the link.
        WebElement link = browser.findElement(By.id("errors-link"));
        assertThat(link.getText()).isEqualTo("Unduh laporan galat (2)");
        link.click();
        String report = Files.readString(awaitDownload(".csv"), StandardCharsets.UTF_8);
        List<String> rows = report.lines().skip(1).map(line -> line.split(",", 2)[0]).distinct().toList();
        assertThat(rows).containsExactly("32", "33");

        // The caller's jobs list the new one.
        new WebDriverWait(browser, PATIENCE).until(b -> !b.findElements(
                By.cssSelector("#jobs tbody tr[data-job='" + id + "']")).isEmpty());
        screenshot("02-jobs");
    }

    @Test
    void refusesATokenWithoutTheWriterRoleAndOneTheServiceDoesNotTrust() {
        signIn(TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(Access.ALL_UNITS)));
        awaitText(By.id("sign-in-error"), "tidak punya peran training-writer");
        assertThat(browser.findElement(By.id("view")).isDisplayed()).isFalse();

        signIn(TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .issuer("https://attacker.example")));
        awaitText(By.id("sign-in-error"), "Token ditolak");
        assertThat(browser.findElement(By.id("view")).isDisplayed()).isFalse();
    }

    // ---- steps -------------------------------------------------------------------------------------------------------

    private void signIn(String bearer) {
        browser.get(page.toString());
        WebElement token = browser.findElement(By.id("token"));
        new WebDriverWait(browser, PATIENCE).until(b -> token.isDisplayed());
        token.clear();
        token.sendKeys(bearer.substring("Bearer ".length()));
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        if (bearer.contains(".")) {
            new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("view")).isDisplayed()
                    || !b.findElement(By.id("sign-in-error")).getText().isEmpty());
        }
    }

    private String figure(String name) {
        return browser.findElement(By.cssSelector("#job-figures dd[data-figure=" + name + "]")).getAttribute("data-value");
    }

    private void awaitText(By element, String text) {
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(element).getText().contains(text));
    }

    private Path awaitDownload(String suffix) {
        return Chromium.awaitDownload(browser, downloads, suffix, PATIENCE);
    }

    private void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }

    private static String row(String nip, String externalId, String jp) {
        return nip + ",Pelatihan Analisis Kebijakan,3,TEKNIS,LURING,BPSDMD,2026-03-02,2026-03-05," + jp
                + ",test-lms," + externalId + "\n";
    }

    /** A writer of its own client, so that no test spends another's allowance of imports. */
    private static String token(String subject) {
        return TestTokens.bearer(Token.withRoles(Access.TRAINING_WRITER).units(Access.ALL_UNITS)
                .client("import-page-" + subject).subject(subject));
    }
}
