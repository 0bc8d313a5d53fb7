package io.nautilus.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nautilus.itests.UnpackedDistribution.Result;
import io.nautilus.web.ui.HeadlessChromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end: the built distribution unpacked and started as the README says
 * ({@code NAUTILUS_ADMIN_PASSWORD}, {@code bin/nautilus-start}), Debian's headless Chromium driven through Debian's
 * chromedriver. The admin signs in, sees the demo market maker's position on SIM-BTC move and the bars card
 * answered, submits an order from the ticket and cancels it, stops the demo market maker and acknowledges the alert
 * that raises, starts it again, runs a backtest on the shipped sample data and opens its report, sees a simulated
 * venue gateway added to {@code etc/} appear among the venues; a trader and a viewer added with the jaas commands
 * see only the buttons of their role. Screenshots of the views go to {@code target/dashboard-it/}, or to the folder
 * of the system property {@code dashboard.screenshots} (e.g. {@code docs/images}); the first paint of the dashboard
 * is printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String PASSWORD = "dashboard-IT-pass-3";
    private static final String TRADER = "tina";
    private static final String TRADER_PASSWORD = "tina-IT-pass-3";
    private static final String VIEWER = "victor";
    private static final String VIEWER_PASSWORD = "victor-IT-pass-3";
    private static final Duration LIVE = Duration.ofSeconds(120);
    private static final Pattern ACCEPTED = Pattern.compile("order (\\d+) accepted");
    private static final Pattern STARTED = Pattern.compile("backtest (\\S+) started");

    private static UnpackedDistribution dist;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String base;
    private static Path shots;

    @BeforeAll
    static void start() throws Exception {
        dist = UnpackedDistribution.unpack("dashboard-it");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path web = dist.home.resolve("etc/io.nautilus.web.cfg");
        Files.writeString(web, Files.readString(web).replaceFirst("(?m)^port = 8080$", "port = " + port));
        base = "http://127.0.0.1:" + port + "/";
        shots = Path.of(System.getProperty("dashboard.screenshots", "target/dashboard-it"));

        Result started = dist.run(Map.of("NAUTILUS_ADMIN_PASSWORD", PASSWORD), Duration.ofSeconds(60),
                "bin/nautilus-start");
        assertThat(started.exit()).as(started.output()).isZero();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(UnpackedDistribution.BOOT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "login.html")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        browser = HeadlessChromium.start(Files.createDirectories(Path.of("target/dashboard-it/profile")));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dist != null) {
            dist.stopIfRunning();
        }
    }

    @Test
    @Order(1)
    void theAdminSignsInWithTheCredentialOfTheStart() throws Exception {
        browser.get(base);
        wait.until(ExpectedConditions.urlContains("/login.html"));
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-login.png"));
        signIn("admin", "not-the-password");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
                .isNotBlank();
        signIn("admin", PASSWORD);
        wait.until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return location.pathname === '/' && document.body.dataset.ready === 'true';")));
        assertThat(text("#who")).isEqualTo("admin (admin)");
        Object paint = browser.executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? Math.round(p.startTime) : null;");
        assertThat(paint).as("the dashboard's first contentful paint entry").isNotNull();
        System.out.println("dashboard first contentful paint (distribution, localhost): " + paint + " ms");
        Files.createDirectories(Path.of("target/dashboard-it"));
        Files.writeString(Path.of("target/dashboard-it/first-paint.txt"), paint + " ms\n");
    }

    @Test
    @Order(2)
    void theDemoMarketMakersPositionMoves() {
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
        String row = "#positions tr[data-key='mm-1/SIM-BTC']";
        String first = new WebDriverWait(browser, LIVE).until(driver -> text(row));
        new WebDriverWait(browser, LIVE).until(driver -> !first.equals(text(row)));
        // the bars card asked the market-data engine for the book instrument's bars of its first spec (time:1m)
        wait.until(driver -> String.valueOf(text("#bars-spec")).matches("SIM-\\S+ · 1m"));
    }

    @Test
    @Order(3)
    void anOrderFromTheTicketWorksAndIsCancelled() throws Exception {
        WebElement ticket = browser.findElement(By.id("ticket"));
        new Select(ticket.findElement(By.name("account"))).selectByValue("desk-1");
        new Select(ticket.findElement(By.name("instrument"))).selectByValue("SIM-ACME");
        ticket.findElement(By.cssSelector("input[value='BUY']")).click();
        ticket.findElement(By.name("quantity")).sendKeys("1");
        ticket.findElement(By.name("price")).sendKeys("90.00");
        ticket.findElement(By.id("submit-order")).click();
        String flash = wait.until(driver -> {
            String line = text("#flash");
            return line != null && ACCEPTED.matcher(line).find() ? line : null;
        });
        Matcher accepted = ACCEPTED.matcher(flash);
        assertThat(accepted.find()).isTrue();
        By row = By.cssSelector("#orders tr[data-key='" + accepted.group(1) + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-trading.png"));

        click(row, "cancel");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    }

    @Test
    @Order(4)
    void stoppingTheMarketMakerRaisesAnAlertThatIsAcknowledged() throws Exception {
        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        By mm = By.cssSelector("#strategies tr[data-key='mm-demo']");
        click(mm, "stop");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] [data-action='start']")));

        browser.findElement(By.cssSelector("#nav a[data-view='alerts']")).click();
        // with the acknowledged and resolved ones, so the row stays in the list whatever the engine counts as open
        browser.findElement(By.id("alerts-all")).click();
        By alert = By.xpath("//div[@id='alerts']//tr[td[@data-col='key' and text()='strategy-stopped:mm-demo']]");
        wait.until(driver -> {
            if (driver.findElements(alert).isEmpty()) {
                browser.executeScript("document.getElementById('alerts-all').dispatchEvent(new Event('change'))");
                return false;
            }
            return true;
        });
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-alerts.png"));
        click(alert, "ack");
        WebElement comment = wait.until(driver -> driver.findElement(alert)
                .findElement(By.cssSelector("form.comment input[name='comment']")));
        comment.sendKeys("restarting it");
        row(alert).findElement(By.cssSelector("form.comment [data-action='send']")).click();
        wait.until(driver -> "ACKNOWLEDGED".equals(driver.findElement(alert)
                .findElement(By.cssSelector("td[data-col='state']")).getText()));

        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        click(mm, "start");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] [data-action='stop']")));
        click(mm, "params");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#strategy-params input")));
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-strategies.png"));
    }

    @Test
    @Order(5)
    void aBacktestRunsAndItsReportOpens() throws Exception {
        browser.findElement(By.cssSelector("#nav a[data-view='backtests']")).click();
        WebElement args = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#backtest-run input[name='args']")));
        args.sendKeys("--data samples/marketdata --strategy smacross --param instrument=SIM-BTC"
                + " --param quantity=0.01 --param fast=5 --param slow=20");
        browser.findElement(By.cssSelector("#backtest-run button[type='submit']")).click();
        String flash = wait.until(driver -> {
            String line = text("#flash");
            return line != null && STARTED.matcher(line).find() ? line : null;
        });
        Matcher started = STARTED.matcher(flash);
        assertThat(started.find()).isTrue();
        String id = started.group(1);
        By row = By.cssSelector("#backtests tr[data-key='" + id + "']");
        new WebDriverWait(browser, LIVE).ignoring(StaleElementReferenceException.class).until(driver ->
                "COMPLETED".equals(text("#backtests tr[data-key='" + id + "'] td[data-col='state']")));
        click(row, "equity");
        wait.until(driver -> Integer.parseInt(String.valueOf(
                driver.findElement(By.id("equity-chart")).getAttribute("data-points"))) >= 1);
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-backtests.png"));

        String dashboard = browser.getWindowHandle();
        click(row, "report");
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String report = browser.getWindowHandles().stream().filter(h -> !h.equals(dashboard)).findFirst()
                .orElseThrow();
        browser.switchTo().window(report);
        wait.until(driver -> driver.getCurrentUrl().endsWith("/api/v1/backtests/" + id + "/report"));
        wait.until(driver -> !driver.getTitle().isBlank());
        assertThat(browser.getPageSource()).contains("smacross");
        browser.close();
        browser.switchTo().window(dashboard);

    }

    @Test
    @Order(6)
    void theVenuesViewListsAGatewayAddedToEtc() throws Exception {
        // shipped: the SIM instruments match in the core's own book, no venue gateway (as nautilus:venues says)
        browser.findElement(By.cssSelector("#nav a[data-view='venues']")).click();
        wait.until(driver -> String.valueOf(text("#venues p.empty")).startsWith("No venue gateways"));
        Files.writeString(dist.home.resolve("etc/io.nautilus.simvenue.gateway-SIMX.cfg"),
                "venue.id = SIMX\ninstruments = SIM-BTC, SIM-ETH\nlatency.ms = 5\n");
        By simx = By.cssSelector("#venues tr[data-key='SIMX']");
        new WebDriverWait(browser, LIVE).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            if (driver.findElements(simx).isEmpty()) {
                driver.findElement(By.cssSelector("#nav a[data-view='trading']")).click();
                driver.findElement(By.cssSelector("#nav a[data-view='venues']")).click();
                return false;
            }
            return true;
        });
        assertThat(text("#venues tr[data-key='SIMX'] td[data-col='state']")).isEqualTo("LOGGED_ON");
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-venues.png"));
    }

    @Test
    @Order(7)
    void aTraderAndAViewerAreShownWhatTheirRoleMayDo() throws Exception {
        Path users = dist.home.resolve("dashboard-users.txt");
        Files.writeString(users, String.join("\n", "jaas:realm-manage --realm karaf",
                "jaas:user-add " + TRADER + " " + TRADER_PASSWORD, "jaas:role-add " + TRADER + " trader",
                "jaas:user-add " + VIEWER + " " + VIEWER_PASSWORD, "jaas:role-add " + VIEWER + " viewer",
                "jaas:update", ""));
        // the documented way to add users: Karaf's jaas commands, here through bin/client as the admin
        Result added = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                "bin/client -a " + dist.sshPort + " -h 127.0.0.1 -u admin -p \"$0\" -b < dashboard-users.txt",
                PASSWORD);
        assertThat(added.exit()).as(added.output()).isZero();

        // the trader stops the demo market maker (a trader may), acknowledges nothing yet: Ack shown, Resolve not
        signOutAndIn(TRADER, TRADER_PASSWORD, "trader");
        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        By mm = By.cssSelector("#strategies tr[data-key='mm-demo']");
        click(mm, "stop");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] [data-action='start']")));
        browser.findElement(By.cssSelector("#nav a[data-view='alerts']")).click();
        By firing = By.xpath("//div[@id='alerts']//tr[td[@data-col='key' and text()='strategy-stopped:mm-demo']"
                + " and td[@class='actions']/*[@data-action='ack']]");
        new WebDriverWait(browser, LIVE).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            if (driver.findElements(firing).isEmpty()) {
                browser.executeScript("document.getElementById('alerts-all').dispatchEvent(new Event('change'))");
                return false;
            }
            return true;
        });
        assertThat(row(firing).findElement(By.cssSelector("[data-action='ack']")).isDisplayed()).isTrue();
        assertThat(row(firing).findElements(By.cssSelector("[data-action='resolve']")))
                .as("resolve is for admins").noneMatch(WebElement::isDisplayed);
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-trader.png"));
        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        click(mm, "start");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] [data-action='stop']")));

        signOutAndIn(VIEWER, VIEWER_PASSWORD, "viewer");
        browser.findElement(By.cssSelector("#nav a[data-view='trading']")).click();
        new WebDriverWait(browser, LIVE).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#positions tr[data-key='mm-1/SIM-BTC']")));
        assertThat(browser.findElement(By.id("ticket-card")).isDisplayed()).isFalse();
        // read in one step: the demo market maker's orders come and go (a row found may be gone the next moment)
        assertThat(browser.executeScript("const b = [...document.querySelectorAll('#orders [data-action]')];"
                + " return b.length + ' buttons, ' + b.filter((e) => e.offsetParent !== null).length + ' shown';"))
                .asString().matches("[1-9]\\d* buttons, 0 shown");
        wait.until(driver -> Integer.parseInt(String.valueOf(
                driver.findElement(By.id("pnl-chart")).getAttribute("data-points"))) >= 5);
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-viewer.png"));
        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] [data-action='params']")));
        assertThat(browser.findElements(By.cssSelector("#strategies [data-action='start'], #strategies"
                + " [data-action='stop']"))).isNotEmpty().noneMatch(WebElement::isDisplayed);
    }

    /** Signs out through the header's button and signs in again as another user. */
    private static void signOutAndIn(String user, String password, String role) {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login.html"));
        signIn(user, password);
        wait.until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return location.pathname === '/' && document.body.dataset.ready === 'true';")));
        assertThat(text("#who")).isEqualTo(user + " (" + role + ")");
    }

    private static WebElement row(By row) {
        return browser.findElement(row);
    }

    private static void signIn(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Clicks a row's button or link (looked up again when the table was redrawn in between). */
    private static void click(By row, String action) {
        wait.until(driver -> {
            driver.findElement(row).findElement(By.cssSelector("[data-action='" + action + "']")).click();
            return true;
        });
    }

    /** The text of the first element a selector matches, or null: read in one step, so never stale. */
    private static String text(String css) {
        return (String) browser.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e ? e.textContent : null;", css);
    }
}
