package io.nautilus.web.ui;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both from fixed paths, so Selenium Manager never
 * looks for (or downloads) a driver or a browser; no network beyond the page's own server, a private profile. Shared
 * with the dashboard's distribution test in {@code itests} through this module's test jar.
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * A driver for a 1440×1000 window. Skips the test when the packages are missing, except in CI (the {@code CI}
     * variable set), where {@code .ci/run} installs them.
     *
     * @param profile an empty folder for the browser's profile
     * @return the driver; quit it when done
     */
    public static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String missing = "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail(missing + ": .ci/run installs them");
            }
            abort(missing);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(profile.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * The page's console messages and script errors since the last call (for a failing test's report).
     *
     * @param driver the browser
     * @return one line per message
     */
    public static String console(ChromeDriver driver) {
        StringBuilder lines = new StringBuilder();
        driver.manage().logs().get(LogType.BROWSER).forEach(entry ->
                lines.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
        return lines.toString();
    }

    /**
     * Saves a screenshot of one element (scrolled into view).
     *
     * @param element the element, e.g. a card of the dashboard
     * @param png     the file to write (its folder is created)
     */
    public static void screenshot(WebElement element, Path png) throws IOException {
        File shot = element.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Saves a screenshot of the window scrolled to the top.
     *
     * @param driver the browser
     * @param png    the file to write (its folder is created)
     */
    public static void screenshot(ChromeDriver driver, Path png) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
    }
}
