package io.nautilus.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:risk}: the configured risk limits, each account's leverage and concentration figures, and every
 * trading state that is not ACTIVE.
 */
@Command(scope = "nautilus", name = "risk",
        description = "Shows the configured pre-trade risk limits (unset limits are unlimited), each account's capital,"
                + " equity, gross exposure, leverage and largest concentration, and the trading states that are not"
                + " ACTIVE, with the global state.")
@Service
public final class RiskCommand extends CoreCommand {

    @Override
    void run(PrintStream out) throws CommandException {
        var admin = admin();
        out.println("Risk limits:");
        RiskTables.limits(admin.riskLimits()).print(out);
        out.println();
        out.println("Leverage and concentration (gross exposure = positions at mark + working orders, both sides):");
        RiskTables.accounts(admin.accountRisk()).print(out);
        out.println();
        out.println("Trading states:");
        RiskTables.states(admin.tradingStates()).print(out);
    }
}
