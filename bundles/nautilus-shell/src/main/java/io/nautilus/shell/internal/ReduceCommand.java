package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code nautilus:reduce <orderId> <quantity>}: takes quantity off a working order, keeping its time priority. */
@Command(scope = "nautilus", name = "reduce",
        description = "Takes quantity off a working order's open quantity, keeping its time priority; reducing by"
                + " the whole open quantity or more cancels it.")
@Service
public final class ReduceCommand extends CoreCommand {

    @Argument(index = 0, name = "orderId", required = true, description = "the core's order id (see nautilus:orders)")
    @Completion(WorkingOrderCompleter.class)
    long orderId;

    @Argument(index = 1, name = "quantity", required = true,
            description = "the quantity to take off, as a decimal on the instrument's quantity scale")
    String quantity;

    @Override
    void run(PrintStream out) throws CommandException {
        var core = core();
        Catalog catalog = new Catalog(core);
        Instrument definition = catalog.definition(catalog.workingOrder(orderId).instrument());
        long by = Decimals.parsePositive("quantity", quantity, definition.quantityScale());
        print(await(core.reduce(orderId, by), "the reduce"), out);
    }
}
