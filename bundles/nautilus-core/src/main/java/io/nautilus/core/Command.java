package io.nautilus.core;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.RejectReason;

/**
 * One command to the trading core and, after it was processed, its outcome. Instances are the pre-allocated slots
 * of the Disruptor ring (and are reused by the replay tool): every field is overwritten by {@link #clear()} and
 * the publisher, nothing here allocates on the steady-state path.
 *
 * <p>Accounts and instruments are dense {@code int} ids handed out by the core's registries; prices are
 * fixed-point longs in the instrument's price scale (or ticks in the replay tool), quantities in its quantity
 * scale. {@link #timestamp} is the command's logical time (epoch nanos, set once at ingress and journaled): the
 * engine never reads a wall clock, so a replay makes the same decisions.
 *
 * <p>Outcome: {@link #rejectReason} (NONE if accepted) and the {@link #events} the command produced, in order.
 */
public final class Command {

    /** Price or quantity field "unchanged" in {@link Op#REPLACE}. */
    public static final long UNCHANGED = Long.MIN_VALUE;
    /** Account or instrument "any" in mass operations. */
    public static final int ANY = -1;

    // ---- input (journaled) ----
    /** Sequence number, assigned by the pipeline (ring sequence + 1) or the replay file. */
    public long seq;
    /** Logical time, epoch nanoseconds. */
    public long timestamp;
    /**
     * {@link System#nanoTime()} when the command entered the ring if it is sampled for the stage latencies
     * ({@link io.nautilus.core.api.CoreMetrics#SAMPLE_EVERY}), 0 otherwise; not journaled.
     */
    public long ingressNanos;
    /** {@link Op} code. */
    public byte op;
    /** Order id (unique per core, positive). */
    public long orderId;
    /** Dense account id, or {@link #ANY}. */
    public int account;
    /** Dense instrument id, or {@link #ANY}. */
    public int instrument;
    /** Side of a NEW. */
    public Side side;
    /** Order type of a NEW. */
    public OrderType type;
    /** Time in force of a NEW. */
    public TimeInForce tif;
    /** Limit price (LIMIT, STOP_LIMIT), new price of a REPLACE ({@link #UNCHANGED} if none). */
    public long price;
    /** Order quantity (NEW), new total quantity (REPLACE, or UNCHANGED), quantity to take off (REDUCE). */
    public long qty;
    /** Stop (trigger) price of STOP and STOP_LIMIT orders, 0 otherwise. */
    public long stopPrice;
    /** Iceberg display quantity, 0 = fully displayed. */
    public long displayQty;
    /** {@link io.nautilus.api.OrderFlags} of a NEW, or op-specific flags. */
    public int flags;
    /** GTD expiry, epoch nanoseconds, 0 = none. */
    public long expiry;
    /** Client order id as the sender knows it (echoed in reports), 0 = none. */
    public long clientOrderId;
    /** Text argument of admin ops (symbol, account name, limits text); null on trading ops. */
    public String text;
    /** Parsed form of {@link #text} for admin ops (set by whoever publishes or replays); never journaled. */
    public Object attachment;
    /** Who waits for the outcome (e.g. a future completed by the publisher), or null; never journaled. */
    public Object reply;

    // ---- outcome ----
    /** Why the command was rejected; {@link RejectReason#NONE} if it was not. */
    public RejectReason rejectReason = RejectReason.NONE;
    /** For risk rejects: the limit that was hit. */
    public long rejectLimit;
    /** For risk rejects: the value the command would have produced. */
    public long rejectValue;
    /** Short text naming the check that rejected it (a constant string, no allocation), or null. */
    public String rejectDetail;
    /** Events produced, in order. */
    public final Events events;

    /** A command with an events array of its own. */
    public Command() {
        events = new Events();
    }

    /**
     * A ring slot: its events are written to the pipeline's shared log (by the processing thread only).
     *
     * @param log the log
     */
    public Command(EventLog log) {
        events = new Events(log);
    }

    /** Resets every field to its empty value. */
    public void clear() {
        seq = 0;
        timestamp = 0;
        ingressNanos = 0;
        op = Op.NONE;
        orderId = 0;
        account = ANY;
        instrument = ANY;
        side = null;
        type = null;
        tif = null;
        price = 0;
        qty = 0;
        stopPrice = 0;
        displayQty = 0;
        flags = 0;
        expiry = 0;
        clientOrderId = 0;
        text = null;
        attachment = null;
        reply = null;
        clearOutcome();
    }

    /** Resets the outcome fields only (before processing or re-processing). */
    public void clearOutcome() {
        rejectReason = RejectReason.NONE;
        rejectLimit = 0;
        rejectValue = 0;
        rejectDetail = null;
        events.clear();
    }

    /**
     * Marks the command rejected (the engine records the reject and changes nothing else).
     *
     * @param reason the reason
     * @param detail the check that rejected it (a constant), or null
     * @param limit the limit value, or 0
     * @param value the would-be value, or 0
     */
    public void reject(RejectReason reason, String detail, long limit, long value) {
        rejectReason = reason;
        rejectDetail = detail;
        rejectLimit = limit;
        rejectValue = value;
    }

    /** @return true if the command was rejected */
    public boolean rejected() {
        return rejectReason != RejectReason.NONE;
    }

    /**
     * Copies the input fields of another command and its {@link #reply} (not the outcome).
     *
     * @param other the source
     */
    public void copyInputFrom(Command other) {
        seq = other.seq;
        timestamp = other.timestamp;
        ingressNanos = other.ingressNanos;
        op = other.op;
        orderId = other.orderId;
        account = other.account;
        instrument = other.instrument;
        side = other.side;
        type = other.type;
        tif = other.tif;
        price = other.price;
        qty = other.qty;
        stopPrice = other.stopPrice;
        displayQty = other.displayQty;
        flags = other.flags;
        expiry = other.expiry;
        clientOrderId = other.clientOrderId;
        text = other.text;
        attachment = other.attachment;
        reply = other.reply;
    }

    @Override
    public String toString() {
        return "Command[seq=" + seq + ", op=" + Op.name(op) + ", orderId=" + orderId + ", account=" + account
                + ", instrument=" + instrument + ", side=" + side + ", type=" + type + ", tif=" + tif
                + ", price=" + price + ", qty=" + qty + ", stopPrice=" + stopPrice + ", displayQty=" + displayQty
                + ", flags=" + flags + ", expiry=" + expiry + ", text=" + text + ", reject=" + rejectReason
                + ", events=" + events.size() + "]";
    }
}
