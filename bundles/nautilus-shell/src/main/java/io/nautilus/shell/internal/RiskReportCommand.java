package io.nautilus.shell.internal;

import io.nautilus.analytics.api.risk.PortfolioRiskService;
import io.nautilus.analytics.api.risk.RiskReport;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code nautilus:risk-report}: the live book's exposures by account, currency and instrument, and its one-day
 * VaR/CVaR (historical and parametric, 95 % and 99 %) per account and for all accounts.
 */
@Command(scope = "nautilus", name = "risk-report",
        description = "Shows the live book's gross and net exposure by account, currency and instrument (quantity x"
                + " mark, per currency), and one-day VaR/CVaR of the current positions per account and for all"
                + " accounts: historical (percentile of the positions revalued over the last var.lookback.days daily"
                + " returns) and parametric (normal, with the returns' covariance), at 95% and 99%; losses"
                + " negative. Settings: etc/io.nautilus.analytics.cfg.")
@Service
public final class RiskReportCommand extends RiskServiceCommand {

    @Override
    void run(PortfolioRiskService service, PrintStream out) {
        RiskReport report = service.riskReport();
        out.println("Exposure by account");
        RiskReportTables.exposures("Account", report.exposures().byAccount()).print(out);
        out.println();
        out.println("Exposure by currency");
        RiskReportTables.exposures("Currency", report.exposures().byCurrency()).print(out);
        out.println();
        out.println("Exposure by instrument");
        RiskReportTables.exposures("Instrument", report.exposures().byInstrument()).print(out);
        if (!report.exposures().unmarked().isEmpty()) {
            out.println("(left out, no mark yet: " + String.join(", ", report.exposures().unmarked()) + ")");
        }
        out.println();
        out.println("Value at risk, 1 day (last " + report.lookbackDays() + " daily returns at most; "
                + report.source() + ")");
        RiskReportTables.var(report.var()).print(out);
    }
}
