package io.nautilus.shell.internal;

import io.nautilus.api.OrderFlags;
import io.nautilus.core.api.OrderView;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** The working orders as {@code nautilus:orders} prints them. */
final class OrderTable {

    private OrderTable() {
    }

    /**
     * One order's cells, in the table's column order.
     *
     * @param order  the order
     * @param scales its instrument's scales
     * @return order id, client id, account, instrument, side, type, tif, price, stop, quantity, open, filled,
     *         display, flags, expiry and state ({@code waiting} for a stop order not yet triggered)
     */
    static List<String> row(OrderView order, Scales scales) {
        var instrument = order.instrument();
        return List.of(
                Long.toString(order.orderId()),
                order.clientOrderId() == 0 ? "-" : Long.toString(order.clientOrderId()),
                order.account().value(),
                instrument.value(),
                order.side().name(),
                order.type().name(),
                order.timeInForce().name(),
                scales.priceOrDash(instrument, order.price()),
                scales.priceOrDash(instrument, order.stopPrice()),
                scales.quantity(instrument, order.quantity()),
                scales.quantity(instrument, order.openQuantity()),
                scales.quantity(instrument, order.filledQuantity()),
                scales.quantityOrDash(instrument, order.displayQuantity()),
                order.flags() == OrderFlags.NONE ? "-" : OrderFlags.toString(order.flags()),
                Choices.formatEpochNanos(order.expireTimeNanos()),
                order.type().hasStopPrice() && !order.triggered() ? "waiting" : "working");
    }

    /**
     * @param orders the orders, in the core's order
     * @param scales their instruments' scales
     * @return the table
     */
    static ShellTable table(List<OrderView> orders, Scales scales) {
        ShellTable table = new ShellTable();
        table.column("Order").alignRight();
        table.column("Client id").alignRight();
        table.column("Account");
        table.column("Instrument");
        table.column("Side");
        table.column("Type");
        table.column("TIF");
        table.column("Price").alignRight();
        table.column("Stop").alignRight();
        table.column("Qty").alignRight();
        table.column("Open").alignRight();
        table.column("Filled").alignRight();
        table.column("Display").alignRight();
        table.column("Flags");
        table.column("Expires");
        table.column("State");
        table.emptyTableText("no working orders");
        for (OrderView order : orders) {
            table.addRow().addContent(row(order, scales).toArray());
        }
        return table;
    }
}
