package io.nautilus.shell.internal;

import io.nautilus.analytics.api.risk.Exposure;
import io.nautilus.analytics.api.risk.StressImpact;
import io.nautilus.analytics.api.risk.VarEstimate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.support.table.ShellTable;

/** The tables of {@code nautilus:risk-report}, {@code nautilus:stress} and {@code nautilus:analytics}. */
final class RiskReportTables {

    /** How the all-accounts rows are labelled. */
    static final String ALL = "(all)";

    private RiskReportTables() {
    }

    /**
     * @param title     the first column's heading: {@code Account}, {@code Instrument} or {@code Currency}
     * @param exposures the rows
     * @return the table: key, currency (not repeated when the key is the currency), gross, net, positions
     */
    static ShellTable exposures(String title, List<Exposure> exposures) {
        boolean byCurrency = title.equals("Currency");
        ShellTable table = new ShellTable();
        table.column(title);
        if (!byCurrency) {
            table.column("Currency");
        }
        table.column("Gross").alignRight();
        table.column("Net").alignRight();
        table.column("Positions").alignRight();
        table.emptyTableText("no open positions");
        for (Exposure e : exposures) {
            if (byCurrency) {
                table.addRow().addContent(e.key(), plain(e.gross()), plain(e.net()), e.positions());
            } else {
                table.addRow().addContent(e.key(), e.currency(), plain(e.gross()), plain(e.net()), e.positions());
            }
        }
        return table;
    }

    /**
     * @param estimates the VaR estimates
     * @return the table: account, currency, method, confidence, VaR, CVaR, observations, note
     */
    static ShellTable var(List<VarEstimate> estimates) {
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Currency");
        table.column("Method");
        table.column("Conf").alignRight();
        table.column("VaR 1d").alignRight();
        table.column("CVaR 1d").alignRight();
        table.column("Obs").alignRight();
        table.column("Note");
        table.emptyTableText("no open positions");
        for (VarEstimate e : estimates) {
            table.addRow().addContent(e.account() == null ? ALL : e.account(), e.currency(),
                    e.method().name().toLowerCase(Locale.ROOT), percent(e.confidence()),
                    e.var() == null ? "-" : plain(e.var()), e.cvar() == null ? "-" : plain(e.cvar()),
                    e.observations(), e.unavailable() == null ? "" : e.unavailable());
        }
        return table;
    }

    /**
     * @param impacts the stress impacts
     * @return the table: scenario, account, currency, P&amp;L
     */
    static ShellTable stress(List<StressImpact> impacts) {
        ShellTable table = new ShellTable();
        table.column("Scenario");
        table.column("Account");
        table.column("Currency");
        table.column("P&L").alignRight();
        table.emptyTableText("no open position is shocked");
        for (StressImpact i : impacts) {
            table.addRow().addContent(i.scenario(), i.account() == null ? ALL : i.account(), i.currency(),
                    plain(i.pnl()));
        }
        return table;
    }

    /**
     * @param metrics   the performance metrics, in their order
     * @param undefined why each undefined metric is
     * @return the table: metric, value (decimals to 6 significant digits; undefined as {@code -} with the reason)
     */
    static ShellTable metrics(Map<String, Object> metrics, Map<String, String> undefined) {
        ShellTable table = new ShellTable();
        table.column("Metric");
        table.column("Value").alignRight();
        table.column("Note");
        metrics.forEach((key, value) -> table.addRow().addContent(key, metric(value),
                value == null ? undefined.getOrDefault(key, "") : ""));
        return table;
    }

    static String metric(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String percent(double confidence) {
        return BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString() + "%";
    }
}
