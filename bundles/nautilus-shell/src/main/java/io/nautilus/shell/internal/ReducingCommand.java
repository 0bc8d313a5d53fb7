package io.nautilus.shell.internal;

import io.nautilus.core.api.CoreTradingState;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code nautilus:reducing [--account A] [--instrument I]}: sets the scope's trading state to REDUCING (global when
 * neither option is given).
 */
@Command(scope = "nautilus", name = "reducing",
        description = "Sets a scope to REDUCING: only orders that reduce the position (and cancels) are accepted."
                + " Scope: --account, --instrument, both, or global when neither is given.")
@Service
public final class ReducingCommand extends TradingStateCommand {

    @Override
    CoreTradingState state() {
        return CoreTradingState.REDUCING;
    }
}
