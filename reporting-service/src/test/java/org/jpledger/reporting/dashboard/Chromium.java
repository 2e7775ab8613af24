package org.jpledger.reporting.dashboard;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium and ChromeDriver (Debian's packages), installed with apt when missing, started headless
 * with the flags this closed network needs: nothing may try to reach Google's services.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Installs Debian's chromium and chromium-driver unless both are there; needs root (as CI and the sandbox run). */
    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        Log.info("Installing Debian's chromium and chromium-driver for the dashboard's browser test");
        if (run(List.of("apt-get", "install", "-y", "chromium", "chromium-driver")) != 0) {
            // A machine whose package lists were never fetched knows no candidate yet.
            run(List.of("apt-get", "update"));
            run(List.of("apt-get", "install", "-y", "chromium", "chromium-driver"));
        }
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Chromium and ChromeDriver are needed at " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver (as root) did not provide them; see "
                    + "target/chromium-install.log");
        }
    }

    /** A headless Chromium of laptop size, saving downloads into {@code downloads} without asking. */
    static ChromeDriver start(Path profile, Path downloads) {
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

    private static int run(List<String> command) throws IOException, InterruptedException {
        Path log = Path.of("target", "chromium-install.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
