package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.VenueReport;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real core's order memory ({@code nautilus:order}, {@code nautilus:orders --state}): each way an order ends,
 * with its reports, state, quantities and reason, the bound, and what a restart brings back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrderHistoryTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId ABC = InstrumentId.of("ABC");
    static final InstrumentId EXT = InstrumentId.of("EXT");
    static final Map<String, Object> INSTRUMENTS = Map.of(
            "ABC.priceScale", "2", "ABC.tickSize", "0.01", "ABC.lotSize", "1",
            "EXT.priceScale", "2", "EXT.tickSize", "0.01", "EXT.lotSize", "1", "EXT.venue", "XFIX",
            "EXT.routing", "external");

    @TempDir
    Path dir;

    final List<TradingCoreManager> started = new ArrayList<>();
    long clientIds = 100;

    @AfterEach
    void stopAll() {
        started.forEach(TradingCoreManager::deactivate);
    }

    TradingCoreManager start(Object... settings) throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        for (int i = 0; i < settings.length; i += 2) {
            properties.put((String) settings[i], settings[i + 1]);
        }
        started.add(core);
        core.activate(CoreConfigs.of(properties));
        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(Map.of("alice.stp", "none", "bob.stp", "none"));
        return core;
    }

    static CommandResult get(CompletableFuture<CommandResult> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    long limit(TradingCoreManager core, AccountId account, InstrumentId instrument, Side side, long price, long qty)
            throws Exception {
        return get(core.submit(NewOrder.limit(clientIds++, account, null, instrument, side, price, qty))).orderId();
    }

    static OrderHistory history(TradingCoreManager core, long orderId) {
        return core.orderHistory(orderId).orElseThrow(() -> new AssertionError("order " + orderId + " unknown"));
    }

    @Test
    void aFilledOrderShowsItsEntryFillAndAverage() throws Exception {
        TradingCoreManager core = start();
        long maker = limit(core, ALICE, ABC, Side.SELL, 10_000, 10);

        long taker = limit(core, BOB, ABC, Side.BUY, 10_000, 10);

        OrderHistory order = history(core, maker);
        assertThat(order.state()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.clientOrderId()).isEqualTo(100);
        assertThat(order.account()).isEqualTo(ALICE);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.price()).isEqualTo(10_000);
        assertThat(order.quantity()).isEqualTo(10);
        assertThat(order.cumulativeQuantity()).isEqualTo(10);
        assertThat(order.averagePrice()).isEqualTo(10_000);
        assertThat(order.reason()).isNull();
        assertThat(order.reports()).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW, ExecType.FILL);
        assertThat(history(core, taker).state()).isEqualTo(OrderStatus.FILLED);
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.FILLED)).extracting(OrderHistory::orderId)
                .containsExactly(maker, taker);
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.WORKING)).isEmpty();
    }

    @Test
    void aPartlyFilledThenCanceledOrderKeepsItsFilledQuantityAndTheCancelReason() throws Exception {
        TradingCoreManager core = start();
        long order = limit(core, ALICE, ABC, Side.BUY, 10_000, 10);
        limit(core, BOB, ABC, Side.SELL, 10_000, 4);
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.WORKING)).singleElement()
                .satisfies(o -> assertThat(o.state()).isEqualTo(OrderStatus.PARTIALLY_FILLED));

        get(core.cancel(order));

        OrderHistory canceled = history(core, order);
        assertThat(canceled.state()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.cumulativeQuantity()).isEqualTo(4);
        assertThat(canceled.averagePrice()).isEqualTo(10_000);
        assertThat(canceled.reason()).isEqualTo("USER");
        assertThat(canceled.reports()).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.CANCELED);
        assertThat(canceled.reports().get(1).leavesQuantity()).isEqualTo(6);
        assertThat(core.orderHistories(new OrderFilter(ALICE, null, null, 0), OrderStateFilter.CANCELED))
                .extracting(OrderHistory::orderId).containsExactly(order);
    }

    @Test
    void aRiskRejectKeepsTheLimitAndTheWouldBeValue() throws Exception {
        TradingCoreManager core = start();
        core.applyRiskLimits(Map.of("default.maxOrderQty", "5"));

        CommandResult result = get(core.submit(NewOrder.limit(7, ALICE, null, ABC, Side.BUY, 10_000, 20)));

        OrderHistory order = history(core, result.orderId());
        assertThat(order.state()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.reason()).isEqualTo("risk limit (maxOrderQty: limit 5, would be 20)");
        assertThat(order.quantity()).isEqualTo(20);
        assertThat(order.cumulativeQuantity()).isZero();
        assertThat(order.averagePrice()).isEqualTo(FixedPoint.NULL);
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.REJECTED)).hasSize(1);
    }

    @Test
    void anExpiredOrderEndsExpiredAndIsListedWithTheCanceled() throws Exception {
        TradingCoreManager core = start("clock.tick.ms", 10);
        long expiry = System.currentTimeMillis() * 1_000_000L + TimeUnit.MILLISECONDS.toNanos(200);
        long order = get(core.submit(new NewOrder(9, ALICE, null, ABC, Side.BUY, OrderType.LIMIT, TimeInForce.GTD,
                10_000, FixedPoint.NULL, 10, 0, OrderFlags.NONE, expiry))).orderId();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!history(core, order).finished() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }

        OrderHistory expired = history(core, order);
        assertThat(expired.state()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.reason()).isEqualTo("EXPIRED");
        assertThat(expired.timeInForce()).isEqualTo(TimeInForce.GTD);
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.CANCELED))
                .extracting(OrderHistory::orderId).containsExactly(order);
    }

    @Test
    void aVenueRejectKeepsTheVenuesText() throws Exception {
        TradingCoreManager core = start();
        long order = limit(core, ALICE, EXT, Side.BUY, 10_000, 10);

        get(core.venueReport(new VenueReport(order, VenueReport.Kind.REJECTED, 0, 0, false,
                "rejected by venue: Unknown symbol EXT")));

        OrderHistory rejected = history(core, order);
        assertThat(rejected.state()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.reason()).as("the venue layer's prefix is not repeated")
                .isEqualTo("rejected by venue: Unknown symbol EXT");
        assertThat(rejected.reports()).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.PENDING_NEW, ExecType.REJECTED);
    }

    @Test
    void aVenueCancelKeepsTheVenuesText() throws Exception {
        TradingCoreManager core = start();
        long order = limit(core, ALICE, EXT, Side.BUY, 10_000, 10);
        get(core.venueReport(new VenueReport(order, VenueReport.Kind.ACK, 0, 0, false, "")));

        get(core.venueReport(new VenueReport(order, VenueReport.Kind.CANCELED, 0, 0, false, "market closed")));

        assertThat(history(core, order).reason()).isEqualTo("VENUE: market closed");
    }

    @Test
    void theMemoryIsBoundedByItsConfigurationAndForgetsTheOldestFinishedFirst() throws Exception {
        TradingCoreManager core = start("orders.memory.finished", 3);
        long working = limit(core, ALICE, ABC, Side.BUY, 9_000, 1);
        List<Long> finished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long order = limit(core, ALICE, ABC, Side.BUY, 9_500, 1);
            get(core.cancel(order));
            finished.add(order);
        }

        assertThat(core.finishedOrdersKept()).isEqualTo(3);
        assertThat(core.orderHistory(finished.get(0))).isEmpty();
        assertThat(core.orderHistory(finished.get(1))).isEmpty();
        assertThat(core.orderHistories(OrderFilter.ALL, OrderStateFilter.ALL)).extracting(OrderHistory::orderId)
                .containsExactly(working, finished.get(2), finished.get(3), finished.get(4));
        assertThat(core.orderHistories(new OrderFilter(null, null, null, 2), OrderStateFilter.ALL))
                .extracting(OrderHistory::orderId).containsExactly(working, finished.get(2));
    }

    @Test
    void anUnknownOrderIsEmpty() throws Exception {
        TradingCoreManager core = start();

        assertThat(core.orderHistory(424242)).isEmpty();
        assertThat(core.finishedOrdersKept()).as("the Metatype default")
                .isEqualTo(CoreConfigs.of(Map.of()).orders_memory_finished());
    }

    @Test
    void aRestartRefillsTheMemoryFromTheJournalReplay() throws Exception {
        TradingCoreManager core = start();
        long filled = limit(core, ALICE, ABC, Side.SELL, 10_000, 3);
        limit(core, BOB, ABC, Side.BUY, 10_000, 3);
        long working = limit(core, ALICE, ABC, Side.BUY, 9_000, 2);
        long venue = limit(core, ALICE, EXT, Side.BUY, 10_000, 10);
        get(core.venueReport(new VenueReport(venue, VenueReport.Kind.REJECTED, 0, 0, false, "no such account")));
        OrderHistory before = history(core, venue);
        core.deactivate();

        TradingCoreManager again = start();

        assertThat(history(again, filled).state()).isEqualTo(OrderStatus.FILLED);
        assertThat(history(again, filled).averagePrice()).isEqualTo(10_000);
        assertThat(history(again, venue).reason()).isEqualTo(before.reason())
                .isEqualTo("rejected by venue: no such account");
        assertThat(history(again, working).state()).isEqualTo(OrderStatus.NEW);
        assertThat(history(again, working).reports()).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW);
    }

    @Test
    void aWorkingOrderFromBeforeTheLastSnapshotComesFromTheBook() throws Exception {
        TradingCoreManager core = start();
        long working = limit(core, ALICE, ABC, Side.BUY, 9_000, 2);
        core.snapshot().get(10, TimeUnit.SECONDS);
        core.deactivate();

        TradingCoreManager again = start();

        OrderHistory order = history(again, working);
        assertThat(order.state()).isEqualTo(OrderStatus.NEW);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.quantity()).isEqualTo(2);
        assertThat(order.reports()).as("its reports are in the snapshot's past").isEmpty();
        assertThat(again.orderHistories(OrderFilter.ALL, OrderStateFilter.WORKING))
                .extracting(OrderHistory::orderId).containsExactly(working);
    }
}
