package io.nautilus.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code nautilus:cancel <orderId>}: cancels the whole open quantity of a working order. */
@Command(scope = "nautilus", name = "cancel",
        description = "Cancels the whole open quantity of a working order and prints the execution reports"
                + " (fails if the order is unknown or already finished).")
@Service
public final class CancelCommand extends CoreCommand {

    @Argument(index = 0, name = "orderId", required = true, description = "the core's order id (see nautilus:orders)")
    @Completion(WorkingOrderCompleter.class)
    long orderId;

    @Override
    void run(PrintStream out) throws CommandException {
        print(await(core().cancel(orderId), "the cancel"), out);
    }
}
