package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code nautilus:strategy-params id [name=value ...]}. */
@Command(scope = "nautilus", name = "strategy-params",
        description = "Shows a strategy instance's parameters, or changes them (name=value ...) through its"
                + " configuration in etc/: the instance is handed to the reconfigured strategy with its state. A name"
                + " the strategy does not have or a value it refuses is refused with the reason, and nothing is"
                + " written.")
@Service
public final class StrategyParamsCommand extends StrategyCommand {

    @Argument(index = 0, name = "id", description = "the strategy instance id", required = true)
    @Completion(StrategyCompleter.class)
    String id;

    @Argument(index = 1, name = "changes", description = "name=value pairs", required = false, multiValued = true)
    List<String> changes;

    @Override
    void run(StrategyAdminService service, PrintStream out) {
        if (changes == null || changes.isEmpty()) {
            StrategyInstanceInfo info = service.instance(id)
                    .orElseThrow(() -> new IllegalArgumentException("no strategy instance " + id
                            + " (nautilus:strategies lists them)"));
            ShellTable table = new ShellTable();
            table.column("PARAMETER");
            table.column("VALUE");
            for (Map.Entry<String, String> entry : new TreeMap<>(info.parameters()).entrySet()) {
                table.addRow().addContent(entry.getKey(), entry.getValue());
            }
            table.emptyTableText("no parameters");
            table.print(out);
            out.println("configuration: " + (info.configuration().isEmpty() ? "none" : info.configuration()));
            return;
        }
        out.println(service.updateParameters(id, parse(changes)));
    }

    /**
     * Parses {@code name=value} pairs.
     *
     * @param pairs the arguments
     * @return in the given order
     * @throws IllegalArgumentException for a pair without '=' or with an empty name
     */
    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + pair + "' is not name=value");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }
}
