package io.nautilus.history.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
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
 * @param fee           what the fill cost its account (the execution report's fee) in units of
 *                      {@code 10^-priceScale}, negative for a rebate; {@link FixedPoint#NULL} if unknown (a fill the
 *                      store wrote before it recorded fees)
 */
public record FillEvent(long coreSeq, long execId, long orderId, long clientOrderId, AccountId account,
                        StrategyId strategy, InstrumentId instrument, Side side, long price, long quantity,
                        int priceScale, int quantityScale, Liquidity liquidity, VenueId venue, Instant time,
                        long fee) {

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
     * A fill whose fee is unknown ({@link FixedPoint#NULL}).
     *
     * @param coreSeq       the sequence number of the core command that produced the fill
     * @param execId        the execution report's id
     * @param orderId       the id the core gave the order
     * @param clientOrderId the client order id of the order
     * @param account       the order's account
     * @param strategy      the order's strategy, or {@code null}
     * @param instrument    the instrument
     * @param side          the filled order's side
     * @param price         the fill's price in units of {@code 10^-priceScale}
     * @param quantity      the fill's quantity in units of {@code 10^-quantityScale}
     * @param priceScale    the decimals of {@code price}, or {@link OrderEvent#UNKNOWN_SCALE}
     * @param quantityScale the decimals of {@code quantity}, or {@link OrderEvent#UNKNOWN_SCALE}
     * @param liquidity     maker or taker
     * @param venue         the executing venue, or {@code null} for the internal book
     * @param time          when the fill happened, UTC
     */
    public FillEvent(long coreSeq, long execId, long orderId, long clientOrderId, AccountId account,
                     StrategyId strategy, InstrumentId instrument, Side side, long price, long quantity,
                     int priceScale, int quantityScale, Liquidity liquidity, VenueId venue, Instant time) {
        this(coreSeq, execId, orderId, clientOrderId, account, strategy, instrument, side, price, quantity,
                priceScale, quantityScale, liquidity, venue, time, FixedPoint.NULL);
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

    /**
     * The fee as a decimal, in the instrument's currency.
     *
     * @return {@code fee * 10^-priceScale}, or {@code null} if the fee or the scale is unknown
     */
    public BigDecimal feeDecimal() {
        return fee == FixedPoint.NULL || priceScale == OrderEvent.UNKNOWN_SCALE ? null
                : BigDecimal.valueOf(fee, priceScale);
    }
}
