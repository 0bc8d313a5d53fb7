package io.nautilus.core.api;

import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.RejectReason;

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
                sb.append(": limit ").append(rejectLimit).append(", would be ").append(rejectValue);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
