package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the ids of strategy instances; nothing while the strategy engine is stopped. */
@Service
public final class StrategyCompleter implements Completer {

    @Reference(optional = true)
    StrategyAdminService strategies;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (strategies != null) {
            for (StrategyInstanceInfo info : strategies.instances()) {
                delegate.getStrings().add(info.id());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
