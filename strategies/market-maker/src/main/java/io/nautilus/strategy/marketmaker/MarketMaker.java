package io.nautilus.strategy.marketmaker;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Quotes one bid and one ask around the mid of the last quote, skewed against its inventory.
 *
 * <p>Bid {@code = floor(mid - (halfSpread + skew) ticks)}, ask {@code = ceil(mid + (halfSpread - skew) ticks)},
 * where {@code skew = clamp(position * skewTicksPerSize / orderSize, ±maxSkewTicks)} ticks: a long position
 * lowers both quotes so the ask fills first. The quotes are replaced when the mid moves by {@code requoteTicks}
 * or more from the mid they were priced at, or a fill changes the skew. A side whose fill could take the
 * position beyond {@code ±maxPosition} is canceled and not quoted. Working quotes are tracked from execution
 * reports; {@link #exportState()} carries them, the position and the mids, so a new version continues quoting
 * the same orders instead of sending new ones.
 */
public final class MarketMaker implements Strategy {

    /** The state format this version writes and reads. */
    public static final String STATE_VERSION = "1";

    private final MarketMakerSettings settings;
    private StrategyContext context;
    private long tickSize;
    private long position;
    private long lastMid = FixedPoint.NULL;
    private long quotedMid = FixedPoint.NULL;
    private long quotedSkew;
    private long bidId;
    private long bidPrice = FixedPoint.NULL;
    private long askId;
    private long askPrice = FixedPoint.NULL;

    /**
     * Creates a market maker.
     *
     * @param settings its parameters
     */
    public MarketMaker(MarketMakerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(StrategyContext context) {
        long tick = settings.tickSize();
        if (tick == 0) {
            Instrument definition = context.instrument(settings.instrument());
            if (definition == null) {
                throw new IllegalStateException("market maker " + context.strategyId() + ": instrument "
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
    public void onQuote(Quote quote) {
        if (!quote.instrument().equals(settings.instrument()) || !quote.hasBid() || !quote.hasAsk()
                || quote.isCrossed()) {
            return;
        }
        lastMid = Math.floorDiv(quote.bidPrice() + quote.askPrice(), 2L);
        requote();
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        if (!report.instrument().equals(settings.instrument())) {
            return;
        }
        if (report.isFill()) {
            position += report.signedLastQuantity();
        }
        if (isOrder(bidId, report)) {
            if (report.status().isFinished()) {
                bidId = 0;
                bidPrice = FixedPoint.NULL;
            } else if (report.execType() == ExecType.REPLACED) {
                bidId = report.clientOrderId();
            }
        } else if (isOrder(askId, report)) {
            if (report.status().isFinished()) {
                askId = 0;
                askPrice = FixedPoint.NULL;
            } else if (report.execType() == ExecType.REPLACED) {
                askId = report.clientOrderId();
            }
        }
        if (report.isFill() && lastMid != FixedPoint.NULL && context != null) {
            requote();
        }
    }

    private static boolean isOrder(long id, ExecutionReport report) {
        return id != 0 && (report.clientOrderId() == id || report.origClientOrderId() == id);
    }

    private void requote() {
        long size = settings.orderSize();
        boolean bidAllowed = position + size <= settings.maxPosition();
        boolean askAllowed = position - size >= -settings.maxPosition();
        if (!bidAllowed && bidId != 0) {
            context.cancel(bidId);
            bidId = 0;
            bidPrice = FixedPoint.NULL;
        }
        if (!askAllowed && askId != 0) {
            context.cancel(askId);
            askId = 0;
            askPrice = FixedPoint.NULL;
        }
        long skew = skewTicks(position);
        boolean moved = quotedMid == FixedPoint.NULL
                || Math.abs(lastMid - quotedMid) >= settings.requoteTicks() * tickSize;
        boolean missing = (bidAllowed && bidId == 0) || (askAllowed && askId == 0);
        if (!moved && skew == quotedSkew && !missing) {
            return;
        }
        if (bidAllowed) {
            long price = bidPrice(lastMid, skew);
            if (price > 0) {
                bidId = place(Side.BUY, bidId, bidPrice, price);
                bidPrice = bidId == 0 ? FixedPoint.NULL : price;
            }
        }
        if (askAllowed) {
            long price = askPrice(lastMid, skew);
            askId = place(Side.SELL, askId, askPrice, price);
            askPrice = askId == 0 ? FixedPoint.NULL : price;
        }
        quotedMid = lastMid;
        quotedSkew = skew;
    }

    private long place(Side side, long workingId, long workingPrice, long price) {
        if (workingId != 0) {
            if (workingPrice == price) {
                return workingId;
            }
            long replaced = context.replace(workingId, price, 0);
            if (replaced != 0) {
                return replaced;
            }
        }
        return context.submitLimit(settings.instrument(), side, price, settings.orderSize(),
                settings.postOnly() ? OrderFlags.POST_ONLY : OrderFlags.NONE);
    }

    /**
     * The inventory skew for a position.
     *
     * @param position signed, in units of the quantity scale
     * @return ticks to move both quotes down (negative: up), within {@code ±maxSkewTicks}
     */
    long skewTicks(long position) {
        long skew = Math.multiplyExact(position, settings.skewTicksPerSize()) / settings.orderSize();
        return Math.max(-settings.maxSkewTicks(), Math.min(settings.maxSkewTicks(), skew));
    }

    /**
     * The bid for a mid and skew.
     *
     * @param mid  in units of the price scale
     * @param skew in ticks
     * @return the bid on the tick grid, in units of the price scale
     */
    long bidPrice(long mid, long skew) {
        return FixedPoint.roundToMultiple(mid - (settings.halfSpreadTicks() + skew) * tickSize, tickSize,
                RoundingMode.FLOOR);
    }

    /**
     * The ask for a mid and skew.
     *
     * @param mid  in units of the price scale
     * @param skew in ticks
     * @return the ask on the tick grid, in units of the price scale
     */
    long askPrice(long mid, long skew) {
        return FixedPoint.roundToMultiple(mid + (settings.halfSpreadTicks() - skew) * tickSize, tickSize,
                RoundingMode.CEILING);
    }

    /**
     * The instrument quoted.
     *
     * @return the instrument id
     */
    public InstrumentId instrument() {
        return settings.instrument();
    }

    /**
     * The position from the fills seen.
     *
     * @return signed, in units of the quantity scale
     */
    public long position() {
        return position;
    }

    /**
     * The working bid.
     *
     * @return its client order id, or 0 when there is none
     */
    public long bidId() {
        return bidId;
    }

    /**
     * The working ask.
     *
     * @return its client order id, or 0 when there is none
     */
    public long askId() {
        return askId;
    }

    @Override
    public Map<String, String> exportState() {
        Map<String, String> state = new HashMap<>();
        state.put("version", STATE_VERSION);
        state.put("instrument", settings.instrument().value());
        state.put("position", Long.toString(position));
        state.put("lastMid", Long.toString(lastMid));
        state.put("quotedMid", Long.toString(quotedMid));
        state.put("quotedSkew", Long.toString(quotedSkew));
        state.put("bidId", Long.toString(bidId));
        state.put("bidPrice", Long.toString(bidPrice));
        state.put("askId", Long.toString(askId));
        state.put("askPrice", Long.toString(askPrice));
        return state;
    }

    @Override
    public void importState(Map<String, String> state) {
        if (state.isEmpty()) {
            return;
        }
        if (!STATE_VERSION.equals(state.get("version"))) {
            throw new IllegalArgumentException("market maker state version '" + state.get("version")
                    + "' is not " + STATE_VERSION);
        }
        if (!settings.instrument().value().equals(state.get("instrument"))) {
            throw new IllegalArgumentException("market maker state is for instrument '" + state.get("instrument")
                    + "', this instance quotes " + settings.instrument());
        }
        long newPosition = number(state, "position");
        long newLastMid = number(state, "lastMid");
        long newQuotedMid = number(state, "quotedMid");
        long newQuotedSkew = number(state, "quotedSkew");
        long newBidId = number(state, "bidId");
        long newBidPrice = number(state, "bidPrice");
        long newAskId = number(state, "askId");
        long newAskPrice = number(state, "askPrice");
        position = newPosition;
        lastMid = newLastMid;
        quotedMid = newQuotedMid;
        quotedSkew = newQuotedSkew;
        bidId = newBidId;
        bidPrice = newBidPrice;
        askId = newAskId;
        askPrice = newAskPrice;
    }

    private static long number(Map<String, String> state, String key) {
        String value = state.get(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("market maker state '" + key + "' = '" + value
                    + "' is not a whole number", e);
        }
    }
}
