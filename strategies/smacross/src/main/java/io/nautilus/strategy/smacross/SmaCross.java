package io.nautilus.strategy.smacross;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The reference strategy: a long-only crossover of two simple moving averages of bar closes, with exact
 * semantics so that a backtest and live trading can be compared fill for fill.
 *
 * <p>It uses only the completed time bars of its instrument whose interval is the configured one ({@code end -
 * start == interval} and {@code start} a multiple of it); other bars (tick or volume bars, other intervals) are
 * ignored. At each such bar it adds the close and, once {@code slow} closes exist, compares the average of the last
 * {@code fast} closes with the average of the last {@code slow} ones, exactly: {@code sumFast * slow} against
 * {@code sumSlow * fast} in 128 bits, never in floating point.
 * <ul>
 *   <li>cross above: fast &gt; slow now, fast &le; slow at the previous bar (which must have had both averages),
 *       and flat (no position, no order of its own working): a market BUY of {@code quantity};</li>
 *   <li>cross below: fast &lt; slow now, fast &ge; slow at the previous bar, and long (a position above zero and
 *       no order of its own working, as a working order is about to change the position): a market SELL of the
 *       whole position.</li>
 * </ul>
 * A cross whose condition does not hold is not acted on later. Market orders are immediate-or-cancel; the position
 * is counted from its own fills, so a partly filled BUY is sold in full at the next cross below. A sum of closes that
 * overflows a {@code long} throws {@link ArithmeticException}.
 *
 * <p>{@link #exportState()} carries the closes of the slow window, the previous comparison, the position and the
 * working order, so a hot swap continues with the same next decisions.
 */
public final class SmaCross implements Strategy {

    /** The state format this version writes and reads. */
    public static final String STATE_VERSION = "1";

    /** Marks "no previous comparison" (the previous bar had no slow average). */
    private static final int NONE = Integer.MIN_VALUE;

    private final SmaCrossSettings settings;
    private final InstrumentId instrument;
    private final long barNanos;
    private final int fast;
    private final int slow;
    /** The last {@code slow} closes, a ring. */
    private final long[] closes;
    private StrategyContext context;
    private long quantity;
    private int count;
    private int head;
    private long fastSum;
    private long slowSum;
    private int previous = NONE;
    private long position;
    private long workingId;

    /**
     * Creates an smacross strategy.
     *
     * @param settings its parameters
     */
    public SmaCross(SmaCrossSettings settings) {
        this.settings = settings;
        this.instrument = settings.instrument();
        this.barNanos = settings.barNanos();
        this.fast = settings.fast();
        this.slow = settings.slow();
        this.closes = new long[slow];
    }

    /**
     * Starts trading: converts {@code quantity} to the instrument's quantity scale.
     *
     * @param context the strategy's context
     * @throws IllegalStateException    if the platform does not know the instrument
     * @throws IllegalArgumentException if the quantity has more decimals than the instrument's quantity scale, or
     *                                  does not fit it
     */
    @Override
    public void start(StrategyContext context) {
        Instrument definition = context.instrument(instrument);
        if (definition == null) {
            throw new IllegalStateException("smacross " + context.strategyId() + ": instrument " + instrument
                    + " is unknown");
        }
        long units;
        try {
            units = FixedPoint.fromBigDecimal(settings.quantity(), definition.quantityScale());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("smacross: parameter quantity '" + settings.quantity().toPlainString()
                    + "' does not fit " + instrument + "'s quantity scale " + definition.quantityScale() + ": "
                    + e.getMessage(), e);
        }
        this.quantity = units;
        this.context = context;
    }

    @Override
    public void stop() {
        context = null;
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(instrument) || bar.endNanos() - bar.startNanos() != barNanos
                || Math.floorMod(bar.startNanos(), barNanos) != 0) {
            return;
        }
        add(bar.close());
        if (count < slow) {
            return;
        }
        int now = compareProducts(fastSum, slow, slowSum, fast);
        if (previous != NONE && workingId == 0) {
            if (now > 0 && previous <= 0 && position == 0) {
                workingId = context.submitMarket(instrument, Side.BUY, quantity);
            } else if (now < 0 && previous >= 0 && position > 0) {
                workingId = context.submitMarket(instrument, Side.SELL, position);
            }
        }
        previous = now;
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        if (!report.instrument().equals(instrument)) {
            return;
        }
        if (report.isFill()) {
            position += report.signedLastQuantity();
        }
        if (workingId != 0 && report.status().isFinished()
                && (report.clientOrderId() == workingId || report.origClientOrderId() == workingId)) {
            workingId = 0;
        }
    }

    /**
     * The sign of {@code a * b - c * d}, computed exactly in 128 bits.
     *
     * @return -1, 0 or 1
     */
    static int compareProducts(long a, long b, long c, long d) {
        long high = Math.multiplyHigh(a, b);
        long otherHigh = Math.multiplyHigh(c, d);
        if (high != otherHigh) {
            return high < otherHigh ? -1 : 1;
        }
        return Integer.signum(Long.compareUnsigned(a * b, c * d));
    }

    private void add(long close) {
        if (count == slow) {
            slowSum = Math.subtractExact(slowSum, closes[head]);
        } else {
            count++;
        }
        closes[head] = close;
        slowSum = Math.addExact(slowSum, close);
        fastSum = Math.addExact(fastSum, close);
        if (count > fast) {
            fastSum = Math.subtractExact(fastSum, closes[Math.floorMod(head - fast, slow)]);
        }
        head = (head + 1) % slow;
    }

    /**
     * The instrument traded.
     *
     * @return the instrument id
     */
    public InstrumentId instrument() {
        return instrument;
    }

    /**
     * The position from the strategy's own fills.
     *
     * @return signed, in units of the quantity scale
     */
    public long position() {
        return position;
    }

    @Override
    public Map<String, String> exportState() {
        StringBuilder window = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                window.append(',');
            }
            window.append(closes[Math.floorMod(head - count + i, slow)]);
        }
        Map<String, String> state = new HashMap<>();
        state.put("version", STATE_VERSION);
        state.put("instrument", instrument.value());
        state.put("closes", window.toString());
        state.put("previous", previous == NONE ? "none" : Integer.toString(previous));
        state.put("fast", Integer.toString(fast));
        state.put("slow", Integer.toString(slow));
        state.put("position", Long.toString(position));
        state.put("workingId", Long.toString(workingId));
        return state;
    }

    /**
     * Restores exported state. A window longer than this instance's {@code slow} keeps its latest closes; the
     * previous comparison is kept only if it was made with the same {@code fast} and {@code slow} (else the next bar
     * only establishes it, as after a start).
     *
     * @param state what {@link #exportState()} returned
     * @throws IllegalArgumentException if the version, instrument or a value does not fit; nothing changes
     */
    @Override
    public void importState(Map<String, String> state) {
        if (state.isEmpty()) {
            return;
        }
        if (!STATE_VERSION.equals(state.get("version"))) {
            throw new IllegalArgumentException("smacross state version '" + state.get("version") + "' is not "
                    + STATE_VERSION);
        }
        if (!instrument.value().equals(state.get("instrument"))) {
            throw new IllegalArgumentException("smacross state is for instrument '" + state.get("instrument")
                    + "', this instance trades " + instrument);
        }
        String window = state.getOrDefault("closes", "");
        String[] parts = window.isEmpty() ? new String[0] : window.split(",");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parse("closes", parts[i]);
        }
        String previousText = state.get("previous");
        int newPrevious = "none".equals(previousText) ? NONE : Long.signum(parse("previous", previousText));
        long newPosition = parse("position", state.get("position"));
        long newWorkingId = parse("workingId", state.get("workingId"));
        boolean sameLengths = Integer.toString(fast).equals(state.get("fast"))
                && Integer.toString(slow).equals(state.get("slow"));
        count = 0;
        head = 0;
        fastSum = 0;
        slowSum = 0;
        for (int i = Math.max(0, values.length - slow); i < values.length; i++) {
            add(values[i]);
        }
        previous = sameLengths && values.length >= slow ? newPrevious : NONE;
        position = newPosition;
        workingId = newWorkingId;
    }

    private static long parse(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smacross state '" + key + "' has '" + value
                    + "', not a whole number", e);
        }
    }
}
