package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.marketdata.api.BarSpec;

/**
 * Builds bars of one instrument and one spec from its trades; single-threaded, state in primitives, one
 * {@link Bar} allocated per completed bar.
 *
 * <ul>
 *   <li>{@link BarSpec.Type#TIME}: intervals {@code [k * size, (k + 1) * size)} of the trade timestamps. A bar
 *       completes when a trade of a later interval arrives or {@link #onClock} passes its end. Intervals without
 *       trades emit no bar. A trade older than the open interval (late print) is added to the open bar, or opens the
 *       interval after the last completed bar, so no interval is ever emitted twice.</li>
 *   <li>{@link BarSpec.Type#TICK}: a bar every {@code size} trades; it spans {@code [first trade time, last trade
 *       time + 1)}.</li>
 *   <li>{@link BarSpec.Type#VOLUME}: a bar every {@code size} quantity; a trade that crosses the boundary is split:
 *       the part that fills the bar completes it, the rest opens the next (completing further bars if it is
 *       larger than {@code size}), so every bar's volume is exactly {@code size} and the split trade counts in
 *       the trade count of each bar it contributes to. Times span as for tick bars.</li>
 * </ul>
 */
final class BarAggregator {

    private final InstrumentId instrument;
    private final BarSpec spec;
    private final BarSink sink;

    private long count;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long startNanos;
    private long lastNanos;
    /** TIME only: end of the last completed bar, so a late print never reopens a completed interval. */
    private long completedEnd = Long.MIN_VALUE;

    BarAggregator(InstrumentId instrument, BarSpec spec, BarSink sink) {
        this.instrument = instrument;
        this.spec = spec;
        this.sink = sink;
    }

    /**
     * Adds a trade.
     *
     * @param price          in units of the price scale
     * @param size           in units of the quantity scale, greater than zero
     * @param timestampNanos trade time
     */
    void onTrade(long price, long size, long timestampNanos) {
        switch (spec.type()) {
            case TIME -> {
                long start = Math.floorDiv(timestampNanos, spec.size()) * spec.size();
                if (count > 0 && start > startNanos) {
                    emit(startNanos, startNanos + spec.size());
                }
                if (count == 0) {
                    startNanos = Math.max(start, completedEnd);
                }
                add(price, size, timestampNanos);
            }
            case TICK -> {
                add(price, size, timestampNanos);
                if (count == spec.size()) {
                    emitSpan();
                }
            }
            case VOLUME -> {
                long remaining = size;
                while (remaining > 0) {
                    long part = Math.min(remaining, spec.size() - volume);
                    add(price, part, timestampNanos);
                    remaining -= part;
                    if (volume == spec.size()) {
                        emitSpan();
                    }
                }
            }
        }
    }

    /**
     * Advances event time; completes an open time bar whose interval ended at or before {@code nowNanos}.
     *
     * @param nowNanos event time
     */
    void onClock(long nowNanos) {
        if (spec.type() == BarSpec.Type.TIME && count > 0 && startNanos + spec.size() <= nowNanos) {
            emit(startNanos, startNanos + spec.size());
        }
    }

    private void add(long price, long size, long timestampNanos) {
        if (count == 0) {
            open = price;
            high = price;
            low = price;
            volume = 0;
            if (spec.type() != BarSpec.Type.TIME) {
                startNanos = timestampNanos;
            }
            lastNanos = timestampNanos;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        volume += size;
        count++;
        lastNanos = Math.max(lastNanos, timestampNanos);
    }

    private void emitSpan() {
        emit(startNanos, Math.max(lastNanos, startNanos) + 1);
    }

    private void emit(long start, long end) {
        Bar bar = new Bar(instrument, start, end, open, high, low, close, volume, count);
        completedEnd = end;
        count = 0;
        volume = 0;
        sink.onBar(spec, bar);
    }
}
