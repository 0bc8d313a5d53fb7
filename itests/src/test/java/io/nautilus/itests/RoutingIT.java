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
import io.nautilus.marketdata.api.MarketDataService;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.inject.Inject;
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
    private VenueAdminService venues;

    @Inject
    @Filter(timeout = 120_000)
    private ParentOrderService desk;

    @Inject
    @Filter(timeout = 120_000)
    private SmartOrderRouter router;

    @Configuration
    public Option[] config() {
        return ContainerOptions.distribution("18102");
    }

    @Test
    public void aParentOrderIsSplitAcrossTwoSimulatedVenuesAndAFixVenueAndItsFillsAggregate() throws Exception {
        AtomicBoolean quoting = new AtomicBoolean(true);
        Thread quotes = new Thread(() -> {
            long seq = 0;
            while (quoting.get()) {
                ingest.quote("itest-sor", "SOR-ACME", ++seq, "99.99", "500", "100.01", "500",
                        System.currentTimeMillis() * 1_000_000L, System.nanoTime());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "itest-sor-quotes");
        try (FixVenuePeer peer = new FixVenuePeer()) {
            update("io.nautilus.core.instruments", Map.of("SOR-ACME.priceScale", "2", "SOR-ACME.quantityScale", "0",
                    "SOR-ACME.tickSize", "0.01", "SOR-ACME.lotSize", "1", "SOR-ACME.venue", "SIMA",
                    "SOR-ACME.routing", "external"));
            await(() -> core.instrument(SOR).isPresent(), 30_000, "the core defines SOR-ACME");
            quotes.start();
            await(() -> marketData.lastQuote(SOR) != null, 30_000, "quotes for SOR-ACME");

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

            await(() -> {
                Set<String> up = venues.venues().stream()
                        .filter(v -> v.session().state() == ConnectionState.LOGGED_ON && !v.failedClosed())
                        .map(v -> v.session().venue().value()).collect(Collectors.toSet());
                return up.containsAll(Set.of("SIMA", "SIMB", "XFIX"));
            }, 60_000, "the three venues logged on: " + venues.venues());

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
            await(() -> router.parentState(parentId).cumulativeQuantity() == 1200, 60_000,
                    "fills aggregate to the parent: " + router.parentState(parentId));
            ParentOrderState state = router.parentState(parentId);
            assertEquals(io.nautilus.api.order.OrderStatus.FILLED, state.status());
            assertEquals(10_001, state.averagePrice());
            await(() -> core.position(DESK, SOR).map(p -> p.quantity() == 1200).orElse(false), 30_000,
                    "the core's position: " + core.position(DESK, SOR));
            assertTrue("the FIX venue got its child", peer.newOrders.get() >= 1);
            String explain = router.explain(parentId);
            assertTrue(explain, explain.contains("SIMA") && explain.contains("SIMB") && explain.contains("XFIX"));
            for (VenueStatus venue : venues.venues()) {
                assertTrue("no venue failed closed: " + venue, !venue.failedClosed());
            }
            System.out.println("routing itest: " + submission.decision().summary());
        } finally {
            quoting.set(false);
            quotes.join(5_000);
        }
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

    private static void await(Supplier<Boolean> condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(50);
        }
    }

    static VenueId venue(String id) {
        return VenueId.of(id);
    }
}
