package io.nautilus.shell.internal;

import io.nautilus.core.api.CoreTradingState;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code nautilus:resume [--account A] [--instrument I]}: sets the scope's trading state to ACTIVE (global when
 * neither option is given).
 */
@Command(scope = "nautilus", name = "resume",
        description = "Resumes trading in a scope (state ACTIVE) after nautilus:halt, nautilus:reducing or"
                + " nautilus:kill. Scope: --account, --instrument, both, or global when neither is given.")
@Service
public final class ResumeCommand extends TradingStateCommand {

    @Override
    CoreTradingState state() {
        return CoreTradingState.ACTIVE;
    }
}
