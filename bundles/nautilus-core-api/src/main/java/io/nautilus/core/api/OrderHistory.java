package io.nautilus.core.api;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.OrderStatus;

import java.util.List;
import java.util.Objects;

/**
 * An order as the core's order memory remembers it: what was ordered, where it stands (or how it ended), and its
 * execution reports in the order they were published.
 *
 * @param orderId            the core's order id
 * @param clientOrderId      the sender's id, 0 if not known
 * @param account            the account
 * @param instrument         the instrument
 * @param side               buy or sell
 * @param type               the order type, or {@code null} if the core did not see the order's entry (an order
 *                           from before the last start that finished since)
 * @param timeInForce        the time in force, or {@code null} if not known (as {@code type})
 * @param price              the limit price at the instrument's price scale (after replaces), 0 for market and stop
 *                           orders or if not known
 * @param stopPrice          the stop price of stop orders, else 0
 * @param quantity           the total order quantity at the instrument's quantity scale (after replaces), 0 if not
 *                           known
 * @param state              the order's state after its last report
 * @param cumulativeQuantity the quantity filled, at the quantity scale
 * @param averagePrice       the average fill price at the price scale, {@link io.nautilus.api.instrument.FixedPoint#NULL}
 *                           while nothing is filled
 * @param reason             why it was rejected, canceled or expired (the core's or venue's text), or {@code null}
 * @param reports            its execution reports, oldest first (the first and the latest ones if there were more
 *                           than the memory keeps per order)
 * @param omittedReports     how many reports between the first and the latest kept ones were dropped, 0 or more
 */
public record OrderHistory(long orderId, long clientOrderId, AccountId account, InstrumentId instrument, Side side,
                           OrderType type, TimeInForce timeInForce, long price, long stopPrice, long quantity,
                           OrderStatus state, long cumulativeQuantity, long averagePrice, String reason,
                           List<ExecutionReport> reports, int omittedReports) {

    /** Validates the record and copies the reports. */
    public OrderHistory {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(state, "state");
        reports = List.copyOf(reports);
        if (omittedReports < 0) {
            throw new IllegalArgumentException("omitted reports " + omittedReports + " must not be negative");
        }
    }

    /**
     * Whether the order can change no more.
     *
     * @return true once filled, canceled, rejected or expired
     */
    public boolean finished() {
        return state.isFinished();
    }
}
