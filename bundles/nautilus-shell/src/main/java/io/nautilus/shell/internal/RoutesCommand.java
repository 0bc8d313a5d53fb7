package io.nautilus.shell.internal;

import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.platform.RouteInfo;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:routes [list|reload] [file]}: the integrators' drop-in route files and the routes they run.
 */
@Command(scope = "nautilus", name = "routes",
        description = "Lists the drop-in Camel route files and routes (list), or reloads one file or all (reload).")
@Service
public final class RoutesCommand implements Action {

    @Argument(index = 0, name = "action", description = "list (the default) or reload")
    @Completion(value = StringsCompleter.class, values = {"list", "reload"})
    String action = "list";

    @Argument(index = 1, name = "file",
            description = "with reload: the route file's name in the route folder; every file when omitted")
    @Completion(RouteFileCompleter.class)
    String file;

    @Reference
    RouteAdminService routeAdmin;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        switch (action) {
            case "list" -> {
                if (file != null) {
                    throw new IllegalArgumentException("list takes no file; to reload one use: nautilus:routes reload " + file);
                }
                list(out);
            }
            case "reload" -> reload(out);
            default -> throw new IllegalArgumentException("unknown action '" + action + "': use list or reload");
        }
        return null;
    }

    private void list(PrintStream out) {
        out.println("Route folder: " + routeAdmin.routeDirectory());
        fileTable(routeAdmin.routeFiles()).print(out);
        out.println();
        routeTable(routeAdmin.routes()).print(out);
    }

    private void reload(PrintStream out) {
        List<RouteFile> results = file == null ? routeAdmin.reloadAll() : List.of(routeAdmin.reload(file));
        fileTable(results).print(out);
        long failed = results.stream().filter(r -> r.state() == RouteFile.State.FAILED).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + results.size() + " route file(s) failed to load: "
                    + results.stream().filter(r -> r.state() == RouteFile.State.FAILED).map(RouteFile::error)
                    .reduce((a, b) -> a + "; " + b).orElse(""));
        }
    }

    static ShellTable fileTable(List<RouteFile> files) {
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("State");
        table.column("Routes");
        table.column("Loaded");
        table.column("Error");
        for (RouteFile f : files) {
            table.addRow().addContent(f.fileName(), f.state(), String.join(",", f.routeIds()), f.loadedAt(),
                    f.error() == null ? "" : f.error());
        }
        return table;
    }

    static ShellTable routeTable(List<RouteInfo> routes) {
        ShellTable table = new ShellTable();
        table.column("Route");
        table.column("Source");
        table.column("Status");
        table.column("Uptime");
        table.column("Exchanges").alignRight();
        table.column("Failed").alignRight();
        table.column("From");
        for (RouteInfo r : routes) {
            table.addRow().addContent(r.id(), r.source() == null ? "(bundle)" : r.source(), r.status(),
                    Durations.format(r.uptimeMillis()), r.exchangesTotal(), r.exchangesFailed(), r.endpoint());
        }
        return table;
    }
}
