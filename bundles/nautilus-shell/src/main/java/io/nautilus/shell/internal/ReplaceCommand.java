package io.nautilus.shell.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.OrderView;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code nautilus:replace <orderId> [--price P] [--quantity Q]}: changes a working order's price and/or quantity. */
@Command(scope = "nautilus", name = "replace",
        description = "Replaces a working order's limit price and/or total quantity (at least one). A lower"
                + " quantity at the same price keeps time priority; a new price or a higher quantity loses it.")
@Service
public final class ReplaceCommand extends CoreCommand {

    @Argument(index = 0, name = "orderId", required = true, description = "the core's order id (see nautilus:orders)")
    @Completion(WorkingOrderCompleter.class)
    long orderId;

    @Option(name = "--price", description = "the new limit price, as a decimal on the instrument's price scale")
    String price;

    @Option(name = "--quantity", description = "the new total order quantity, as a decimal; at or below the filled"
            + " quantity the order is canceled")
    String quantity;

    @Override
    void run(PrintStream out) throws CommandException {
        if (price == null && quantity == null) {
            throw new IllegalArgumentException("give --price, --quantity or both");
        }
        var core = core();
        Catalog catalog = new Catalog(core);
        OrderView order = catalog.workingOrder(orderId);
        Instrument definition = catalog.definition(order.instrument());
        long newPrice = price == null ? FixedPoint.NULL : Decimals.parse("--price", price, definition.priceScale());
        long newQuantity = quantity == null ? FixedPoint.NULL
                : Decimals.parsePositive("--quantity", quantity, definition.quantityScale());
        print(await(core.replace(orderId, newPrice, newQuantity), "the replace"), out);
    }
}
