package io.nautilus.core.matching;

import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The orders of a {@link MatchingEngine}'s external instruments: accepted there, routed to their venue
 * ({@link Events#ROUTED}), and driven from then on by the venue's {@link Op#VENUE_REPORT} commands. Their cancels and
 * replaces are requests ({@link Events#PENDING_CANCEL}, {@link Events#PENDING_REPLACE}) that the venue's answer
 * settles; they never rest in a book and their venue expires them. Writer thread, except {@link #venueName(int)}.
 */
final class VenueOrders {

    private final MatchingEngine engine;
    /** Venue names chosen for venue orders, by code (append-only; read by the publish thread). */
    private volatile String[] names = new String[0];

    VenueOrders(MatchingEngine engine) {
        this.engine = engine;
    }

    /** Accepts a validated new order of an external instrument: it works at the venue, not in the book. */
    void route(Command c, OrderBook book) {
        long price = c.type.hasLimitPrice() ? c.price : 0;
        long stopPrice = c.type.hasStopPrice() ? c.stopPrice : 0;
        engine.usedIds.add(c.orderId);
        Order o = engine.newOrder();
        o.init(c.orderId, c, book, c.side == Side.BUY, price, stopPrice);
        o.state = Order.VENUE;
        o.venue = c.text == null || c.text.isBlank() ? -1 : venueCode(c.text.trim());
        engine.orders.put(o);
        c.events.routed(o.id, o.account, o.instrument, o.side, price, o.qty);
        c.events.setReason(c.events.size() - 1, o.venue);
    }

    private int venueCode(String name) {
        String[] current = names;
        for (int i = 0; i < current.length; i++) {
            if (current[i].equals(name)) {
                return i;
            }
        }
        String[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = name;
        names = grown;
        return current.length;
    }

    /** @see MatchingEngine#venueName(int) */
    String venueName(int code) {
        String[] current = names;
        return code >= 0 && code < current.length ? current[code] : null;
    }

    /** @return the venue names by code (the array is never changed: a new name replaces it) */
    String[] names() {
        return names;
    }

    /** Replaces the venue names (snapshot recovery, reset). */
    void names(String[] byCode) {
        names = byCode;
    }

    /**
     * Puts the ids of the venue orders in ascending order at the start of the engine's scratch array.
     *
     * @return how many there are
     */
    int sortedIds() {
        OrderIndex orders = engine.orders;
        long[] ids = orders.ids(engine.scratchIds);
        engine.scratchIds = ids;
        int n = 0;
        for (int k = 0, size = orders.size(); k < size; k++) {
            if (orders.get(ids[k]).state == Order.VENUE) {
                ids[n++] = ids[k];
            }
        }
        Arrays.sort(ids, 0, n);
        return n;
    }

    /** @see MatchingEngine#venueOrders() */
    List<Map.Entry<OrderView, Integer>> venueOrders() {
        List<Map.Entry<OrderView, Integer>> out = new ArrayList<>();
        int n = sortedIds();
        long[] ids = engine.scratchIds;
        for (int i = 0; i < n; i++) {
            Order o = engine.orders.get(ids[i]);
            out.add(Map.entry(MatchingQueries.view(o), o.venue));
        }
        return out;
    }

    /** Forgets a finished venue order (it never counted as a GTD/DAY order here: its venue expires it). */
    private void finish(Order o) {
        engine.orders.remove(o.id);
        engine.release(o);
    }

    /** Applies a {@link Op#VENUE_REPORT} command. */
    void onReport(Command c) {
        long id = c.orderId;
        Order o = id > 0 ? engine.orders.get(id) : null;
        if (o == null || o.state != Order.VENUE) {
            MatchingEngine.reject(c, id > 0 && engine.usedIds.contains(id) && o == null ? RejectReason.ORDER_FINISHED
                    : RejectReason.UNKNOWN_ORDER, "matching.venue-order", 0, 0);
            return;
        }
        Events ev = c.events;
        switch (c.flags) {
            case Op.VENUE_ACK -> acknowledge(o, ev);
            case Op.VENUE_FILL -> {
                long q = c.qty;
                long px = c.price;
                if (q <= 0 || px <= 0) {
                    MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.venue-fill", 0, q);
                    return;
                }
                if (q > o.open) {
                    MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.venue-overfill", o.open, q);
                    return;
                }
                acknowledge(o, ev);
                o.open -= q;
                o.filled += q;
                if (c.displayQty == 1) {
                    ev.trade(0, Command.ANY, o.instrument, o.buy ? Side.SELL : Side.BUY, o.id, o.account, px, q, 0,
                            o.open, 0, o.filled);
                } else {
                    ev.trade(o.id, o.account, o.instrument, o.side, 0, Command.ANY, px, q, o.open, 0, o.filled, 0);
                }
                if (o.open == 0) {
                    finish(o);
                }
            }
            case Op.VENUE_CANCELED -> {
                ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open,
                        o.pendingCancel ? CancelReason.USER : CancelReason.VENUE);
                finish(o);
            }
            case Op.VENUE_EXPIRED -> {
                ev.expired(o.id, o.account, o.instrument, o.side, o.price, o.open);
                finish(o);
            }
            case Op.VENUE_REJECTED -> {
                ev.rejected(o.id, o.account, o.instrument, o.side, RejectReason.VENUE_REJECT, 0, 0);
                finish(o);
            }
            case Op.VENUE_REPLACED -> {
                long newPrice = c.price > 0 ? c.price : o.pendingReplace ? o.pendingPrice : o.price;
                long newQty = c.qty > 0 ? c.qty : o.pendingReplace ? o.pendingQty : o.qty;
                o.pendingReplace = false;
                acknowledge(o, ev);
                long newOpen = newQty - o.filled;
                if (newOpen <= 0) {
                    ev.canceled(o.id, o.account, o.instrument, o.side, o.price, o.open,
                            CancelReason.REPLACED_TO_FILLED);
                    finish(o);
                    return;
                }
                ev.replaced(o.id, o.account, o.instrument, o.side, newPrice, newQty, newOpen, o.price, o.open, false);
                o.price = newPrice;
                o.qty = newQty;
                o.open = newOpen;
            }
            case Op.VENUE_CANCEL_REJECTED -> {
                o.pendingCancel = false;
                c.reject(RejectReason.VENUE_REJECT, "matching.venue-cancel-rejected", 0, 0);
            }
            case Op.VENUE_REPLACE_REJECTED -> {
                o.pendingReplace = false;
                c.reject(RejectReason.VENUE_REJECT, "matching.venue-replace-rejected", 0, 0);
            }
            default -> MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.venue-kind", 0, c.flags);
        }
    }

    private static void acknowledge(Order o, Events ev) {
        if (!o.venueAcked) {
            o.venueAcked = true;
            ev.accepted(o.id, o.account, o.instrument, o.side, o.price, o.qty, o.open);
        }
    }

    /** A cancel of a venue order: the request goes out; the venue's answer finishes it. */
    void requestCancel(Command c, Order o) {
        if (o.pendingCancel) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.venue-cancel-pending", 0, 0);
            return;
        }
        o.pendingCancel = true;
        c.events.pendingCancel(o.id, o.account, o.instrument, o.side, o.price, o.open);
        c.events.setReason(c.events.size() - 1, o.venue);
    }

    /** A mass cancel or kill reaching a venue order: a cancel request, unless one is already out. */
    static void requestCancel(Order o, Events ev) {
        if (!o.pendingCancel) {
            o.pendingCancel = true;
            ev.pendingCancel(o.id, o.account, o.instrument, o.side, o.price, o.open);
            ev.setReason(ev.size() - 1, o.venue);
        }
    }

    /** A replace of a venue order: the request goes out; the venue's answer applies it. */
    void requestReplace(Command c, Order o, long newPrice, long newQty) {
        if (o.pendingCancel || o.pendingReplace) {
            MatchingEngine.reject(c, RejectReason.INVALID_ORDER, "matching.venue-request-pending", 0, 0);
            return;
        }
        o.pendingReplace = true;
        o.pendingPrice = newPrice;
        o.pendingQty = newQty;
        c.events.pendingReplace(o.id, o.account, o.instrument, o.side, newPrice, newQty, o.open, o.price);
        c.events.setReason(c.events.size() - 1, o.venue);
    }
}
