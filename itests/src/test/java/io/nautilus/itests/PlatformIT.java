package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.platform.RouteInfo;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Boots the built Nautilus distribution (karaf-assembly's tar.gz) and checks it as an admin would: every bundle
 * active, Camel up, drop-in routes hot-loaded and removed, a broken route file rejected without touching others,
 * {@code nautilus:status} answering, and the admin credential stored hashed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    private static final long WAIT_MILLIS = 2_000;
    private static final String ADMIN_PASSWORD = "itest-Secret-42";

    @Inject
    private BundleContext bundleContext;

    @Inject
    @Filter(timeout = 120_000)
    private RouteAdminService routeAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camelContext;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private io.nautilus.api.strategy.admin.StrategyAdminService strategies;

    @Inject
    @Filter(timeout = 120_000)
    private io.nautilus.marketdata.api.MarketDataService marketData;

    @Inject
    @Filter(timeout = 120_000)
    private io.nautilus.marketdata.api.MarketDataIngest ingest;

    @Inject
    @Filter(timeout = 120_000)
    private io.nautilus.marketdata.api.MarketDataAdminService marketDataAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private org.osgi.service.cm.ConfigurationAdmin configurationAdmin;

    private final List<Path> created = new java.util.ArrayList<>();

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18101");
        Option[] options = java.util.Arrays.copyOf(base, base.length + 1);
        // the probe strategy of the hot-swap test is packed in the container from this module's classes
        options[base.length] = org.ops4j.pax.exam.CoreOptions.systemProperty("nautilus.itest.classes")
                .value(new File("target/test-classes").getAbsolutePath());
        return options;
    }

    @After
    public void removeCreatedFiles() throws IOException {
        for (Path p : created) {
            Files.deleteIfExists(p);
        }
    }

    @Test
    public void everyBundleIsActive() {
        // Pax Exam installs its own bundles after boot, which refreshes a few; wait (bounded) for that to settle
        Await.until(() -> notActive().isEmpty(), 60_000, () -> "bundles active; not active:\n" + notActive());
        for (String name : List.of("io.nautilus.api", "io.nautilus.camel", "io.nautilus.security", "io.nautilus.shell")) {
            assertTrue(name + " installed", List.of(bundleContext.getBundles()).stream()
                    .anyMatch(b -> name.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
        }
    }

    @Test
    public void camelContextIsUpWithTheExampleRoute() {
        assertTrue("camel started: " + camelContext.getStatus(), camelContext.getStatus().isStarted());
        RouteInfo heartbeat = route("example-heartbeat").orElseThrow(() -> new AssertionError(
                "example route missing: " + routeAdmin.routes()));
        assertEquals("Started", heartbeat.status());
        assertEquals("heartbeat.yaml", heartbeat.source());
    }

    @Test
    public void theKafkaEventsExampleLoadsWithTheEventsComponentAndCamelKafka() throws Exception {
        // no broker: the routes start (the producers connect lazily); events would fail after maxBlockMs, counted
        Path example = routeAdmin.routeDirectory().resolve("examples").resolve("kafka-events.yaml");
        write(routeAdmin.routeDirectory().resolve("itest-kafka-events.yaml"), Files.readString(example));
        for (String id : List.of("kafka-executions-out", "kafka-fills-out", "kafka-bars-out")) {
            Await.until(() -> route(id).filter(r -> "Started".equals(r.status())).isPresent(), 60_000,
                    id + " started: " + routeAdmin.routeFiles());
        }
        assertTrue("nautilus-events registered", camelContext.hasComponent("nautilus-events") != null);
    }

    @Test
    public void droppedRouteStartsWithinTwoSecondsRunsAndStopsWhenDeleted() throws Exception {
        Path file = routeAdmin.routeDirectory().resolve("itest-ticker.yaml");
        write(file, """
                - route:
                    id: itest-ticker
                    from:
                      uri: timer:itest-ticker
                      parameters:
                        period: 50
                      steps:
                        - setBody:
                            constant: tick
                """);
        long start = System.nanoTime();
        Await.until(() -> route("itest-ticker").filter(r -> "Started".equals(r.status())).isPresent(), WAIT_MILLIS,
                "route from a dropped file started");
        long startedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue("started in " + startedMillis + " ms", startedMillis <= WAIT_MILLIS);
        Await.until(() -> route("itest-ticker").map(r -> r.exchangesTotal() > 0).orElse(false), 5_000,
                "route processed exchanges");

        Files.delete(file);
        Await.until(() -> route("itest-ticker").isEmpty() && camelContext.getRoute("itest-ticker") == null, WAIT_MILLIS,
                "route removed after its file was deleted");
        assertTrue("example route untouched", route("example-heartbeat").isPresent());
    }

    @Test
    public void brokenRouteFileIsReportedWithLineAndChangesNothingElse() throws Exception {
        RouteInfo before = route("example-heartbeat").orElseThrow();
        Path good = routeAdmin.routeDirectory().resolve("itest-good.yaml");
        write(good, """
                - route:
                    id: itest-good
                    from:
                      uri: timer:itest-good
                      parameters:
                        period: 1000
                      steps:
                        - log: good
                """);
        Await.until(() -> route("itest-good").isPresent(), WAIT_MILLIS, "good route started");

        Path broken = routeAdmin.routeDirectory().resolve("itest-broken.yaml");
        write(broken, """
                - route:
                    id: itest-broken
                    from:
                      uri: timer:itest-broken
                      steps:
                        - log: "unterminated
                          - to: log:x
                     bad-indent: [
                """);
        Await.until(() -> fileState("itest-broken.yaml").filter(f -> f.state() == RouteFile.State.FAILED).isPresent(),
                WAIT_MILLIS, "broken file reported FAILED");
        RouteFile failed = fileState("itest-broken.yaml").orElseThrow();
        assertTrue("error names the file: " + failed.error(), failed.error().contains("itest-broken.yaml"));
        assertTrue("error has a line: " + failed, failed.errorLine() > 0);
        assertFalse(route("itest-broken").isPresent());
        assertTrue("other file's route still runs", route("itest-good").filter(r -> "Started".equals(r.status())).isPresent());
        RouteInfo after = route("example-heartbeat").orElseThrow();
        assertEquals("Started", after.status());
        assertTrue("example route was not restarted", after.uptimeMillis() >= before.uptimeMillis());

        String output = execute("nautilus:routes");
        assertTrue(output, output.contains("itest-broken.yaml") && output.contains("FAILED"));
    }

    @Test
    public void statusCommandListsEnginesAndRoutes() throws Exception {
        String output = execute("nautilus:status");
        assertTrue(output, output.contains("Platform: READY"));
        for (String expected : List.of("io.nautilus.api", "io.nautilus.camel", "io.nautilus.security",
                "io.nautilus.shell", "ACTIVE", "example-heartbeat", "heartbeat.yaml", "Started")) {
            assertTrue("status shows " + expected + ":\n" + output, output.contains(expected));
        }
    }

    @Test
    public void adminCredentialFromTheEnvironmentIsStoredHashed() throws Exception {
        Path users = Path.of(System.getProperty("karaf.etc"), "users.properties");
        String text = Files.readString(users, StandardCharsets.UTF_8);
        assertTrue(text, text.lines().anyMatch(l -> l.startsWith("admin") && l.contains("{CRYPT}")));
        assertFalse("clear password written to users.properties", text.contains(ADMIN_PASSWORD));
    }

    private Optional<RouteInfo> route(String id) {
        return routeAdmin.routes().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private Optional<RouteFile> fileState(String name) {
        return routeAdmin.routeFiles().stream().filter(f -> f.fileName().equals(name)).findFirst();
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void write(Path file, String content) throws IOException {
        created.add(file);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    public void theTradingCoreMatchesOrdersFromItsServiceAndTheShellShowsThem() throws Exception {
        // SIM-ACME has no feed, so the simulated venue mirrors no liquidity into its book
        Await.until(() -> core.instruments().stream().anyMatch(i -> i.symbol().equals("SIM-ACME")), 60_000,
                "instruments from etc/io.nautilus.core.instruments.cfg");
        InstrumentId acme = InstrumentId.of("SIM-ACME");
        long id = System.nanoTime();
        CommandResult bid = core.submit(NewOrder.limit(id, AccountId.of("desk-1"), null, acme, Side.BUY,
                9_950, 20)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(bid.describe(), bid.accepted());
        CommandResult ask = core.submit(new NewOrder(id + 1, AccountId.of("desk-2"), null, acme, Side.SELL,
                io.nautilus.api.OrderType.LIMIT, TimeInForce.IOC, 9_950, io.nautilus.api.instrument.FixedPoint.NULL,
                5, 0, 0, 0)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(ask.describe(), ask.accepted());
        assertTrue("fill reports: " + ask.reports(), ask.reports().stream()
                .anyMatch(r -> r.execType() == ExecType.FILL && r.lastQuantity() == 5 && r.lastPrice() == 9_950));
        CommandResult tooBig = core.submit(NewOrder.limit(id + 2, AccountId.of("desk-1"), null, acme, Side.BUY,
                9_950, 500_000)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse("a risk limit rejects it", tooBig.accepted());
        assertTrue(tooBig.describe(), tooBig.describe().contains("maxOrderQty"));

        String book = execute("nautilus:book SIM-ACME");
        assertTrue(book, book.contains("99.50") && book.contains("15"));
        String positions = execute("nautilus:positions desk-2");
        assertTrue(positions, positions.contains("SIM-ACME") && positions.contains("-5"));
    }

    @Test
    public void outOfTheBoxTheDemoMarketMakerTradesOnTheSimulatedVenue() throws Exception {
        Await.until(() -> strategies.instance("mm-demo").map(i -> "RUNNING".equals(i.state())).orElse(false), 60_000,
                "the demo market maker runs: " + strategies.instances());
        InstrumentId btc = InstrumentId.of("SIM-BTC");
        Await.until(() -> core.orders(new io.nautilus.core.api.OrderFilter(AccountId.of("sim-market"), btc, null, 0))
                .size() == 2, 60_000, "the simulated venue mirrors the synthetic market's quote");
        Await.until(() -> core.position(AccountId.of("mm-1"), btc).map(p -> p.boughtQuantity() + p.soldQuantity() > 0)
                .orElse(false), 120_000, "the market maker's quotes fill on the simulated venue");
        Await.until(() -> strategies.instance("mm-demo").map(i -> i.workingOrders() > 0).orElse(false), 30_000,
                "the market maker quotes");
        String shown = execute("nautilus:strategies");
        assertTrue(shown, shown.contains("mm-demo") && shown.contains("MarketMaker") && shown.contains("RUNNING"));
        assertTrue("mm-demo still running: " + strategies.instance("mm-demo"),
                "RUNNING".equals(strategies.instance("mm-demo").orElseThrow().state()));

        // a parameter change from the shell reaches the running instance through Config Admin, state carried
        int version = strategies.instance("mm-demo").orElseThrow().version();
        String changed = execute("nautilus:strategy-params mm-demo requoteTicks=2");
        assertTrue(changed, changed.contains("requoteTicks: 1 -> 2"));
        Await.until(() -> strategies.instance("mm-demo").map(i -> i.version() > version && "RUNNING".equals(i.state())
                && "2".equals(i.parameters().get("requoteTicks"))).orElse(false), 30_000,
                "mm-demo reconfigured: " + strategies.instance("mm-demo"));
        try {
            execute("nautilus:strategy-params mm-demo orderSize");
            throw new AssertionError("a parameter without a value is refused");
        } catch (Exception e) {
            assertTrue(e.toString(), e.toString().contains("is not name=value"));
        }
        badParametersKeepTheDemoMarketMakerRunning();
    }

    /**
     * The fail-safe rules of strategy configuration on the real platform: a bad value from the shell is refused and
     * nothing is written; a bad value saved in the instance's file leaves the instance running on the configuration
     * before (shown as a config error) until a good one is saved; a second file reusing the id is refused and
     * deleting it leaves the instance alone.
     */
    private void badParametersKeepTheDemoMarketMakerRunning() throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc"), "io.nautilus.strategy.marketmaker-demo.cfg");
        // the change before was written back to the file by Config Admin's file installer, on its own thread:
        // read the file once that write is done (not empty, and the same at two polls 200 ms apart)
        String[] settled = {"", ""};
        Await.until(() -> {
            settled[0] = settled[1];
            settled[1] = Files.readString(file, StandardCharsets.UTF_8);
            return !settled[1].isEmpty() && settled[1].equals(settled[0]) && settled[1].contains("requoteTicks");
        }, 30_000, Duration.ofMillis(200), () -> "the file written back settles: " + file + ":\n" + settled[1]);
        String original = settled[1];
        int version = strategies.instance("mm-demo").orElseThrow().version();
        String[][] refusals = {
            {"halfSpreadTicks=-1", "halfSpreadTicks -1 must be at least 1"},
            {"orderSize=abc", "parameter orderSize 'abc' is not a whole number"},
            {"orderSize=0", "orderSize 0 must be at least 1"},
            {"spreadTicks=2", "has no parameter 'spreadTicks'"},
        };
        for (String[] refusal : refusals) {
            try {
                execute("nautilus:strategy-params mm-demo " + refusal[0]);
                throw new AssertionError(refusal[0] + " is refused");
            } catch (Exception e) {
                assertTrue(refusal[0] + ": " + e, e.toString().contains(refusal[1])
                        && e.toString().contains("nothing changed"));
            }
        }
        assertEquals("nothing written", original, Files.readString(file, StandardCharsets.UTF_8));
        Await.holds(() -> strategies.instance("mm-demo").orElseThrow().version() == version, WAIT_MILLIS,
                () -> "mm-demo stays at version " + version + ": " + strategies.instance("mm-demo"));

        try {
            replace(file, original.replaceFirst("(?m)^halfSpreadTicks\\s*=.*$", "halfSpreadTicks = -1"));
            Await.until(() -> strategies.instance("mm-demo").map(i -> i.configError()
                    .contains("halfSpreadTicks -1 must be at least 1")).orElse(false), 30_000,
                    "the bad file is refused: " + strategies.instance("mm-demo"));
            long delivered = strategies.instance("mm-demo").orElseThrow().deliveredEvents();
            Await.until(() -> strategies.instance("mm-demo").map(i -> i.deliveredEvents() > delivered).orElse(false),
                    30_000, "mm-demo keeps receiving market data");
            io.nautilus.api.strategy.admin.StrategyInstanceInfo kept = strategies.instance("mm-demo").orElseThrow();
            assertEquals(kept.toString(), "RUNNING", kept.state());
            assertEquals(kept.toString(), version, kept.version());
            assertEquals(kept.toString(), "1", kept.parameters().get("halfSpreadTicks"));
            String list = execute("nautilus:strategies");
            assertTrue(list, list.contains("CONFIG ERROR") && list.contains("halfSpreadTicks -1 must be at least 1"));
            String details = execute("nautilus:strategies mm-demo");
            assertTrue(details, details.contains("config error"));
        } finally {
            replace(file, original);
        }
        Await.until(() -> strategies.instance("mm-demo").map(i -> i.configError().isEmpty() && i.version() > version
                && "RUNNING".equals(i.state())).orElse(false), 30_000,
                "the good file is applied again: " + strategies.instance("mm-demo"));

        int handedOver = strategies.instance("mm-demo").orElseThrow().version();
        Path duplicate = file.resolveSibling("io.nautilus.strategy.marketmaker-dup.cfg");
        write(duplicate, original.replaceFirst("(?m)^halfSpreadTicks\\s*=.*$", "halfSpreadTicks = 4"));
        Await.until(() -> strategies.instance("mm-demo")
                .map(i -> i.configError().contains("also names strategy id mm-demo")).orElse(false), 30_000,
                "the duplicate id is refused: " + strategies.instance("mm-demo"));
        String list = execute("nautilus:strategies");
        assertTrue(list, list.contains("also names strategy id mm-demo"));
        Files.delete(duplicate);
        Await.until(() -> strategies.instance("mm-demo").map(i -> i.configError().isEmpty()).orElse(false), 30_000,
                "deleting the duplicate clears the error: " + strategies.instance("mm-demo"));
        Await.holds(() -> strategies.instance("mm-demo").map(i -> i.version() == handedOver).orElse(false),
                WAIT_MILLIS, () -> "deleting the duplicate leaves mm-demo at version " + handedOver + ": "
                        + strategies.instance("mm-demo"));
        io.nautilus.api.strategy.admin.StrategyInstanceInfo after = strategies.instance("mm-demo").orElseThrow();
        assertEquals(after.toString(), "RUNNING", after.state());
        assertEquals(after.toString(), handedOver, after.version());
        assertEquals(after.toString(), "1", after.parameters().get("halfSpreadTicks"));
    }

    /**
     * Hot swap under a running feed: a probe strategy bundle (packed here from this module's classes) is updated 20
     * times while a feed sends 10 000 numbered quotes a second; the probe's own counters, carried from version to
     * version, prove that every quote reached exactly one version in order, and its one resting order stays working.
     */
    @Test
    public void hotSwappingAStrategyBundleUnderARunningFeedLosesAndDuplicatesNothing() throws Exception {
        addProbeInstrument();
        Bundle probe = bundleContext.installBundle("nautilus-itest-probe", new java.io.ByteArrayInputStream(
                probeJar("1.0.0")));
        Bundle[] installed = {probe};
        java.util.concurrent.atomic.AtomicBoolean feeding = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        Thread feed = new Thread(() -> feedProbe(feeding, sent), "itest-probe-feed");
        try {
            probe.start();
            Await.until(() -> strategies.instance("probe")
                    .map(i -> "RUNNING".equals(i.state()) && i.workingOrders() == 1).orElse(false), 30_000,
                    "probe running with its order: " + strategies.instance("probe"));
            long orderClientId = Long.parseLong(probeCounters().get("orderClientId"));
            long orderId = probeOrder(orderClientId);
            feed.start();
            Await.until(() -> sent.get() > 5_000, 30_000, "feed running");
            for (int swap = 1; swap <= 20; swap++) {
                int version = swap + 1;
                probe.update(new java.io.ByteArrayInputStream(probeJar("1.0." + swap)));
                Await.until(() -> strategies.instance("probe").map(i -> i.version() == version
                        && "RUNNING".equals(i.state())).orElse(false), 30_000, "swap to version " + version + ": "
                        + strategies.instance("probe"));
                awaitQuotesReachTheProbe();
            }
            // a new version installed next to the running one (as a jar dropped into deploy/ is), then the old
            // one uninstalled: the engine swaps while both are registered
            for (int swap = 1; swap <= 20; swap++) {
                int version = 21 + swap;
                Bundle next = bundleContext.installBundle("nautilus-itest-probe-2." + swap,
                        new java.io.ByteArrayInputStream(probeJar("2.0." + swap)));
                next.start();
                Await.until(() -> strategies.instance("probe").map(i -> i.version() == version
                        && "RUNNING".equals(i.state())).orElse(false), 30_000, "swap to version " + version + ": "
                        + strategies.instance("probe"));
                installed[0].uninstall();
                installed[0] = next;
                awaitQuotesReachTheProbe();
            }
            feeding.set(false);
            feed.join(10_000);
            long total = sent.get();
            Await.until(() -> Long.parseLong(probeCounters().get("last")) == total, 30_000,
                    "the last quote reached the probe: " + probeCounters() + ", sent " + total);

            java.util.Map<String, String> counters = probeCounters();
            io.nautilus.api.strategy.admin.StrategyInstanceInfo info = strategies.instance("probe").orElseThrow();
            // the strategy engine subscribes directly on the market-data engine's thread: nothing is conflated or queued
            // before the instances' own queues, whose refusals are counted in rejectedEvents (asserted 0 below)
            assertTrue(marketDataAdmin.subscriptionStats().stream()
                    .anyMatch(stats -> stats.name().equals("strategy-engine") && stats.delivered() >= total));
            assertEquals("every quote, once: " + counters, Long.toString(total), counters.get("count"));
            assertEquals("no gaps: " + counters, "0", counters.get("gaps"));
            assertEquals("no duplicates or reordering: " + counters, "0", counters.get("duplicates"));
            assertEquals("state carried through every version", "40", counters.get("handOvers"));
            assertEquals("the last version runs", "2.0.20", counters.get("startedBy"));
            assertEquals(41, info.version());
            assertEquals(0, info.rejectedEvents());
            assertEquals("the engine delivered what the probe counted", total + Long.parseLong(counters.get("reports")),
                    info.deliveredEvents());
            assertEquals("the working order is kept", 1, info.workingOrders());
            assertEquals("the same order, still working at the core", orderId, probeOrder(orderClientId));
            List<Long> pauses = info.swapPausesMicros();
            assertEquals(40, pauses.size());
            System.out.println("{\"benchmark\":\"strategy-swap-karaf\",\"ticksPerSecond\":10000,\"quotes\":" + total
                    + ",\"bundleUpdate\":" + percentiles(pauses.subList(0, 20)) + ",\"sideBySide\":"
                    + percentiles(pauses.subList(20, 40)) + ",\"lost\":0,\"duplicated\":0}");
        } finally {
            feeding.set(false);
            feed.join(10_000);
            strategies.instance("probe").filter(i -> "RUNNING".equals(i.state()))
                    .ifPresent(i -> strategies.stop("probe"));
            installed[0].uninstall();
        }
    }

    /** Waits until the running probe version has been handed another 1 000 quotes (0.1 s of the feed). */
    private void awaitQuotesReachTheProbe() {
        long delivered = strategies.instance("probe").orElseThrow().deliveredEvents();
        Await.until(() -> strategies.instance("probe").map(i -> i.deliveredEvents() >= delivered + 1_000)
                .orElse(false), 30_000, () -> "quotes reach probe version " + strategies.instance("probe"));
    }

    private static String percentiles(List<Long> micros) {
        List<Long> sorted = new java.util.ArrayList<>(micros);
        java.util.Collections.sort(sorted);
        return "{\"swaps\":" + sorted.size() + ",\"pauseP50Micros\":" + sorted.get(sorted.size() / 2)
                + ",\"pauseP99Micros\":" + sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)
                + ",\"pauseMaxMicros\":" + sorted.get(sorted.size() - 1) + "}";
    }

    private void addProbeInstrument() throws Exception {
        org.osgi.service.cm.Configuration instruments = configurationAdmin.getConfiguration(
                "io.nautilus.core.instruments", "?");
        java.util.Dictionary<String, Object> properties = instruments.getProperties();
        properties.put("ITEST-PROBE.priceScale", "2");
        properties.put("ITEST-PROBE.quantityScale", "0");
        properties.put("ITEST-PROBE.tickSize", "0.01");
        properties.put("ITEST-PROBE.lotSize", "1");
        instruments.update(properties);
        InstrumentId instrument = InstrumentId.of("ITEST-PROBE");
        Await.until(() -> core.instrument(instrument).isPresent(), 30_000, "the core defines ITEST-PROBE");
        long[] seq = {0};
        Await.until(() -> {
            ingest.quote("itest-warmup", "ITEST-PROBE", ++seq[0], "100.00", "1", "100.02", "1",
                    System.currentTimeMillis() * 1_000_000L, System.nanoTime());
            return marketData.lastQuote(instrument) != null;
        }, 30_000, "the market-data engine knows ITEST-PROBE");
    }

    private void feedProbe(java.util.concurrent.atomic.AtomicBoolean feeding,
                           java.util.concurrent.atomic.AtomicLong sent) {
        long start = System.nanoTime();
        long n = 0;
        while (feeding.get() && n < 2_000_000) {
            long due = start + n * 100_000L; // 10 000 a second
            long now = System.nanoTime();
            if (now < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(due - now, 1_000_000L));
                continue;
            }
            n++;
            ingest.quote("itest-probe", "ITEST-PROBE", n, "100.00", Long.toString(n), "100.02", "1",
                    System.currentTimeMillis() * 1_000_000L, now);
            sent.set(n);
        }
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, String> probeCounters() {
        try {
            var refs = bundleContext.getServiceReferences(Supplier.class, "(nautilus.probe=true)");
            assertFalse("probe counters registered", refs.isEmpty());
            var ref = refs.iterator().next();
            try {
                return ((Supplier<java.util.Map<String, String>>) bundleContext.getService(ref)).get();
            } finally {
                bundleContext.ungetService(ref);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private long probeOrder(long clientOrderId) {
        return core.orders(new io.nautilus.core.api.OrderFilter(AccountId.of("desk-2"), InstrumentId.of("ITEST-PROBE"),
                null, 0)).stream().filter(o -> o.clientOrderId() == clientOrderId)
                .mapToLong(io.nautilus.core.api.OrderView::orderId).findFirst()
                .orElseThrow(() -> new AssertionError("probe order " + clientOrderId + " is not working"));
    }

    /** The probe strategy bundle, packed from this module's compiled classes. */
    private static byte[] probeJar(String version) throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.nautilus.itests.probe");
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", "io.nautilus.itests.probe.ProbeActivator");
        main.putValue("Import-Package", "io.nautilus.api;version=\"[0.1,1)\",io.nautilus.api.marketdata;version="
                + "\"[0.1,1)\",io.nautilus.api.order;version=\"[0.1,1)\",io.nautilus.api.strategy;version="
                + "\"[0.1,1)\",org.osgi.framework");
        Path classes = Path.of(System.getProperty("nautilus.itest.classes"), "io", "nautilus", "itests", "probe");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest);
             var files = Files.list(classes)) {
            for (Path file : files.sorted().toList()) {
                jar.putNextEntry(new java.util.jar.JarEntry("io/nautilus/itests/probe/" + file.getFileName()));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    public void theSyntheticFeedRouteDrivesTheMarketDataEngine() throws Exception {
        // camel-routes/synthetic-feed.yaml may load before the market-data bundle registers its Camel components;
        // the bundle then loads the failed file again, so the route ends up started
        Await.until(() -> route("md-synthetic-feed").map(r -> "Started".equals(r.status())).orElse(false), 60_000,
                "synthetic feed route started: " + routeAdmin.routeFiles());
        String[] md = {""};
        Await.until(() -> {
            md[0] = execute("nautilus:md");
            return md[0].contains("SIM-BTC") && md[0].contains("SIM-ETH") && md[0].contains("synthetic");
        }, 60_000, Duration.ofMillis(200), () -> "nautilus:md shows the synthetic feed's instruments:\n" + md[0]);
    }

    private String notActive() {
        StringBuilder notActive = new StringBuilder();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.append(b.getSymbolicName()).append(" state ").append(b.getState()).append('\n');
            }
        }
        return notActive.toString();
    }

    /** Runs a shell command as the admin and returns what it printed. */
    private String execute(String command) throws Exception {
        return new AdminShell(sessionFactory).execute(command);
    }
}
