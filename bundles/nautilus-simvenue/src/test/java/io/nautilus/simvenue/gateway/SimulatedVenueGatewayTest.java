package io.nautilus.simvenue.gateway;

import io.nautilus.api.AccountId;
import io.nautilus.api.ConnectionState;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.CancelOrder;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.api.order.ReplaceOrder;
import io.nautilus.api.venue.OrderStatusQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated venue gateway against the real MatchingEngine, with no OSGi: quotes are driven straight into the
 * gateway's market side and a {@link ManualVenueScheduler} is its thread and clock.
 */
class SimulatedVenueGatewayTest {

    private static final VenueId VENUE = VenueId.of("SIMX");
    private static final InstrumentId BTC = InstrumentId.of("SIM-BTC");
    private static final InstrumentId OTHER = InstrumentId.of("SIM-OTHER");
    private static final AccountId ACCOUNT = AccountId.of("desk-1");
    /** Price scale 2, tick 0.50; quantity scale 0, lot 1. */
    private static final Instrument BTC_DEF = new Instrument(BTC, "SIM-BTC", VENUE, 50, 1, 1, 2, 0, "USD");
    private static final Map<InstrumentId, Instrument> DEFINITIONS = Map.of(BTC, BTC_DEF);

    private final ManualVenueScheduler clock = new ManualVenueScheduler();
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private SimulatedVenueGateway gateway;

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private SimulatedVenueSettings defaults() {
        return SimulatedVenueSettings.defaults(VENUE, Set.of(BTC));
    }

    private SimulatedVenueGateway start(SimulatedVenueSettings settings) {
        return start(settings, clock, reports);
    }

    private SimulatedVenueGateway start(SimulatedVenueSettings settings, VenueScheduler scheduler,
                                        List<ExecutionReport> sink) {
        SimulatedVenueGateway g = new SimulatedVenueGateway(settings,
                id -> Optional.ofNullable(DEFINITIONS.get(id)), scheduler);
        g.setListener(sink::add);
        g.setStateListener((venue, from, to, reason) -> states.add(from + "->" + to + ":" + reason));
        g.connect();
        if (sink == reports) {
            gateway = g;
        }
        return g;
    }

    private void quote(SimulatedVenueGateway g, ManualVenueScheduler s, long bid, long bidSize, long ask,
                       long askSize) {
        g.onQuote(new Quote(BTC, bid, bidSize, ask, askSize, s.epochNanos()));
        s.runDue();
    }

    private void quote(long bid, long bidSize, long ask, long askSize) {
        quote(gateway, clock, bid, bidSize, ask, askSize);
    }

    private static NewOrder limit(long id, Side side, long price, long quantity) {
        return NewOrder.limit(id, ACCOUNT, null, BTC, side, price, quantity);
    }

    private static NewOrder ioc(long id, Side side, long price, long quantity) {
        return new NewOrder(id, ACCOUNT, null, BTC, side, OrderType.LIMIT, TimeInForce.IOC, price, FixedPoint.NULL,
                quantity, 0, OrderFlags.NONE, 0);
    }

    private List<ExecType> types() {
        return reports.stream().map(ExecutionReport::execType).collect(Collectors.toList());
    }

    private ExecutionReport last() {
        return reports.get(reports.size() - 1);
    }

    @Test
    void marketableBuyFillsAtTheMirroredAskAsTaker() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);

        assertThat(gateway.sendNew(limit(1, Side.BUY, 10_200, 2))).isTrue();
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.NEW, ExecType.FILL);
        ExecutionReport fill = last();
        assertThat(fill.clientOrderId()).isEqualTo(1);
        assertThat(fill.venue()).isEqualTo(VENUE);
        assertThat(fill.lastPrice()).isEqualTo(10_100);
        assertThat(fill.lastQuantity()).isEqualTo(2);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fill.cumulativeQuantity()).isEqualTo(2);
        assertThat(fill.leavesQuantity()).isZero();
        assertThat(fill.averagePrice()).isEqualTo(10_100);
        assertThat(reports.get(0).orderId()).isEqualTo(fill.orderId()).isPositive();
    }

    @Test
    void marketOrderSweepsMirroredLevelsAndCancelsTheRest() {
        start(defaults().withLiquidity(2, 1.0));
        quote(10_000, 5, 10_100, 3); // asks 3 @ 10100 and 3 @ 10150

        gateway.sendNew(NewOrder.market(1, ACCOUNT, null, BTC, Side.BUY, 8));
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.PARTIAL_FILL,
                ExecType.CANCELED);
        assertThat(reports.get(1).lastPrice()).isEqualTo(10_100);
        assertThat(reports.get(2).lastPrice()).isEqualTo(10_150);
        assertThat(last().cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(last().cumulativeQuantity()).isEqualTo(6);
        assertThat(last().averagePrice()).isEqualTo(10_125);
    }

    @Test
    void passiveOrderRestsThenFillsAsMakerWhenTheMarketMovesThroughIt() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);

        gateway.sendNew(limit(1, Side.BUY, 10_050, 3));
        clock.runDue();
        assertThat(types()).containsExactly(ExecType.NEW);
        assertThat(last().leavesQuantity()).isEqualTo(3);

        quote(9_900, 5, 10_000, 5); // the market's offer moves through the resting bid

        assertThat(types()).containsExactly(ExecType.NEW, ExecType.FILL);
        assertThat(last().liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(last().lastPrice()).isEqualTo(10_050);
        assertThat(last().lastQuantity()).isEqualTo(3);
    }

    @Test
    void marketTradePrintFillsARestingOrderAsMaker() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);
        gateway.sendNew(limit(1, Side.SELL, 10_100, 4)); // joins the mirrored offer, behind it
        clock.runDue();

        gateway.onTrade(new Trade(BTC, 10_100, 3, Side.BUY, "t1", clock.epochNanos()));
        clock.runDue();

        // as in SimulatedMarket: the print withdraws the mirrored offer it meets first, then trades with the
        // platform's order behind it
        assertThat(types()).containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL);
        assertThat(last().lastQuantity()).isEqualTo(3);
        assertThat(last().leavesQuantity()).isEqualTo(1);
        assertThat(last().liquidity()).isEqualTo(Liquidity.MAKER);
    }

    @Test
    void partialFillRatioCapsEachMatchOfAnAggressiveOrder() {
        start(defaults().withPartialFillRatio(0.4));
        quote(10_000, 100, 10_100, 100);

        gateway.sendNew(limit(1, Side.BUY, 10_100, 10));
        clock.runDue();
        assertThat(types()).containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL);
        assertThat(last().lastQuantity()).isEqualTo(4);
        assertThat(last().leavesQuantity()).isEqualTo(6);
        assertThat(last().liquidity()).isEqualTo(Liquidity.TAKER);

        quote(10_000, 100, 10_100, 100); // next match
        assertThat(last().execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(last().lastQuantity()).isEqualTo(4);
        assertThat(last().cumulativeQuantity()).isEqualTo(8);

        quote(10_000, 100, 10_100, 100);
        assertThat(last().execType()).isEqualTo(ExecType.FILL);
        assertThat(last().lastQuantity()).isEqualTo(2);
        assertThat(last().status()).isEqualTo(OrderStatus.FILLED);

        // an IOC order: one capped match, the rest canceled
        gateway.sendNew(ioc(2, Side.SELL, 10_000, 10));
        clock.runDue();
        List<ExecutionReport> second = reports.stream().filter(r -> r.clientOrderId() == 2).toList();
        assertThat(second).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.CANCELED);
        assertThat(second.get(1).lastQuantity()).isEqualTo(4);
        assertThat(second.get(2).cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(second.get(2).cumulativeQuantity()).isEqualTo(4);
        assertThat(second.get(2).leavesQuantity()).isZero();
    }

    @Test
    void cappedRestRestsInTheBookOnceItNoLongerCrosses() {
        start(defaults().withPartialFillRatio(0.5));
        quote(10_000, 100, 10_100, 100);
        gateway.sendNew(limit(1, Side.BUY, 10_100, 10));
        clock.runDue();
        assertThat(last().lastQuantity()).isEqualTo(5);

        quote(10_000, 100, 10_200, 100); // the market moved away: the rest rests at 10100
        assertThat(types()).containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL);
        assertThat(gateway.bookForTest(BTC, Side.BUY).get(0)).containsExactly(10_100, 5,
                SimulatedVenueGateway.PLATFORM_ACCOUNT);

        quote(9_900, 100, 10_050, 100); // and fills as maker, uncapped, when the market comes through it
        assertThat(last().execType()).isEqualTo(ExecType.FILL);
        assertThat(last().lastQuantity()).isEqualTo(5);
        assertThat(last().liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(last().cumulativeQuantity()).isEqualTo(10);
    }

    @Test
    void rejectProbabilityOneRejectsEveryNewOrder() {
        start(defaults().withRejectProbability(1.0));
        quote(10_000, 5, 10_100, 5);

        gateway.sendNew(limit(1, Side.BUY, 10_000, 1));
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.REJECTED);
        assertThat(last().rejectReason()).isEqualTo(RejectReason.VENUE_REJECT);
        assertThat(last().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(last().text()).contains("reject.probability");
    }

    @Test
    void invalidOrdersAreRejectedWithTheirReason() {
        start(defaults());
        gateway.sendNew(limit(1, Side.BUY, 10_010, 1)); // off the 50 tick
        gateway.sendNew(NewOrder.limit(2, ACCOUNT, null, OTHER, Side.BUY, 10_000, 1));
        gateway.sendNew(limit(3, Side.BUY, 10_000, 1));
        gateway.sendNew(limit(3, Side.BUY, 10_000, 1));
        clock.runDue();

        assertThat(reports).extracting(ExecutionReport::rejectReason).containsExactly(
                RejectReason.PRICE_NOT_ON_TICK, RejectReason.UNKNOWN_INSTRUMENT, RejectReason.NONE,
                RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void cancelAndReplaceWorkAndACancelOfAnUnknownOrderIsRejected() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);
        gateway.sendNew(limit(1, Side.BUY, 9_800, 5));
        gateway.sendReplace(new ReplaceOrder(2, 1, ACCOUNT, BTC, 9_900, 6));
        gateway.sendCancel(new CancelOrder(3, 2, ACCOUNT, BTC));
        gateway.sendCancel(new CancelOrder(5, 4, ACCOUNT, BTC));
        gateway.sendCancel(new CancelOrder(6, 3, ACCOUNT, BTC)); // already canceled
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.NEW, ExecType.REPLACED, ExecType.CANCELED, ExecType.REJECTED,
                ExecType.REJECTED);
        ExecutionReport replaced = reports.get(1);
        assertThat(replaced.clientOrderId()).isEqualTo(2);
        assertThat(replaced.origClientOrderId()).isEqualTo(1);
        assertThat(replaced.leavesQuantity()).isEqualTo(6);
        ExecutionReport canceled = reports.get(2);
        assertThat(canceled.clientOrderId()).isEqualTo(3);
        assertThat(canceled.origClientOrderId()).isEqualTo(2);
        assertThat(canceled.cancelReason()).isEqualTo(CancelReason.USER);
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        ExecutionReport unknown = reports.get(3);
        assertThat(unknown.clientOrderId()).isEqualTo(5);
        assertThat(unknown.origClientOrderId()).isEqualTo(4);
        assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        ExecutionReport finished = reports.get(4);
        assertThat(finished.origClientOrderId()).isEqualTo(3);
        assertThat(finished.rejectReason()).isEqualTo(RejectReason.ORDER_FINISHED);
        assertThat(finished.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void aReplaceThatCrossesTradesAsTakerUnderItsNewId() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);
        gateway.sendNew(limit(1, Side.BUY, 9_800, 2));
        gateway.sendReplace(new ReplaceOrder(2, 1, ACCOUNT, BTC, 10_100, 0));
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.NEW, ExecType.REPLACED, ExecType.FILL);
        assertThat(last().clientOrderId()).isEqualTo(2);
        assertThat(last().liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(last().lastPrice()).isEqualTo(10_100);
    }

    @Test
    void latencyIsHonouredOnAFakeClockAndMessagesKeepTheirOrder() {
        start(defaults().withLatency(10, 0));
        quote(10_000, 5, 10_100, 5); // market data has no latency

        gateway.sendNew(limit(1, Side.BUY, 9_900, 1));
        clock.advance(9, TimeUnit.MILLISECONDS);
        assertThat(reports).isEmpty();
        clock.advance(1, TimeUnit.MILLISECONDS);
        assertThat(types()).containsExactly(ExecType.NEW);

        gateway.sendCancel(new CancelOrder(2, 1, ACCOUNT, BTC));
        clock.advance(9_999, TimeUnit.MICROSECONDS);
        assertThat(types()).containsExactly(ExecType.NEW);
        clock.advance(1, TimeUnit.MICROSECONDS);
        assertThat(types()).containsExactly(ExecType.NEW, ExecType.CANCELED);
    }

    @Test
    void jitterNeverLetsAMessageOvertakeAnEarlierOne() {
        start(defaults().withLatency(1, 50));
        for (long id = 1; id <= 40; id += 2) {
            gateway.sendNew(limit(id, Side.BUY, 9_000, 1));
            gateway.sendCancel(new CancelOrder(id + 1, id, ACCOUNT, BTC));
        }
        clock.advance(5_000, TimeUnit.MILLISECONDS);

        assertThat(reports).hasSize(40);
        assertThat(reports).extracting(ExecutionReport::execType).containsOnly(ExecType.NEW, ExecType.CANCELED);
        assertThat(reports).extracting(ExecutionReport::clientOrderId)
                .isSorted();
    }

    @Test
    void requestStatusAnswersForKnownAndUnknownOrders() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);
        gateway.sendNew(limit(1, Side.BUY, 10_100, 8)); // 5 fill, 3 rest
        clock.runDue();
        reports.clear();

        gateway.requestStatus(new OrderStatusQuery(1, ACCOUNT, BTC, Side.BUY));
        gateway.requestStatus(new OrderStatusQuery(99, ACCOUNT, BTC, Side.SELL));
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.ORDER_STATUS, ExecType.ORDER_STATUS);
        ExecutionReport known = reports.get(0);
        assertThat(known.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(known.cumulativeQuantity()).isEqualTo(5);
        assertThat(known.leavesQuantity()).isEqualTo(3);
        assertThat(known.averagePrice()).isEqualTo(10_100);
        assertThat(known.rejectReason()).isEqualTo(RejectReason.NONE);
        ExecutionReport unknown = reports.get(1);
        assertThat(unknown.clientOrderId()).isEqualTo(99);
        assertThat(unknown.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(unknown.side()).isEqualTo(Side.SELL);
    }

    @Test
    void whileDisconnectedSendsAreRefusedMatchingGoesOnAndStatusReconcilesAfterLogon() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);
        gateway.sendNew(limit(1, Side.BUY, 10_050, 3));
        clock.runDue();
        assertThat(types()).containsExactly(ExecType.NEW);

        gateway.disconnect("test: line cut");
        assertThat(gateway.state()).isEqualTo(ConnectionState.DOWN);
        assertThat(gateway.sendNew(limit(2, Side.BUY, 9_000, 1))).isFalse();
        assertThat(gateway.sendCancel(new CancelOrder(3, 1, ACCOUNT, BTC))).isFalse();
        assertThat(gateway.requestStatus(new OrderStatusQuery(1, ACCOUNT, BTC, Side.BUY))).isFalse();

        quote(9_900, 5, 10_000, 5); // fills the resting bid while the session is down
        assertThat(types()).containsExactly(ExecType.NEW); // not delivered
        assertThat(gateway.counters().get("undelivered")).isEqualTo(1);
        assertThat(gateway.counters().get("refused")).isEqualTo(3);

        gateway.connect();
        assertThat(gateway.state()).isEqualTo(ConnectionState.LOGGED_ON);
        assertThat(states).as("told on the venue thread").containsExactly("DOWN->LOGGED_ON:logon",
                "LOGGED_ON->DOWN:test: line cut");
        clock.runDue();
        assertThat(states).containsExactly("DOWN->LOGGED_ON:logon", "LOGGED_ON->DOWN:test: line cut",
                "DOWN->LOGGED_ON:logon");
        assertThat(gateway.sessionInfo().lastProblem()).contains("line cut");
        gateway.requestStatus(new OrderStatusQuery(1, ACCOUNT, BTC, Side.BUY));
        clock.runDue();

        ExecutionReport status = last();
        assertThat(status.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(status.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(status.cumulativeQuantity()).isEqualTo(3);
        assertThat(status.leavesQuantity()).isZero();
        assertThat(status.averagePrice()).isEqualTo(10_050);
    }

    @Test
    void gtdOrdersExpireAtTheirTime() {
        start(defaults());
        long expiry = clock.epochNanos() + TimeUnit.SECONDS.toNanos(2);
        gateway.sendNew(new NewOrder(1, ACCOUNT, null, BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTD, 9_000,
                FixedPoint.NULL, 1, 0, OrderFlags.NONE, expiry));
        clock.advance(1_999, TimeUnit.MILLISECONDS);
        assertThat(types()).containsExactly(ExecType.NEW);
        clock.advance(1, TimeUnit.MILLISECONDS);
        assertThat(types()).containsExactly(ExecType.NEW, ExecType.EXPIRED);
        assertThat(last().cancelReason()).isEqualTo(CancelReason.EXPIRED);
    }

    @Test
    void sameSeedSameReportsDifferentSeedDifferentReports() {
        List<String> first = scenario(7);
        List<String> again = scenario(7);
        List<String> other = scenario(8);

        assertThat(first).isEqualTo(again);
        assertThat(first).anyMatch(line -> line.startsWith("REJECTED"))
                .anyMatch(line -> line.startsWith("FILL") || line.startsWith("PARTIAL_FILL"));
        assertThat(other).isNotEqualTo(first);
    }

    private List<String> scenario(long seed) {
        ManualVenueScheduler s = new ManualVenueScheduler();
        List<ExecutionReport> sink = new ArrayList<>();
        SimulatedVenueGateway g = start(defaults().withSeed(seed).withLatency(2, 5).withRejectProbability(0.5)
                .withPartialFillRatio(0.5), s, sink);
        try {
            quote(g, s, 10_000, 10, 10_100, 10);
            for (long id = 1; id <= 30; id++) {
                g.sendNew(limit(id, id % 2 == 0 ? Side.BUY : Side.SELL, id % 3 == 0 ? 10_100 : 10_000, 4));
                s.advance(1, TimeUnit.MILLISECONDS);
                if (id % 5 == 0) {
                    quote(g, s, 10_000 - (id % 4) * 50, 10, 10_100 - (id % 4) * 50, 10);
                }
            }
            s.advance(1, TimeUnit.SECONDS);
            return sink.stream().map(r -> r.execType() + " " + r.clientOrderId() + " " + r.lastQuantity() + "@"
                    + r.lastPrice() + " " + r.liquidity() + " t=" + r.transactTimeNanos()).toList();
        } finally {
            g.close();
        }
    }

    @Test
    void randomFlowKeepsEveryOrdersBookkeepingConsistent() {
        start(defaults().withPartialFillRatio(0.3).withLatency(1, 3).withRejectProbability(0.1)
                .withLiquidity(3, 0.5));
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        Map<Long, Long> latestIdOf = new java.util.HashMap<>(); // first id -> latest id
        Map<Long, Long> quantityOf = new java.util.HashMap<>();
        long nextId = 1;
        for (int step = 0; step < 3_000; step++) {
            int action = random.nextInt(10);
            if (action < 3) {
                long mid = 10_000 + 50L * random.nextInt(-10, 11);
                quote(mid - 50, random.nextLong(1, 20), mid + 50, random.nextLong(1, 20));
            } else if (action < 4) {
                gateway.onTrade(new Trade(BTC, 10_000 + 50L * random.nextInt(-10, 11), random.nextLong(1, 10),
                        random.nextBoolean() ? Side.BUY : Side.SELL, "t" + step, clock.epochNanos()));
            } else if (action < 7 || latestIdOf.isEmpty()) {
                long id = nextId++;
                long quantity = random.nextLong(1, 30);
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                long price = 10_000 + 50L * random.nextInt(-12, 13);
                gateway.sendNew(random.nextInt(5) == 0 ? ioc(id, side, price, quantity)
                        : limit(id, side, price, quantity));
                latestIdOf.put(id, id);
                quantityOf.put(id, quantity);
            } else {
                List<Long> ids = new ArrayList<>(latestIdOf.keySet());
                long first = ids.get(random.nextInt(ids.size()));
                long orig = latestIdOf.get(first);
                long id = nextId++;
                if (action < 9) {
                    long quantity = random.nextLong(1, 30);
                    gateway.sendReplace(new ReplaceOrder(id, orig, ACCOUNT, BTC,
                            10_000 + 50L * random.nextInt(-12, 13), quantity));
                } else {
                    gateway.sendCancel(new CancelOrder(id, orig, ACCOUNT, BTC));
                }
                latestIdOf.put(first, id);
            }
            clock.advance(random.nextLong(0, 3), TimeUnit.MILLISECONDS);
        }
        clock.advance(1, TimeUnit.SECONDS);

        // per venue order: fills add up to its cumulative quantity, never more than it asked for
        Map<Long, List<ExecutionReport>> byOrder = reports.stream().filter(r -> r.orderId() > 0)
                .collect(Collectors.groupingBy(ExecutionReport::orderId));
        assertThat(byOrder).isNotEmpty();
        assertThat(reports).anyMatch(r -> r.liquidity() == Liquidity.MAKER)
                .anyMatch(r -> r.liquidity() == Liquidity.TAKER)
                .anyMatch(r -> r.execType() == ExecType.REPLACED)
                .anyMatch(r -> r.execType() == ExecType.CANCELED);
        for (List<ExecutionReport> orderReports : byOrder.values()) {
            long filled = 0;
            boolean finished = false;
            for (ExecutionReport r : orderReports) {
                // after it finished, only refusals of late cancels/replaces may come
                assertThat(finished && r.execType() != ExecType.REJECTED).as("report after the order finished: %s",
                        r).isFalse();
                if (r.isFill()) {
                    filled += r.lastQuantity();
                }
                assertThat(r.cumulativeQuantity()).as("%s", r).isEqualTo(filled);
                finished |= r.status().isFinished() && r.execType() != ExecType.REJECTED;
            }
        }
        gateway.requestStatus(new OrderStatusQuery(1, ACCOUNT, BTC, Side.BUY));
        clock.advance(1, TimeUnit.SECONDS);
        assertThat(last().execType()).isEqualTo(ExecType.ORDER_STATUS);
    }

    @Test
    void aThrowingListenerIsCountedAndTheNextReportStillArrives() {
        start(defaults());
        quote(10_000, 5, 10_100, 5);
        gateway.setListener(report -> {
            if (report.execType() == ExecType.NEW) {
                throw new IllegalStateException("listener bug");
            }
            reports.add(report);
        });

        gateway.sendNew(limit(1, Side.BUY, 10_200, 2));
        clock.runDue();

        assertThat(types()).containsExactly(ExecType.FILL);
        assertThat(gateway.counters()).containsEntry("listenerFailures", 1L).containsEntry("reports", 2L);
    }

    @Test
    void runsOnItsOwnThreadWithRealTime() {
        ThreadVenueScheduler thread = new ThreadVenueScheduler("simvenue-test");
        List<ExecutionReport> sink = new CopyOnWriteArrayList<>();
        List<String> listenerThreads = new CopyOnWriteArrayList<>();
        SimulatedVenueGateway g = start(defaults().withLatency(5, 0), thread, sink);
        g.setListener(report -> {
            listenerThreads.add(Thread.currentThread().getName());
            sink.add(report);
        });
        try {
            g.onQuote(new Quote(BTC, 10_000, 5, 10_100, 5, 1));
            await().atMost(5, TimeUnit.SECONDS).until(() -> g.counters().get("mirrorCommands") >= 2);
            g.sendNew(limit(1, Side.BUY, 10_100, 1));
            await().atMost(5, TimeUnit.SECONDS).until(() -> sink.size() >= 2);
            assertThat(sink).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW, ExecType.FILL);
            assertThat(g.sessionInfo().detail()).contains("fills 1");
            assertThat(listenerThreads).as("reports arrive on the venue's one thread").containsOnly("simvenue-test");
        } finally {
            g.close();
        }
    }
}
