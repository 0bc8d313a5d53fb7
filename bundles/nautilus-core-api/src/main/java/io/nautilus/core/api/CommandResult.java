package io.nautilus.core.api;

import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.RejectReason;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one command did, once journaled and processed.
 *
 * @param seq the command's sequence number in the journal
 * @param orderId the order it concerned (the id the core gave a new order), 0 for admin commands
 * @param rejectReason why it was rejected, {@link RejectReason#NONE} if it was not
 * @param rejectDetail the check that rejected it (e.g. {@code maxOrderQty}), or null
 * @param rejectLimit for risk rejects, the limit value
 * @param rejectValue for risk rejects, the value the command would have produced
 * @param reports the execution reports it produced, in order (for a reject: the REJECTED report)
 */
public record CommandResult(long seq, long orderId, RejectReason rejectReason, String rejectDetail,
                            long rejectLimit, long rejectValue, List<ExecutionReport> reports) {

    /**
     * Decimals of the ratio limits' values ({@code maxLeverage}, {@code maxConcentration}): their reject limit and
     * would-be value are ratios times 10^4, e.g. a leverage of 2.5 is 25000.
     */
    public static final int RATIO_SCALE = 4;

    /** Copies the report list. */
    public CommandResult {
        reports = List.copyOf(reports);
    }

    /** @return true if the command was accepted */
    public boolean accepted() {
        return rejectReason == RejectReason.NONE;
    }

    /** @return one line describing the outcome, for logs and the shell */
    public String describe() {
        if (accepted()) {
            return "accepted (seq " + seq + (orderId != 0 ? ", order " + orderId : "") + ")";
        }
        StringBuilder sb = new StringBuilder("rejected: ").append(rejectReason.description());
        if (rejectDetail != null) {
            sb.append(" (").append(rejectDetail);
            if (rejectLimit != 0 || rejectValue != 0) {
                boolean ratio = "maxLeverage".equals(rejectDetail) || "maxConcentration".equals(rejectDetail);
                sb.append(": limit ").append(ratio ? ratio(rejectLimit) : Long.toString(rejectLimit))
                        .append(", would be ").append(ratio ? ratio(rejectValue) : Long.toString(rejectValue));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * A ratio limit's value as a decimal.
     *
     * @param value a ratio times 10^{@value #RATIO_SCALE}
     * @return e.g. {@code 2.5000}
     */
    public static String ratio(long value) {
        return BigDecimal.valueOf(value, RATIO_SCALE).toPlainString();
    }
}
