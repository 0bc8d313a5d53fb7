package io.nautilus.backtest.exchange;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.order.NewOrder;

import java.util.ArrayList;
import java.util.List;

/** One strategy order as the simulated exchange sees it, from the decision to its final state. */
final class SimOrder {

    /** Decided, not yet at the exchange. */
    static final int IN_FLIGHT = 0;
    /** At the exchange, waiting for the market event that activates it. */
    static final int PENDING = 1;
    /** A stop order waiting for its trigger. */
    static final int STOP = 2;
    /** A limit order resting at the exchange. */
    static final int WORKING = 3;
    /** Finished (filled, canceled, expired or rejected). */
    static final int DONE = 4;

    /** A cancel or replace decided before the order arrived, applied right after it arrives. */
    record Deferred(boolean cancel, long price, long quantity) {
    }

    final long seq;
    final NewOrder order;
    final InstrumentMarket market;
    final boolean buy;
    final boolean postOnly;
    /** Decision plus latency. */
    final long arrival;

    int state = IN_FLIGHT;
    /** True once a stop order triggered: it acts as a market (STOP) or limit (STOP_LIMIT) order. */
    boolean triggered;
    long orderId;
    long price;
    long quantity;
    long open;
    long filled;
    /** Time priority among resting orders: renewed when the order rests again (a replace losing priority). */
    long restSeq;
    /** Queue model: quantity ahead of the order at its price, -1 while unknown (the order is not at the touch). */
    long queueAhead = -1;
    long arrivalHandle = -1;
    long expiryHandle = -1;
    /** Fees of the order's fills as computed (schedule plus per unit), price-scale money. */
    long feeComputed;
    /** Fees charged so far (at least the minimum fee once filled), price-scale money. */
    long feeCharged;
    List<Deferred> deferred;

    SimOrder(long seq, NewOrder order, InstrumentMarket market, long arrival) {
        this.seq = seq;
        this.order = order;
        this.market = market;
        this.arrival = arrival;
        this.buy = order.side() == Side.BUY;
        this.postOnly = OrderFlags.isPostOnly(order.flags());
        this.price = order.type().hasLimitPrice() ? order.price() : 0;
        this.quantity = order.quantity();
        this.open = order.quantity();
    }

    /** @return true for a market order and a triggered STOP */
    boolean isMarket() {
        OrderType type = order.type();
        return type == OrderType.MARKET || type == OrderType.STOP && triggered;
    }

    /** @return true for a stop order not yet triggered */
    boolean isUntriggeredStop() {
        return order.type().hasStopPrice() && !triggered;
    }

    void defer(Deferred request) {
        if (deferred == null) {
            deferred = new ArrayList<>(2);
        }
        deferred.add(request);
    }
}
