package io.nautilus.shell.internal;

import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.risk.PortfolioRiskService;
import io.nautilus.api.AccountId;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code nautilus:analytics <account> [--from T] [--to T]}: an account's performance statistics from the history
 * store (daily equity = capital + net P&amp;L of the day's last position snapshots).
 */
@Command(scope = "nautilus", name = "analytics",
        description = "Shows an account's performance statistics (total return, CAGR, volatility, Sharpe, Sortino,"
                + " max drawdown, VaR/CVaR, ...) over its daily equity from the history store: capital plus the net"
                + " P&L of each UTC day's last position snapshots. 252 periods a year, risk-free rate 0.")
@Service
public final class AnalyticsCommand extends RiskServiceCommand {

    @Argument(index = 0, name = "account", required = true, description = "the account")
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "options", multiValued = true, description = "--from T and --to T may also follow"
            + " the account (Karaf itself reads options only before it)")
    List<String> trailing;

    @Option(name = "--from", description = "from this time (inclusive): a UTC ISO-8601 instant or a date (its"
            + " midnight UTC); without it the series starts from the account's capital")
    String from;

    @Option(name = "--to", description = "until this time (exclusive): a UTC ISO-8601 instant or a date (its"
            + " midnight UTC)")
    String to;

    @Override
    void run(PortfolioRiskService service, PrintStream out) {
        if (trailing != null) {
            takeTrailingOptions(trailing);
        }
        String id = account.strip();
        try {
            AccountId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + account + "' is not an account id (1 to 64 letters, digits or"
                    + " . _ - : /)");
        }
        Instant fromTime = from == null ? null : HistoryCommand.time("--from", from);
        Instant toTime = to == null ? null : HistoryCommand.time("--to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new IllegalArgumentException("--from " + fromTime + " is not before --to " + toTime);
        }
        PerformanceResult result = service.accountPerformance(id, fromTime, toTime);
        int days = result.dates().size();
        out.println("Account " + id + ": " + days + (days == 1 ? " daily return, " : " daily returns, ")
                + result.dates().get(0) + " to " + result.dates().get(result.dates().size() - 1));
        RiskReportTables.metrics(result.metrics(), result.undefined()).print(out);
    }

    /**
     * Takes {@code --from T} / {@code --to T} (or {@code --from=T}) typed after the account.
     *
     * @throws IllegalArgumentException naming the word that is not one of them, lacks its value or repeats one
     */
    private void takeTrailingOptions(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int equals = token.indexOf('=');
            String option = equals < 0 ? token : token.substring(0, equals);
            if (!option.equals("--from") && !option.equals("--to")) {
                throw new IllegalArgumentException("'" + token + "' is not an option of nautilus:analytics (--from,"
                        + " --to)");
            }
            String value;
            if (equals >= 0) {
                value = token.substring(equals + 1);
            } else if (i + 1 < tokens.size()) {
                value = tokens.get(++i);
            } else {
                throw new IllegalArgumentException(option + " needs a value");
            }
            if ((option.equals("--from") ? from : to) != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            if (option.equals("--from")) {
                from = value;
            } else {
                to = value;
            }
        }
    }
}
