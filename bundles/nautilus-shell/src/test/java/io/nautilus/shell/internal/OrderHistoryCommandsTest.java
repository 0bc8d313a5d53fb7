package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.ACC_1;
import static io.nautilus.shell.internal.FakeTradingCore.ACC_2;
import static io.nautilus.shell.internal.FakeTradingCore.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.AccountId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/** {@code nautilus:order} and {@code nautilus:orders --state} against a fake core's order memory. */
class OrderHistoryCommandsTest extends CoreCommandTest {

    /** 2026-11-25T16:30:00Z in nanoseconds since the epoch. */
    static final long TIME = 1_795_624_200_000_000_000L;

    private static ExecutionReport report(long orderId, ExecType exec, OrderStatus status, long last, long price,
                                          long leaves, long cum, RejectReason reject, CancelReason cancel,
                                          String text) {
        boolean fill = exec.isFill();
        return new ExecutionReport(orderId * 100 + exec.ordinal(), 7, 0, orderId, ACC_1, null, BTC.id(), null,
                Side.BUY, exec, status, reject, cancel, fill ? Liquidity.MAKER : Liquidity.NONE, text,
                fill ? price : FixedPoint.NULL, fill ? last : 0, leaves, cum, cum > 0 ? price : FixedPoint.NULL,
                TIME, TIME + 1);
    }

    /** 1 BTC at 30000.00: 0.4 filled, then canceled by the user. */
    private static OrderHistory partlyFilledThenCanceled(long orderId) {
        return new OrderHistory(orderId, 7, ACC_1, BTC.id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 3_000_000,
                0, 10_000, OrderStatus.CANCELED, 4_000, 3_000_000, "USER", List.of(
                report(orderId, ExecType.NEW, OrderStatus.NEW, 0, 0, 10_000, 0, RejectReason.NONE,
                        CancelReason.NONE, null),
                report(orderId, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, 4_000, 3_000_000, 6_000, 4_000,
                        RejectReason.NONE, CancelReason.NONE, null),
                report(orderId, ExecType.CANCELED, OrderStatus.CANCELED, 0, 3_000_000, 0, 4_000,
                        RejectReason.NONE, CancelReason.USER, null)), 0);
    }

    private static OrderHistory venueRejected(long orderId, AccountId account) {
        String text = "rejected by venue: Unknown symbol BTC-USD";
        return new OrderHistory(orderId, 8, account, BTC.id(), Side.SELL, OrderType.LIMIT, TimeInForce.DAY,
                3_100_000, 0, 5_000, OrderStatus.REJECTED, 0, FixedPoint.NULL, text, List.of(
                report(orderId, ExecType.PENDING_NEW, OrderStatus.PENDING_NEW, 0, 0, 5_000, 0, RejectReason.NONE,
                        CancelReason.NONE, null),
                report(orderId, ExecType.REJECTED, OrderStatus.REJECTED, 0, 0, 0, 0, RejectReason.VENUE_REJECT,
                        CancelReason.NONE, text)), 0);
    }

    private static OrderHistory filled(long orderId) {
        return new OrderHistory(orderId, 0, ACC_1, BTC.id(), Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
                20_000, OrderStatus.FILLED, 20_000, 3_000_050, null, List.of(), 0);
    }

    private static OrderHistory working(long orderId) {
        return new OrderHistory(orderId, 0, ACC_1, BTC.id(), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 2_900_000,
                0, 10_000, OrderStatus.NEW, 0, FixedPoint.NULL, null, List.of(), 0);
    }

    @Test
    void orderShowsEachReportInOrderThenTheSummary() throws Exception {
        core.histories.add(partlyFilledThenCanceled(42));
        OrderCommand order = wired(new OrderCommand());
        order.orderId = 42;

        order.run(out);

        String[] lines = output().split("\\R");
        assertThat(lines[0]).isEqualTo("order 42 (client id 7)");
        assertThat(lines[1]).contains("Time", "Exec", "Status", "Last qty", "Last price", "Leaves", "Cum qty",
                "Avg price", "Liquidity", "Reason");
        assertThat(lines[3]).contains("2026-11-25T16:30:00Z", "NEW", "1.0000").doesNotContain("MAKER");
        assertThat(lines[4]).contains("PARTIAL_FILL", "PARTIALLY_FILLED", "0.4000", "30000.00", "0.6000", "MAKER");
        assertThat(lines[5]).contains("CANCELED", "USER");
        assertThat(output()).contains("Account:        ACC-1", "Instrument:     BTC-USD.COINBASE",
                "Side:           BUY", "Type:           LIMIT", "Time in force:  GTC", "Quantity:       1.0000",
                "Price:          30000.00", "State:          CANCELED", "Cum qty:        0.4000",
                "Avg price:      30000.00", "Reason:         USER");
    }

    @Test
    void orderShowsAVenueRejectsText() throws Exception {
        core.histories.add(venueRejected(43, ACC_1));
        OrderCommand order = wired(new OrderCommand());
        order.orderId = 43;

        order.run(out);

        assertThat(output().split("\\R")[4]).contains("REJECTED", "rejected by venue: Unknown symbol BTC-USD");
        assertThat(output()).contains("State:          REJECTED", "Avg price:      -",
                "Reason:         rejected by venue: Unknown symbol BTC-USD");
    }

    @Test
    void anUnknownOrEvictedOrderIsOneClearLine() {
        OrderCommand order = wired(new OrderCommand());
        order.orderId = 44;

        assertThatThrownBy(order::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: unknown order 44 (the core remembers the last 10000 finished orders)");
        assertThat(output()).isEmpty();
    }

    @Test
    void orderFailsWithOneLineWhenTheCoreIsNotRunning() {
        OrderCommand order = new OrderCommand();
        order.orderId = 42;

        assertThatThrownBy(order::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: the trading core is not running");
    }

    @Test
    void ordersByStateListFromTheMemoryWithStateCumAveragAndReason() throws Exception {
        core.histories.addAll(List.of(partlyFilledThenCanceled(1), venueRejected(2, ACC_1), filled(3)));
        OrdersCommand orders = wired(new OrdersCommand());
        orders.state = "rejected";

        orders.run(out);

        assertThat(core.lastState).isEqualTo(OrderStateFilter.REJECTED);
        String[] lines = output().split("\\R");
        assertThat(lines[0]).contains("Order", "State", "Cum qty", "Avg price", "Reason");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).contains("2", "SELL", "LIMIT", "DAY", "31000.00", "0.5000", "REJECTED", "0.0000",
                "rejected by venue: Unknown symbol BTC-USD");
    }

    @Test
    void ordersStateAllKeepsTheFiltersAndTheLimit() throws Exception {
        core.histories.addAll(List.of(partlyFilledThenCanceled(1), venueRejected(2, ACC_2), filled(3),
                working(4)));
        OrdersCommand orders = wired(new OrdersCommand());
        orders.state = "ALL";
        orders.account = "ACC-1";
        orders.side = "buy";
        orders.instrument = "BTC-USD";
        orders.limit = 2;

        orders.run(out);

        assertThat(core.lastFilter.account()).isEqualTo(ACC_1);
        assertThat(core.lastFilter.side()).isEqualTo(Side.BUY);
        assertThat(core.lastFilter.instrument()).isEqualTo(BTC.id());
        assertThat(core.lastFilter.limit()).isEqualTo(3);
        assertThat(output()).contains("CANCELED", "FILLED", "2.0000", "30000.50", "MARKET", "IOC")
                .doesNotContain("REJECTED").doesNotContain("29000.00")
                .contains("(showing the first 2 orders; --limit 0 shows all)");
    }

    @Test
    void ordersStateCanceledSaysWhenNothingMatches() throws Exception {
        core.histories.add(filled(3));
        OrdersCommand orders = wired(new OrdersCommand());
        orders.state = "canceled";

        orders.run(out);

        assertThat(output()).contains("no canceled orders in the core's memory (it keeps the last 10000 finished"
                + " orders)");
    }

    @Test
    void ordersStateWorkingIsTheBooksWorkingOrdersAsBefore() throws Exception {
        core.histories.add(filled(3));
        OrdersCommand orders = wired(new OrdersCommand());
        orders.state = "working";

        orders.run(out);

        assertThat(core.lastState).as("the working orders come from the book").isNull();
        assertThat(output()).contains("no working orders");
    }

    @Test
    void aBadStateIsOneLineAndAsksNothing() {
        OrdersCommand orders = wired(new OrdersCommand());
        orders.state = "done";

        assertThatThrownBy(orders::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: --state 'done' is not one of WORKING, FILLED, CANCELED, REJECTED, ALL");
        assertThat(core.lastFilter).isNull();
    }
}
