package io.nautilus.shell.internal;

import io.nautilus.analytics.api.risk.PortfolioRiskService;
import io.nautilus.analytics.api.risk.StressScenario;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the names of the stress scenarios of {@code etc/io.nautilus.analytics.cfg}. */
@Service
public final class ScenarioCompleter implements Completer {

    @Reference(optional = true)
    PortfolioRiskService risk;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (risk != null) {
            for (StressScenario scenario : risk.scenarios()) {
                delegate.getStrings().add(scenario.name());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
