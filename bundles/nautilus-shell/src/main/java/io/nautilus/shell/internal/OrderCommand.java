package io.nautilus.shell.internal;

import io.nautilus.core.api.OrderHistory;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:order <orderId>}: one order's lifecycle from the core's order memory, working or finished: each
 * execution report in order, then a summary with its final state and reason.
 */
@Command(scope = "nautilus", name = "order",
        description = "Shows an order's whole lifecycle from the core's memory of recent orders: each execution report"
                + " (time, exec type, status, last quantity and price, leaves, cumulative quantity, average price,"
                + " liquidity, reject or cancel reason including a venue's text), then a summary: account,"
                + " instrument, side, type, time in force, quantity, price, state, cumulative quantity, average price"
                + " and reason. The core remembers every working order and its most recent finished ones.")
@Service
public final class OrderCommand extends CoreCommand {

    @Argument(index = 0, name = "orderId", required = true,
            description = "the core's order id (see nautilus:orders --state all); Tab completes working orders")
    @Completion(WorkingOrderCompleter.class)
    long orderId;

    @Override
    void run(PrintStream out) throws CommandException {
        var core = core();
        OrderHistory order = core.orderHistory(orderId).orElseThrow(() -> new CommandException("nautilus: unknown"
                + " order " + orderId + " (the core remembers the last " + core.finishedOrdersKept()
                + " finished orders)"));
        Scales scales = scales();
        var instrument = order.instrument();
        out.println("order " + order.orderId() + (order.clientOrderId() == 0 ? "" : " (client id "
                + order.clientOrderId() + ")"));
        OrderHistoryTable.reportTable(order.reports(), scales).print(out);
        if (order.omittedReports() > 0) {
            out.println("(" + order.omittedReports() + " reports between the first and the latest "
                    + order.reports().size() + " are not kept)");
        }
        out.println("Account:        " + order.account().value());
        out.println("Instrument:     " + instrument.value());
        out.println("Side:           " + order.side());
        out.println("Type:           " + (order.type() == null ? "- (entered before the core started)"
                : order.type().name()));
        out.println("Time in force:  " + (order.timeInForce() == null ? "-" : order.timeInForce().name()));
        out.println("Quantity:       " + scales.quantityOrDash(instrument, order.quantity()));
        out.println("Price:          " + scales.priceOrDash(instrument, order.price()));
        if (order.stopPrice() != 0) {
            out.println("Stop price:     " + scales.priceOrDash(instrument, order.stopPrice()));
        }
        out.println("State:          " + order.state() + (order.finished() ? "" : " (working)"));
        out.println("Cum qty:        " + scales.quantity(instrument, order.cumulativeQuantity()));
        out.println("Avg price:      " + scales.price(instrument, order.averagePrice()));
        out.println("Reason:         " + (order.reason() == null ? "-" : order.reason()));
    }
}
