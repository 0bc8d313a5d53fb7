package io.nautilus.shell.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.OrderHistory;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * Orders from the core's order memory as {@code nautilus:orders --state} lists them, and one order's execution
 * reports as {@code nautilus:order} shows them.
 */
final class OrderHistoryTable {

    private OrderHistoryTable() {
    }

    /**
     * One order's cells, in the list's column order.
     *
     * @param order  the order
     * @param scales its instrument's scales
     * @return order id, client id, account, instrument, side, type, tif, price, quantity, state, cumulative
     *         quantity, average price and reason ({@code -} where unknown or none)
     */
    static List<String> row(OrderHistory order, Scales scales) {
        var instrument = order.instrument();
        return List.of(
                Long.toString(order.orderId()),
                order.clientOrderId() == 0 ? "-" : Long.toString(order.clientOrderId()),
                order.account().value(),
                instrument.value(),
                order.side().name(),
                order.type() == null ? "-" : order.type().name(),
                order.timeInForce() == null ? "-" : order.timeInForce().name(),
                scales.priceOrDash(instrument, order.price()),
                scales.quantityOrDash(instrument, order.quantity()),
                order.state().name(),
                scales.quantity(instrument, order.cumulativeQuantity()),
                scales.price(instrument, order.averagePrice()),
                order.reason() == null ? "-" : order.reason());
    }

    /**
     * @param orders     the orders, lowest id first
     * @param emptyText  what an empty list says
     * @param scales     their instruments' scales
     * @return the table
     */
    static ShellTable table(List<OrderHistory> orders, String emptyText, Scales scales) {
        ShellTable table = new ShellTable();
        table.column("Order").alignRight();
        table.column("Client id").alignRight();
        table.column("Account");
        table.column("Instrument");
        table.column("Side");
        table.column("Type");
        table.column("TIF");
        table.column("Price").alignRight();
        table.column("Qty").alignRight();
        table.column("State");
        table.column("Cum qty").alignRight();
        table.column("Avg price").alignRight();
        table.column("Reason");
        table.emptyTableText(emptyText);
        for (OrderHistory order : orders) {
            table.addRow().addContent(row(order, scales).toArray());
        }
        return table;
    }

    /**
     * One execution report's cells, in the lifecycle table's column order.
     *
     * @param report the report
     * @param scales its instrument's scales
     * @return time, exec type, status, last quantity, last price, leaves, cumulative quantity, average price,
     *         liquidity and reason
     */
    static List<String> reportRow(ExecutionReport report, Scales scales) {
        var instrument = report.instrument();
        return List.of(
                Choices.formatEpochNanos(report.transactTimeNanos()),
                report.execType().name(),
                report.status().name(),
                report.isFill() ? scales.quantity(instrument, report.lastQuantity()) : "-",
                report.isFill() ? scales.price(instrument, report.lastPrice()) : "-",
                scales.quantity(instrument, report.leavesQuantity()),
                scales.quantity(instrument, report.cumulativeQuantity()),
                report.averagePrice() == FixedPoint.NULL ? "-" : scales.price(instrument, report.averagePrice()),
                report.liquidity() == Liquidity.NONE ? "-" : report.liquidity().name(),
                reason(report));
    }

    /**
     * @param reports an order's reports, oldest first
     * @param scales  their instrument's scales
     * @return the lifecycle table
     */
    static ShellTable reportTable(List<ExecutionReport> reports, Scales scales) {
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Exec");
        table.column("Status");
        table.column("Last qty").alignRight();
        table.column("Last price").alignRight();
        table.column("Leaves").alignRight();
        table.column("Cum qty").alignRight();
        table.column("Avg price").alignRight();
        table.column("Liquidity");
        table.column("Reason");
        table.emptyTableText("no execution reports since the core started (the order is older)");
        for (ExecutionReport report : reports) {
            table.addRow().addContent(reportRow(report, scales).toArray());
        }
        return table;
    }

    /**
     * Why a report happened, when it says: a reject's text (the core's check with its limit, or the venue's text),
     * a cancel's or expiry's reason with the venue's text, else the report's text (a venue's execution id).
     *
     * @param report the report
     * @return the reason, or {@code -}
     */
    static String reason(ExecutionReport report) {
        String text = report.text() == null || report.text().isBlank() ? null : report.text();
        if (report.execType() == ExecType.REJECTED || report.rejectReason() != RejectReason.NONE) {
            return text != null ? text : report.rejectReason().description();
        }
        if (report.cancelReason() != CancelReason.NONE) {
            return report.cancelReason().name() + (text != null ? ": " + text : "");
        }
        return text != null ? text : "-";
    }
}
