package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.PrintStream;

/** {@code nautilus:strategy-stop id}. */
@Command(scope = "nautilus", name = "strategy-stop",
        description = "Stops a strategy instance after the events already queued; its working orders are canceled"
                + " or left per its order policy. It stays stopped, also across new versions, until"
                + " nautilus:strategy-start.")
@Service
public final class StrategyStopCommand extends StrategyCommand {

    @Argument(index = 0, name = "id", description = "the strategy instance id", required = true)
    @Completion(StrategyCompleter.class)
    String id;

    @Override
    void run(StrategyAdminService service, PrintStream out) {
        out.println(service.stop(id));
    }
}
