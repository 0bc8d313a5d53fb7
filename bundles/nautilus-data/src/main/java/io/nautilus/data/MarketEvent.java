package io.nautilus.data;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;

/**
 * One historical market event, a mutable holder that a {@link MarketEventSource} fills in place (no allocation per
 * event). Prices are longs at the instrument's price scale, sizes at its quantity scale, times nanoseconds since the
 * epoch (UTC). Only the fields of the event's {@link #kind} are meaningful.
 */
public final class MarketEvent {

    /** {@link #kind}: a top-of-book quote. */
    public static final byte QUOTE = 1;
    /** {@link #kind}: a trade. */
    public static final byte TRADE = 2;
    /** {@link #kind}: a bar; {@link #timestamp} is its close (end) time. */
    public static final byte BAR = 3;

    /** {@link #QUOTE}, {@link #TRADE} or {@link #BAR}. */
    public byte kind;
    /** Index of the instrument in {@link MarketEventSource#instruments()}. */
    public int instrument;
    /** Event time; for a bar its close time (the end of its interval). */
    public long timestamp;

    /** QUOTE: best bid, or {@link FixedPoint#NULL} if the bid side is empty. */
    public long bidPrice;
    /** QUOTE: size at the best bid (0 if none). */
    public long bidSize;
    /** QUOTE: best ask, or {@link FixedPoint#NULL} if the ask side is empty. */
    public long askPrice;
    /** QUOTE: size at the best ask (0 if none). */
    public long askSize;

    /** TRADE: price. */
    public long price;
    /** TRADE: size. */
    public long size;
    /** TRADE: the aggressor's side, or null if unknown. */
    public Side aggressor;

    /** BAR: start of its interval (inclusive). */
    public long barStart;
    /** BAR: open. */
    public long open;
    /** BAR: high. */
    public long high;
    /** BAR: low. */
    public long low;
    /** BAR: close. */
    public long close;
    /** BAR: volume (0 if the data has none). */
    public long volume;

    /**
     * Copies every field of another event.
     *
     * @param other the event to copy
     */
    public void copyFrom(MarketEvent other) {
        kind = other.kind;
        instrument = other.instrument;
        timestamp = other.timestamp;
        bidPrice = other.bidPrice;
        bidSize = other.bidSize;
        askPrice = other.askPrice;
        askSize = other.askSize;
        price = other.price;
        size = other.size;
        aggressor = other.aggressor;
        barStart = other.barStart;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        volume = other.volume;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case QUOTE -> "QUOTE[" + instrument + " @" + timestamp + " " + bidPrice + "x" + bidSize + " / " + askPrice
                    + "x" + askSize + "]";
            case TRADE -> "TRADE[" + instrument + " @" + timestamp + " " + price + "x" + size + " " + aggressor + "]";
            case BAR -> "BAR[" + instrument + " " + barStart + ".." + timestamp + " o" + open + " h" + high + " l" + low
                    + " c" + close + " v" + volume + "]";
            default -> "MarketEvent[kind " + kind + "]";
        };
    }
}
