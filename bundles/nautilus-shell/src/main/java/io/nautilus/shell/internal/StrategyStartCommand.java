package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code nautilus:strategy-start id}. */
@Command(scope = "nautilus", name = "strategy-start",
        description = "Starts a stopped or failed strategy instance again with its current strategy version.")
@Service
public final class StrategyStartCommand extends StrategyCommand {

    @Argument(index = 0, name = "id", description = "the strategy instance id", required = true)
    @Completion(StrategyCompleter.class)
    String id;

    @Override
    void run(StrategyAdminService service, PrintStream out) {
        out.println(service.start(id));
    }
}
