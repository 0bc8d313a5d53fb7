package io.nautilus.venue.fix;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The translations between FIX 4.2/4.4 codes and decimals and the platform's enums and fixed-point longs.
 */
final class FixCodes {

    private FixCodes() {
    }

    /**
     * The platform's exec type of an ExecutionReport.
     *
     * @param execType      ExecType (150)
     * @param execTransType ExecTransType (20) for FIX 4.2, {@code 0} for FIX 4.4
     * @param leaves        the report's leaves quantity, which tells a partial from a complete fill
     * @return the exec type, or {@code null} if the platform has none for it (trade bust or correction)
     */
    static ExecType execType(char execType, char execTransType, long leaves) {
        switch (execTransType) {
            case '3':
                return ExecType.ORDER_STATUS;    // FIX 4.2 status: ExecType then carries the order's status
            case '1':
            case '2':
                return null;                     // FIX 4.2 trade cancel / correct
            default:
                break;
        }
        return switch (execType) {
            case 'A' -> ExecType.PENDING_NEW;
            case '0' -> ExecType.NEW;
            case '1', '2', 'F' -> leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL;
            case '6' -> ExecType.PENDING_CANCEL;
            case '4' -> ExecType.CANCELED;
            case 'E' -> ExecType.PENDING_REPLACE;
            case '5' -> ExecType.REPLACED;
            case '8' -> ExecType.REJECTED;
            case 'C' -> ExecType.EXPIRED;
            case 'L' -> ExecType.TRIGGERED;
            case 'I' -> ExecType.ORDER_STATUS;
            // done for day, stopped, suspended, calculated, restated: the order changed without a request
            case '3', '7', '9', 'B', 'D' -> ExecType.RESTATED;
            default -> null;                    // G trade correct, H trade cancel, and anything newer
        };
    }

    /**
     * The platform's order status of an OrdStatus (39).
     *
     * @param ordStatus  the venue's code
     * @param cumulative the cumulative quantity, for codes the platform has no status for
     * @return the status; FIX's stopped, calculated and accepted-for-bidding become new or partially filled
     */
    static OrderStatus orderStatus(char ordStatus, long cumulative) {
        return switch (ordStatus) {
            case 'A', '0', '1', '2', '6', 'E', '4', '8', 'C', '3', '9' -> OrderStatus.fromFixCode(ordStatus);
            default -> cumulative > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        };
    }

    /**
     * The reject reason of an OrdRejReason (103).
     *
     * @param ordRejReason the code, or -1 if absent
     * @return the reason, {@link RejectReason#VENUE_REJECT} where the platform has no better one
     */
    static RejectReason orderRejectReason(int ordRejReason) {
        return switch (ordRejReason) {
            case 1 -> RejectReason.UNKNOWN_INSTRUMENT;
            case 2 -> RejectReason.MARKET_CLOSED;
            case 3 -> RejectReason.RISK_LIMIT;
            case 5 -> RejectReason.UNKNOWN_ORDER;
            case 6 -> RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            case 11, 13 -> RejectReason.INVALID_ORDER;
            case 16 -> RejectReason.PRICE_OUTSIDE_BAND;
            default -> RejectReason.VENUE_REJECT;
        };
    }

    /**
     * The reject reason of a CxlRejReason (102).
     *
     * @param cxlRejReason the code, or -1 if absent
     * @return the reason
     */
    static RejectReason cancelRejectReason(int cxlRejReason) {
        return switch (cxlRejReason) {
            case 0 -> RejectReason.ORDER_FINISHED;          // too late to cancel
            case 1 -> RejectReason.UNKNOWN_ORDER;
            case 6 -> RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            default -> RejectReason.VENUE_REJECT;
        };
    }

    /**
     * The liquidity of a LastLiquidityInd (851).
     *
     * @param indicator the code, or -1 if absent
     * @return maker for 1 (added), taker for 2 (removed), none otherwise
     */
    static Liquidity liquidity(int indicator) {
        return switch (indicator) {
            case 1 -> Liquidity.MAKER;
            case 2 -> Liquidity.TAKER;
            default -> Liquidity.NONE;
        };
    }

    /**
     * A fixed-point value as a FIX decimal.
     *
     * @param value a fixed-point value, not {@link FixedPoint#NULL}
     * @param scale its scale
     * @return the exact decimal
     */
    static BigDecimal decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale);
    }

    /**
     * A FIX quantity at a quantity scale, exactly.
     *
     * @param value the venue's decimal
     * @param scale the quantity scale
     * @return the fixed-point quantity
     * @throws ArithmeticException if the venue's quantity has more decimals than the scale or does not fit
     */
    static long quantity(BigDecimal value, int scale) {
        return FixedPoint.fromBigDecimal(value, scale);
    }

    /**
     * A FIX price at a price scale, rounded half even where the venue sends more decimals (average prices).
     *
     * @param value the venue's decimal
     * @param scale the price scale
     * @return the fixed-point price
     * @throws ArithmeticException if it does not fit a long at the scale
     */
    static long price(BigDecimal value, int scale) {
        return FixedPoint.fromBigDecimal(value.setScale(scale, RoundingMode.HALF_EVEN), scale);
    }

    /**
     * A FIX UTCTimestamp in nanoseconds since the epoch.
     *
     * @param time the timestamp as QuickFIX/J reads it (UTC)
     * @return nanoseconds since the epoch
     */
    static long epochNanos(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
    }

    /**
     * A client order id on the wire, as the platform's long.
     *
     * @param text the ClOrdID (11) or OrigClOrdID (41) text
     * @return the id, or 0 if the text is not a positive decimal long (not one of ours)
     */
    static long clientOrderId(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return 0;
        }
        long id = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            id = id * 10 + (c - '0');
            if (id < 0) {
                return 0;
            }
        }
        return id;
    }
}
