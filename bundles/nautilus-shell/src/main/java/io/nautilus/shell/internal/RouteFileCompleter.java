package io.nautilus.shell.internal;

import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of the route files in the route folder. */
@Service
public final class RouteFileCompleter implements Completer {

    @Reference(optional = true)
    RouteAdminService routeAdmin;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (routeAdmin != null) {
            for (RouteFile f : routeAdmin.routeFiles()) {
                delegate.getStrings().add(f.fileName());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
