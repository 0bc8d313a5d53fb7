package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.venue.VenueAdminService;
import io.nautilus.api.venue.VenueStatus;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataIngest;
import io.nautilus.marketdata.api.MarketDataAdminService;
import io.nautilus.marketdata.api.MarketDataService;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.ParentOrderService;
import io.nautilus.router.api.ParentOrderState;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.SmartOrderRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The smart order router on the real platform: a parent order of an external instrument is split across two
 * simulated venues (the platform's matching engine as a venue) and one FIX venue (a real QuickFIX/J acceptor on
 * 127.0.0.1), every child goes through the trading core's risk checks and the venue layer, and the fills aggregate
 * back to the parent and into the core's position.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RoutingIT {

    private static final InstrumentId SOR = InstrumentId.of("SOR-ACME");
    private static final AccountId DESK = AccountId.of("desk-1");

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private MarketDataIngest ingest;

    @Inject
    @Filter(timeout = 120_000)
    private MarketDataService marketData;

    @Inject
    @Filter(timeout = 120_000)
    private MarketDataAdminService marketDataAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private VenueAdminService venues;

    @Inject
    @Filter(timeout = 120_000)
    private ParentOrderService desk;

    @Inject
    @Filter(timeout = 120_000)
    private SmartOrderRouter router;

    @Inject
    @Filter(timeout = 120_000)
    private io.nautilus.api.platform.RouteAdminService routeAdmin;

    @Inject
    @Filter(timeout = 120_000)
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return ContainerOptions.distribution("18102");
    }

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile String bid = "99.99";
    private static volatile String ask = "100.01";
    private static FixVenuePeer peer;

    /** Once per container: the instrument, a quote stream, three venues and the router's fees and listings. */
    private void setUpVenues() throws Exception {
        if (!STARTED.compareAndSet(false, true)) {
            awaitVenuesUp();
            return;
        }
        peer = new FixVenuePeer();
        long[] seq = {0};
        ScheduledExecutorService quotes = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "itest-sor-quotes");
            thread.setDaemon(true);
            return thread;
        });
        update("io.nautilus.core.instruments", Map.of("SOR-ACME.priceScale", "2", "SOR-ACME.quantityScale", "0",
                "SOR-ACME.tickSize", "0.01", "SOR-ACME.lotSize", "1", "SOR-ACME.venue", "SIMA",
                "SOR-ACME.routing", "external"));
        Await.until(() -> core.instrument(SOR).isPresent(), 30_000, "the core defines SOR-ACME");
        quotes.scheduleAtFixedRate(() -> ingest.quote("itest-sor", "SOR-ACME", ++seq[0], bid, "500", ask, "500",
                System.currentTimeMillis() * 1_000_000L, System.nanoTime()), 0, 20, TimeUnit.MILLISECONDS);
        Await.until(() -> marketData.lastQuote(SOR) != null, 30_000, "quotes for SOR-ACME");

        for (String venue : new String[] {"SIMA", "SIMB"}) {
            factory("io.nautilus.simvenue.gateway", venue, Map.of("venue.id", venue, "instruments", "SOR-ACME",
                    "latency.ms", "1", "latency.jitter.ms", "0", "refresh.ms", "50", "seed", "7"));
        }
        Path store = Files.createTempDirectory("itest-fix-store");
        factory("io.nautilus.venue.fix", "XFIX", Map.ofEntries(Map.entry("venue.id", "XFIX"),
                Map.entry("begin.string", "FIX.4.4"), Map.entry("host", "127.0.0.1"),
                Map.entry("port", Integer.toString(peer.port)),
                Map.entry("sender.comp.id", FixVenuePeer.OUR_COMP_ID),
                Map.entry("target.comp.id", FixVenuePeer.VENUE_COMP_ID), Map.entry("heartbeat.seconds", "30"),
                Map.entry("store.path", store.toString()), Map.entry("reset.on.logon", "true"),
                Map.entry("reconnect.interval", "1"), Map.entry("connect.on.start", "true")));
        // fees make SIMA cheapest and XFIX dearest, so the split is predictable
        String[][] fees = {{"SIMA", "0.1"}, {"SIMB", "0.5"}, {"XFIX", "1.0"}};
        for (String[] fee : fees) {
            factory("io.nautilus.router.venue", fee[0], Map.of("venue", fee[0], "fee.model", "bps", "maker", "0",
                    "taker", fee[1], "enabled", "true"));
        }
        update("io.nautilus.router.desk", Map.of("instrument.SOR-ACME.venues", "SIMA,SIMB,XFIX"));
        awaitVenuesUp();
    }

    private void awaitVenuesUp() {
        Await.until(() -> {
            Set<String> up = venues.venues().stream()
                    .filter(v -> v.session().state() == ConnectionState.LOGGED_ON && !v.failedClosed())
                    .map(v -> v.session().venue().value()).collect(Collectors.toSet());
            return up.containsAll(Set.of("SIMA", "SIMB", "XFIX"));
        }, 60_000, "the three venues logged on");
    }

    @Test
    public void aParentOrderIsSplitAcrossTwoSimulatedVenuesAndAFixVenueAndItsFillsAggregate() throws Exception {
        setUpVenues();
        long boughtBefore = core.position(DESK, SOR).map(p -> p.boughtQuantity()).orElse(0L);
        ParentOrderService.Submission submission = desk.submit(new ParentOrderService.Request(DESK, SOR,
                Side.BUY, 1200, 10_005, ExecutionStyle.MARKETABLE, RemainderPolicy.UNALLOCATED));

        Set<String> childVenues = new TreeSet<>();
        long allocated = 0;
        for (ParentOrderService.SentChild child : submission.children()) {
            ChildOrder c = child.child();
            childVenues.add(c.venue().value());
            allocated += c.quantity();
            assertTrue("child accepted by the core: " + child.outcome(), child.coreOrderId() > 0);
        }
        assertEquals(Set.of("SIMA", "SIMB", "XFIX"), childVenues);
        assertEquals(1200, allocated);
        long parentId = submission.decision().parentOrderId();
        Await.until(() -> router.parentState(parentId).cumulativeQuantity() == 1200, 60_000,
                "fills aggregate to the parent: " + router.parentState(parentId));
        ParentOrderState state = router.parentState(parentId);
        assertEquals(io.nautilus.api.order.OrderStatus.FILLED, state.status());
        assertEquals(10_001, state.averagePrice());
        Await.until(() -> core.position(DESK, SOR).map(p -> p.boughtQuantity() == boughtBefore + 1200).orElse(false),
                30_000, "the core's position: " + core.position(DESK, SOR));
        assertTrue("the FIX venue got its child", peer.newOrders.get() >= 1);
        String explain = router.explain(parentId);
        assertTrue(explain, explain.contains("SIMA") && explain.contains("SIMB") && explain.contains("XFIX"));
        for (VenueStatus venue : venues.venues()) {
            assertTrue("no venue failed closed: " + venue, !venue.failedClosed());
        }
        System.out.println("routing itest: " + submission.decision().summary());
    }

    /**
     * Reconciliation with a real gateway: an order rests at a simulated venue, the session goes down, the market
     * moves through the order while the platform cannot hear about it, and the logon's reconciliation applies the
     * missed fill from the venue's answer to an order status request.
     */
    @Test
    public void aFillMissedWhileAVenueWasDisconnectedIsAppliedByTheReconciliationAfterLogon() throws Exception {
        setUpVenues();
        long orderId = core.submit(io.nautilus.api.order.NewOrder.limit(System.nanoTime(), DESK, null, SOR, Side.BUY,
                9_990, 100), VenueId.of("SIMB")).get(10, java.util.concurrent.TimeUnit.SECONDS).orderId();
        Await.until(() -> core.order(orderId).isPresent() && venues.venues().stream()
                .anyMatch(v -> v.session().venue().value().equals("SIMB") && v.reportsApplied() > 0), 30_000,
                "the order rests at SIMB");
        long filledBefore = core.position(DESK, SOR).map(p -> p.boughtQuantity()).orElse(0L);

        try {
            missedFillIsReconciled(orderId, filledBefore);
        } finally {
            ask = "100.01";
            bid = "99.99";
            Await.until(() -> marketData.lastQuote(SOR) != null && marketData.lastQuote(SOR).askPrice() == 10_001,
                    10_000, "quotes back");
            awaitVenuesMirrorTheMarket();
        }
    }

    private void missedFillIsReconciled(long orderId, long filledBefore) throws Exception {
        venues.disconnect("SIMB");
        Await.until(() -> stateOf("SIMB") == ConnectionState.DOWN, 30_000, "SIMB down");
        long undelivered = sessionCount("SIMB", "undelivered");
        long working = sessionCount("SIMB", "working");
        ask = "99.89";
        bid = "99.87";
        // the venue's mirrored ask crosses the resting bid while the session is down: filled, the report undelivered
        Await.until(() -> sessionCount("SIMB", "working") < working
                && sessionCount("SIMB", "undelivered") > undelivered, 30_000,
                () -> "SIMB fills the resting order while down: " + venues.venues());
        assertEquals("nothing heard while down", 0, core.order(orderId).orElseThrow().filledQuantity());

        venues.connect("SIMB");
        Await.until(() -> core.order(orderId).isEmpty(), 30_000, "the reconciliation applied the missed fill: "
                + venues.venues());
        assertEquals(filledBefore + 100, (long) core.position(DESK, SOR).map(p -> p.boughtQuantity()).orElse(0L));
        // the outcome is recorded when the reconciliation ends, which may be just after the fill reached the core
        Await.until(() -> reconciliation("SIMB").contains("1 missed fill(s)"), 30_000,
                () -> "the reconciliation's outcome: " + reconciliation("SIMB"));
        String reconciliation = reconciliation("SIMB");
        assertTrue(reconciliation, reconciliation.startsWith("ok"));
    }

    private String reconciliation(String venue) {
        return venues.venues().stream().filter(v -> v.session().venue().value().equals(venue))
                .findFirst().orElseThrow().reconciliation();
    }

    /**
     * A FIX venue's reject: its Text(58) travels through the gateway, the venue layer and the core's venue report into
     * the order memory, and {@code nautilus:order} shows it (in the lifecycle and as the order's reason).
     */
    @Test
    public void aFixVenuesRejectTextIsShownByTheOrderCommand() throws Exception {
        setUpVenues();
        long orderId = core.submit(io.nautilus.api.order.NewOrder.limit(System.nanoTime(), DESK, null, SOR, Side.BUY,
                9_900, Long.parseLong(FixVenuePeer.REJECTED_QUANTITY)), VenueId.of("XFIX"))
                .get(10, java.util.concurrent.TimeUnit.SECONDS).orderId();
        assertTrue("the core accepted the order for the venue", orderId > 0);
        Await.until(() -> core.orderHistory(orderId).map(o -> o.finished()).orElse(false), 30_000,
                "the venue's reject reaches the core: " + core.orderHistory(orderId));

        String shown = shell("nautilus:order " + orderId);

        String reason = "rejected by venue: " + FixVenuePeer.REJECT_TEXT;
        assertTrue(shown, shown.contains("REJECTED") && shown.contains("Reason:         " + reason));
        assertEquals(reason, core.orderHistory(orderId).orElseThrow().reason());
        String listed = shell("nautilus:orders --state rejected --instrument SOR-ACME");
        assertTrue(listed, listed.contains(Long.toString(orderId)) && listed.contains(reason));
    }

    /** Runs a shell command as an admin and returns what it printed. */
    private String shell(String command) throws Exception {
        return new AdminShell(sessionFactory).execute(command);
    }

    /**
     * A venue that is nothing but a Camel route file dropped into camel-routes/: it answers every new order with a
     * fill at the order's price; the platform registers it as a venue when the route starts.
     */
    @Test
    public void aVenueWrittenAsARouteFileTradesThroughTheCore() throws Exception {
        setUpVenues();
        Path file = routeAdmin.routeDirectory().resolve("itest-route-venue.yaml");
        Files.writeString(file, String.join("\n",
                "- route:",
                "    id: itest-route-venue",
                "    from:",
                "      uri: nautilus-venue:RVEN",
                "      steps:",
                "        - filter:",
                "            simple: \"${header.NautilusVenueKind} == 'NEW'\"",
                "            steps:",
                "              - setBody:",
                "                  simple: '{\"execType\":\"FILL\",\"clientOrderId\":\"${body[clientOrderId]}\","
                        + "\"lastPrice\":\"${body[price]}\",\"lastQuantity\":\"${body[quantity]}\","
                        + "\"liquidity\":\"TAKER\"}'",
                "              - to: nautilus-venue-report:RVEN",
                ""));
        try {
            Await.until(() -> stateOf("RVEN") == ConnectionState.LOGGED_ON, 30_000, "the route venue RVEN is up: "
                    + routeAdmin.routeFiles());
            long boughtBefore = core.position(DESK, SOR).map(p -> p.boughtQuantity()).orElse(0L);
            long orderId = core.submit(io.nautilus.api.order.NewOrder.limit(System.nanoTime(), DESK, null, SOR,
                    Side.BUY, 10_002, 7), VenueId.of("RVEN")).get(10, java.util.concurrent.TimeUnit.SECONDS)
                    .orderId();

            Await.until(() -> core.order(orderId).isEmpty(), 30_000, "filled by the route venue");
            assertEquals(boughtBefore + 7, (long) core.position(DESK, SOR).map(p -> p.boughtQuantity()).orElse(0L));
        } finally {
            Files.deleteIfExists(file);
        }
        Await.until(() -> stateOf("RVEN") == ConnectionState.DOWN, 30_000, "the route venue goes with its file");
    }

    /**
     * The REST/WebSocket gateway inside the distribution (its JSON comes from the Camel bundle's Jackson): configured
     * against a venue that is not there, it registers, stays down, and orders routed to it are refused at once.
     */
    @Test
    public void aRestVenueThatCannotBeReachedIsListedDownAndRefusesOrders() throws Exception {
        setUpVenues();
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        factory("io.nautilus.venue.rest", "XREST", Map.ofEntries(Map.entry("venue.id", "XREST"),
                Map.entry("base.url", "http://127.0.0.1:" + closedPort),
                Map.entry("stream.url", "ws://127.0.0.1:" + closedPort + "/stream"),
                Map.entry("key.id", "itest"), Map.entry("secret", "itest-secret"),
                Map.entry("reconnect.initial.ms", "200"), Map.entry("reconnect.max.ms", "1000")));
        Await.until(() -> venues.venues().stream().anyMatch(v -> v.session().venue().value().equals("XREST")), 30_000,
                "the REST gateway registers");
        assertTrue(stateOf("XREST") + "", !stateOf("XREST").isUsable());

        long orderId = core.submit(io.nautilus.api.order.NewOrder.limit(System.nanoTime(), DESK, null, SOR, Side.BUY,
                10_001, 3), VenueId.of("XREST")).get(10, java.util.concurrent.TimeUnit.SECONDS).orderId();

        Await.until(() -> core.order(orderId).isEmpty(), 30_000, "the order refused while the venue is down");
        String detail = venues.venues().stream().filter(v -> v.session().venue().value().equals("XREST"))
                .findFirst().orElseThrow().session().detail();
        assertTrue(detail, !detail.contains("itest-secret"));
    }

    /**
     * Waits until each simulated venue was handed the market's quotes several times since the market moved back (20 ms
     * apart, more than the venues' refresh.ms of 50 between the first and the last), so their mirrored books follow.
     */
    private void awaitVenuesMirrorTheMarket() {
        Map<String, Long> before = venueQuotes();
        Await.until(() -> {
            Map<String, Long> now = venueQuotes();
            return before.size() == 2
                    && before.entrySet().stream().allMatch(e -> now.getOrDefault(e.getKey(), 0L) >= e.getValue() + 5);
        }, 10_000, () -> "the simulated venues take the quotes: " + before + " then " + venueQuotes());
    }

    /** @return quotes delivered to each simulated venue's market-data subscription */
    private Map<String, Long> venueQuotes() {
        Map<String, Long> delivered = new java.util.TreeMap<>();
        for (SubscriptionStats stats : marketDataAdmin.subscriptionStats()) {
            if (stats.name().equals("simulated-venue-SIMA") || stats.name().equals("simulated-venue-SIMB")) {
                delivered.put(stats.name(), stats.delivered());
            }
        }
        return delivered;
    }

    /** @return a counter from the venue's session detail ("fills 3, ..."), 0 if it shows none */
    private long sessionCount(String venue, String counter) {
        String detail = venues.venues().stream().filter(v -> v.session().venue().value().equals(venue)).findFirst()
                .map(v -> v.session().detail()).orElse("");
        Matcher count = Pattern.compile("\\b" + counter + " (\\d+)").matcher(detail);
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    private ConnectionState stateOf(String venue) {
        return venues.venues().stream().filter(v -> v.session().venue().value().equals(venue)).findFirst()
                .map(v -> v.session().state()).orElse(ConnectionState.DOWN);
    }

    private void update(String pid, Map<String, String> values) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            properties.put(entry.getKey(), entry.getValue());
        }
        configuration.update(properties);
    }

    private void factory(String factoryPid, String name, Map<String, String> values) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getFactoryConfiguration(factoryPid, name,
                "?");
        configuration.update(new Hashtable<>(values));
    }

    static VenueId venue(String id) {
        return VenueId.of(id);
    }
}
