package org.jpledger.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's own Chromium and ChromeDriver (Debian's packages, installed by {@code .ci/install-chromium}), started
 * headless with the flags this closed network needs: nothing may try to reach Google's services. The browser tests of
 * the dashboard (reporting-service) and of the upload page (training-service) share it.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * Fails with what to do unless the browser and its driver are there: installing them is a prerequisite
     * ({@code .ci/install-chromium}, which the build runs before the tests), not this test's job.
     */
    public static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need Chromium at " + BROWSER
                    + " and ChromeDriver at " + DRIVER + ": run .ci/install-chromium (as root) once; ./mvnw verify"
                    + " runs it in reporting-service and training-service before the tests, unless skipped");
        }
    }

    /** A headless Chromium of laptop size, saving downloads into {@code downloads} without asking. */
    public static ChromeDriver start(Path profile, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=id-ID",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "id-ID,id"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The first file in {@code downloads} whose name ends with {@code suffix}, waiting up to {@code patience} for it. */
    public static Path awaitDownload(ChromeDriver browser, Path downloads, String suffix, Duration patience) {
        return new WebDriverWait(browser, patience).until(b -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
