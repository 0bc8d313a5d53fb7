package io.nautilus.shell.internal;

import io.nautilus.analytics.api.risk.PortfolioRiskService;
import io.nautilus.analytics.api.risk.StressReport;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:stress [scenario]}: the P&amp;L each stress scenario of {@code etc/io.nautilus.analytics.cfg}
 * would cause to the current positions, per account and in total. A bad scenario is one error line under the table
 * (the others are shown); asked for by name, it fails the command.
 */
@Command(scope = "nautilus", name = "stress",
        description = "Applies the stress scenarios of etc/io.nautilus.analytics.cfg (scenario.<name> ="
                + " INSTRUMENT:PERCENT%, ...) to the current positions: the P&L of each shock (quantity x mark x"
                + " shock) per account and for all accounts, per currency. A scenario that does not parse or names an"
                + " unknown instrument is reported and the others are applied.")
@Service
public final class StressCommand extends RiskServiceCommand {

    @Argument(index = 0, name = "scenario", description = "only this scenario; all when omitted")
    @Completion(ScenarioCompleter.class)
    String scenario;

    @Override
    void run(PortfolioRiskService service, PrintStream out) throws CommandException {
        StressReport report = service.stress(scenario == null ? null : scenario.strip());
        if (scenario != null && !report.errors().isEmpty()) {
            throw new CommandException("nautilus: " + report.errors().get(0));
        }
        if (scenario == null && report.impacts().isEmpty() && report.errors().isEmpty()
                && service.scenarios().isEmpty()) {
            out.println("no stress scenarios configured (scenario.<name> = INSTRUMENT:PERCENT%, ... in"
                    + " etc/io.nautilus.analytics.cfg)");
            return;
        }
        RiskReportTables.stress(report.impacts()).print(out);
        for (String error : report.errors()) {
            out.println("error: " + error);
        }
    }
}
