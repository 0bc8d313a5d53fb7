package io.nautilus.strategy.momentum;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * A trend follower: a fast and a slow simple moving average of closes (bar closes, or trade prices); the fast
 * crossing above the slow sets the target position to {@code +targetPosition}, crossing below to
 * {@code -targetPosition}, and the strategy trades the difference to its position with a market or marketable
 * limit IOC order.
 *
 * <p>The first reading after the slow window fills only establishes which average is above; equal averages keep
 * the previous reading. While the position differs from the target and no order is working, every close sends
 * the remainder again. Averages are compared exactly on their sums, with no division. {@link #exportState()}
 * carries the closes, the last reading, the target, the position and the working order.
 */
public final class Momentum implements Strategy {

    /** The state format this version writes and reads. */
    public static final String STATE_VERSION = "1";

    private final MomentumSettings settings;
    private final long[] closes;
    private StrategyContext context;
    private long tickSize;
    private int count;
    private int head;
    private long fastSum;
    private long slowSum;
    private int lastSign;
    private long target;
    private long position;
    private long workingId;
    private long workingQuantity;
    private long lastClose = FixedPoint.NULL;

    /**
     * Creates a momentum strategy.
     *
     * @param settings its parameters
     */
    public Momentum(MomentumSettings settings) {
        this.settings = settings;
        this.closes = new long[settings.slowLength()];
    }

    @Override
    public void start(StrategyContext context) {
        long tick = settings.tickSize();
        if (tick == 0 && !settings.marketOrders()) {
            Instrument definition = context.instrument(settings.instrument());
            if (definition == null) {
                throw new IllegalStateException("momentum " + context.strategyId() + ": instrument "
                        + settings.instrument() + " is unknown and no tickSize is configured");
            }
            tick = definition.tickSize();
        }
        this.tickSize = tick;
        this.context = context;
    }

    @Override
    public void stop() {
        context = null;
    }

    @Override
    public void onBar(Bar bar) {
        if (!settings.useTrades() && bar.instrument().equals(settings.instrument())) {
            onClose(bar.close());
        }
    }

    @Override
    public void onTrade(Trade trade) {
        if (settings.useTrades() && trade.instrument().equals(settings.instrument())) {
            onClose(trade.price());
        }
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        if (!report.instrument().equals(settings.instrument())) {
            return;
        }
        if (report.isFill()) {
            position += report.signedLastQuantity();
        }
        if (workingId != 0 && (report.clientOrderId() == workingId || report.origClientOrderId() == workingId)) {
            if (report.status().isFinished()) {
                workingId = 0;
                workingQuantity = 0;
            } else {
                workingQuantity = report.side().signed(report.leavesQuantity());
            }
        }
    }

    private void onClose(long close) {
        add(close);
        lastClose = close;
        if (count < closes.length) {
            return;
        }
        int sign = Long.compare(Math.multiplyExact(fastSum, (long) settings.slowLength()),
                Math.multiplyExact(slowSum, (long) settings.fastLength()));
        if (sign != 0 && sign != lastSign) {
            int previous = lastSign;
            lastSign = sign;
            if (previous != 0) {
                target = sign * settings.targetPosition();
                if (workingId != 0) {
                    context.cancel(workingId);
                    workingId = 0;
                    workingQuantity = 0;
                }
            }
        }
        if (workingId == 0 && position != target) {
            send(target - position);
        }
    }

    private void add(long close) {
        int slow = closes.length;
        if (count == slow) {
            slowSum -= closes[head];
        } else {
            count++;
        }
        closes[head] = close;
        slowSum += close;
        fastSum += close;
        if (count > settings.fastLength()) {
            fastSum -= closes[Math.floorMod(head - settings.fastLength(), slow)];
        }
        head = (head + 1) % slow;
    }

    private void send(long delta) {
        Side side = delta > 0 ? Side.BUY : Side.SELL;
        long quantity = Math.abs(delta);
        if (settings.marketOrders()) {
            workingId = context.submitMarket(settings.instrument(), side, quantity);
        } else {
            long offset = (long) settings.limitOffsetTicks() * tickSize;
            long price = side == Side.BUY
                    ? FixedPoint.roundToMultiple(lastClose + offset, tickSize, RoundingMode.CEILING)
                    : FixedPoint.roundToMultiple(lastClose - offset, tickSize, RoundingMode.FLOOR);
            workingId = context.submit(settings.instrument(), side, OrderType.LIMIT, TimeInForce.IOC, price,
                    FixedPoint.NULL, quantity, OrderFlags.NONE, 0);
        }
        workingQuantity = side.signed(quantity);
    }

    /**
     * The instrument traded.
     *
     * @return the instrument id
     */
    public InstrumentId instrument() {
        return settings.instrument();
    }

    /**
     * The current target position.
     *
     * @return signed, in units of the quantity scale; 0 until the first crossing
     */
    public long target() {
        return target;
    }

    /**
     * The position from the fills seen.
     *
     * @return signed, in units of the quantity scale
     */
    public long position() {
        return position;
    }

    @Override
    public Map<String, String> exportState() {
        StringBuilder window = new StringBuilder();
        int slow = closes.length;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                window.append(',');
            }
            window.append(closes[Math.floorMod(head - count + i, slow)]);
        }
        Map<String, String> state = new HashMap<>();
        state.put("version", STATE_VERSION);
        state.put("instrument", settings.instrument().value());
        state.put("closes", window.toString());
        state.put("lastSign", Integer.toString(lastSign));
        state.put("target", Long.toString(target));
        state.put("position", Long.toString(position));
        state.put("workingId", Long.toString(workingId));
        state.put("workingQuantity", Long.toString(workingQuantity));
        state.put("lastClose", Long.toString(lastClose));
        return state;
    }

    @Override
    public void importState(Map<String, String> state) {
        if (state.isEmpty()) {
            return;
        }
        if (!STATE_VERSION.equals(state.get("version"))) {
            throw new IllegalArgumentException("momentum state version '" + state.get("version") + "' is not "
                    + STATE_VERSION);
        }
        if (!settings.instrument().value().equals(state.get("instrument"))) {
            throw new IllegalArgumentException("momentum state is for instrument '" + state.get("instrument")
                    + "', this instance trades " + settings.instrument());
        }
        String window = state.getOrDefault("closes", "");
        String[] parts = window.isEmpty() ? new String[0] : window.split(",");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parse("closes", parts[i]);
        }
        int newSign = Long.signum(parse("lastSign", state.get("lastSign")));
        long newTarget = parse("target", state.get("target"));
        long newPosition = parse("position", state.get("position"));
        long newWorkingId = parse("workingId", state.get("workingId"));
        long newWorkingQuantity = parse("workingQuantity", state.get("workingQuantity"));
        long newLastClose = parse("lastClose", state.get("lastClose"));
        count = 0;
        head = 0;
        fastSum = 0;
        slowSum = 0;
        for (int i = Math.max(0, values.length - closes.length); i < values.length; i++) {
            add(values[i]);
        }
        lastSign = newSign;
        target = newTarget;
        position = newPosition;
        workingId = newWorkingId;
        workingQuantity = newWorkingQuantity;
        lastClose = newLastClose;
    }

    private static long parse(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("momentum state '" + key + "' has '" + value
                    + "', not a whole number", e);
        }
    }
}
