package io.nautilus.shell.internal;

import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.Scope;
import java.io.PrintStream;
import org.apache.karaf.shell.support.CommandException;

/** Base of {@code nautilus:halt}, {@code nautilus:resume} and {@code nautilus:reducing}: sets a scope's state. */
abstract class TradingStateCommand extends ScopedCommand {

    /** @return the state the command sets */
    abstract CoreTradingState state();

    @Override
    final void run(PrintStream out) throws CommandException {
        var admin = admin();
        Scope scope = scope();
        CommandResult result = await(admin.setTradingState(scope, state()), "the trading state change");
        print(result, out);
        out.println(scope + ": " + state());
    }
}
