package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;

import java.util.Objects;

/**
 * One change of an order's state (FIX {@code ExecutionReport}): acceptance, fill, cancel, replace, reject,
 * expiry, trigger or restatement.
 *
 * <p>A rejected cancel or replace is reported as {@link ExecType#REJECTED} with {@code origClientOrderId} set
 * and {@code status} the order's unchanged status. Quantities satisfy {@code leavesQuantity + cumulativeQuantity
 * <= order quantity}; a finished order has {@code leavesQuantity == 0}.
 *
 * @param execId             the report's id, greater than zero and unique per publisher
 * @param clientOrderId      the client order id of the order (or of the cancel/replace request being answered),
 *                           greater than zero
 * @param origClientOrderId  for cancels and replaces, the client order id before the request; 0 otherwise
 * @param orderId            the id the trading core or venue gave the order; 0 if not yet assigned
 * @param account            the order's account
 * @param strategy           the order's strategy, or {@code null}
 * @param instrument         the order's instrument
 * @param venue              the venue that executed or rejected, or {@code null} for the internal book and core
 *                           rejects
 * @param side               the order's side
 * @param execType           what happened
 * @param status             the order's state after it happened
 * @param rejectReason       why it was rejected; {@link RejectReason#NONE} unless {@code execType} is
 *                           {@link ExecType#REJECTED} (where it is required), or {@link ExecType#ORDER_STATUS} with
 *                           status {@link OrderStatus#REJECTED} (e.g. {@link RejectReason#UNKNOWN_ORDER}: the venue
 *                           does not know the order)
 * @param cancelReason       why it was canceled or expired; {@link CancelReason#NONE} unless {@code execType} is
 *                           {@link ExecType#CANCELED} (where it is required) or {@link ExecType#EXPIRED}
 * @param liquidity          maker or taker for fills; {@link Liquidity#NONE} otherwise
 * @param text               free text from the core or venue, or {@code null}
 * @param lastPrice          the fill's price in units of the price scale; {@link FixedPoint#NULL} unless a fill
 * @param lastQuantity       the fill's quantity in units of the quantity scale; greater than zero for fills, 0
 *                           otherwise
 * @param leavesQuantity     the quantity still working, in units of the quantity scale, 0 or more
 * @param cumulativeQuantity the total filled so far, in units of the quantity scale, 0 or more
 * @param averagePrice       the quantity-weighted average fill price in units of the price scale, rounded half
 *                           even; {@link FixedPoint#NULL} while nothing is filled
 * @param transactTimeNanos  when the change happened at the venue or matching engine, in nanoseconds since the
 *                           epoch
 * @param publishTimeNanos   when the platform published this report, in nanoseconds since the epoch
 * @param fee                what this fill cost the report's account, in units of the instrument's price scale
 *                           (money, as the positions' fees): the maker or taker fee of its liquidity, rounded toward
 *                           +infinity; negative for a rebate. 0 on reports that are not fills, and where the fee is
 *                           unknown. The trading core sets it on every fill it reports, venue fills included (from
 *                           the instrument's configured fees); a venue gateway's own reports carry 0 until it takes
 *                           the venue's figure (e.g. FIX {@code Commission(12)})
 */
public record ExecutionReport(long execId, long clientOrderId, long origClientOrderId, long orderId,
                              AccountId account, StrategyId strategy, InstrumentId instrument, VenueId venue,
                              Side side, ExecType execType, OrderStatus status, RejectReason rejectReason,
                              CancelReason cancelReason, Liquidity liquidity, String text, long lastPrice,
                              long lastQuantity, long leavesQuantity, long cumulativeQuantity, long averagePrice,
                              long transactTimeNanos, long publishTimeNanos, long fee) {

    /**
     * Validates that the report is consistent.
     *
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if the report contradicts itself; the message names the report and the value
     */
    public ExecutionReport {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(execType, "execType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rejectReason, "rejectReason");
        Objects.requireNonNull(cancelReason, "cancelReason");
        Objects.requireNonNull(liquidity, "liquidity");
        if (execId <= 0 || clientOrderId <= 0) {
            throw invalid(execId, execType, status, clientOrderId, ": exec id and client order id must be greater than zero");
        }
        if (origClientOrderId < 0 || orderId < 0) {
            throw invalid(execId, execType, status, clientOrderId, ": original client order id " + origClientOrderId
                    + " and order id " + orderId + " must not be negative");
        }
        if (leavesQuantity < 0 || cumulativeQuantity < 0) {
            throw invalid(execId, execType, status, clientOrderId, ": leaves " + leavesQuantity + " and cumulative "
                    + cumulativeQuantity + " quantities must not be negative");
        }
        if (execType.isFill()) {
            if (lastQuantity <= 0 || lastPrice == FixedPoint.NULL) {
                throw invalid(execId, execType, status, clientOrderId, ": a fill needs a last price and a last quantity"
                        + " greater than zero, got " + lastQuantity);
            }
            if (lastQuantity > cumulativeQuantity) {
                throw invalid(execId, execType, status, clientOrderId, ": last quantity " + lastQuantity
                        + " exceeds cumulative quantity " + cumulativeQuantity);
            }
        } else if (lastQuantity != 0 || lastPrice != FixedPoint.NULL || liquidity != Liquidity.NONE) {
            throw invalid(execId, execType, status, clientOrderId, ": only fills carry a last price, last quantity or liquidity");
        }
        if (execType == ExecType.FILL && leavesQuantity != 0) {
            throw invalid(execId, execType, status, clientOrderId, ": a complete fill leaves 0, got " + leavesQuantity);
        }
        if (execType == ExecType.PARTIAL_FILL && leavesQuantity == 0) {
            throw invalid(execId, execType, status, clientOrderId, ": a partial fill leaves quantity working, got 0");
        }
        if (status.isFinished() && leavesQuantity != 0) {
            throw invalid(execId, execType, status, clientOrderId, ": a finished order leaves 0, got " + leavesQuantity);
        }
        boolean statusReject = execType == ExecType.ORDER_STATUS && status == OrderStatus.REJECTED;
        if (execType == ExecType.REJECTED && rejectReason == RejectReason.NONE
                || execType != ExecType.REJECTED && !statusReject && rejectReason != RejectReason.NONE) {
            throw invalid(execId, execType, status, clientOrderId, ": a reject reason is required for REJECTED and allowed"
                    + " otherwise only for an ORDER_STATUS of a rejected or unknown order, got " + rejectReason);
        }
        if (execType == ExecType.CANCELED && cancelReason == CancelReason.NONE) {
            throw invalid(execId, execType, status, clientOrderId, ": a cancel needs a cancel reason");
        }
        if (cancelReason != CancelReason.NONE && execType != ExecType.CANCELED && execType != ExecType.EXPIRED) {
            throw invalid(execId, execType, status, clientOrderId, ": cancel reason " + cancelReason
                    + " is only allowed on CANCELED or EXPIRED");
        }
        if ((cumulativeQuantity > 0) != (averagePrice != FixedPoint.NULL)) {
            throw invalid(execId, execType, status, clientOrderId, ": an average price is required once something is filled"
                    + " and only then; cumulative quantity " + cumulativeQuantity);
        }
        if (transactTimeNanos < 0 || publishTimeNanos < 0) {
            throw invalid(execId, execType, status, clientOrderId, ": times must not be negative, got transact "
                    + transactTimeNanos + " and publish " + publishTimeNanos);
        }
        if (fee != 0 && !execType.isFill()) {
            throw invalid(execId, execType, status, clientOrderId, ": only fills carry a fee, got " + fee);
        }
    }

    /**
     * A report without a fee (0): what reports were before they carried one, and what a publisher that does not
     * know the fee sends. Same checks as the canonical constructor.
     *
     * @param execId             the report's id
     * @param clientOrderId      the client order id
     * @param origClientOrderId  for cancels and replaces, the client order id before the request; 0 otherwise
     * @param orderId            the id the trading core or venue gave the order; 0 if not yet assigned
     * @param account            the order's account
     * @param strategy           the order's strategy, or {@code null}
     * @param instrument         the order's instrument
     * @param venue              the venue, or {@code null} for the internal book and core rejects
     * @param side               the order's side
     * @param execType           what happened
     * @param status             the order's state after it happened
     * @param rejectReason       why it was rejected
     * @param cancelReason       why it was canceled or expired
     * @param liquidity          maker or taker for fills; {@link Liquidity#NONE} otherwise
     * @param text               free text, or {@code null}
     * @param lastPrice          the fill's price, price scale; {@link FixedPoint#NULL} unless a fill
     * @param lastQuantity       the fill's quantity, quantity scale
     * @param leavesQuantity     the quantity still working, quantity scale
     * @param cumulativeQuantity the total filled so far, quantity scale
     * @param averagePrice       the average fill price, price scale; {@link FixedPoint#NULL} while nothing is filled
     * @param transactTimeNanos  when the change happened, nanoseconds since the epoch
     * @param publishTimeNanos   when the platform published this report, nanoseconds since the epoch
     * @throws NullPointerException     if a required component is null
     * @throws IllegalArgumentException if the report contradicts itself
     */
    public ExecutionReport(long execId, long clientOrderId, long origClientOrderId, long orderId,
                           AccountId account, StrategyId strategy, InstrumentId instrument, VenueId venue,
                           Side side, ExecType execType, OrderStatus status, RejectReason rejectReason,
                           CancelReason cancelReason, Liquidity liquidity, String text, long lastPrice,
                           long lastQuantity, long leavesQuantity, long cumulativeQuantity, long averagePrice,
                           long transactTimeNanos, long publishTimeNanos) {
        this(execId, clientOrderId, origClientOrderId, orderId, account, strategy, instrument, venue, side,
                execType, status, rejectReason, cancelReason, liquidity, text, lastPrice, lastQuantity,
                leavesQuantity, cumulativeQuantity, averagePrice, transactTimeNanos, publishTimeNanos, 0);
    }

    /**
     * Whether this report carries a fill.
     *
     * @return true for {@link ExecType#PARTIAL_FILL} and {@link ExecType#FILL}
     */
    public boolean isFill() {
        return execType.isFill();
    }

    /**
     * The position change this report causes: the fill quantity signed by side.
     *
     * @return {@code +lastQuantity} for a buy fill, {@code -lastQuantity} for a sell fill, 0 for other reports;
     *         in units of the quantity scale
     */
    public long signedLastQuantity() {
        return side.signed(lastQuantity);
    }

    /** The exception for a report that contradicts itself; the text is built only when one is thrown. */
    private static IllegalArgumentException invalid(long execId, ExecType execType, OrderStatus status,
                                                    long clientOrderId, String problem) {
        return new IllegalArgumentException("execution report " + execId + " (" + execType + " " + status
                + ", order " + clientOrderId + ")" + problem);
    }
}
