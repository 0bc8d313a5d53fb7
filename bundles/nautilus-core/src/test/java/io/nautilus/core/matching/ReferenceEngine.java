package io.nautilus.core.matching;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple model of the matching rules for tests: each book side is a list re-sorted by (price, time)
 * after every change, the head of the opposite list is always the next maker, and time priority is a counter
 * stamped whenever an order (re)joins a queue. Slow and obviously ordered; no pooling, no indexes.
 */
final class ReferenceEngine {

    static final class Ord {
        long id;
        int account;
        int instrument;
        Side side;
        OrderType type;
        TimeInForce tif;
        long price;
        long stop;
        long qty;
        long open;
        long filled;
        long display;
        long visible;
        int flags;
        long expiry;
        long time;
        long triggerPrice;

        boolean buy() {
            return side == Side.BUY;
        }

        boolean market() {
            return type == OrderType.MARKET || type == OrderType.STOP;
        }
    }

    static final class Inst {
        long tick;
        long lot;
        long min;
        long bps;
        long ref;
        long marketRef;
        long last;
        final List<Ord> bids = new ArrayList<>();
        final List<Ord> asks = new ArrayList<>();
        final List<Ord> stops = new ArrayList<>();

        List<Ord> side(boolean buy) {
            return buy ? bids : asks;
        }
    }

    private static final Comparator<Ord> BIDS = Comparator.comparingLong((Ord o) -> -o.price)
            .thenComparingLong(o -> o.time);
    private static final Comparator<Ord> ASKS = Comparator.comparingLong((Ord o) -> o.price)
            .thenComparingLong(o -> o.time);

    final Map<Integer, Inst> instruments = new HashMap<>();
    final Map<Integer, SelfTradePrevention> accounts = new HashMap<>();
    final Map<Long, Ord> working = new HashMap<>();
    private final Set<Long> used = new HashSet<>();
    private final Deque<Ord> triggered = new ArrayDeque<>();
    private long clock;
    private List<Ev> out;
    private RejectReason reject;

    void defineInstrument(int id, long tick, long lot, long min, long bps, long ref) {
        Inst inst = instruments.computeIfAbsent(id, k -> new Inst());
        inst.tick = tick;
        inst.lot = lot;
        inst.min = min;
        inst.bps = bps;
        inst.ref = ref;
    }

    void defineAccount(int id, SelfTradePrevention stp) {
        accounts.put(id, stp);
    }

    RejectReason lastReject() {
        return reject;
    }

    List<Ev> process(Command c) {
        out = new ArrayList<>();
        reject = RejectReason.NONE;
        switch (c.op) {
            case Op.NEW -> onNew(c);
            case Op.CANCEL -> onCancel(c);
            case Op.REPLACE -> onReplace(c);
            case Op.REDUCE -> onReduce(c);
            case Op.MASS_CANCEL -> cancelAll(c.account, c.instrument, CancelReason.USER);
            case Op.KILL -> cancelAll(c.account, c.instrument, CancelReason.KILL_SWITCH);
            case Op.MARK -> {
                Inst inst = instruments.get(c.instrument);
                if (inst != null && c.price > 0) {
                    inst.marketRef = c.price;
                }
            }
            case Op.CLOCK -> onClock(c);
            default -> {
            }
        }
        return out;
    }

    // ---- events, field for field as Events writes them

    private void emit(byte type, Ord o, long price, long qty, long leaves) {
        out.add(new Ev(type, o.id, 0, o.account, Command.ANY, o.instrument, o.side, price, qty, leaves, 0, 0, 0, 0));
    }

    private void canceled(Ord o, CancelReason reason) {
        out.add(new Ev(Events.CANCELED, o.id, 0, o.account, Command.ANY, o.instrument, o.side, o.price, o.open, 0, 0,
                reason.ordinal(), 0, 0));
    }

    private void rejectWith(Command c, RejectReason reason) {
        reject = reason;
        out.add(new Ev(Events.REJECTED, c.orderId, 0, c.account, Command.ANY, c.instrument, c.side, 0, 0, 0, 0,
                reason.ordinal(), 0, 0));
    }

    // ---- commands

    private void onNew(Command c) {
        if (c.orderId <= 0 || used.contains(c.orderId)) {
            rejectWith(c, RejectReason.DUPLICATE_CLIENT_ORDER_ID);
            return;
        }
        Inst inst = instruments.get(c.instrument);
        if (inst == null) {
            rejectWith(c, RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        SelfTradePrevention stp = accounts.get(c.account);
        if (stp == null) {
            rejectWith(c, RejectReason.UNKNOWN_ACCOUNT);
            return;
        }
        if (c.side == null || c.type == null || c.tif == null || c.qty <= 0) {
            rejectWith(c, RejectReason.INVALID_ORDER);
            return;
        }
        if (c.qty % inst.lot != 0) {
            rejectWith(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
            return;
        }
        if (c.qty < inst.min) {
            rejectWith(c, RejectReason.QUANTITY_BELOW_MINIMUM);
            return;
        }
        long price = c.type.hasLimitPrice() ? c.price : 0;
        if (c.type.hasLimitPrice() && priceProblem(c, inst, price)) {
            return;
        }
        long stop = c.type.hasStopPrice() ? c.stopPrice : 0;
        if (c.type.hasStopPrice() && priceProblem(c, inst, stop)) {
            return;
        }
        if (c.displayQty < 0 || c.displayQty > c.qty) {
            rejectWith(c, RejectReason.INVALID_ORDER);
            return;
        }
        if (c.displayQty > 0 && c.displayQty % inst.lot != 0) {
            rejectWith(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
            return;
        }
        if ((c.tif == TimeInForce.GTD && c.expiry <= 0) || !OrderFlags.isValid(c.flags)) {
            rejectWith(c, RejectReason.INVALID_ORDER);
            return;
        }
        if (c.type.hasLimitPrice() && outsideBand(inst, price)) {
            rejectWith(c, RejectReason.PRICE_OUTSIDE_BAND);
            return;
        }
        boolean buy = c.side == Side.BUY;
        boolean market = c.type == OrderType.MARKET;
        if (!c.type.hasStopPrice()) {
            if (OrderFlags.isPostOnly(c.flags) && crosses(inst, buy, market, price)) {
                rejectWith(c, RejectReason.POST_ONLY_WOULD_CROSS);
                return;
            }
            if (c.tif == TimeInForce.FOK && available(inst, buy, market, price, c.account, stp) < c.qty) {
                rejectWith(c, RejectReason.FOK_CANNOT_FILL);
                return;
            }
        }
        used.add(c.orderId);
        Ord o = new Ord();
        o.id = c.orderId;
        o.account = c.account;
        o.instrument = c.instrument;
        o.side = c.side;
        o.type = c.type;
        o.tif = c.tif;
        o.price = price;
        o.stop = stop;
        o.qty = c.qty;
        o.open = c.qty;
        o.display = c.displayQty;
        o.flags = c.flags;
        o.expiry = c.tif == TimeInForce.GTD ? c.expiry : 0;
        working.put(o.id, o);
        emit(Events.ACCEPTED, o, price, o.qty, o.open);
        if (c.type.hasStopPrice()) {
            if (holds(o, inst.last)) {
                o.triggerPrice = inst.last;
                triggered.add(o);
            } else {
                inst.stops.add(o);
            }
        } else {
            execute(inst, o);
        }
        runTriggered();
    }

    private boolean priceProblem(Command c, Inst inst, long price) {
        if (price <= 0) {
            rejectWith(c, RejectReason.INVALID_ORDER);
            return true;
        }
        if (price % inst.tick != 0) {
            rejectWith(c, RejectReason.PRICE_NOT_ON_TICK);
            return true;
        }
        return false;
    }

    private static boolean outsideBand(Inst inst, long price) {
        long ref = inst.marketRef != 0 ? inst.marketRef : inst.ref;
        if (inst.bps <= 0 || ref <= 0) {
            return false;
        }
        long width = ref * inst.bps / 10_000;
        return price < ref - width || price > ref + width;
    }

    private static boolean holds(Ord o, long last) {
        return last > 0 && (o.buy() ? last >= o.stop : last <= o.stop);
    }

    private static boolean acceptable(boolean buy, boolean market, long limit, long makerPrice) {
        return market || (buy ? makerPrice <= limit : makerPrice >= limit);
    }

    private static boolean crosses(Inst inst, boolean buy, boolean market, long price) {
        List<Ord> opposite = inst.side(!buy);
        return !opposite.isEmpty() && acceptable(buy, market, price, opposite.get(0).price);
    }

    private static long available(Inst inst, boolean buy, boolean market, long price, int account,
                                  SelfTradePrevention stp) {
        long sum = 0;
        for (Ord m : inst.side(!buy)) {
            if (acceptable(buy, market, price, m.price) && (stp == SelfTradePrevention.NONE || m.account != account)) {
                sum += m.open;
            }
        }
        return sum;
    }

    private void execute(Inst inst, Ord o) {
        if (match(inst, o, o.market())) {
            return;
        }
        if (o.open == 0) {
            working.remove(o.id);
        } else if (o.market() || o.tif == TimeInForce.IOC || o.tif == TimeInForce.FOK) {
            canceled(o, CancelReason.IOC_REMAINDER);
            working.remove(o.id);
        } else {
            rest(inst, o);
        }
    }

    /** @return true if self-trade prevention canceled the taker */
    private boolean match(Inst inst, Ord o, boolean market) {
        List<Ord> opposite = inst.side(!o.buy());
        SelfTradePrevention stp = accounts.get(o.account);
        while (o.open > 0 && !opposite.isEmpty()) {
            Ord m = opposite.get(0);
            if (!acceptable(o.buy(), market, o.price, m.price)) {
                break;
            }
            if (stp != SelfTradePrevention.NONE && m.account == o.account) {
                if (stp == SelfTradePrevention.CANCEL_INCOMING) {
                    canceled(o, CancelReason.SELF_TRADE);
                    working.remove(o.id);
                    return true;
                }
                canceled(m, CancelReason.SELF_TRADE);
                opposite.remove(0);
                working.remove(m.id);
                if (stp == SelfTradePrevention.CANCEL_BOTH) {
                    canceled(o, CancelReason.SELF_TRADE);
                    working.remove(o.id);
                    return true;
                }
                continue;
            }
            long q = Math.min(o.open, m.visible);
            m.visible -= q;
            m.open -= q;
            m.filled += q;
            o.open -= q;
            o.filled += q;
            out.add(new Ev(Events.TRADE, o.id, m.id, o.account, m.account, o.instrument, o.side, m.price, q, o.open,
                    m.open, 0, o.filled, m.filled));
            inst.last = m.price;
            inst.marketRef = m.price;
            for (Ord s : new ArrayList<>(inst.stops)) {
                if (holds(s, m.price)) {
                    inst.stops.remove(s);
                    s.triggerPrice = m.price;
                    triggered.add(s);
                }
            }
            if (m.visible == 0) {
                if (m.open == 0) {
                    opposite.remove(0);
                    working.remove(m.id);
                } else {
                    m.visible = Math.min(m.display, m.open);
                    m.time = ++clock;
                    sort(inst);
                }
            }
        }
        return false;
    }

    private void runTriggered() {
        while (!triggered.isEmpty()) {
            Ord o = triggered.poll();
            Inst inst = instruments.get(o.instrument);
            emit(Events.TRIGGERED, o, o.triggerPrice, o.open, o.open);
            if (o.tif == TimeInForce.FOK
                    && available(inst, o.buy(), o.market(), o.price, o.account, accounts.get(o.account)) < o.open) {
                canceled(o, CancelReason.FOK_NOT_FILLED);
                working.remove(o.id);
            } else if (OrderFlags.isPostOnly(o.flags) && crosses(inst, o.buy(), o.market(), o.price)) {
                canceled(o, CancelReason.VENUE);
                working.remove(o.id);
            } else {
                execute(inst, o);
            }
        }
    }

    private void rest(Inst inst, Ord o) {
        o.visible = o.display > 0 ? Math.min(o.display, o.open) : o.open;
        o.time = ++clock;
        inst.side(o.buy()).add(o);
        sort(inst);
    }

    private static void sort(Inst inst) {
        inst.bids.sort(BIDS);
        inst.asks.sort(ASKS);
    }

    private void remove(Ord o) {
        Inst inst = instruments.get(o.instrument);
        inst.bids.remove(o);
        inst.asks.remove(o);
        inst.stops.remove(o);
        working.remove(o.id);
    }

    private Ord lookup(Command c) {
        Ord o = working.get(c.orderId);
        if (o == null) {
            rejectWith(c, c.orderId > 0 && used.contains(c.orderId) ? RejectReason.ORDER_FINISHED
                    : RejectReason.UNKNOWN_ORDER);
        }
        return o;
    }

    private void onCancel(Command c) {
        Ord o = lookup(c);
        if (o != null) {
            canceled(o, CancelReason.USER);
            remove(o);
        }
    }

    private void onReduce(Command c) {
        Ord o = lookup(c);
        if (o == null) {
            return;
        }
        if (c.qty <= 0) {
            rejectWith(c, RejectReason.INVALID_ORDER);
            return;
        }
        if (c.qty >= o.open) {
            canceled(o, CancelReason.USER);
            remove(o);
            return;
        }
        takeOff(o, c.qty);
        o.qty -= c.qty;
        emit(Events.REDUCED, o, o.price, c.qty, o.open);
    }

    private static void takeOff(Ord o, long q) {
        long hidden = o.open - o.visible;
        if (q > hidden) {
            o.visible -= q - hidden;
        }
        o.open -= q;
    }

    private void onReplace(Command c) {
        Ord o = lookup(c);
        if (o == null) {
            return;
        }
        boolean priceGiven = c.price != Command.UNCHANGED;
        boolean qtyGiven = c.qty != Command.UNCHANGED;
        Inst inst = instruments.get(o.instrument);
        if (!priceGiven && !qtyGiven) {
            rejectWith(c, RejectReason.INVALID_ORDER);
            return;
        }
        if (priceGiven) {
            if (!o.type.hasLimitPrice()) {
                rejectWith(c, RejectReason.INVALID_ORDER);
                return;
            }
            if (priceProblem(c, inst, c.price)) {
                return;
            }
            if (outsideBand(inst, c.price)) {
                rejectWith(c, RejectReason.PRICE_OUTSIDE_BAND);
                return;
            }
        }
        long newPrice = priceGiven ? c.price : o.price;
        if (qtyGiven) {
            if (c.qty <= 0) {
                rejectWith(c, RejectReason.INVALID_ORDER);
                return;
            }
            if (c.qty % inst.lot != 0) {
                rejectWith(c, RejectReason.QUANTITY_NOT_LOT_MULTIPLE);
                return;
            }
            if (c.qty < inst.min) {
                rejectWith(c, RejectReason.QUANTITY_BELOW_MINIMUM);
                return;
            }
        }
        long newQty = qtyGiven ? c.qty : o.qty;
        long newOpen = newQty - o.filled;
        boolean stopPending = inst.stops.contains(o);
        if (newOpen > 0 && !stopPending && newPrice != o.price && OrderFlags.isPostOnly(o.flags)
                && crosses(inst, o.buy(), false, newPrice)) {
            rejectWith(c, RejectReason.POST_ONLY_WOULD_CROSS);
            return;
        }
        if (newOpen <= 0) {
            canceled(o, CancelReason.REPLACED_TO_FILLED);
            remove(o);
            return;
        }
        boolean keep = newPrice == o.price && newOpen <= o.open;
        out.add(new Ev(Events.REPLACED, o.id, 0, o.account, Command.ANY, o.instrument, o.side, newPrice, newQty,
                newOpen, 0, keep ? 1 : 0, o.price, o.open));
        o.qty = newQty;
        if (keep) {
            if (stopPending) {
                o.open = newOpen;
            } else {
                takeOff(o, o.open - newOpen);
            }
            return;
        }
        o.price = newPrice;
        o.open = newOpen;
        if (stopPending) {
            inst.stops.remove(o);
            inst.stops.add(o);
            return;
        }
        inst.side(o.buy()).remove(o);
        if (crosses(inst, o.buy(), false, newPrice)) {
            if (!match(inst, o, false)) {
                if (o.open == 0) {
                    working.remove(o.id);
                } else {
                    rest(inst, o);
                }
            }
            runTriggered();
        } else {
            rest(inst, o);
        }
    }

    private void cancelAll(int account, int instrument, CancelReason reason) {
        for (Ord o : byId()) {
            if ((account == Command.ANY || o.account == account)
                    && (instrument == Command.ANY || o.instrument == instrument)) {
                canceled(o, reason);
                remove(o);
            }
        }
    }

    private void onClock(Command c) {
        boolean endOfDay = (c.flags & Op.CLOCK_END_OF_DAY) != 0;
        for (Ord o : byId()) {
            if ((o.tif == TimeInForce.GTD && o.expiry <= c.timestamp) || (endOfDay && o.tif == TimeInForce.DAY)) {
                emit(Events.EXPIRED, o, o.price, o.open, 0);
                remove(o);
            }
        }
    }

    private List<Ord> byId() {
        List<Ord> all = new ArrayList<>(working.values());
        all.sort(Comparator.comparingLong(o -> o.id));
        return all;
    }
}
