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
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order memory alone: what it keeps, what it forgets first, and how it sums an order up. */
class OrderMemoryTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId ABC = InstrumentId.of("ABC");

    private long execIds;

    private static Command entry(long orderId, long qty, long price) {
        Command c = new Command();
        c.op = Op.NEW;
        c.orderId = orderId;
        c.clientOrderId = orderId + 1000;
        c.side = Side.BUY;
        c.type = OrderType.LIMIT;
        c.tif = TimeInForce.GTC;
        c.price = price;
        c.qty = qty;
        return c;
    }

    private static Command other(byte op, long orderId) {
        Command c = new Command();
        c.op = op;
        c.orderId = orderId;
        c.price = Command.UNCHANGED;
        c.qty = Command.UNCHANGED;
        return c;
    }

    private ExecutionReport report(long orderId, AccountId account, ExecType exec, OrderStatus status, long last,
                                   long leaves, long cum, CancelReason cancel, RejectReason reject, String text) {
        boolean fill = exec.isFill();
        return new ExecutionReport(++execIds, orderId + 1000, 0, orderId, account, null, ABC, null, Side.BUY, exec,
                status, reject, cancel, fill ? Liquidity.TAKER : Liquidity.NONE, text, fill ? 100 : FixedPoint.NULL,
                fill ? last : 0, leaves, cum, cum > 0 ? 100 : FixedPoint.NULL, 1, 2);
    }

    private ExecutionReport accepted(long orderId, long qty) {
        return report(orderId, ALICE, ExecType.NEW, OrderStatus.NEW, 0, qty, 0, CancelReason.NONE, RejectReason.NONE,
                null);
    }

    private ExecutionReport filled(long orderId, long qty) {
        return report(orderId, ALICE, ExecType.FILL, OrderStatus.FILLED, qty, 0, qty, CancelReason.NONE,
                RejectReason.NONE, null);
    }

    /** Enters an order and fills it at once: one finished order. */
    private void filledOrder(OrderMemory memory, long orderId) {
        memory.record(entry(orderId, 5, 100), List.of(accepted(orderId, 5), filled(orderId, 5)));
    }

    @Test
    void keepsTheConfiguredNumberOfFinishedOrdersForgettingTheOldestFinishedFirst() {
        OrderMemory memory = new OrderMemory(3);
        memory.record(entry(1, 5, 100), List.of(accepted(1, 5)));
        filledOrder(memory, 2);
        filledOrder(memory, 3);
        memory.record(other(Op.CANCEL, 1), List.of(report(1, ALICE, ExecType.CANCELED, OrderStatus.CANCELED, 0, 0,
                0, CancelReason.USER, RejectReason.NONE, null)));
        filledOrder(memory, 4);

        filledOrder(memory, 5);

        assertThat(memory.get(2)).as("order 2 finished first: forgotten first").isNull();
        assertThat(memory.list(OrderFilter.ALL, OrderStateFilter.ALL)).extracting(OrderHistory::orderId)
                .as("order 1 finished after order 3, so it outlives it by one").containsExactly(1L, 4L, 5L);
        assertThat(memory.size()).isEqualTo(3);
    }

    @Test
    void aNewOrderInAForgottenOrdersPlaceStartsFresh() {
        OrderMemory memory = new OrderMemory(1);
        memory.record(entry(1, 5, 100), List.of(accepted(1, 5)));
        memory.record(other(Op.CANCEL, 1), List.of(report(1, BOB, ExecType.CANCELED, OrderStatus.CANCELED, 0, 0,
                0, CancelReason.USER, RejectReason.NONE, "by the desk")));
        filledOrder(memory, 2);
        Command bare = other(Op.NEW, 99);

        memory.record(bare, List.of(accepted(3, 7)));

        OrderHistory order = memory.get(3);
        assertThat(memory.get(1)).as("forgotten when order 2 finished").isNull();
        assertThat(order.account()).isEqualTo(ALICE);
        assertThat(order.reports()).extracting(ExecutionReport::orderId).containsExactly(3L);
        assertThat(order.state()).isEqualTo(OrderStatus.NEW);
        assertThat(order.reason()).isNull();
        assertThat(order.price()).isZero();
        assertThat(order.type()).isNull();
        assertThat(order.averagePrice()).isEqualTo(FixedPoint.NULL);
        assertThat(order.omittedReports()).isZero();
        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    void workingOrdersAreNeverForgotten() {
        OrderMemory memory = new OrderMemory(2);
        for (long id = 1; id <= 50; id++) {
            memory.record(entry(id, 5, 100), List.of(accepted(id, 5)));
        }

        for (long id = 100; id < 200; id++) {
            filledOrder(memory, id);
        }

        assertThat(memory.list(OrderFilter.ALL, OrderStateFilter.WORKING)).hasSize(50);
        assertThat(memory.list(OrderFilter.ALL, OrderStateFilter.FILLED)).extracting(OrderHistory::orderId)
                .containsExactly(198L, 199L);
        assertThat(memory.size()).isEqualTo(52);
    }

    @Test
    void anOrderKeepsItsFirstAndLatestReportsAndCountsTheOnesInBetween() {
        OrderMemory memory = new OrderMemory(10);
        long total = OrderMemory.REPORTS_KEPT + 100;
        memory.record(entry(1, total, 100), List.of(accepted(1, total)));
        for (long cum = 1; cum < total; cum++) {
            memory.record(other(Op.NEW, 99), List.of(report(1, ALICE, ExecType.PARTIAL_FILL,
                    OrderStatus.PARTIALLY_FILLED, 1, total - cum, cum, CancelReason.NONE, RejectReason.NONE, null)));
        }

        OrderHistory order = memory.get(1);

        assertThat(order.reports()).hasSize(OrderMemory.REPORTS_KEPT);
        assertThat(order.reports().get(0).execType()).isEqualTo(ExecType.NEW);
        assertThat(order.reports().get(OrderMemory.REPORTS_KEPT - 1).cumulativeQuantity()).isEqualTo(total - 1);
        assertThat(order.omittedReports()).isEqualTo((int) total - OrderMemory.REPORTS_KEPT);
        assertThat(order.cumulativeQuantity()).isEqualTo(total - 1);
        assertThat(order.state()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void theOrderEntryGivesTheHeaderAndAReplaceUpdatesPriceAndQuantity() {
        OrderMemory memory = new OrderMemory(10);
        memory.record(entry(7, 10, 100), List.of(accepted(7, 10)));
        Command replace = other(Op.REPLACE, 7);
        replace.price = 105;
        replace.qty = 8;

        memory.record(replace, List.of(report(7, ALICE, ExecType.REPLACED, OrderStatus.NEW, 0, 8, 0,
                CancelReason.NONE, RejectReason.NONE, null)));

        OrderHistory order = memory.get(7);
        assertThat(order.clientOrderId()).isEqualTo(1007);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.price()).isEqualTo(105);
        assertThat(order.quantity()).isEqualTo(8);
        assertThat(order.finished()).isFalse();
    }

    @Test
    void anOrderFromBeforeTheStartHasNoHeaderButItsReports() {
        OrderMemory memory = new OrderMemory(10);

        memory.record(other(Op.CANCEL, 9), List.of(report(9, ALICE, ExecType.CANCELED, OrderStatus.CANCELED, 0, 0,
                0, CancelReason.USER, RejectReason.NONE, null)));

        OrderHistory order = memory.get(9);
        assertThat(order.type()).isNull();
        assertThat(order.state()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.reason()).isEqualTo("USER");
    }

    @Test
    void listsFilterByStateAccountAndLimitLowestIdFirst() {
        OrderMemory memory = new OrderMemory(10);
        memory.record(entry(3, 5, 100), List.of(report(3, BOB, ExecType.REJECTED, OrderStatus.REJECTED, 0, 0, 0,
                CancelReason.NONE, RejectReason.RISK_LIMIT, "risk limit (maxOrderQty: limit 1, would be 5)")));
        filledOrder(memory, 2);
        filledOrder(memory, 1);
        memory.record(entry(4, 5, 100), List.of(accepted(4, 5)));
        memory.record(other(Op.CLOCK, 0), List.of(report(4, ALICE, ExecType.EXPIRED, OrderStatus.EXPIRED, 0, 0, 0,
                CancelReason.EXPIRED, RejectReason.NONE, null)));

        assertThat(memory.list(OrderFilter.ALL, OrderStateFilter.FILLED)).extracting(OrderHistory::orderId)
                .containsExactly(1L, 2L);
        assertThat(memory.list(new OrderFilter(null, null, null, 1), OrderStateFilter.FILLED))
                .extracting(OrderHistory::orderId).containsExactly(1L);
        assertThat(memory.list(OrderFilter.ALL, OrderStateFilter.CANCELED)).singleElement()
                .satisfies(o -> {
                    assertThat(o.state()).as("canceled lists expired orders").isEqualTo(OrderStatus.EXPIRED);
                    assertThat(o.reason()).isEqualTo("EXPIRED");
                });
        assertThat(memory.list(new OrderFilter(BOB, null, null, 0), OrderStateFilter.ALL)).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo("risk limit (maxOrderQty: limit 1, would be 5)"));
        assertThat(memory.list(OrderFilter.ALL, OrderStateFilter.WORKING)).isEmpty();
    }

    @Test
    void keepingNoFinishedOrderIsRefused() {
        assertThatThrownBy(() -> new OrderMemory(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("finished orders kept 0 must be at least 1");
    }
}
