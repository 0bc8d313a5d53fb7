package io.nautilus.web.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in Debian's headless Chromium against {@link ContractStub}, the REST/WebSocket contract with
 * canned data: signing in, the live positions, the order ticket, cancel and replace (typed while the working orders
 * change), alert acknowledge with a comment (typed while the alert fires again), a backtest's report and equity
 * curve, the other views, and what a trader and a viewer are shown. Screenshots go to {@code target/dashboard/}, or to the folder of
 * the system property {@code dashboard.screenshots} (e.g. {@code docs/images}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    private static ContractStub stub;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path shots;

    @BeforeAll
    static void start() throws Exception {
        stub = new ContractStub();
        browser = HeadlessChromium.start(profile);
        // no ignoring(StaleElementReferenceException): tables update row by row, an element found stays valid
        wait = new WebDriverWait(browser, WAIT);
        shots = Path.of(System.getProperty("dashboard.screenshots", "target/dashboard"));
    }

    @AfterEach
    void printConsole() {
        String console = HeadlessChromium.console(browser);
        if (!console.isEmpty()) {
            System.out.println("browser console:\n" + console);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    @Order(1)
    void anonymousVisitIsSentToTheLoginPageAndAWrongPasswordShowsTheReason() throws Exception {
        browser.get(stub.url());
        wait.until(ExpectedConditions.urlContains("/login.html"));
        signIn("admin", "wrong");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).isEqualTo("wrong user name or password");
        assertThat(browser.getCurrentUrl()).contains("/login.html");
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-login.png"));
    }

    @Test
    @Order(2)
    void signedInTheTradingViewShowsThePositionsMoving() throws Exception {
        signIn("admin", "admin");
        waitReady();
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("admin (admin)");
        wait.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
        String position = "#positions tr[data-key='mm-1/SIM-BTC'] td[data-col='quantity']";
        String first = wait.until(driver -> text(position));
        wait.until(driver -> !first.equals(text(position)));
        String net = "#pnl-table tr[data-key='mm-1'] td[data-col='netPnl']";
        String pnl = wait.until(driver -> text(net));
        wait.until(driver -> !pnl.equals(text(net)));
        assertThat(browser.findElements(By.cssSelector("#pnl-chart canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#book table.ladder tr.bid"))).hasSize(8);
        wait.until(driver -> Integer.parseInt(driver.findElement(By.id("pnl-chart")).getAttribute("data-points")) >= 4);
        assertThat(browser.findElement(By.id("bars-spec")).getText()).isEqualTo("SIM-BTC · 1m");
        // the 30 bars of the REST answer, then one more per one-minute bar of the stream, its tick bars left out
        // (one stream bar may already be in the REST answer: the page subscribes before it asks)
        wait.until(driver -> {
            long points = Long.parseLong(String.valueOf(driver.findElement(By.id("bars-chart"))
                    .getAttribute("data-points")));
            long delivered = stub.timeBarsDelivered();
            return points >= 33 && points <= 30 + delivered && points >= 30 + delivered - 1;
        });
        HeadlessChromium.screenshot(browser.findElement(By.xpath("//div[@id='bars-chart']/parent::div")),
                shots.resolve("dashboard-bars.png"));
        Object paint = browser.executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? Math.round(p.startTime) : null;");
        assertThat(paint).as("the page's first contentful paint entry").isNotNull();
        System.out.println("dashboard first contentful paint: " + paint + " ms (stub server)");
    }

    @Test
    @Order(3)
    void theTicketSubmitsAnOrderWithTheCsrfTokenAndItIsCancelledFromTheWorkingOrders() {
        WebElement ticket = browser.findElement(By.id("ticket"));
        new Select(ticket.findElement(By.name("account"))).selectByValue("mm-1");
        new Select(ticket.findElement(By.name("instrument"))).selectByValue("SIM-BTC");
        ticket.findElement(By.cssSelector("input[value='SELL']")).click();
        ticket.findElement(By.name("quantity")).sendKeys("0.250");
        ticket.findElement(By.name("price")).sendKeys("43300.00");
        ticket.findElement(By.id("submit-order")).click();

        By row = By.cssSelector("#orders tr[data-key='1001']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.findElement(By.id("flash")).getText())
                .isEqualTo("order 1001 accepted: SELL 0.250 SIM-BTC @ 43300.00");
        ContractStub.Call submit = stub.calls().get(stub.calls().size() - 1);
        assertThat(submit.method()).isEqualTo("POST");
        assertThat(submit.path()).isEqualTo("/api/v1/orders");
        assertThat(submit.csrf()).isNotBlank();
        assertThat(submit.body()).containsEntry("account", "mm-1").containsEntry("instrument", "SIM-BTC")
                .containsEntry("side", "SELL").containsEntry("type", "LIMIT").containsEntry("timeInForce", "GTC")
                .containsEntry("quantity", "0.250").containsEntry("price", "43300.00")
                .doesNotContainKeys("stopPrice", "venue");

        click(row, "cancel");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(stub.workingOrders()).doesNotContain(1001L);
        ContractStub.Call cancel = stub.calls().get(stub.calls().size() - 1);
        assertThat(cancel.method()).isEqualTo("DELETE");
        assertThat(cancel.path()).isEqualTo("/api/v1/orders/1001");
        assertThat(cancel.csrf()).isEqualTo(submit.csrf());
    }

    @Test
    @Order(4)
    void aWorkingOrderIsReplacedWithANewPrice() throws Exception {
        WebElement ticket = browser.findElement(By.id("ticket"));
        ticket.findElement(By.cssSelector("input[value='BUY']")).click();
        ticket.findElement(By.name("price")).clear();
        ticket.findElement(By.name("price")).sendKeys("43100.00");
        ticket.findElement(By.id("submit-order")).click();
        By row = By.cssSelector("#orders tr[data-key='1002']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));

        click(row, "replace");
        WebElement price = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#orders tr[data-key='1002'] form.replace input[name='price']")));
        // the demo market maker re-quotes every second: its orders come and go while the new price is typed
        price.clear();
        price.sendKeys("431");
        waitForRequote();
        price.sendKeys("50.00");
        waitForRequote();
        assertThat(price.getAttribute("value")).isEqualTo("43150.00");
        browser.findElement(By.cssSelector("#orders tr[data-key='1002'] form.replace button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#orders tr[data-key='1002'] td[data-col='price']"),
                "43150.00"));
        assertThat(browser.findElements(By.cssSelector("#orders tr[data-key='1002'] form.replace"))).isEmpty();
        ContractStub.Call replace = stub.calls().get(stub.calls().size() - 1);
        assertThat(replace.method()).isEqualTo("PATCH");
        assertThat(replace.path()).isEqualTo("/api/v1/orders/1002");
        assertThat(replace.body()).containsEntry("price", "43150.00").containsEntry("quantity", "0.250");
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-trading.png"));
    }

    @Test
    @Order(5)
    void aRejectedOrderShowsTheServersReasonAndAddsNothing() {
        WebElement ticket = browser.findElement(By.id("ticket"));
        ticket.findElement(By.name("quantity")).clear();
        ticket.findElement(By.name("quantity")).sendKeys("-1");
        ticket.findElement(By.id("submit-order")).click();
        wait.until(ExpectedConditions.textToBe(By.id("flash"), "quantity must be a positive decimal, was -1"));
        assertThat(browser.findElement(By.id("flash")).getAttribute("class")).contains("error");
        assertThat(stub.workingOrders()).containsExactly(1002L);
    }

    @Test
    @Order(6)
    void anAlertIsAcknowledgedWithAComment() throws Exception {
        assertThat(browser.findElement(By.id("alert-count")).getText()).isEqualTo("1");
        browser.findElement(By.cssSelector("#nav a[data-view='alerts']")).click();
        By row = By.cssSelector("#alerts tr[data-key='a-1']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-alerts.png"));
        click(row, "ack");
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#alerts tr[data-key='a-1'] form.comment input[name='comment']")));
        // the alert fires again every second: its count changes in the row while the comment is typed
        String count = text("#alerts tr[data-key='a-1'] td[data-col='count']");
        comment.sendKeys("looking");
        wait.until(driver -> !count.equals(text("#alerts tr[data-key='a-1'] td[data-col='count']")));
        comment.sendKeys(" at SIM");
        assertThat(comment.getAttribute("value")).isEqualTo("looking at SIM");
        browser.findElement(By.cssSelector("#alerts tr[data-key='a-1'] form.comment [data-action='send']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#alerts tr[data-key='a-1'] td[data-col='state']"),
                "ACKNOWLEDGED"));
        assertThat(stub.alertState("a-1")).isEqualTo("ACKNOWLEDGED");
        ContractStub.Call ack = stub.calls().get(stub.calls().size() - 1);
        assertThat(ack.path()).isEqualTo("/api/v1/alerts/a-1/ack");
        assertThat(ack.body()).containsEntry("comment", "looking at SIM");
        assertThat(browser.findElement(By.id("alert-count")).isDisplayed()).isFalse();
    }

    @Test
    @Order(7)
    void aBacktestShowsItsEquityCurveAndOpensItsReport() throws Exception {
        browser.findElement(By.cssSelector("#nav a[data-view='backtests']")).click();
        By row = By.cssSelector("#backtests tr[data-key='bt-1']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        click(row, "equity");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#equity-chart canvas")));
        wait.until(ExpectedConditions.attributeToBe(By.id("equity-chart"), "data-points", "120"));
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-backtests.png"));

        String dashboard = browser.getWindowHandle();
        click(row, "report");
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String report = browser.getWindowHandles().stream().filter(h -> !h.equals(dashboard)).findFirst().orElseThrow();
        browser.switchTo().window(report);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-title"))).getText())
                .isEqualTo("Backtest bt-1");
        assertThat(browser.getCurrentUrl()).endsWith("/api/v1/backtests/bt-1/report");
        browser.close();
        browser.switchTo().window(dashboard);
    }

    @Test
    @Order(8)
    void strategiesStartAndStopAndVenuesAreListed() throws Exception {
        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        By stop = By.cssSelector("#strategies tr[data-key='mm-demo'] button[data-action='stop']");
        wait.until(ExpectedConditions.elementToBeClickable(stop)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] button[data-action='start']")));
        assertThat(stub.calls().get(stub.calls().size() - 1).path()).isEqualTo("/api/v1/strategies/mm-demo/stop");
        browser.findElement(By.cssSelector("#strategies tr[data-key='mm-demo'] button[data-action='start']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(stop));
        browser.findElement(By.cssSelector("#strategies tr[data-key='mm-demo'] button[data-action='params']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#strategy-params input[name='halfSpreadTicks']")));
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-strategies.png"));

        browser.findElement(By.cssSelector("#nav a[data-view='venues']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#venues tr[data-key='FIX-1']")));
        assertThat(browser.findElement(By.cssSelector("#venues tr[data-key='SIM'] td[data-col='state']")).getText())
                .isEqualTo("LOGGED_ON");
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-venues.png"));
    }

    @Test
    @Order(9)
    void everyStateChangeCarriedTheSessionsCsrfToken() {
        List<ContractStub.Call> calls = stub.calls();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(7);
        assertThat(calls).extracting(ContractStub.Call::csrf).containsOnly(calls.get(0).csrf());
    }

    @Test
    @Order(10)
    void aTraderTradesAndAcknowledgesButGetsNoResolve() throws Exception {
        signOutAndIn("trader");
        browser.findElement(By.cssSelector("#nav a[data-view='trading']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#orders tr[data-key='1002']")));
        assertThat(browser.findElement(By.id("ticket-card")).isDisplayed()).isTrue();
        assertThat(action("#orders tr[data-key='1002']", "cancel").isDisplayed()).isTrue();
        assertThat(action("#orders tr[data-key='1002']", "replace").isDisplayed()).isTrue();
        browser.findElement(By.cssSelector("#nav a[data-view='alerts']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts tr[data-key='a-2']")));
        assertThat(action("#alerts tr[data-key='a-2']", "ack").isDisplayed()).isTrue();
        assertThat(action("#alerts tr[data-key='a-2']", "resolve").isDisplayed()).as("resolve is for admins").isFalse();
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-trader.png"));
    }

    @Test
    @Order(11)
    void aViewerSeesEverythingButNoButtonThatChangesState() throws Exception {
        signOutAndIn("viewer");
        browser.findElement(By.cssSelector("#nav a[data-view='trading']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#orders tr[data-key='1002']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#positions tr[data-key='mm-1/SIM-BTC']")));
        assertThat(browser.findElement(By.id("ticket-card")).isDisplayed()).isFalse();
        assertThat(action("#orders tr[data-key='1002']", "cancel").isDisplayed()).isFalse();
        assertThat(action("#orders tr[data-key='1002']", "replace").isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, shots.resolve("dashboard-viewer.png"));

        browser.findElement(By.cssSelector("#nav a[data-view='alerts']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alerts tr[data-key='a-2']")));
        assertThat(action("#alerts tr[data-key='a-2']", "ack").isDisplayed()).isFalse();
        assertThat(action("#alerts tr[data-key='a-2']", "resolve").isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("#nav a[data-view='strategies']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategies tr[data-key='mm-demo'] [data-action='params']")));
        assertThat(action("#strategies tr[data-key='mm-demo']", "stop").isDisplayed()).isFalse();
        action("#strategies tr[data-key='mm-demo']", "params").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategy-params input[name='halfSpreadTicks']")));
        assertThat(browser.findElement(By.cssSelector("#strategy-params button[type='submit']")).isDisplayed())
                .isFalse();

        browser.findElement(By.cssSelector("#nav a[data-view='backtests']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#backtests tr[data-key='bt-1'] [data-action='equity']")));
        assertThat(action("#backtests tr[data-key='bt-1']", "report").isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("backtest-run")).isDisplayed()).isFalse();
    }

    @Test
    @Order(12)
    void anOrderFilledWhileItsReplaceFormIsOpenStaysStruckThroughUntilTheFormIsClosed() {
        signOutAndIn("trader");
        browser.findElement(By.cssSelector("#nav a[data-view='trading']")).click();
        WebElement ticket = browser.findElement(By.id("ticket"));
        ticket.findElement(By.name("quantity")).clear();
        ticket.findElement(By.name("quantity")).sendKeys("0.100");
        ticket.findElement(By.name("price")).clear();
        ticket.findElement(By.name("price")).sendKeys("42900.00");
        ticket.findElement(By.id("submit-order")).click();
        By row = By.cssSelector("#orders tr[data-key='1003']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        click(row, "replace");
        WebElement price = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#orders tr[data-key='1003'] form.replace input[name='price']")));
        price.clear();
        price.sendKeys("43000.00");

        stub.fill(1003);
        wait.until(ExpectedConditions.attributeContains(row, "class", "gone"));
        waitForRequote();
        assertThat(price.getAttribute("value")).isEqualTo("43000.00");
        browser.findElement(By.cssSelector("#orders tr[data-key='1003'] form.replace button[type='button']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(stub.calls()).noneMatch(call -> "PATCH".equals(call.method()) && call.path().endsWith("/1003"));
    }

    /** Signs out through the header's button and signs in again as a user whose password is their name. */
    private static void signOutAndIn(String user) {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login.html"));
        signIn(user, user);
        waitReady();
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo(user + " (" + user + ")");
    }

    /** A row's button or link by its data-action. */
    private static WebElement action(String row, String action) {
        return browser.findElement(By.cssSelector(row + " [data-action='" + action + "']"));
    }

    private static void signIn(String user, String password) {
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Waits until the demo market maker's quotes in the working orders were replaced by new ones. */
    private static void waitForRequote() {
        String before = workingOrderKeys();
        wait.until(driver -> {
            String now = workingOrderKeys();
            return !now.equals(before) && now.matches(".*\\b9\\d{3}\\b.*");
        });
    }

    /** The data-key of every working order row, in order. */
    private static String workingOrderKeys() {
        return (String) browser.executeScript("return [...document.querySelectorAll('#orders tr[data-key]')]"
                + ".map((tr) => tr.dataset.key).join(',');");
    }

    /** Clicks a row's button or link. */
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

    private static void waitReady() {
        wait.until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return location.pathname === '/' && document.body.dataset.ready === 'true';")));
    }
}
