package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.Scope;
import io.nautilus.core.api.VenueCommand;
import io.nautilus.core.api.VenueReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders of an instrument with {@code routing = external}: the core checks and journals them, hands them to the venue
 * layer instead of matching them, and applies the venue's reports; everything survives a restart exactly.
 */
class VenueOrdersTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId EXT = InstrumentId.of("EXT");
    static final InstrumentId LOCAL = InstrumentId.of("LOCAL");
    static final Map<String, Object> INSTRUMENTS = Map.of(
            "EXT.priceScale", "2", "EXT.tickSize", "0.01", "EXT.lotSize", "1", "EXT.venue", "XFIX",
            "EXT.routing", "external", "EXT.takerFeeBps", "10", "EXT.makerFeeBps", "-2",
            "LOCAL.priceScale", "2", "LOCAL.tickSize", "0.01", "LOCAL.lotSize", "1");

    @TempDir
    Path dir;

    final List<TradingCoreManager> started = new ArrayList<>();
    final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    final List<VenueCommand> routed = new CopyOnWriteArrayList<>();
    long clientIds = 100;

    @AfterEach
    void stopAll() {
        started.forEach(TradingCoreManager::deactivate);
    }

    TradingCoreManager start() throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        core.addListener(reports::add);
        core.addRouter(routed::add);
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        started.add(core);
        core.activate(CoreConfigs.of(properties));
        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(Map.of("alice.stp", "none", "bob.stp", "none"));
        return core;
    }

    static CommandResult get(CompletableFuture<CommandResult> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    CommandResult limit(TradingCoreManager core, AccountId account, InstrumentId instrument, Side side, long price,
                        long qty) throws Exception {
        return get(core.submit(NewOrder.limit(clientIds++, account, null, instrument, side, price, qty)));
    }

    static CommandResult venue(TradingCoreManager core, long orderId, VenueReport.Kind kind, long price, long qty,
                               boolean maker) throws Exception {
        return get(core.venueReport(new VenueReport(orderId, kind, price, qty, maker, "exec-" + kind)));
    }

    @Test
    void aNewOrderIsCheckedJournaledAndRoutedInsteadOfMatched() throws Exception {
        TradingCoreManager core = start();

        CommandResult buy = limit(core, ALICE, EXT, Side.BUY, 10_000, 10);
        CommandResult sell = limit(core, BOB, EXT, Side.SELL, 9_900, 10);

        assertThat(buy.accepted()).isTrue();
        assertThat(sell.accepted()).isTrue();
        assertThat(buy.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(r.status()).isEqualTo(OrderStatus.PENDING_NEW);
            assertThat(r.leavesQuantity()).isEqualTo(10);
        });
        assertThat(sell.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW);
        assertThat(core.position(ALICE, EXT)).as("crossing venue orders do not trade in the core").isEmpty();
        assertThat(routed).hasSize(2);
        VenueCommand first = routed.get(0);
        assertThat(first.kind()).isEqualTo(VenueCommand.Kind.NEW);
        assertThat(first.orderId()).isEqualTo(buy.orderId());
        assertThat(first.venue().value()).isEqualTo("XFIX");
        assertThat(first.account()).isEqualTo(ALICE);
        assertThat(first.type()).isEqualTo(OrderType.LIMIT);
        assertThat(first.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(first.price()).isEqualTo(10_000);
        assertThat(first.quantity()).isEqualTo(10);
        assertThat(core.orders(new OrderFilter(null, EXT, null, 0))).hasSize(2);
    }

    @Test
    void venueReportsAckFillAsTakerAndMakerAndFinishTheOrder() throws Exception {
        TradingCoreManager core = start();
        long id = limit(core, ALICE, EXT, Side.BUY, 10_000, 10).orderId();

        CommandResult ack = venue(core, id, VenueReport.Kind.ACK, 0, 0, false);
        CommandResult taker = venue(core, id, VenueReport.Kind.FILL, 9_990, 4, false);
        CommandResult maker = venue(core, id, VenueReport.Kind.FILL, 10_000, 6, true);

        assertThat(ack.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW);
        assertThat(taker.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.PARTIAL_FILL);
            assertThat(r.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(r.lastPrice()).isEqualTo(9_990);
            assertThat(r.leavesQuantity()).isEqualTo(6);
            assertThat(r.account()).isEqualTo(ALICE);
            assertThat(r.fee()).as("taker 10 bps of 399.60 = 0.3996, rounded up").isEqualTo(40);
        });
        assertThat(maker.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.FILL);
            assertThat(r.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(r.side()).isEqualTo(Side.BUY);
            assertThat(r.cumulativeQuantity()).isEqualTo(10);
            assertThat(r.averagePrice()).isEqualTo(9_996);
            assertThat(r.clientOrderId()).isEqualTo(100);
            assertThat(r.fee()).as("maker rebate -2 bps of 600.00").isEqualTo(-12);
        });
        PositionView position = core.position(ALICE, EXT).orElseThrow();
        assertThat(position.quantity()).isEqualTo(10);
        assertThat(position.averagePrice()).isEqualTo(9_996);
        // taker 10 bps of 399.60 = 0.3996 -> 0.40; maker -2 bps of 600.00 = -0.12
        assertThat(position.fees()).isEqualTo(40 - 12);
        assertThat(core.orders(new OrderFilter(ALICE, EXT, null, 0))).isEmpty();
        assertThat(venue(core, id, VenueReport.Kind.FILL, 10_000, 1, false).rejectReason())
                .as("a fill of a finished order").isEqualTo(RejectReason.ORDER_FINISHED);
    }

    @Test
    void anOverfillIsRefusedAndChangesNothing() throws Exception {
        TradingCoreManager core = start();
        long id = limit(core, ALICE, EXT, Side.SELL, 10_000, 5).orderId();
        venue(core, id, VenueReport.Kind.FILL, 10_000, 3, false);

        CommandResult overfill = venue(core, id, VenueReport.Kind.FILL, 10_000, 3, false);

        assertThat(overfill.accepted()).isFalse();
        assertThat(overfill.rejectDetail()).isEqualTo("matching.venue-overfill");
        assertThat(overfill.reports()).isEmpty();
        assertThat(core.position(ALICE, EXT).orElseThrow().quantity()).isEqualTo(-3);
        assertThat(core.order(id).orElseThrow().openQuantity()).isEqualTo(2);
    }

    @Test
    void cancelAndReplaceGoToTheVenueAndApplyOnItsAnswer() throws Exception {
        TradingCoreManager core = start();
        long id = limit(core, ALICE, EXT, Side.BUY, 10_000, 10).orderId();
        venue(core, id, VenueReport.Kind.ACK, 0, 0, false);

        CommandResult replace = get(core.replace(id, 10_050, 8));
        assertThat(replace.accepted()).isTrue();
        assertThat(replace.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_REPLACE);
        assertThat(routed.get(routed.size() - 1)).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(VenueCommand.Kind.REPLACE);
            assertThat(c.price()).isEqualTo(10_050);
            assertThat(c.quantity()).isEqualTo(8);
        });
        assertThat(core.order(id).orElseThrow().price()).as("unchanged until the venue answers").isEqualTo(10_000);
        assertThat(get(core.replace(id, 10_060, 8)).rejectDetail()).isEqualTo("matching.venue-request-pending");

        CommandResult replaced = venue(core, id, VenueReport.Kind.REPLACED, 0, 0, false);
        assertThat(replaced.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REPLACED);
            assertThat(r.leavesQuantity()).isEqualTo(8);
        });
        OrderView order = core.order(id).orElseThrow();
        assertThat(order.price()).isEqualTo(10_050);
        assertThat(order.quantity()).isEqualTo(8);

        get(core.replace(id, 10_100, FixedPoint.NULL));
        CommandResult refused = venue(core, id, VenueReport.Kind.REPLACE_REJECTED, 0, 0, false);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.VENUE_REJECT);
        assertThat(core.order(id).orElseThrow().price()).isEqualTo(10_050);

        CommandResult cancel = get(core.cancel(id));
        assertThat(cancel.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_CANCEL);
        assertThat(routed.get(routed.size() - 1).kind()).isEqualTo(VenueCommand.Kind.CANCEL);
        assertThat(get(core.cancel(id)).rejectDetail()).isEqualTo("matching.venue-cancel-pending");
        CommandResult canceled = venue(core, id, VenueReport.Kind.CANCELED, 0, 0, false);
        assertThat(canceled.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(r.cancelReason()).isEqualTo(CancelReason.USER);
        });
        assertThat(core.order(id)).isEmpty();
    }

    @Test
    void aVenueRejectFinishesTheOrderAndFreesItsRiskExposure() throws Exception {
        TradingCoreManager core = start();
        core.applyRiskLimits(Map.of("instrument.EXT.maxLong", "10"));
        long id = limit(core, ALICE, EXT, Side.BUY, 10_000, 10).orderId();
        assertThat(limit(core, ALICE, EXT, Side.BUY, 10_000, 1).rejectReason())
                .as("the routed order counts toward the limit").isEqualTo(RejectReason.RISK_LIMIT);

        CommandResult rejected = get(core.venueReport(new VenueReport(id, VenueReport.Kind.REJECTED, 0, 0, false,
                "insufficient buying power")));

        assertThat(rejected.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.VENUE_REJECT);
            assertThat(r.text()).contains("insufficient buying power");
        });
        assertThat(core.order(id)).isEmpty();
        assertThat(limit(core, ALICE, EXT, Side.BUY, 10_000, 10).accepted()).isTrue();
    }

    @Test
    void theKillSwitchAsksTheVenueToCancelAndInternalOrdersAreUntouched() throws Exception {
        TradingCoreManager core = start();
        long venueOrder = limit(core, ALICE, EXT, Side.BUY, 10_000, 10).orderId();
        long localBid = limit(core, ALICE, LOCAL, Side.BUY, 10_000, 10).orderId();
        CommandResult localTrade = limit(core, BOB, LOCAL, Side.SELL, 10_000, 4);
        assertThat(localTrade.reports()).anyMatch(r -> r.execType() == ExecType.PARTIAL_FILL);
        assertThat(routed).hasSize(1);

        CommandResult kill = get(core.kill(Scope.of(ALICE)));

        assertThat(kill.reports()).extracting(ExecutionReport::orderId, ExecutionReport::execType)
                .contains(org.assertj.core.groups.Tuple.tuple(venueOrder, ExecType.PENDING_CANCEL),
                        org.assertj.core.groups.Tuple.tuple(localBid, ExecType.CANCELED));
        assertThat(routed.get(1).kind()).isEqualTo(VenueCommand.Kind.CANCEL);
        assertThat(core.order(venueOrder)).as("working until the venue confirms").isPresent();
    }

    @Test
    void venueOrdersSurviveARestartFromSnapshotAndJournalExactly() throws Exception {
        TradingCoreManager core = start();
        long a = limit(core, ALICE, EXT, Side.BUY, 10_000, 10).orderId();
        venue(core, a, VenueReport.Kind.FILL, 10_000, 3, true);
        core.snapshot().get(10, TimeUnit.SECONDS);
        long b = limit(core, BOB, EXT, Side.SELL, 10_100, 7).orderId();
        get(core.cancel(a));
        List<OrderView> before = core.orders(OrderFilter.ALL);
        List<PositionView> positions = core.positions(ALICE);
        core.deactivate();
        started.clear();
        routed.clear();

        TradingCoreManager again = start();

        assertThat(again.orders(OrderFilter.ALL)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(again.positions(ALICE)).isEqualTo(positions);
        assertThat(routed).as("recovery sends nothing again").isEmpty();
        assertThat(get(again.cancel(a)).rejectDetail()).as("the cancel is still pending")
                .isEqualTo("matching.venue-cancel-pending");
        CommandResult fill = venue(again, b, VenueReport.Kind.FILL, 10_100, 7, false);
        assertThat(fill.reports()).as("a fill before the ack implies it").extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW, ExecType.FILL);
        assertThat(venue(again, a, VenueReport.Kind.CANCELED, 0, 0, false).reports())
                .extracting(ExecutionReport::cancelReason).containsExactly(CancelReason.USER);
    }

    @Test
    void workingAtListsAnOrderOnlyOnceItsNewIsWithTheRouters() throws Exception {
        TradingCoreManager core = start();
        java.util.concurrent.CountDownLatch inRoute = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        core.addRouter(command -> {
            inRoute.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // the publish thread, held inside the router
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // its result comes on the publish thread too, after the routers: not before the release
        CompletableFuture<CommandResult> submitted = core.submit(NewOrder.limit(clientIds++, ALICE, null, EXT,
                Side.BUY, 10_000, 5));
        assertThat(inRoute.await(10, TimeUnit.SECONDS)).isTrue();

        java.util.concurrent.CompletableFuture<List<OrderView>> working = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> core.workingAt(io.nautilus.api.VenueId.of("XFIX")));
        Thread.sleep(300); // bounded: without the wait for the publish thread the list would be back within it
        assertThat(working).as("listed while its NEW is still on the way to the routers").isNotDone();

        release.countDown();
        long id = get(submitted).orderId();
        assertThat(working.get(10, TimeUnit.SECONDS)).extracting(OrderView::orderId).containsExactly(id);
        assertThat(routed).extracting(VenueCommand::orderId).containsExactly(id);
    }

    @Test
    void aSenderMayChooseTheVenueOfAnExternalOrderAndTheChoiceSurvivesARestart() throws Exception {
        TradingCoreManager core = start();
        long chosen = get(core.submit(NewOrder.limit(clientIds++, ALICE, null, EXT, Side.BUY, 10_000, 5),
                io.nautilus.api.VenueId.of("SIMB"))).orderId();
        long own = limit(core, ALICE, EXT, Side.BUY, 10_000, 5).orderId();
        core.snapshot().get(10, TimeUnit.SECONDS);
        long later = get(core.submit(NewOrder.limit(clientIds++, ALICE, null, EXT, Side.SELL, 10_100, 5),
                io.nautilus.api.VenueId.of("SIMA"))).orderId();

        assertThat(routed).extracting(c -> c.venue().value()).containsExactly("SIMB", "XFIX", "SIMA");
        assertThat(core.workingAt(io.nautilus.api.VenueId.of("SIMB"))).extracting(OrderView::orderId)
                .containsExactly(chosen);
        assertThat(core.workingAt(io.nautilus.api.VenueId.of("XFIX"))).extracting(OrderView::orderId)
                .containsExactly(own);
        assertThat(core.workingAt(io.nautilus.api.VenueId.of("NOWHERE"))).isEmpty();
        core.deactivate();
        started.clear();
        routed.clear();
        TradingCoreManager again = start();
        get(again.cancel(chosen));
        get(again.cancel(own));
        get(again.cancel(later));

        assertThat(routed).extracting(VenueCommand::orderId, c -> c.venue().value()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(chosen, "SIMB"), org.assertj.core.groups.Tuple.tuple(own, "XFIX"),
                org.assertj.core.groups.Tuple.tuple(later, "SIMA"));
    }

    @Test
    void aBrokenRoutingValueIsAClearConfigurationError() throws Exception {
        TradingCoreManager core = start();
        Map<String, Object> broken = new HashMap<>(INSTRUMENTS);
        broken.put("EXT.routing", "sideways");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> core.applyInstruments(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instrument EXT: routing 'sideways' is not internal or external");
        assertThat(limit(core, ALICE, EXT, Side.BUY, 10_000, 1).reports())
                .extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW);
    }
}
