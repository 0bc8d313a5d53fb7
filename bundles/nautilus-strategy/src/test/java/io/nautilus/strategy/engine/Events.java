package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;

import java.util.concurrent.atomic.AtomicLong;

/** Builds test events. */
final class Events {

    static final InstrumentId EURUSD = InstrumentId.of("EURUSD");
    static final AccountId ACCOUNT = AccountId.of("ACC1");
    private static final AtomicLong EXEC_IDS = new AtomicLong();

    private Events() {
    }

    /** A quote whose bid price carries a payload number, 1 or more. */
    static Quote quote(long payload) {
        return new Quote(EURUSD, payload, 1, payload + 1, 1, payload);
    }

    static ExecutionReport ack(StrategyId strategy, long clientOrderId, long orderId, long quantity) {
        return report(strategy, clientOrderId, orderId, ExecType.NEW, OrderStatus.NEW, CancelReason.NONE,
                Liquidity.NONE, FixedPoint.NULL, 0, quantity, 0, FixedPoint.NULL);
    }

    static ExecutionReport fill(StrategyId strategy, long clientOrderId, long orderId, long price, long quantity) {
        return report(strategy, clientOrderId, orderId, ExecType.FILL, OrderStatus.FILLED, CancelReason.NONE,
                Liquidity.MAKER, price, quantity, 0, quantity, price);
    }

    static ExecutionReport sellFill(StrategyId strategy, long clientOrderId, long orderId, long price,
                                    long quantity) {
        ExecutionReport buy = fill(strategy, clientOrderId, orderId, price, quantity);
        return new ExecutionReport(EXEC_IDS.incrementAndGet(), clientOrderId, 0, orderId, ACCOUNT, strategy,
                EURUSD, null, Side.SELL, buy.execType(), buy.status(), RejectReason.NONE, CancelReason.NONE,
                Liquidity.MAKER, null, price, quantity, 0, quantity, price, 1, 1);
    }

    static ExecutionReport canceled(StrategyId strategy, long clientOrderId, long orderId) {
        return report(strategy, clientOrderId, orderId, ExecType.CANCELED, OrderStatus.CANCELED, CancelReason.USER,
                Liquidity.NONE, FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL);
    }

    private static ExecutionReport report(StrategyId strategy, long clientOrderId, long orderId, ExecType type,
                                          OrderStatus status, CancelReason cancelReason, Liquidity liquidity,
                                          long lastPrice, long lastQuantity, long leaves, long cumulative,
                                          long averagePrice) {
        return new ExecutionReport(EXEC_IDS.incrementAndGet(), clientOrderId, 0, orderId, ACCOUNT, strategy,
                EURUSD, null, Side.BUY, type, status, RejectReason.NONE, cancelReason, liquidity, null, lastPrice,
                lastQuantity, leaves, cumulative, averagePrice, 1, 1);
    }
}
