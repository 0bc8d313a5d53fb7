package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import java.io.PrintStream;

/**
 * {@code nautilus:strategies [id]}: the strategy instances, or everything about one.
 */
@Command(scope = "nautilus", name = "strategies",
        description = "Lists strategy instances: version, state, events delivered and queued, event lag, working"
                + " orders, P&L and a refused configuration (the one before stays in force). With an id: that"
                + " instance in detail, with its parameters.")
@Service
public final class StrategiesCommand extends StrategyCommand {

    @Argument(index = 0, name = "id", description = "a strategy instance id", required = false)
    @Completion(StrategyCompleter.class)
    String id;

    @Override
    void run(StrategyAdminService service, PrintStream out) throws CommandException {
        if (id == null) {
            StrategyTable.list(service.instances()).print(out);
            return;
        }
        StrategyInstanceInfo info = service.instance(id)
                .orElseThrow(() -> new IllegalArgumentException("no strategy instance " + id
                        + " (nautilus:strategies lists them)"));
        StrategyTable.details(info, out);
    }
}
