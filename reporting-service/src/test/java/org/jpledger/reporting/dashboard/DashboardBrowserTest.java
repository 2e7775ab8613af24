package org.jpledger.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.reporting.LedgerEvents.completionOf;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.localstack.Chromium;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.closing.ClosingSnapshots;
import org.jpledger.reporting.consumer.EventConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (the machine's headless Chromium) against reporting-service with known data: signing
 * in with a token, drilling from the top unit to a leaf and back, the figures shown equal to the API's at each level,
 * the employees behind, the export download, the English switch and the token's unit scope. Screenshots of each step
 * are kept in target/dashboard-screenshots.
 * <p>
 * The tree, on 2 July 2025: PROVINSI (Ahmad 25 JP) above DINKES (Budi 0, Fitri 12 nonklasikal) above PUSKESMAS (Dewi
 * 20, Eko 3), and DISDIK (Citra 11, Gita 0, Hadi 2 who left in March).
 */
@Tag("slow") // minutes alone: left out by -Pquick
@QuarkusTest
class DashboardBrowserTest {

    private static final int YEAR = 2025;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    EventConsumer consumer;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private LedgerEvents events;
    private Projections projections;
    private final Map<String, String> names = new HashMap<>();
    private ChromeDriver browser;
    private Path downloads;
    private String province;
    private String dinkes;
    private String puskesmas;
    private String disdik;
    private String budi;
    private String eko;
    private String gita;
    private String hadi;

    @BeforeAll
    static void findChromium() throws IOException {
        Chromium.requireInstalled();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void loadTheTreeAndOpenTheBrowser() throws IOException {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(LocalDateTime.of(2025, 7, 2, 12, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        province = "PROV-" + run;
        dinkes = "DINKES-" + run;
        puskesmas = "PKM-" + run;
        disdik = "DISDIK-" + run;
        names.put(province, "Pemerintah Provinsi Contoh " + run);
        names.put(dinkes, "Dinas Kesehatan");
        names.put(disdik, "Dinas Pendidikan");
        names.put(puskesmas, "Puskesmas Kota");
        events.unit(province, names.get(province), 1);
        events.unit(dinkes, names.get(dinkes), province, 1);
        events.unit(disdik, names.get(disdik), province, 1);
        projections.awaitHandled(events.unit(puskesmas, names.get(puskesmas), dinkes, 1));
        employee(province, "Ahmad Santoso", null, "25", TrainingMethod.KLASIKAL, CompetencyType.TEKNIS);
        budi = employee(dinkes, "Budi Hartono", null, null, null, null);
        employee(dinkes, "Fitri Handayani", null, "12", TrainingMethod.NONKLASIKAL, CompetencyType.MANAJERIAL);
        employee(puskesmas, "Dewi Lestari", null, "20", TrainingMethod.KLASIKAL, CompetencyType.SOSIAL_KULTURAL);
        eko = employee(puskesmas, "Eko Prasetyo", null, "3", TrainingMethod.NONKLASIKAL, CompetencyType.TEKNIS);
        employee(disdik, "Citra Maharani", null, "11", TrainingMethod.KLASIKAL, CompetencyType.TEKNIS);
        gita = employee(disdik, "Gita Puspita", null, null, null, null);
        hadi = employee(disdik, "Hadi Wijaya", LocalDate.of(2025, 3, 31), "2", TrainingMethod.KLASIKAL,
                CompetencyType.TEKNIS);

        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
        downloads = Files.createDirectories(work.resolve("downloads"));
        browser = Chromium.start(work.resolve("profile"), downloads);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        clock.reset();
        events.close();
    }

    @Test
    void drillsFromTheTopUnitToALeafShowingTheApiFiguresAndDownloadsTheView() throws IOException {
        String reader = bearer(province);
        signIn(reader);

        // One unit named by the token: the dashboard opens at it.
        awaitUnit(province);
        assertShowsTheApiFigures(reader, province);
        assertThat(crumbs()).containsExactly("Beranda", unitName(reader, province));
        assertThat(chartLabel("chart-status")).startsWith("Pegawai menurut status: Memenuhi ");
        assertThat(browser.findElement(By.id("chart-status")).findElements(By.tagName("svg"))).isNotEmpty();
        assertThat(chartLabel("chart-method")).startsWith("JP menurut metode: Klasikal ");
        assertThat(behindNips()).containsExactlyInAnyOrderElementsOf(
                apiNips(reader, province, "AT_RISK,NOT_MET")).contains(budi, eko, gita, hadi);
        screenshot("01-province");

        // The child units come laggard first (DISDIK 0 %, DINKES 25 %); sorting by rate again turns the order round.
        assertThat(childCodes()).containsExactly(disdik, dinkes);
        sortChildrenBy("complianceRate");
        assertThat(childCodes()).containsExactly(dinkes, disdik);
        assertThat(browser.findElement(By.cssSelector("#children th[data-sort=complianceRate]")).getAttribute("aria-sort"))
                .isEqualTo("descending");

        // Drill down with the keyboard, then with a click.
        childLink(dinkes).sendKeys(Keys.ENTER);
        awaitUnit(dinkes);
        assertShowsTheApiFigures(reader, dinkes);
        assertThat(crumbs()).containsExactly("Beranda", unitName(reader, province), "Dinas Kesehatan");
        screenshot("02-dinkes");
        childLink(puskesmas).click();
        awaitUnit(puskesmas);
        assertShowsTheApiFigures(reader, puskesmas);
        assertThat(browser.findElement(By.id("no-children")).isDisplayed()).isTrue();
        assertThat(behindNips()).containsExactly(eko);
        screenshot("03-puskesmas-leaf");

        // The leaf's export, as the employees of this view in CSV.
        new Select(browser.findElement(By.id("export-format"))).selectByValue("csv");
        browser.findElement(By.id("export-button")).click();
        String csv = Files.readString(awaitDownload(".csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("NIP", eko, "Dewi Lestari").doesNotContain("Budi Hartono");
        awaitText(By.id("export-status"), ".csv");

        // Back up by the breadcrumbs; search the employees behind by name.
        browser.findElement(By.linkText(unitName(reader, province))).click();
        awaitUnit(province);
        WebElement search = browser.findElement(By.id("behind-search"));
        search.sendKeys("gita", Keys.ENTER);
        new WebDriverWait(browser, PATIENCE).until(b -> behindNips().equals(List.of(gita)));
        screenshot("04-search");
    }

    @Test
    void marksAClosedYearWithItsClosingAndTogglesToTheLiveFigures() {
        new ClosingSnapshots(dataSource).close(YEAR, province, "kepala.bkd", "Laporan JP " + YEAR);
        String reader = bearer(province);
        signIn(reader);
        awaitUnit(province);
        awaitText(By.id("closed-badge"), "oleh kepala.bkd");
        assertThat(browser.findElement(By.id("closed-badge")).getText()).startsWith("Ditutup ");
        assertThat(browser.findElement(By.id("corrections-link")).getText()).isEqualTo("0 koreksi sejak penutupan");
        browser.findElement(By.id("corrections-link")).click();
        awaitText(By.id("no-corrections"), "Belum ada koreksi.");
        browser.findElement(By.id("live-view")).click();
        awaitText(By.id("closed-badge"), "menampilkan angka terkini");
        screenshot("10-closed-year-live");
    }

    @Test
    void pagesThroughTheEmployeesBehindLowestJpFirst() {
        // 22 more without training in the leaf: with Eko (3 JP), 23 behind there, 20 to a page.
        RecordMetadata last = null;
        for (int i = 0; i < 22; i++) {
            String nip = freshNip();
            last = events.employee(new EmployeeUpserted(nip, "Pegawai Baru " + i, EmploymentType.PPPK,
                    PositionLevel.PELAKSANA, puskesmas, LocalDate.of(2020, 1, 1), null, 1,
                    List.of(new UnitAssignment(puskesmas, LocalDate.of(2020, 1, 1)))));
        }
        projections.awaitHandled(last);
        String reader = bearer(puskesmas);
        List<String> expected = apiNips(reader, puskesmas, "AT_RISK,NOT_MET");
        assertThat(expected).hasSize(23).endsWith(eko);

        signIn(reader);
        awaitUnit(puskesmas);
        assertThat(behindNips()).containsExactlyElementsOf(expected.subList(0, 20));
        assertThat(browser.findElement(By.id("behind-prev")).isEnabled()).isFalse();
        browser.findElement(By.id("behind-next")).click();
        awaitText(By.id("behind-page"), "2");
        assertThat(behindNips()).containsExactlyElementsOf(expected.subList(20, 23));
        assertThat(browser.findElement(By.id("behind-next")).isEnabled()).isFalse();
        screenshot("09-behind-page-2");
        browser.findElement(By.id("behind-prev")).click();
        awaitText(By.id("behind-page"), "1");
        assertThat(behindNips()).containsExactlyElementsOf(expected.subList(0, 20));
    }

    @Test
    void switchesToEnglishAndShowsTheSameFigures() {
        String reader = bearer(province);
        signIn(reader);
        awaitUnit(province);
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        awaitText(By.id("children-title"), "Units below");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(crumbs().get(0)).isEqualTo("Home");
        assertShowsTheApiFigures(reader, province);
        screenshot("05-english");
        // Every control is labelled, so screen readers can name it.
        for (WebElement control : browser.findElements(By.cssSelector("select, input, textarea"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + control.getAttribute("id") + "']")))
                    .as("label of #%s", control.getAttribute("id")).hasSize(1);
        }
    }

    @Test
    void warnsThatTheFiguresAreStaleWhileTheLedgerIsNotBeingApplied() throws InterruptedException {
        String reader = bearer(province);
        signIn(reader);
        awaitUnit(province);
        assertThat(browser.findElement(By.id("stale")).isDisplayed()).isFalse();
        consumer.stopConsuming();
        try {
            events.employee(freshNip(), "Indah Permata", 1);
            browser.navigate().refresh();
            awaitUnit(province);
            awaitText(By.id("stale"), "Perhatian: data mungkin belum mutakhir");
            assertThat(browser.findElement(By.id("stale")).getAttribute("role")).isEqualTo("alert");
            screenshot("07-stale");
        } finally {
            consumer.startConsuming();
        }
        new WebDriverWait(browser, PATIENCE).until(b -> {
            b.navigate().refresh();
            awaitUnit(province);
            return !b.findElement(By.id("stale")).isDisplayed();
        });
    }

    @Test
    void fitsATabletWithoutScrollingSideways() {
        browser.manage().window().setSize(new Dimension(820, 1180));
        signIn(bearer(province));
        awaitUnit(province);
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number windowWidth = (Number) browser.executeScript("return window.innerWidth");
        assertThat(pageWidth.intValue()).isLessThanOrEqualTo(windowWidth.intValue());
        screenshot("08-tablet");
    }

    @Test
    void opensAtTheOrganisationForATokenOfSeveralUnitsAndListsThoseBehindInAll() {
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(dinkes, disdik));
        signIn(reader);
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("unit-name")).getText()
                .equals("Seluruh organisasi — " + YEAR) && !behindNips().isEmpty());
        assertThat(crumbs()).containsExactly("Beranda");
        assertThat(childCodes()).containsExactlyInAnyOrder(dinkes, disdik);
        assertThat(browser.findElement(By.id("children-title")).getText()).isEqualTo("Unit teratas");
        assertThat(behindNips()).containsExactlyInAnyOrder(budi, eko, gita, hadi);
        Map<String, Object> figures = Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .get("/api/v1/compliance/summary").then().statusCode(200).extract().jsonPath().getMap("figures");
        assertThat(shownNumber(browser.findElement(By.cssSelector("#figures dd[data-figure=headcount]"))))
                .isEqualByComparingTo(figures.get("headcount").toString()).isEqualByComparingTo("7");
        screenshot("10-organisation");

        childLink(disdik).click();
        awaitUnit(disdik);
        assertThat(crumbs()).containsExactly("Beranda", "Dinas Pendidikan");
        browser.findElement(By.linkText("Beranda")).click();
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("unit-name")).getText()
                .startsWith("Seluruh organisasi"));
    }

    @Test
    void showsAReaderOnlyTheUnitsItsTokenNames() {
        String reader = bearer(dinkes);
        signIn(reader);
        awaitUnit(dinkes);
        assertShowsTheApiFigures(reader, dinkes);
        // The trail starts at the token's unit: the province above it is not the reader's to see.
        assertThat(crumbs()).containsExactly("Beranda", "Dinas Kesehatan");

        browser.executeScript("location.hash = arguments[0]", "#year=" + YEAR + "&unit=" + disdik);
        awaitText(By.id("load-error"), "No unit with this code");
        assertThat(browser.findElement(By.id("unit-name")).getText()).startsWith("Dinas Kesehatan");
        screenshot("06-outside-scope");
    }

    @Test
    void signsInAtTheIdentityProviderWithPkce() {
        FakeIdentityProvider.signInAs(Token.withRoles(Access.REPORT_READER).units(dinkes).subject("kepala-dinkes"));
        int issued = FakeIdentityProvider.tokensIssued();
        browser.get(dashboard.toString());
        WebElement button = browser.findElement(By.id("sso-button"));
        new WebDriverWait(browser, PATIENCE).until(b -> button.isDisplayed());
        assertThat(button.getText()).isEqualTo("Masuk dengan SSO ASN");
        button.click();

        // The provider checked the challenge against the verifier before it gave the token the dashboard now uses.
        awaitUnit(dinkes);
        assertThat(FakeIdentityProvider.tokensIssued()).isEqualTo(issued + 1);
        assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(browser.findElement(By.id("who")).getText()).startsWith("kepala-dinkes");
        assertShowsTheApiFigures(bearer(dinkes), dinkes);
    }

    @Test
    void refusesATokenTheServiceDoesNotTrust() {
        browser.get(dashboard.toString());
        String forged = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(province)
                .issuer("https://attacker.example")).substring("Bearer ".length());
        browser.findElement(By.id("token")).sendKeys(forged);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        awaitText(By.id("sign-in-error"), "Token ditolak");
        assertThat(browser.findElement(By.id("view")).isDisplayed()).isFalse();
    }

    // ---- steps -------------------------------------------------------------------------------------------------------

    private void signIn(String bearer) {
        browser.get(dashboard.toString());
        browser.findElement(By.id("token")).sendKeys(bearer.substring("Bearer ".length()));
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    /** Waits until the page shows the unit: its address, and its name heading the figures, which are drawn with it. */
    private void awaitUnit(String code) {
        String heading = names.get(code) + " — " + YEAR;
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "the dashboard showing " + code + ", at "
                + browser.getCurrentUrl() + ", showing: " + browser.findElement(By.tagName("body")).getText())
                .until(b -> b.getCurrentUrl().endsWith("unit=" + code)
                        && b.findElement(By.id("unit-name")).getText().equals(heading)
                        && !b.findElements(By.cssSelector("#figures dd")).isEmpty());
    }

    private void awaitText(By element, String text) {
        new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(element).getText().contains(text));
    }

    private void sortChildrenBy(String figure) {
        browser.findElement(By.cssSelector("#children th[data-sort=" + figure + "] button")).click();
    }

    private WebElement childLink(String code) {
        return browser.findElement(By.cssSelector("#children tr[data-unit='" + code + "'] th a"));
    }

    private List<String> childCodes() {
        return browser.findElements(By.cssSelector("#children tbody tr")).stream()
                .map(row -> row.getAttribute("data-unit")).toList();
    }

    private List<String> crumbs() {
        return browser.findElements(By.cssSelector("#crumbs li")).stream().map(WebElement::getText)
                .map(text -> text.replace("›", "").strip()).toList();
    }

    private String chartLabel(String id) {
        return browser.findElement(By.id(id)).getAttribute("aria-label");
    }

    private List<String> behindNips() {
        // The page may redraw the list while it is read (a row gone stale): then read it again.
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(b ->
                b.findElement(By.id("behind-page")).getText().isEmpty() ? null
                        : b.findElements(By.cssSelector("#behind tbody td[data-figure=nip]")).stream()
                                .map(WebElement::getText).toList());
    }

    private Path awaitDownload(String suffix) {
        return Chromium.awaitDownload(browser, downloads, suffix, PATIENCE);
    }

    /** The whole page, not only the window: the window grows to the page's height for the shot. */
    private void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 6000)));
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    // ---- what the page shows against what the API answers ------------------------------------------------------------

    /** The unit's figures, each child's row and the breakdown's charts hold exactly the API's numbers. */
    private void assertShowsTheApiFigures(String reader, String code) {
        JsonPath unit = api(reader, "/api/v1/compliance/units/{code}", code);
        Map<String, Object> figures = unit.getMap("unit.figures");
        for (String figure : List.of("headcount", "compliant", "onTrack", "atRisk", "notMet", "exempt", "leftService")) {
            assertThat(shownNumber(browser.findElement(By.cssSelector("#figures dd[data-figure=" + figure + "]"))))
                    .as(figure).isEqualByComparingTo(new BigDecimal(figures.get(figure).toString()));
        }
        assertThat(browser.findElement(By.cssSelector("#figures dd[data-figure=aboveCap]")).getAttribute("data-value"))
                .as("aboveCap").isEqualTo(figures.get("aboveCap").toString());
        assertThat(shownNumber(browser.findElement(By.cssSelector("#figures dd[data-figure=complianceRate]"))))
                .as("complianceRate").isEqualByComparingTo(percentOf(figures.get("complianceRate")));
        assertThat(shownNumber(browser.findElement(By.cssSelector("#figures dd[data-figure=averageJp]"))))
                .as("averageJp").isEqualByComparingTo(new BigDecimal(figures.get("averageJp").toString()));
        // JP waiting for verification and flagged as possible duplicates: absent in the answer when none.
        for (String figure : List.of("pendingJp", "flaggedJp")) {
            assertThat(shownNumber(browser.findElement(By.cssSelector("#figures dd[data-figure=" + figure + "]"))))
                    .as(figure).isEqualByComparingTo(figures.get(figure) == null ? BigDecimal.ZERO
                            : new BigDecimal(figures.get(figure).toString()));
        }

        List<Map<String, Object>> children = unit.getList("children");
        assertThat(childCodes()).containsExactlyInAnyOrderElementsOf(
                children.stream().map(child -> child.get("code").toString()).toList());
        for (Map<String, Object> child : children) {
            @SuppressWarnings("unchecked")
            Map<String, Object> its = (Map<String, Object>) child.get("figures");
            WebElement row = browser.findElement(By.cssSelector("#children tr[data-unit='" + child.get("code") + "']"));
            assertThat(row.findElement(By.cssSelector("th")).getText()).isEqualTo(child.get("name"));
            for (String figure : List.of("headcount", "compliant", "onTrack", "atRisk", "notMet")) {
                assertThat(shownNumber(row.findElement(By.cssSelector("td[data-figure=" + figure + "]"))))
                        .as(child.get("code") + " " + figure).isEqualByComparingTo(its.get(figure).toString());
            }
            assertThat(shownNumber(row.findElement(By.cssSelector("td[data-figure=complianceRate] .rate-value"))))
                    .isEqualByComparingTo(percentOf(its.get("complianceRate")));
        }

        JsonPath breakdown = api(reader, "/api/v1/compliance/units/{code}/breakdown", code);
        assertThat(shownNumber(browser.findElement(By.cssSelector("#figures dd[data-figure=withoutJp]"))))
                .isEqualByComparingTo(breakdown.getString("withoutJp"));
        // Each chart's text alternative lists its values in the chart's order: they are the API's, in that order.
        assertThat(chartNumbers("chart-status")).usingElementComparator(BigDecimal::compareTo).containsExactly(
                numbers(figures.get("compliant"), figures.get("onTrack"), figures.get("atRisk"), figures.get("notMet"),
                        figures.get("exempt"), figures.get("leftService")));
        assertThat(chartNumbers("chart-bands")).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(numbers(breakdown.getList("jpBands.employees").toArray()));
        assertThat(chartNumbers("chart-method")).usingElementComparator(BigDecimal::compareTo).containsExactly(
                numbers(breakdown.get("jpByMethod.KLASIKAL"), breakdown.get("jpByMethod.NONKLASIKAL")));
        assertThat(chartNumbers("chart-competency")).usingElementComparator(BigDecimal::compareTo).containsExactly(
                numbers(breakdown.get("jpByCompetencyType.TEKNIS"), breakdown.get("jpByCompetencyType.MANAJERIAL"),
                        breakdown.get("jpByCompetencyType.SOSIAL_KULTURAL")));
    }

    /** The values a chart's text alternative lists ("title: name 3, name 1,5 JP, …"), in order. */
    private List<BigDecimal> chartNumbers(String id) {
        String label = chartLabel(id);
        return Arrays.stream(label.substring(label.indexOf(": ") + 2).split(", ")).map(item -> {
            String[] words = item.replaceAll(" JP$", "").split(" ");
            return shownNumber(words[words.length - 1]);
        }).toList();
    }

    private static BigDecimal[] numbers(Object... values) {
        return Arrays.stream(values).map(value -> new BigDecimal(value.toString())).toArray(BigDecimal[]::new);
    }

    private BigDecimal shownNumber(WebElement element) {
        return shownNumber(element.getText());
    }

    /** A number as the page shows it in either language: grouping dots or commas, a decimal comma or point, a %. */
    private BigDecimal shownNumber(String shown) {
        String text = shown.replace("%", "").replace("\u00a0", "").strip();
        boolean indonesian = "id".equals(browser.findElement(By.tagName("html")).getAttribute("lang"));
        String plain = indonesian ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        return new BigDecimal(plain);
    }

    private static BigDecimal percentOf(Object rate) {
        return new BigDecimal(rate.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    private String unitName(String reader, String code) {
        return api(reader, "/api/v1/compliance/units/{code}", code).getString("unit.name");
    }

    private List<String> apiNips(String reader, String code, String statuses) {
        return Compliance.request().header("Authorization", reader).queryParam("year", YEAR)
                .queryParam("status", statuses).queryParam("limit", 500)
                .get("/api/v1/compliance/units/{code}/employees", code).then().statusCode(200).extract().jsonPath()
                .getList("items.nip");
    }

    private static JsonPath api(String reader, String path, String code) {
        return Compliance.request().header("Authorization", reader).queryParam("year", YEAR).get(path, code).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String bearer(String unit) {
        return TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(unit).subject("kepala-" + unit));
    }

    private String employee(String unit, String name, LocalDate leftOn, String jp, TrainingMethod method,
            CompetencyType competency) {
        String nip = freshNip();
        RecordMetadata last = events.employee(new EmployeeUpserted(nip, name, EmploymentType.PNS,
                PositionLevel.PELAKSANA, unit, LocalDate.of(2010, 1, 1), leftOn, 1,
                List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1)))));
        if (jp != null) {
            last = events.completion(completionOf(nip, jp, LocalDate.of(YEAR, 3, 1), competency, method,
                    DeliveryMode.DARING));
        }
        projections.awaitHandled(last);
        return nip;
    }
}
