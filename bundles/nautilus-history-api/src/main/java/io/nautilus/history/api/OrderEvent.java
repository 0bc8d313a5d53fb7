package io.nautilus.history.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of an order's state as the history store keeps it: one row per execution report.
 *
 * @param coreSeq            the sequence number of the core command that caused the change, greater than zero
 * @param execId             the execution report's id, unique per publisher, greater than zero
 * @param orderId            the id the core or venue gave the order; 0 if not yet assigned
 * @param clientOrderId      the client order id of the order or of the request answered
 * @param origClientOrderId  for cancels and replaces, the client order id before the request; 0 otherwise
 * @param account            the order's account
 * @param strategy           the order's strategy, or {@code null}
 * @param instrument         the order's instrument
 * @param venue              the venue that executed or rejected, or {@code null} for the internal book and core
 *                           rejects
 * @param side               the order's side
 * @param orderType          the order's type, or {@code null} if the execution report did not say (the core's
 *                           reports do not carry it)
 * @param timeInForce        the order's time in force, or {@code null} if the execution report did not say
 * @param execType           what happened
 * @param status             the order's state after it happened
 * @param rejectReason       why it was rejected, {@link RejectReason#NONE} if it was not
 * @param cancelReason       why it was canceled or expired, {@link CancelReason#NONE} if it was not
 * @param text               free text from the core or venue, or {@code null}
 * @param lastQuantity       the fill's quantity in units of {@code 10^-quantityScale}; 0 unless a fill
 * @param lastPrice          the fill's price in units of {@code 10^-priceScale};
 *                           {@link io.nautilus.api.instrument.FixedPoint#NULL} unless a fill
 * @param cumulativeQuantity the total filled so far, in units of {@code 10^-quantityScale}
 * @param leavesQuantity     the quantity still working, in units of {@code 10^-quantityScale}
 * @param averagePrice       the average fill price in units of {@code 10^-priceScale};
 *                           {@link io.nautilus.api.instrument.FixedPoint#NULL} while nothing is filled
 * @param priceScale         the decimals of the prices, or {@link #UNKNOWN_SCALE}
 * @param quantityScale      the decimals of the quantities, or {@link #UNKNOWN_SCALE}
 * @param liquidity          maker or taker for fills, {@link Liquidity#NONE} otherwise
 * @param eventTime          when the change happened at the venue or matching engine, UTC, nanosecond precision
 */
public record OrderEvent(long coreSeq, long execId, long orderId, long clientOrderId, long origClientOrderId,
                         AccountId account, StrategyId strategy, InstrumentId instrument, VenueId venue, Side side,
                         OrderType orderType, TimeInForce timeInForce, ExecType execType, OrderStatus status,
                         RejectReason rejectReason, CancelReason cancelReason, String text, long lastQuantity,
                         long lastPrice, long cumulativeQuantity, long leavesQuantity, long averagePrice,
                         int priceScale, int quantityScale, Liquidity liquidity, Instant eventTime) {

    /** The scale of a value whose instrument's scale the store did not know when it wrote it. */
    public static final int UNKNOWN_SCALE = -1;

    /**
     * Checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public OrderEvent {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(execType, "execType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rejectReason, "rejectReason");
        Objects.requireNonNull(cancelReason, "cancelReason");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
