package io.nautilus.simvenue;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.MarketDataSubscriber;
import io.nautilus.marketdata.api.SubscriptionStats;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.MarketDataEngine;
import io.nautilus.marketdata.internal.camel.CamelFeedBinding;
import io.nautilus.marketdata.internal.camel.FeedEndpoint;
import io.nautilus.marketdata.internal.camel.IngestHandle;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The CSV replay over a fixture file ({@code src/test/resources/replay/fills.csv}) yields the expected bars and
 * fills: the real trading core, the real market-data engine and its Camel replay feed route
 * ({@code nautilus-feed:replay} to {@code nautilus-md:replay}), and a subscription that hands each quote and trade to
 * the {@link SimulatedMarket} and runs {@link SimulatedMarket#refresh()} right after it on the subscription thread,
 * so the venue reacts to every market event in file order and the outcome is exact.
 *
 * <p>Instrument ABC: price scale 2 (tick 0.01 = 1), quantity scale 0, lot 1. The mirror is one level per side at the
 * quoted price and size ({@code levels 1, sizeFactor 1.0}); sim-market's self-trade prevention is
 * {@code cancel-resting}, alice's none. Matching: price-time, a trade at the resting (maker) order's price.
 */
class ReplayFillsTest {

    static final InstrumentId ABC = InstrumentId.of("ABC");
    static final AccountId SIM = AccountId.of("sim-market");
    static final AccountId ALICE = AccountId.of("alice");

    /** 2025-11-25T10:00:00Z, the fixture's first row. */
    static final long T0 = TimeUnit.MILLISECONDS.toNanos(1_764_064_800_000L);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** Quotes and trades in the fixture. */
    static final int MARKET_EVENTS = 10;

    @TempDir
    Path dir;

    TradingCoreManager core;
    MarketDataEngine engine;
    CamelContext context;
    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    final List<Bar> bars = new CopyOnWriteArrayList<>();
    final List<Throwable> subscriberErrors = new CopyOnWriteArrayList<>();
    final AtomicInteger marketEventsHandled = new AtomicInteger();
    long clientIds = 1;

    @BeforeEach
    void start() throws Exception {
        core = RealCore.start(dir.resolve("core"), reports::add,
                Map.of("ABC.priceScale", "2", "ABC.tickSize", "0.01", "ABC.lotSize", "1"),
                Map.of("alice.stp", "none", "sim-market.stp", "cancel-resting"), Map.of());
        // the market-data engine gets the core's own definition of ABC, so both convert "99.00" to the same 9900
        Instrument abc = core.instrument(ABC).orElseThrow();
        engine = new MarketDataEngine(List.of(abc), MarketDataConfig.defaults()
                .withLimits(TimeUnit.SECONDS.toNanos(5), 0).withBars(BarSpec.time(MINUTE)));
        context = new DefaultCamelContext();
        CamelFeedBinding.register(context, new IngestHandle(engine));
        context.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (engine != null) {
            engine.close();
        }
        if (core != null) {
            RealCore.stop(core);
        }
    }

    @Test
    void replayYieldsTheExpectedBarsAndFills() throws Exception {
        // ---- alice rests a bid below and an offer above the market before the replay (the book is empty)
        long aliceBuy = alice(Side.BUY, 9_900, 10);  // BUY 10 @ 99.00
        long aliceSell = alice(Side.SELL, 10_100, 10); // SELL 10 @ 101.00

        SimulatedMarket market = new SimulatedMarket(core,
                new SimulatedMarket.Settings(SIM, Set.of(ABC), 1, 1, 1.0, true));
        engine.subscribe("simulated-venue", new MarketDataSubscriber() {
            @Override
            public void onQuote(Quote quote) {
                market.onQuote(quote);
                pass(market);
            }

            @Override
            public void onTrade(Trade trade) {
                market.onTrade(trade);
                pass(market);
            }

            @Override
            public void onBar(BarSpec spec, Bar bar) {
                bars.add(bar);
            }
        });

        // ---- replay the fixture through the real Camel feed route, as fast as possible
        String uri = "nautilus-feed:replay?file=" + fixture() + "&speed=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("md-replay").to("nautilus-md:replay");
            }
        });
        FeedEndpoint feed = context.getEndpoint(uri, FeedEndpoint.class);
        await().atMost(Duration.ofSeconds(15)).until(feed::isFinished);
        assertThat(feed.getEmitted()).isEqualTo(MARKET_EVENTS);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> marketEventsHandled.get() == MARKET_EVENTS || !subscriberErrors.isEmpty());
        assertThat(subscriberErrors).isEmpty();
        assertThat(marketEventsHandled.get()).isEqualTo(MARKET_EVENTS);

        engine.awaitProcessed(10_000);
        FeedStats stats = engine.feedStats().stream().filter(s -> s.feedId().equals("replay")).findFirst()
                .orElseThrow();
        assertThat(stats.accepted()).as("every row passes validation").isEqualTo(MARKET_EVENTS);
        SubscriptionStats subscription = engine.subscriptionStats().stream()
                .filter(s -> s.name().equals("simulated-venue")).findFirst().orElseThrow();
        assertThat(subscription.conflated()).as("the venue saw every quote and trade, none conflated").isZero();

        // ---- the fills, row by row (sim orders: "bid"/"ask" = sim-market's one mirror order per side):
        //  10:00:00 quote 100.00 x 5 / 100.10 x 5  -> new bid 5 @ 100.00, new ask 5 @ 100.10; nothing crosses
        //           alice (99.00 / 101.00).
        //  10:00:10 print SELL 3 @ 100.00 -> IOC SELL 3 @ 100.00 meets the mirror bid first: same account,
        //           cancel-resting withdraws it, no trade; alice's 99.00 is below the limit; the rest is canceled.
        //           The pass then puts the bid back (5 @ 100.00).
        //  10:00:20 print BUY 2 @ 100.10  -> the same on the ask side; alice's 101.00 is above the limit.
        //  10:00:30 quote 99.50 x 5 / 99.60 x 5   -> bid replaced to 99.50 first, then ask to 99.60; no cross.
        //  10:00:35 print SELL 2 @ 99.50   -> withdraws the mirror bid; alice's 99.00 below; bid put back.
        //  10:00:40 quote 98.80 x 4 / 98.90 x 6   -> bid replaced to 4 @ 98.80, then ask replaced to 6 @ 98.90,
        //           which crosses alice's bid and trades as the aggressor at the maker's price:
        //           FILL 1: alice buys 6 @ 99.00 (alice's buy: 4 open). The mirror ask is used up.
        //  10:00:50 same quote -> the pass finds no mirror ask and sends a new ask 6 @ 98.90 (taken liquidity
        //           comes back), which again crosses alice's bid:
        //           FILL 2: alice buys 4 @ 99.00 (alice's buy done); 2 of the ask rest at 98.90.
        //  10:01:00 quote 100.90 x 5 / 100.95 x 5 -> the bid (100.90) would reach the ask (98.90), so the ask is
        //           moved first (to 100.95, open 5), then the bid (5 @ 100.90); alice's 101.00 is not reached.
        //  10:01:10 print BUY 8 @ 101.00  -> IOC BUY 8 @ 101.00 meets the mirror ask at 100.95 first: withdrawn
        //           (cancel-resting), then alice's offer behind it at 101.00:
        //           FILL 3: alice sells 8 @ 101.00 (alice's sell: 2 open). The pass puts the ask back.
        //  10:01:30 print SELL 1 @ 100.90 -> withdraws the mirror bid; nothing of alice's; bid put back.
        //
        // execution reports reach listeners on the core's publish thread: wait for the six fill reports
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reports.stream().filter(ReplayFillsTest::isFill).count() >= 6);
        // alice: bought 6 + 4 = 10 @ 99.00, sold 8 @ 101.00 -> long 2, average entry 99.00 (a reduction keeps
        // the entry price); her buy is finished and her sell has 2 open of 10.
        assertThat(reports).filteredOn(r -> r.account().equals(ALICE) && isFill(r))
                .extracting(ExecutionReport::orderId, ExecutionReport::side, ExecutionReport::lastPrice,
                        ExecutionReport::lastQuantity, ExecutionReport::leavesQuantity,
                        ExecutionReport::liquidity)
                .containsExactly(
                        tuple(aliceBuy, Side.BUY, 9_900L, 6L, 4L, Liquidity.MAKER),
                        tuple(aliceBuy, Side.BUY, 9_900L, 4L, 0L, Liquidity.MAKER),
                        tuple(aliceSell, Side.SELL, 10_100L, 8L, 2L,
                                Liquidity.MAKER));

        PositionView alice = core.position(ALICE, ABC).orElseThrow();
        assertThat(alice.quantity()).isEqualTo(2);
        assertThat(alice.averagePrice()).isEqualTo(9_900);
        assertThat(alice.boughtQuantity()).isEqualTo(10);
        assertThat(alice.soldQuantity()).isEqualTo(8);

        assertThat(core.order(aliceBuy)).as("alice's buy is filled, no longer working").isEmpty();
        OrderView sell = core.order(aliceSell).orElseThrow();
        assertThat(sell.openQuantity()).isEqualTo(2);
        assertThat(sell.filledQuantity()).isEqualTo(8);
        assertThat(core.orders(new OrderFilter(ALICE, ABC, null, 0))).extracting(OrderView::orderId)
                .containsExactly(aliceSell);

        // sim-market is alice's only counterparty: had it traded with itself, its bought and sold quantities
        // would both exceed alice's sold and bought quantities by the same amount.
        PositionView sim = core.position(SIM, ABC).orElseThrow();
        assertThat(sim.boughtQuantity()).as("sim-market bought only what alice sold").isEqualTo(8);
        assertThat(sim.soldQuantity()).as("sim-market sold only what alice bought").isEqualTo(10);
        assertThat(sim.quantity()).isEqualTo(-2);
        assertThat(reports).filteredOn(r -> r.account().equals(SIM) && isFill(r))
                .extracting(ExecutionReport::lastPrice, ExecutionReport::lastQuantity)
                .containsExactly(tuple(9_900L, 6L),
                        tuple(9_900L, 4L),
                        tuple(10_100L, 8L));

        // the venue ends mirroring the last quote, next to alice's remaining offer
        BookView book = core.book(ABC, 5);
        assertThat(book.bids()).containsExactly(new BookView.Level(10_090, 5, 1));
        assertThat(book.asks()).containsExactly(new BookView.Level(10_095, 5, 1), new BookView.Level(10_100, 2, 1));
        // commands the passes sent, row by row as above: new orders at 10:00:00 (2), :10, :20, :35, :50,
        // 10:01:10, :30 (1 each); replaces at :30, :40, 10:01:00 (2 each); the 5 prints as IOC orders
        assertThat(market.counters()).containsEntry("submitted", 8L).containsEntry("replaced", 6L)
                .containsEntry("canceled", 0L).containsEntry("tradesReplayed", 5L)
                .containsEntry("tradesDropped", 0L).containsEntry("rejected", 0L);

        // ---- the bars of the same replay: one-minute bars of the prints; the second closes on the clock
        engine.clock(T0 + 2 * MINUTE);
        await().atMost(Duration.ofSeconds(10)).until(() -> bars.size() >= 2);
        assertThat(bars).containsExactly(
                // 10:00: 100.00 x 3, 100.10 x 2, 99.50 x 2
                new Bar(ABC, T0, T0 + MINUTE, 10_000, 10_010, 9_950, 9_950, 7, 3),
                // 10:01: 101.00 x 8, 100.90 x 1
                new Bar(ABC, T0 + MINUTE, T0 + 2 * MINUTE, 10_100, 10_100, 10_090, 10_090, 9, 2));
        assertThat(engine.lastQuote(ABC)).isEqualTo(new Quote(ABC, 10_090, 5, 10_095, 5, T0 + 60 * SECOND));
        assertThat(engine.lastTrade(ABC).price()).isEqualTo(10_090);
    }

    private void pass(SimulatedMarket market) {
        try {
            market.refresh();
        } catch (Throwable e) {
            subscriberErrors.add(e);
        } finally {
            marketEventsHandled.incrementAndGet();
        }
    }

    private static boolean isFill(ExecutionReport report) {
        return report.execType() == ExecType.FILL || report.execType() == ExecType.PARTIAL_FILL;
    }

    private long alice(Side side, long price, long quantity) throws Exception {
        CommandResult result = core.submit(new NewOrder(clientIds++, ALICE, null, ABC, side, OrderType.LIMIT,
                TimeInForce.GTC, price, FixedPoint.NULL, quantity, 0, OrderFlags.NONE, 0)).get(10, TimeUnit.SECONDS);
        assertThat(result.accepted()).as(result.describe()).isTrue();
        return result.orderId();
    }

    static String fixture() throws Exception {
        return Path.of(ReplayFillsTest.class.getResource("/replay/fills.csv").toURI()).toString();
    }
}
