package io.nautilus.history.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;

import java.time.Instant;
import java.util.Objects;

/**
 * One account's position in one instrument as the store sampled it (periodically, and when the store starts).
 * Money values are in the instrument's price scale, as in the core's positions.
 *
 * @param time          when the snapshot was taken, UTC
 * @param coreSeq       the last core sequence number the snapshot includes, 0 if unknown
 * @param account       the account
 * @param instrument    the instrument
 * @param quantity      signed position (long &gt; 0, short &lt; 0) in units of {@code 10^-quantityScale}
 * @param averagePrice  average entry price of the open position, 0 when flat
 * @param markPrice     the price the position was marked to, 0 if none yet
 * @param realisedPnl   realised P&amp;L before fees
 * @param unrealisedPnl unrealised P&amp;L at the mark price
 * @param fees          fees paid (negative for net rebates)
 * @param priceScale    decimals of prices and money values, or {@link OrderEvent#UNKNOWN_SCALE}
 * @param quantityScale decimals of the quantity, or {@link OrderEvent#UNKNOWN_SCALE}
 */
public record PositionSnapshot(Instant time, long coreSeq, AccountId account, InstrumentId instrument, long quantity,
                               long averagePrice, long markPrice, long realisedPnl, long unrealisedPnl, long fees,
                               int priceScale, int quantityScale) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public PositionSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
    }

    /** @return realised + unrealised - fees */
    public long netPnl() {
        return realisedPnl + unrealisedPnl - fees;
    }
}
