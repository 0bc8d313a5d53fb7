package io.nautilus.shell.internal;

import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.Scope;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:kill [--account A] [--instrument I]}: the kill switch. Halts the scope and cancels every working
 * order in it, stop orders included.
 */
@Command(scope = "nautilus", name = "kill",
        description = "Kill switch: halts a scope and cancels every working order in it (stop orders included),"
                + " printing each cancel. Scope: --account, --instrument, both, or global when neither is given."
                + " Undo the halt with nautilus:resume.")
@Service
public final class KillCommand extends ScopedCommand {

    @Override
    void run(PrintStream out) throws CommandException {
        var admin = admin();
        Scope scope = scope();
        CommandResult result = print(await(admin.kill(scope), "the kill switch"), out);
        out.println("kill switch: " + scope + " HALTED, " + canceled(result) + " working order(s) canceled");
    }

    /**
     * @param result the kill switch's outcome
     * @return how many orders it canceled: its CANCELED reports
     */
    static long canceled(CommandResult result) {
        long canceled = 0;
        for (ExecutionReport report : result.reports()) {
            if (report.execType() == ExecType.CANCELED) {
                canceled++;
            }
        }
        return canceled;
    }
}
