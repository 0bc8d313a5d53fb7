package io.nautilus.analytics.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One trade (a fill) of the analysed strategy or account: counted into win rate, profit factor, expectancy, average
 * win/loss and turnover.
 *
 * @param time       when it happened
 * @param instrument the instrument's name, e.g. {@code SIM-BTC}
 * @param side       {@code BUY} or {@code SELL}
 * @param price      the fill price, in the instrument's quote currency
 * @param quantity   the filled quantity, positive
 * @param fee        the fee paid, in the quote currency (0 when none)
 */
public record TradeRecord(Instant time, String instrument, String side, double price, double quantity, double fee) {

    /**
     * Checks the trade.
     *
     * @throws IllegalArgumentException when the side is neither BUY nor SELL, or a number is not finite or the
     *                                  quantity is not positive
     */
    public TradeRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(instrument, "instrument");
        if (!"BUY".equals(side) && !"SELL".equals(side)) {
            throw new IllegalArgumentException("trade side must be BUY or SELL, got " + side);
        }
        if (!Double.isFinite(price) || !Double.isFinite(quantity) || !(quantity > 0) || !Double.isFinite(fee)) {
            throw new IllegalArgumentException("trade of " + instrument + " at " + time + ": price " + price
                    + ", quantity " + quantity + " (> 0) and fee " + fee + " must be finite numbers");
        }
    }

    /** @return +1 for a buy, -1 for a sell */
    public int sign() {
        return "BUY".equals(side) ? 1 : -1;
    }
}
