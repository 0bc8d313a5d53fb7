package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.RiskLimitView;
import io.nautilus.core.api.Scope;
import io.nautilus.core.api.TradingStateView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trading core component outside OSGi: activated with a journal folder, configured with Config-Admin maps. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TradingCoreManagerTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId ABC = InstrumentId.of("ABC");
    static final InstrumentId XYZ = InstrumentId.of("XYZ");
    static final Map<String, Object> INSTRUMENTS = Map.of(
            "ABC.priceScale", "2", "ABC.tickSize", "0.01", "ABC.lotSize", "1",
            "XYZ.priceScale", "2", "XYZ.tickSize", "0.05", "XYZ.venue", "XNYS", "XYZ.currency", "EUR",
            "service.pid", "io.nautilus.core.instruments");
    static final Map<String, Object> ACCOUNTS = Map.of("alice.stp", "none", "bob.stp", "cancel-resting");

    @TempDir
    Path dir;

    final List<TradingCoreManager> started = new ArrayList<>();
    final List<ExecutionReport> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(TradingCoreManager::deactivate);
    }

    TradingCoreManager start(Object... settings) throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        core.addListener(delivered::add);
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000); // no clock commands in the journal while a test runs
        for (int i = 0; i < settings.length; i += 2) {
            properties.put((String) settings[i], settings[i + 1]);
        }
        started.add(core);
        core.activate(CoreConfigs.of(properties));
        return core;
    }

    TradingCoreManager configured(Object... settings) throws Exception {
        TradingCoreManager core = start(settings);
        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(ACCOUNTS);
        return core;
    }

    static CommandResult get(CompletableFuture<CommandResult> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    static CommandResult limit(TradingCoreManager core, long clientId, AccountId account, Side side, long price,
                               long qty) throws Exception {
        return get(core.submit(NewOrder.limit(clientId, account, null, ABC, side, price, qty)));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    // ------------------------------------------------------------------ configuration

    @Test
    void configurationMapsDefineInstrumentsAndAccounts() throws Exception {
        TradingCoreManager core = configured();

        assertThat(core.instruments()).extracting(Instrument::symbol).containsExactly("ABC", "XYZ");
        Instrument xyz = core.instrument(XYZ).orElseThrow();
        assertThat(xyz.tickSize()).isEqualTo(5);
        assertThat(xyz.priceScale()).isEqualTo(2);
        assertThat(xyz.venue().value()).isEqualTo("XNYS");
        assertThat(xyz.currency()).isEqualTo("EUR");
        assertThat(core.accounts()).containsExactly(
                new AccountView(ALICE, "none", CoreTradingState.ACTIVE),
                new AccountView(BOB, "cancel-resting", CoreTradingState.ACTIVE));
        long journaled = core.journalInfo().lastSeq();

        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(ACCOUNTS);

        assertThat(core.journalInfo().lastSeq()).as("an unchanged configuration is not journaled again")
                .isEqualTo(journaled);
    }

    @Test
    void aBrokenInstrumentsMapThrowsAndChangesNothing() throws Exception {
        TradingCoreManager core = configured();
        List<Instrument> before = core.instruments();
        long journaled = core.journalInfo().lastSeq();

        assertThatThrownBy(() -> core.applyInstruments(Map.of("ABC.priceScale", "2", "ABC.tickSize", "0.02",
                "NEW.tickSize", "cheap"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NEW");
        assertThatThrownBy(() -> core.applyInstruments(Map.of("ABC.colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> core.applyAccounts(Map.of("carol.stp", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carol");

        assertThat(core.instruments()).isEqualTo(before);
        assertThat(core.instrument(InstrumentId.of("NEW"))).isEmpty();
        assertThat(core.accounts()).extracting(AccountView::account).containsExactly(ALICE, BOB);
        assertThat(core.journalInfo().lastSeq()).isEqualTo(journaled);
    }

    // ------------------------------------------------------------------ orders, reports, queries

    @Test
    void reportsArePublishedAtEpochNanoseconds() throws Exception {
        TradingCoreManager core = configured();
        long before = System.currentTimeMillis() * 1_000_000L;

        CommandResult sell = limit(core, 11, ALICE, Side.SELL, 100_00, 5);

        long after = (System.currentTimeMillis() + 1) * 1_000_000L;
        assertThat(sell.reports()).singleElement().satisfies(r -> assertThat(r.publishTimeNanos())
                .as("publish time in epoch nanoseconds, as the ExecutionReport contract says")
                .isBetween(before - 50_000_000L, after + 50_000_000L));
    }

    @Test
    void ordersGetResultsReportsAndShowInTheQueries() throws Exception {
        TradingCoreManager core = configured();

        CommandResult sell = limit(core, 11, ALICE, Side.SELL, 100_00, 5);
        CommandResult buy = get(core.submit(NewOrder.market(21, BOB, null, ABC, Side.BUY, 3)));

        assertThat(sell.accepted()).as(sell.describe()).isTrue();
        assertThat(sell.orderId()).isPositive();
        assertThat(sell.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.NEW);
            assertThat(r.clientOrderId()).isEqualTo(11);
            assertThat(r.orderId()).isEqualTo(sell.orderId());
        });
        assertThat(buy.accepted()).isTrue();
        assertThat(buy.orderId()).isGreaterThan(sell.orderId());
        assertThat(buy.seq()).isGreaterThan(sell.seq());
        assertThat(buy.reports()).extracting(ExecutionReport::execType, ExecutionReport::liquidity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ExecType.NEW, Liquidity.NONE),
                        org.assertj.core.groups.Tuple.tuple(ExecType.FILL, Liquidity.TAKER),
                        org.assertj.core.groups.Tuple.tuple(ExecType.PARTIAL_FILL, Liquidity.MAKER));
        ExecutionReport maker = buy.reports().get(2);
        assertThat(maker.clientOrderId()).isEqualTo(11);
        assertThat(maker.account()).isEqualTo(ALICE);
        assertThat(maker.lastPrice()).isEqualTo(100_00);
        assertThat(maker.leavesQuantity()).isEqualTo(2);
        List<ExecutionReport> all = new ArrayList<>(sell.reports());
        all.addAll(buy.reports());
        await(() -> delivered.size() >= all.size(), "listener delivery");
        assertThat(delivered).containsExactlyElementsOf(all);

        OrderView order = core.order(sell.orderId()).orElseThrow();
        assertThat(order.clientOrderId()).isEqualTo(11);
        assertThat(order.openQuantity()).isEqualTo(2);
        assertThat(order.filledQuantity()).isEqualTo(3);
        assertThat(order.account()).isEqualTo(ALICE);
        assertThat(core.order(buy.orderId())).isEmpty();
        assertThat(core.orders(OrderFilter.ALL)).containsExactly(order);
        assertThat(core.orders(new OrderFilter(BOB, null, null, 0))).isEmpty();
        assertThat(core.orders(new OrderFilter(AccountId.of("nobody"), null, null, 0))).isEmpty();
        assertThat(core.orders(new OrderFilter(null, ABC, Side.SELL, 1))).containsExactly(order);

        BookView book = core.book(ABC, 5);
        assertThat(book.asks()).containsExactly(new BookView.Level(100_00, 2, 1));
        assertThat(book.bids()).isEmpty();
        assertThat(book.lastTradePrice()).isEqualTo(100_00);

        PositionView alice = core.position(ALICE, ABC).orElseThrow();
        assertThat(alice.quantity()).isEqualTo(-3);
        assertThat(alice.averagePrice()).isEqualTo(100_00);
        assertThat(alice.soldQuantity()).isEqualTo(3);
        assertThat(core.position(BOB, ABC).orElseThrow().quantity()).isEqualTo(3);
        assertThat(core.position(BOB, XYZ)).isEmpty();
        assertThat(core.positions(null)).hasSize(2);
        assertThat(core.positions(BOB)).singleElement().extracting(PositionView::quantity).isEqualTo(3L);

        assertThat(get(core.mark(ABC, 101_50)).accepted()).isTrue();
        assertThat(core.pnl(BOB)).singleElement().satisfies(p -> {
            assertThat(p.unrealisedPnl()).isEqualTo(3 * 150);
            assertThat(p.realisedPnl()).isZero();
            assertThat(p.openPositions()).isEqualTo(1);
            assertThat(p.workingOrders()).isZero();
        });
        assertThat(core.pnl(null)).extracting(AccountPnl::account).containsExactly(ALICE, BOB);
        assertThat(core.pnl(ALICE).get(0).workingOrders()).isEqualTo(1);
    }

    @Test
    void whatCannotBeResolvedIsRejectedBeforeTheRing() throws Exception {
        TradingCoreManager core = configured();

        CommandResult account = limit(core, 1, AccountId.of("nobody"), Side.BUY, 100_00, 1);
        CommandResult instrument = get(core.submit(NewOrder.limit(2, ALICE, null, InstrumentId.of("NOPE"), Side.BUY,
                100_00, 1)));
        CommandResult mark = get(core.mark(InstrumentId.of("NOPE"), 1));
        CommandResult zero = get(core.mark(ABC, 0));

        assertThat(account.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
        assertThat(account.seq()).isZero();
        assertThat(instrument.rejectReason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(mark.rejectReason()).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(zero.rejectReason()).isEqualTo(RejectReason.INVALID_ORDER);
        assertThatThrownBy(() -> core.book(InstrumentId.of("NOPE"), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> core.book(ABC, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(delivered).isEmpty();
    }

    @Test
    void commandsOnUnknownOrdersAreRejectedByTheEngine() throws Exception {
        TradingCoreManager core = configured();

        CommandResult cancel = get(core.cancel(123_456));
        CommandResult replace = get(core.replace(123_456, 100_00, FixedPoint.NULL));
        CommandResult reduce = get(core.reduce(123_456, 1));

        for (CommandResult r : List.of(cancel, replace, reduce)) {
            assertThat(r.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
            assertThat(r.seq()).isPositive();
            assertThat(r.orderId()).isEqualTo(123_456);
        }
    }

    @Test
    void replaceReduceAndCancelOfAWorkingOrder() throws Exception {
        TradingCoreManager core = configured();
        long id = limit(core, 11, ALICE, Side.BUY, 99_00, 10).orderId();

        CommandResult replace = get(core.replace(id, 99_50, FixedPoint.NULL));
        CommandResult reduce = get(core.reduce(id, 4));
        CommandResult cancel = get(core.cancel(id));

        assertThat(replace.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REPLACED);
            assertThat(r.clientOrderId()).isEqualTo(11);
        });
        assertThat(reduce.reports()).singleElement().extracting(ExecutionReport::leavesQuantity).isEqualTo(6L);
        assertThat(cancel.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(r.cancelReason()).isEqualTo(CancelReason.USER);
            assertThat(r.clientOrderId()).isEqualTo(11);
        });
        assertThat(core.orders(OrderFilter.ALL)).isEmpty();
    }

    // ------------------------------------------------------------------ risk and admin

    @Test
    void riskLimitsMapsApplyFromTheNextOrderAndABrokenOneKeepsTheOld() throws Exception {
        TradingCoreManager core = configured();

        core.applyRiskLimits(Map.of("default.maxOrderQty", "4", "service.pid", "io.nautilus.core.risk"));
        CommandResult tooLarge = limit(core, 1, ALICE, Side.BUY, 100_00, 5);

        assertThat(tooLarge.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(tooLarge.rejectDetail()).isEqualTo("maxOrderQty");
        assertThat(tooLarge.rejectLimit()).isEqualTo(4);
        assertThat(tooLarge.rejectValue()).isEqualTo(5);
        assertThat(tooLarge.reports()).singleElement().satisfies(r -> {
            assertThat(r.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
            assertThat(r.text()).contains("limit 4, would be 5");
        });
        assertThat(core.riskLimits()).containsExactly(new RiskLimitView("default", "maxOrderQty", "4"));

        assertThatThrownBy(() -> core.applyRiskLimits(Map.of("default.maxOrderQty", "lots")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(core.riskLimits()).containsExactly(new RiskLimitView("default", "maxOrderQty", "4"));
        assertThat(limit(core, 2, ALICE, Side.BUY, 100_00, 4).accepted()).isTrue();
        assertThat(limit(core, 3, ALICE, Side.BUY, 100_00, 5).rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
    }

    @Test
    void killCancelsAndHaltsUntilTheStateIsSetActiveAgain() throws Exception {
        TradingCoreManager core = configured();
        limit(core, 1, ALICE, Side.BUY, 99_00, 1);
        limit(core, 2, ALICE, Side.SELL, 101_00, 1);

        CommandResult kill = get(core.kill(Scope.of(ALICE)));

        assertThat(kill.accepted()).isTrue();
        assertThat(kill.reports()).hasSize(2).allSatisfy(r ->
                assertThat(r.cancelReason()).isEqualTo(CancelReason.KILL_SWITCH));
        assertThat(core.tradingStates()).contains(new TradingStateView(Scope.of(ALICE), CoreTradingState.HALTED));
        assertThat(core.accounts()).contains(new AccountView(ALICE, "none", CoreTradingState.HALTED));
        assertThat(limit(core, 3, ALICE, Side.BUY, 99_00, 1).rejectReason()).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(limit(core, 4, BOB, Side.BUY, 99_00, 1).accepted()).isTrue();

        assertThat(get(core.setTradingState(Scope.of(ALICE), CoreTradingState.ACTIVE)).accepted()).isTrue();
        assertThat(limit(core, 5, ALICE, Side.BUY, 99_00, 1).accepted()).isTrue();
        assertThatThrownBy(() -> core.kill(Scope.of(AccountId.of("nobody"))).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMoneyScaleSettingScalesAccountTotals() throws Exception {
        for (int scale : new int[] {0, 4}) {
            stopAll();
            started.clear();
            dir = dir.resolve("scale-" + scale);
            TradingCoreManager core = configured("money.scale", scale);
            limit(core, 1, ALICE, Side.SELL, 100_00, 3);
            limit(core, 2, BOB, Side.BUY, 100_00, 3);
            get(core.mark(ABC, 101_50));

            long unrealised = core.pnl(BOB).get(0).unrealisedPnl();

            assertThat(unrealised).as("4.50 at money scale %d", scale).isEqualTo(scale == 0 ? 4 : 4_5000);
        }
    }

    // ------------------------------------------------------------------ restart

    @Test
    void aRestartOnTheSameFolderRecoversOrdersPositionsAndLimits() throws Exception {
        TradingCoreManager first = configured();
        first.applyRiskLimits(Map.of("default.maxOrderQty", "50"));
        long resting = limit(first, 11, ALICE, Side.SELL, 101_00, 10).orderId();
        limit(first, 12, ALICE, Side.BUY, 98_00, 7);
        limit(first, 21, BOB, Side.BUY, 101_00, 4);
        assertThat(first.snapshot().get(10, TimeUnit.SECONDS)).isPositive();
        limit(first, 22, BOB, Side.SELL, 98_00, 2);
        get(first.mark(ABC, 100_00));
        List<OrderView> orders = first.orders(OrderFilter.ALL);
        List<PositionView> positions = first.positions(null);
        List<Instrument> instruments = first.instruments();
        List<AccountView> accounts = first.accounts();
        List<RiskLimitView> limits = first.riskLimits();
        long lastOrderId = orders.stream().mapToLong(OrderView::orderId).max().orElseThrow();
        first.deactivate();

        TradingCoreManager second = start();

        assertThat(second.orders(OrderFilter.ALL)).isEqualTo(orders).hasSize(2);
        assertThat(second.positions(null)).isEqualTo(positions).hasSize(2);
        assertThat(second.accounts()).isEqualTo(accounts);
        assertThat(second.instruments()).extracting(Instrument::symbol, Instrument::tickSize)
                .isEqualTo(instruments.stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.symbol(), i.tickSize()))
                        .toList());
        long recovered = second.journalInfo().recoveredSeq();
        assertThat(recovered).isPositive();
        assertThat(second.journalInfo().lastSnapshotSeq()).isPositive();
        assertThat(second.riskLimits()).as("limits in force after recovery").isEqualTo(limits);

        // as the configuration components do when they activate: nothing changed, so nothing is journaled
        second.applyInstruments(INSTRUMENTS);
        second.applyAccounts(ACCOUNTS);
        second.applyRiskLimits(Map.of("default.maxOrderQty", "50"));
        assertThat(second.instruments()).as("venue and currency come from the configuration").isEqualTo(instruments);
        assertThat(second.journalInfo().lastSeq()).isEqualTo(recovered);
        assertThat(limit(second, 31, BOB, Side.BUY, 90_00, 51).rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        CommandResult next = limit(second, 32, BOB, Side.BUY, 90_00, 1);
        assertThat(next.orderId()).isGreaterThan(lastOrderId);
        CommandResult fill = limit(second, 33, BOB, Side.BUY, 101_00, 6);
        assertThat(fill.reports()).filteredOn(r -> r.liquidity() == Liquidity.MAKER).singleElement()
                .satisfies(r -> {
                    assertThat(r.orderId()).isEqualTo(resting);
                    assertThat(r.cumulativeQuantity()).isEqualTo(10);
                    assertThat(r.averagePrice()).isEqualTo(101_00);
                    assertThat(r.execType()).isEqualTo(ExecType.FILL);
                });
        assertThat(second.position(BOB, ABC).orElseThrow().quantity()).isEqualTo(4 - 2 + 6);
    }

    @Test
    void aBrokenCoreConfigurationChangeIsLoggedAndTheCoreKeepsRunning() throws Exception {
        TradingCoreManager core = configured();
        long resting = limit(core, 41, ALICE, Side.SELL, 101_00, 10).orderId();
        Map<String, Object> broken = new HashMap<>();
        broken.put("journal.dir", dir.resolve("core").toString());
        broken.put("ring.size", 1000);
        core.modified(CoreConfigs.of(broken));
        assertThat(core.order(resting)).as("still running, same state").isPresent();
        assertThat(core.pipelineInfo()).contains("ring 1024 slots")
                .contains("layout " + io.nautilus.core.pipeline.PipelineLayout.forThisMachine().label());
        broken.put("ring.size", 2048);
        broken.put("trading.day.end", "25:99");
        core.modified(CoreConfigs.of(broken));
        assertThat(core.pipelineInfo()).contains("ring 1024 slots");
    }

    @Test
    void aValidCoreConfigurationChangeRestartsTheCoreWithItsState() throws Exception {
        TradingCoreManager core = configured();
        long resting = limit(core, 51, ALICE, Side.SELL, 101_00, 10).orderId();
        Map<String, Object> changed = new HashMap<>();
        changed.put("journal.dir", dir.resolve("core").toString());
        changed.put("journal.fsync", "none");
        changed.put("ring.size", 2048);
        changed.put("snapshot.interval.minutes", 0);
        changed.put("clock.tick.ms", 60_000);
        core.modified(CoreConfigs.of(changed));
        assertThat(core.pipelineInfo()).contains("ring 2048 slots");
        assertThat(core.order(resting)).as("recovered from the journal").isPresent();
        assertThat(limit(core, 52, BOB, Side.BUY, 101_00, 4).reports())
                .anyMatch(r -> r.orderId() == resting && r.liquidity() == Liquidity.MAKER);
    }

    @Test
    void aRejectedChangeOfAWorkingOrderLeavesItWorkingAndReportsNoReject() throws Exception {
        TradingCoreManager core = configured();
        long resting = limit(core, 61, ALICE, Side.SELL, 101_00, 10).orderId();
        CommandResult bad = get(core.reduce(resting, 0));
        assertThat(bad.accepted()).isFalse();
        assertThat(bad.reports()).as("no execution report claims the order is rejected").isEmpty();
        assertThat(core.order(resting)).isPresent();
        assertThat(delivered).noneMatch(r -> r.orderId() == resting && r.execType() == ExecType.REJECTED);
    }
}
