package io.nautilus.shell.internal;

import io.nautilus.core.api.CoreTradingState;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code nautilus:halt [--account A] [--instrument I]}: sets the scope's trading state to HALTED (global when
 * neither option is given).
 */
@Command(scope = "nautilus", name = "halt",
        description = "Halts trading in a scope: only cancels are accepted until nautilus:resume."
                + " Scope: --account, --instrument, both, or global when neither is given.")
@Service
public final class HaltCommand extends TradingStateCommand {

    @Override
    CoreTradingState state() {
        return CoreTradingState.HALTED;
    }
}
