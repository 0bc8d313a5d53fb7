package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.nautilus.api.AccountId;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.history.api.BacktestRun;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.itests.btprobe.ThrowingStrategyFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Backtests inside the booted distribution: {@code smacross} on the shipped sample data completes through
 * {@link BacktestService} and {@code nautilus:backtest}, writes its files under {@code data/nautilus/backtests/<id>/}
 * and a row in the history store, and leaves the live core alone; a strategy bundle installed at run time is
 * backtestable at once (a slow one is canceled, a throwing one fails with its exception) and gone when uninstalled;
 * an unknown strategy and a missing data path are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BacktestIT {

    private static final String SAMPLES = "samples/marketdata";
    private static final AccountId BACKTEST_ACCOUNT = AccountId.of("backtest");

    @Inject
    private BundleContext bundleContext;

    @Inject
    @Filter(timeout = 120_000)
    private BacktestService backtests;

    @Inject
    @Filter(timeout = 120_000)
    private HistoryService history;

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18105");
        Option[] options = Arrays.copyOf(base, base.length + 1);
        // the strategy bundle of the cancel and failure tests is packed in the container from this module's classes
        options[base.length] = CoreOptions.systemProperty("nautilus.itest.classes")
                .value(new java.io.File("target/test-classes").getAbsolutePath());
        return options;
    }

    @Test
    public void smacrossOnTheSampleDataCompletesInsideThePlatformAndLeavesTheLiveCoreAlone() throws Exception {
        Await.until(() -> backtests.strategies().contains("smacross"), 60_000, "smacross offered: "
                + backtests.strategies());
        BacktestInfo run = backtests.start(BacktestRequest.parse(List.of("--data", SAMPLES, "--strategy",
                "smacross", "--param", "instrument=SIM-BTC", "--param", "quantity=0.01", "--param", "fast=5",
                "--param", "slow=20")));
        assertTrue(run.id(), run.id().matches("bt-\\d{8}-\\d{4}"));

        BacktestInfo done = awaitEnd(run.id(), 120_000);

        assertEquals("ended: " + done, BacktestState.COMPLETED, done.state());
        assertTrue("events: " + done, done.events() > 0);
        assertTrue("smacross traded: " + done, done.fills() > 0);
        assertEquals(1.0, done.progress(), 0.0);
        assertTrue("stats: " + done.stats(), done.stats().containsKey("totalReturn"));
        Path folder = Path.of(System.getProperty("karaf.base")).resolve("data/nautilus/backtests").resolve(run.id());
        assertEquals(folder.toString(), done.outDir());
        for (String file : List.of("fills.csv", "equity.csv", "orders.csv", "stats.json", "report.html",
                "request.json", "status.properties")) {
            assertTrue(file + " in " + folder, Files.isRegularFile(folder.resolve(file)));
        }
        String report = Files.readString(folder.resolve("report.html"));
        assertTrue("report.html inlines the chart library embedded in nautilus-analytics",
                report.contains("var uPlot=function()") && report.contains("data-chart=\"equity\""));
        assertTrue(Files.readString(folder.resolve("request.json")).contains("\"strategy\": \"smacross\""));

        Await.until(() -> history.backtestRuns(HistoryQuery.all()).stream().anyMatch(r -> r.runId().equals(run.id())
                && r.status().equals("COMPLETED")), 30_000, "the run's row in the history store: "
                + history.backtestRuns(HistoryQuery.all()));
        BacktestRun row = history.backtestRuns(HistoryQuery.all()).stream().filter(r -> r.runId().equals(run.id()))
                .findFirst().orElseThrow();
        assertEquals("smacross", row.strategy());
        assertEquals("SIM-BTC", row.parameters().get("instrument"));
        assertEquals(Long.toString(done.events()), row.results().get("events"));
        assertTrue("finished at: " + row, row.finishedAt() != null);

        assertTrue("no backtest account in the live core: " + core.accounts(), core.accounts().stream()
                .noneMatch(a -> a.account().equals(BACKTEST_ACCOUNT)));
        assertEquals("no backtest order in the live core's order memory", List.of(), core.orderHistories(
                new OrderFilter(BACKTEST_ACCOUNT, null, null, 0), OrderStateFilter.ALL));
        assertEquals("no backtest position in the live core", List.of(), core.positions(BACKTEST_ACCOUNT));
        assertEquals("no backtest fill in the history store", List.of(),
                history.fills(HistoryQuery.all().withAccount(BACKTEST_ACCOUNT)));

        String list = execute("nautilus:backtest list");
        assertTrue(list, list.contains(run.id()) && list.contains("COMPLETED") && list.contains("smacross"));
        String shown = execute("nautilus:backtest show " + run.id());
        assertTrue(shown, shown.contains("totalReturn") && shown.contains("equity.csv")
                && shown.contains("fills.csv") && shown.contains("date,equity"));
        System.out.println("nautilus:backtest show " + run.id() + "\n" + shown);
    }

    @Test
    public void runsAreListedAgainAfterTheServiceRestarts() throws Exception {
        Await.until(() -> backtests.strategies().contains("smacross"), 60_000, "smacross offered");
        BacktestInfo done = awaitEnd(backtests.start(BacktestRequest.parse(List.of("--data", SAMPLES, "--strategy",
                "smacross", "--param", "instrument=SIM-ETH", "--param", "quantity=0.1"))).id(), 120_000);
        assertEquals("ended: " + done, BacktestState.COMPLETED, done.state());
        Bundle bundle = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "io.nautilus.backtest".equals(b.getSymbolicName())).findFirst().orElseThrow();

        bundle.stop();
        bundle.start();

        org.osgi.util.tracker.ServiceTracker<BacktestService, BacktestService> tracker =
                new org.osgi.util.tracker.ServiceTracker<>(bundleContext, BacktestService.class, null);
        tracker.open();
        try {
            BacktestService restarted = tracker.waitForService(60_000);
            assertTrue("the service is back", restarted != null && restarted != backtests);
            BacktestInfo reread = restarted.get(done.id()).orElseThrow(() -> new AssertionError(done.id()
                    + " not listed after the restart: " + restarted.list()));
            assertEquals(BacktestState.COMPLETED, reread.state());
            assertEquals(done.events(), reread.events());
            assertEquals(done.fills(), reread.fills());
            assertEquals(done.request(), reread.request());
            assertTrue(restarted.list().stream().anyMatch(i -> i.id().equals(done.id())));
        } finally {
            tracker.close();
        }
    }

    @Test
    public void theShellRunsABacktestAndWaitsForIt() throws Exception {
        Await.until(() -> backtests.strategies().contains("smacross"), 60_000, "smacross offered");

        String output = execute("nautilus:backtest run --data " + SAMPLES + " --strategy smacross --param"
                + " instrument=SIM-BTC --param quantity=0.01 --wait");

        assertTrue(output, output.matches("(?s).*(QUEUED|RUNNING|COMPLETED): smacross on .*") && output.contains("COMPLETED")
                && output.contains("stats.json"));
    }

    @Test
    public void theShellRunsAParameterSweepAsOneRunWithItsSweepCsv() throws Exception {
        Await.until(() -> backtests.strategies().contains("smacross"), 60_000, "smacross offered");

        String output = execute("nautilus:sweep --data " + SAMPLES + " --strategy smacross --param"
                + " instrument=SIM-ACME --param quantity=10 --sweep fast=3..4:1 --sweep slow=10,20 --workers 2"
                + " --objective -maxDrawdown --wait");

        assertTrue(output, output.matches("(?s).*(QUEUED|RUNNING|COMPLETED): smacross on .*") && output.contains("COMPLETED")
                && output.contains("sweep.csv (best 4 of 4 runs)") && output.contains("local, 2 workers"));
        BacktestInfo sweep = backtests.list().stream().filter(i -> i.stats().containsKey("executor")).findFirst()
                .orElseThrow();
        assertEquals(4L, sweep.stats().get("runs"));
        assertEquals(0L, sweep.stats().get("failed"));
        Path folder = Path.of(sweep.outDir());
        List<String> csv = Files.readAllLines(folder.resolve("sweep.csv"));
        assertEquals(csv.toString(), 5, csv.size());
        assertTrue(csv.get(0), csv.get(0).startsWith("fast,slow,totalReturn,cagr,volatility,sharpe,"));
        assertTrue(Files.isRegularFile(folder.resolve("runs/3/stats.json")));
        String refused = executeFailing("nautilus:sweep --data " + SAMPLES + " --strategy smacross --sweep speed=1,2");
        assertTrue(refused, refused.contains("--sweep speed: strategy smacross does not take it"));
    }

    @Test
    public void anUnknownStrategyAndAMissingDataPathAreRefusedWithOneLine() throws Exception {
        Await.until(() -> backtests.strategies().contains("smacross"), 60_000, "smacross offered");
        int before = backtests.list().size();
        try {
            backtests.start(BacktestRequest.parse(List.of("--data", SAMPLES, "--strategy", "no-such")));
            fail("an unknown strategy was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("unknown strategy 'no-such'; known: ")
                    && e.getMessage().contains("smacross"));
        }
        try {
            backtests.start(BacktestRequest.parse(List.of("--data", "nowhere/quotes.csv", "--strategy",
                    "smacross")));
            fail("a missing data path was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("--data nowhere/quotes.csv: no such file or"
                    + " folder"));
        }
        String shell = executeFailing("nautilus:backtest run --data " + SAMPLES + " --strategy no-such");
        assertTrue(shell, shell.contains("unknown strategy 'no-such'; known: "));
        assertEquals("nothing queued", before, backtests.list().size());
    }

    @Test
    public void aStrategyBundleInstalledAtRunTimeIsBacktestableCanceledFailedAndGoneWhenUninstalled()
            throws Exception {
        Path data = Path.of(System.getProperty("karaf.base")).resolve("data/itest-backtest");
        writeQuotes(data.resolve("long/quotes.csv"), 200_000);
        writeQuotes(data.resolve("short/quotes.csv"), 1_000);
        Bundle bundle = bundleContext.installBundle("nautilus-itest-btprobe", new ByteArrayInputStream(probeJar()));
        try {
            bundle.start();
            Await.until(() -> backtests.strategies().containsAll(List.of("itest-slow", "itest-throws")), 30_000,
                    "the probe's strategies offered: " + backtests.strategies());

            BacktestInfo slow = backtests.start(BacktestRequest.parse(List.of("--data", "data/itest-backtest/long",
                    "--strategy", "itest-slow")));
            Await.until(() -> backtests.get(slow.id()).map(i -> i.state() == BacktestState.RUNNING && i.events() > 0)
                    .orElse(false), 60_000, "the slow run RUNNING with progress: " + backtests.get(slow.id()));
            String status = execute("nautilus:backtest status " + slow.id());
            assertTrue(status, status.contains("RUNNING") && status.contains("events/s"));
            assertTrue(execute("nautilus:backtest cancel " + slow.id()).contains("cancel asked"));
            BacktestInfo canceled = awaitEnd(slow.id(), 60_000);
            assertEquals("ended: " + canceled, BacktestState.CANCELED, canceled.state());
            assertTrue("stopped early: " + canceled, canceled.events() < 200_000);

            BacktestInfo throwing = backtests.start(BacktestRequest.parse(List.of("--data",
                    "data/itest-backtest/short", "--strategy", "itest-throws")));
            BacktestInfo failed = awaitEnd(throwing.id(), 60_000);
            assertEquals("ended: " + failed, BacktestState.FAILED, failed.state());
            assertTrue("the strategy's exception: " + failed.error(), failed.error() != null
                    && failed.error().contains(ThrowingStrategyFactory.MESSAGE));
            Await.until(() -> history.backtestRuns(HistoryQuery.all()).stream().anyMatch(r -> r.runId().equals(
                    throwing.id()) && r.status().equals("FAILED")), 30_000, "the failed run's history row");
        } finally {
            bundle.uninstall();
        }
        Await.until(() -> !backtests.strategies().contains("itest-slow"), 30_000, "itest-slow gone: "
                + backtests.strategies());
        assertFalse(backtests.strategies().contains("itest-throws"));
    }

    private BacktestInfo awaitEnd(String id, long millis) {
        Await.until(() -> backtests.get(id).map(i -> i.state().isFinished()).orElse(false), millis,
                "backtest " + id + " ended: " + backtests.get(id));
        return backtests.get(id).orElseThrow();
    }

    /** Quotes of SIM-BTC a millisecond apart, on its tick. */
    private static void writeQuotes(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        long start = 1_704_067_200_000_000_000L;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
            for (int i = 0; i < rows; i++) {
                long bid = 3_000_000 + (i % 20) * 50;
                out.write(Long.toString(start + i * 1_000_000L));
                out.write(",SIM-BTC,");
                out.write(bid / 100 + "." + String.format("%02d", bid % 100));
                out.write(",1.0000,");
                out.write((bid + 50) / 100 + "." + String.format("%02d", (bid + 50) % 100));
                out.write(",1.0000\n");
            }
        }
    }

    /** The btprobe strategy bundle, packed from this module's compiled classes with its services file. */
    private static byte[] probeJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.nautilus.itests.btprobe");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "io.nautilus.api.marketdata;version=\"[0.1,1)\","
                + "io.nautilus.api.strategy;version=\"[0.1,1)\"");
        Path classes = Path.of(System.getProperty("nautilus.itest.classes"), "io", "nautilus", "itests", "btprobe");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest); var files = Files.list(classes)) {
            for (Path file : files.sorted().toList()) {
                jar.putNextEntry(new JarEntry("io/nautilus/itests/btprobe/" + file.getFileName()));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.nautilus.api.strategy.StrategyFactory"));
            jar.write(("io.nautilus.itests.btprobe.SlowStrategyFactory\n"
                    + "io.nautilus.itests.btprobe.ThrowingStrategyFactory\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Runs a shell command as admin; retried for up to 30 s while the command is not registered yet. */
    private String execute(String command) throws Exception {
        return new AdminShell(sessionFactory).execute(command);
    }

    /** Runs a shell command that must fail; returns its one-line message. */
    private String executeFailing(String command) throws Exception {
        return new AdminShell(sessionFactory).executeFailing(command);
    }
}
