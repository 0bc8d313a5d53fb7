package io.nautilus.core.matching;

import io.nautilus.api.Side;
import io.nautilus.core.SelfTradePrevention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The read side of a {@link MatchingEngine}, on its writer thread: order and book state as immutable views (these
 * allocate; for the admin shell and tests) and the allocation-free primitive queries. Each method answers the
 * engine's public method of the same name, documented there.
 */
final class MatchingQueries {

    private static final SelfTradePrevention[] STP_MODES = SelfTradePrevention.values();

    private final MatchingEngine engine;

    MatchingQueries(MatchingEngine engine) {
        this.engine = engine;
    }

    OrderState orderState(long orderId) {
        Order o = orderId > 0 ? engine.orders.get(orderId) : null;
        if (o != null) {
            return o.state == Order.STOP_PENDING ? OrderState.STOP_PENDING : OrderState.WORKING;
        }
        return orderId > 0 && engine.usedIds.contains(orderId) ? OrderState.FINISHED : OrderState.UNKNOWN;
    }

    boolean isWorking(long orderId) {
        return engine.orders.get(orderId) != null;
    }

    long openQty(long orderId) {
        Order o = engine.orders.get(orderId);
        return o == null ? 0 : o.open;
    }

    Optional<OrderView> order(long orderId) {
        Order o = engine.orders.get(orderId);
        return o == null ? Optional.empty() : Optional.of(view(o));
    }

    List<OrderView> workingOrders() {
        int n = engine.orders.size();
        long[] ids = engine.orders.ids(new long[n]);
        Arrays.sort(ids, 0, n);
        List<OrderView> views = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            views.add(view(engine.orders.get(ids[i])));
        }
        return views;
    }

    int workingOrderCount() {
        return engine.orders.size();
    }

    List<OrderView> bookOrders(int instrument, Side side) {
        OrderBook book = engine.book(instrument);
        if (book == null) {
            return Collections.emptyList();
        }
        BookSide s = book.side(side == Side.BUY);
        List<OrderView> views = new ArrayList<>(s.orders);
        for (int i = s.size - 1; i >= 0; i--) {
            for (Order o = s.levels[i].head; o != null; o = o.next) {
                views.add(view(o));
            }
        }
        return views;
    }

    List<OrderView> stopOrders(int instrument) {
        OrderBook book = engine.book(instrument);
        if (book == null) {
            return Collections.emptyList();
        }
        List<OrderView> views = new ArrayList<>(book.stopCount);
        for (Order o = book.stopHead; o != null; o = o.next) {
            views.add(view(o));
        }
        return views;
    }

    List<LevelView> depth(int instrument, Side side, int maxLevels) {
        OrderBook book = engine.book(instrument);
        if (book == null) {
            return Collections.emptyList();
        }
        BookSide s = book.side(side == Side.BUY);
        int n = Math.min(maxLevels, s.size);
        List<LevelView> views = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Level level = s.levels[s.size - 1 - i];
            views.add(new LevelView(level.price, level.qty, level.count));
        }
        return views;
    }

    long bestBid(int instrument) {
        return bestPrice(instrument, true);
    }

    long bestAsk(int instrument) {
        return bestPrice(instrument, false);
    }

    long bestPrice(int instrument, boolean buy) {
        OrderBook book = engine.book(instrument);
        Level best = book == null ? null : book.side(buy).best();
        return best == null ? MatchingEngine.NO_PRICE : best.price;
    }

    long lastTradePrice(int instrument) {
        OrderBook book = engine.book(instrument);
        return book == null ? MatchingEngine.NO_PRICE : book.lastTradePrice;
    }

    int levelCount(int instrument, Side side) {
        OrderBook book = engine.book(instrument);
        return book == null ? 0 : book.side(side == Side.BUY).size;
    }

    int restingOrderCount(int instrument, Side side) {
        OrderBook book = engine.book(instrument);
        return book == null ? 0 : book.side(side == Side.BUY).orders;
    }

    Optional<InstrumentView> instrument(int instrument) {
        OrderBook b = engine.book(instrument);
        if (b == null) {
            return Optional.empty();
        }
        return Optional.of(new InstrumentView(b.instrument, b.tickSize, b.lotSize, b.minQty, b.bandBps,
                b.referencePrice, b.bandReference(), b.lastTradePrice, bestBid(instrument), bestAsk(instrument),
                b.stopCount));
    }

    List<InstrumentView> instruments() {
        List<InstrumentView> views = new ArrayList<>(engine.instrumentIds.length);
        for (int id : engine.instrumentIds) {
            views.add(instrument(id).orElseThrow());
        }
        return views;
    }

    Optional<SelfTradePrevention> account(int account) {
        int stp = engine.accountMode(account);
        return stp == MatchingEngine.NO_ACCOUNT ? Optional.empty() : Optional.of(STP_MODES[stp]);
    }

    static OrderView view(Order o) {
        return new OrderView(o.id, o.clientOrderId, o.account, o.instrument, o.side, o.type, o.tif, o.price,
                o.stopPrice, o.originalQty, o.qty, o.open, o.filled, o.displayQty, o.visible,
                o.state == Order.STOP_PENDING ? OrderState.STOP_PENDING : OrderState.WORKING, o.flags, o.expiry);
    }
}
