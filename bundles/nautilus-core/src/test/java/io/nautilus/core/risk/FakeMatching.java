package io.nautilus.core.risk;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately simple price-time matcher for tests (lists, no performance), producing events as the
 * {@link io.nautilus.core.Events} javadoc describes: NEW (LIMIT/MARKET, IOC remainder canceled), CANCEL, REDUCE,
 * REPLACE (loses priority, may match), KILL (cancels every order in scope).
 */
final class FakeMatching {

    private static final class Order {
        long id;
        int account;
        int instrument;
        Side side;
        long price;
        long open;
        long filled;
        long sequence;
    }

    private final Map<Long, Order> orders = new LinkedHashMap<>();
    private long sequence;

    void process(Command c) {
        switch (c.op) {
            case Op.NEW -> newOrder(c);
            case Op.CANCEL -> {
                Order o = orders.get(c.orderId);
                if (o == null) {
                    c.reject(RejectReason.UNKNOWN_ORDER, null, 0, 0);
                    c.events.rejected(c.orderId, c.account, c.instrument, null, RejectReason.UNKNOWN_ORDER, 0, 0);
                    return;
                }
                cancel(c, o, CancelReason.USER);
            }
            case Op.REDUCE -> {
                Order o = orders.get(c.orderId);
                if (o == null) {
                    c.reject(RejectReason.UNKNOWN_ORDER, null, 0, 0);
                    return;
                }
                if (c.qty >= o.open) {
                    cancel(c, o, CancelReason.USER);
                } else {
                    o.open -= c.qty;
                    c.events.reduced(o.id, o.account, o.instrument, o.side, o.price, c.qty, o.open);
                }
            }
            case Op.REPLACE -> {
                Order o = orders.get(c.orderId);
                if (o == null) {
                    c.reject(RejectReason.UNKNOWN_ORDER, null, 0, 0);
                    return;
                }
                long oldPrice = o.price;
                long oldOpen = o.open;
                long total = c.qty == Command.UNCHANGED ? o.filled + o.open : c.qty;
                if (total <= o.filled) {
                    cancel(c, o, CancelReason.USER);
                    return;
                }
                o.price = c.price == Command.UNCHANGED ? o.price : c.price;
                o.open = total - o.filled;
                o.sequence = ++sequence;
                c.events.replaced(o.id, o.account, o.instrument, o.side, o.price, total, o.open, oldPrice, oldOpen,
                        false);
                orders.remove(o.id);
                match(c, o, false);
                if (o.open > 0) {
                    orders.put(o.id, o);
                }
            }
            case Op.KILL, Op.MASS_CANCEL -> {
                for (Order o : new ArrayList<>(orders.values())) {
                    if ((c.account == Command.ANY || c.account == o.account)
                            && (c.instrument == Command.ANY || c.instrument == o.instrument)) {
                        cancel(c, o, c.op == Op.KILL ? CancelReason.KILL_SWITCH : CancelReason.USER);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void newOrder(Command c) {
        Order o = new Order();
        o.id = c.orderId;
        o.account = c.account;
        o.instrument = c.instrument;
        o.side = c.side;
        boolean market = c.type == OrderType.MARKET;
        o.price = market ? 0 : c.price;
        o.open = c.qty;
        o.sequence = ++sequence;
        c.events.accepted(o.id, o.account, o.instrument, o.side, o.price, c.qty, c.qty);
        match(c, o, market);
        if (o.open > 0) {
            if (market || c.tif == TimeInForce.IOC) {
                c.events.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, CancelReason.IOC_REMAINDER);
            } else {
                orders.put(o.id, o);
            }
        }
    }

    private void match(Command c, Order taker, boolean market) {
        while (taker.open > 0) {
            Order best = null;
            for (Order o : orders.values()) {
                if (o.instrument != taker.instrument || o.side == taker.side) {
                    continue;
                }
                boolean crosses = market || (taker.side == Side.BUY ? o.price <= taker.price : o.price >= taker.price);
                if (!crosses) {
                    continue;
                }
                if (best == null || better(o, best)) {
                    best = o;
                }
            }
            if (best == null) {
                return;
            }
            long qty = Math.min(taker.open, best.open);
            taker.open -= qty;
            taker.filled += qty;
            best.open -= qty;
            best.filled += qty;
            c.events.trade(taker.id, taker.account, taker.instrument, taker.side, best.id, best.account, best.price,
                    qty, taker.open, best.open, taker.filled, best.filled);
            if (best.open == 0) {
                orders.remove(best.id);
            }
        }
    }

    private static boolean better(Order a, Order b) {
        if (a.price != b.price) {
            return a.side == Side.SELL ? a.price < b.price : a.price > b.price;
        }
        return a.sequence < b.sequence;
    }

    private void cancel(Command c, Order o, CancelReason reason) {
        orders.remove(o.id);
        c.events.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open, reason);
    }

    List<Long> openOrderIds() {
        return new ArrayList<>(orders.keySet());
    }

    long openQuantity(int account, int instrument, Side side) {
        long sum = 0;
        for (Order o : orders.values()) {
            if (o.account == account && o.instrument == instrument && o.side == side) {
                sum += o.open;
            }
        }
        return sum;
    }
}
