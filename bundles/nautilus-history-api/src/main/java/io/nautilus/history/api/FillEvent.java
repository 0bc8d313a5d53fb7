package io.nautilus.history.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.Liquidity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One fill as the history store keeps it.
 *
 * @param coreSeq       the sequence number of the core command that produced the fill, greater than zero
 * @param execId        the execution report's id, unique per publisher, greater than zero
 * @param orderId       the id the core gave the order
 * @param clientOrderId the client order id of the order
 * @param account       the order's account
 * @param strategy      the order's strategy, or {@code null}
 * @param instrument    the instrument
 * @param side          the filled order's side
 * @param price         the fill's price in units of {@code 10^-priceScale}
 * @param quantity      the fill's quantity in units of {@code 10^-quantityScale}, greater than zero
 * @param priceScale    the decimals of {@code price}, or {@link OrderEvent#UNKNOWN_SCALE} if the store did not know
 *                      the instrument's scale when it wrote the fill
 * @param quantityScale the decimals of {@code quantity}, or {@link OrderEvent#UNKNOWN_SCALE}
 * @param liquidity     maker or taker
 * @param venue         the executing venue, or {@code null} for the internal book
 * @param time          when the fill happened at the venue or matching engine, UTC, nanosecond precision
 */
public record FillEvent(long coreSeq, long execId, long orderId, long clientOrderId, AccountId account,
                        StrategyId strategy, InstrumentId instrument, Side side, long price, long quantity,
                        int priceScale, int quantityScale, Liquidity liquidity, VenueId venue, Instant time) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public FillEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(time, "time");
    }

    /**
     * The price as a decimal.
     *
     * @return {@code price * 10^-priceScale}, or {@code null} if the scale is unknown
     */
    public BigDecimal priceDecimal() {
        return priceScale == OrderEvent.UNKNOWN_SCALE ? null : BigDecimal.valueOf(price, priceScale);
    }

    /**
     * The quantity as a decimal.
     *
     * @return {@code quantity * 10^-quantityScale}, or {@code null} if the scale is unknown
     */
    public BigDecimal quantityDecimal() {
        return quantityScale == OrderEvent.UNKNOWN_SCALE ? null : BigDecimal.valueOf(quantity, quantityScale);
    }
}
