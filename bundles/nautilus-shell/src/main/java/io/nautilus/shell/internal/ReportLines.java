package io.nautilus.shell.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats command outcomes and execution reports as the shell prints them, one line each, with prices and
 * quantities at their instrument's scales.
 */
final class ReportLines {

    private final Scales scales;

    /**
     * @param scales the scales of the reports' instruments
     */
    ReportLines(Scales scales) {
        this.scales = scales;
    }

    /**
     * The outcome and then every report of a command, one line each.
     *
     * @param result the command's outcome
     * @return e.g. {@code accepted (seq 7, order 42)} followed by {@code order 42 NEW NEW last - leaves ...}
     */
    List<String> lines(CommandResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(outcome(result));
        for (ExecutionReport report : result.reports()) {
            lines.add(report(report));
        }
        return lines;
    }

    /**
     * One line for the outcome of a command: the core's description, plus the text of a REJECTED report.
     *
     * @param result the command's outcome
     * @return e.g. {@code accepted (seq 7, order 42)} or
     *         {@code rejected: risk limit (maxOrderQty: limit 1000, would be 1500)}
     */
    static String outcome(CommandResult result) {
        String description = result.describe();
        if (result.accepted()) {
            return description;
        }
        for (ExecutionReport report : result.reports()) {
            if (report.execType() == ExecType.REJECTED && report.text() != null && !report.text().isBlank()
                    && !description.contains(report.text())) {
                return description + ": " + report.text();
            }
        }
        return description;
    }

    /**
     * The outcome of a command with a risk reject's limit and would-be value at the instrument's scales (quantity
     * limits as quantities, notional and money limits as prices), when the rejected order's instrument is known.
     *
     * @param result the command's outcome
     * @return e.g. {@code rejected: risk limit (maxOrderQty: limit 10.0000, would be 20.0000)}
     */
    String outcomeInUnits(CommandResult result) {
        if (result.accepted() || result.rejectDetail() == null
                || (result.rejectLimit() == 0 && result.rejectValue() == 0)) {
            return outcome(result);
        }
        InstrumentId instrument = null;
        for (ExecutionReport report : result.reports()) {
            instrument = report.instrument();
        }
        String detail = result.rejectDetail();
        String limit;
        String value;
        try {
            switch (detail) {
                case "maxOrderQty", "maxLong", "maxShort", "maxPosition" -> {
                    limit = scales.quantity(instrument, result.rejectLimit());
                    value = scales.quantity(instrument, result.rejectValue());
                }
                case "maxOrderNotional" -> {
                    limit = scales.price(instrument, result.rejectLimit());
                    value = scales.price(instrument, result.rejectValue());
                }
                default -> {
                    return outcome(result);
                }
            }
        } catch (RuntimeException e) {
            return outcome(result);
        }
        if (instrument == null) {
            return outcome(result);
        }
        return "rejected: " + result.rejectReason().description() + " (" + detail + ": limit " + limit
                + ", would be " + value + ")";
    }

    /**
     * One execution report: order, exec type, status, last quantity@price, leaves, cumulative and average, then
     * liquidity, reasons and text when present.
     *
     * @param report the report
     * @return e.g. {@code order 42 PARTIAL_FILL PARTIALLY_FILLED last 5.000@101.25 leaves 5.000 cum 5.000
     *         avg 101.25 TAKER}
     */
    String report(ExecutionReport report) {
        InstrumentId instrument = report.instrument();
        StringBuilder line = new StringBuilder();
        line.append(report.orderId() != 0 ? "order " + report.orderId() : "client order " + report.clientOrderId())
                .append(' ').append(report.execType())
                .append(' ').append(report.status())
                .append(" last ").append(report.isFill()
                        ? scales.quantity(instrument, report.lastQuantity()) + "@"
                        + scales.price(instrument, report.lastPrice())
                        : "-")
                .append(" leaves ").append(scales.quantity(instrument, report.leavesQuantity()))
                .append(" cum ").append(scales.quantity(instrument, report.cumulativeQuantity()))
                .append(" avg ").append(scales.price(instrument, report.averagePrice()));
        if (report.liquidity() != Liquidity.NONE) {
            line.append(' ').append(report.liquidity());
        }
        String text = report.text() == null || report.text().isBlank() ? null : report.text();
        if (report.rejectReason() != RejectReason.NONE) {
            String description = report.rejectReason().description();
            line.append(" reason: ");
            if (text != null && text.startsWith(description)) {
                line.append(text); // the core's check already names the reason: "risk limit (maxOrderQty: ...)"
                text = null;
            } else {
                line.append(description);
            }
        }
        if (report.cancelReason() != CancelReason.NONE) {
            line.append(" reason: ").append(report.cancelReason());
        }
        if (text != null) {
            line.append(" - ").append(text);
        }
        return line.toString();
    }
}
