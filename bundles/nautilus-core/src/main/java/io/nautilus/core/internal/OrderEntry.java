package io.nautilus.core.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.VenueReport;
import io.nautilus.core.pipeline.CommandTranslator;

import java.util.concurrent.CompletableFuture;

/**
 * The arguments of one order-entry call (new, cancel, replace, reduce, mark, venue report) on its way into the ring,
 * and the static translators that write them into the ring's pre-allocated command, as the Disruptor's
 * {@code EventTranslator}s do. One instance per publishing thread is refilled for every call and cleared after it
 * (the pipeline translates on the caller's thread before it returns), so the order path allocates no lambda and no
 * argument object: only the caller's result future.
 */
final class OrderEntry {

    private static final ThreadLocal<OrderEntry> PER_THREAD = ThreadLocal.withInitial(OrderEntry::new);

    /** A NEW command: {@link #order} with {@link #orderId}, {@link #account}, {@link #instrument}, {@link #venue}. */
    static final CommandTranslator<OrderEntry> NEW = OrderEntry::translateNew;
    /** A CANCEL of {@link #orderId}. */
    static final CommandTranslator<OrderEntry> CANCEL = OrderEntry::translateCancel;
    /** A REPLACE of {@link #orderId} with {@link #price} and {@link #qty} ({@link FixedPoint#NULL} = unchanged). */
    static final CommandTranslator<OrderEntry> REPLACE = OrderEntry::translateReplace;
    /** A REDUCE of {@link #orderId} by {@link #qty}. */
    static final CommandTranslator<OrderEntry> REDUCE = OrderEntry::translateReduce;
    /** A MARK of {@link #instrument} at {@link #price}. */
    static final CommandTranslator<OrderEntry> MARK = OrderEntry::translateMark;
    /** A venue report ({@link #report}). */
    static final CommandTranslator<OrderEntry> VENUE_REPORT = OrderEntry::translateVenueReport;

    NewOrder order;
    VenueReport report;
    String venue;
    long orderId;
    long price;
    long qty;
    int account;
    int instrument;
    CompletableFuture<CommandResult> reply;

    private OrderEntry() {
    }

    /** @return this thread's instance, cleared */
    static OrderEntry get() {
        return PER_THREAD.get();
    }

    /** Drops the references of the call just published. */
    void clear() {
        order = null;
        report = null;
        venue = null;
        reply = null;
    }

    private static void translateNew(Command c, OrderEntry e) {
        Op.encodeNew(e.order, e.orderId, e.account, e.instrument, c);
        c.text = e.venue;
        c.reply = e.reply;
    }

    private static void translateCancel(Command c, OrderEntry e) {
        c.op = Op.CANCEL;
        c.orderId = e.orderId;
        c.reply = e.reply;
    }

    private static void translateReplace(Command c, OrderEntry e) {
        c.op = Op.REPLACE;
        c.orderId = e.orderId;
        c.price = e.price == FixedPoint.NULL ? Command.UNCHANGED : e.price;
        c.qty = e.qty == FixedPoint.NULL ? Command.UNCHANGED : e.qty;
        c.reply = e.reply;
    }

    private static void translateReduce(Command c, OrderEntry e) {
        c.op = Op.REDUCE;
        c.orderId = e.orderId;
        c.qty = e.qty;
        c.reply = e.reply;
    }

    private static void translateMark(Command c, OrderEntry e) {
        c.op = Op.MARK;
        c.instrument = e.instrument;
        c.price = e.price;
        c.reply = e.reply;
    }

    private static void translateVenueReport(Command c, OrderEntry e) {
        Op.encodeVenueReport(e.report, c);
        c.reply = e.reply;
    }
}
