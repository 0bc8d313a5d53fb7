package io.nautilus.shell.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.core.api.AccountRiskView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.RiskLimitView;
import io.nautilus.core.api.TradingStateView;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** The risk limits, accounts' leverage and concentration, and trading states as {@code nautilus:risk} prints them. */
final class RiskTables {

    private RiskTables() {
    }

    /**
     * @param limits the configured limits; values are printed as the core gives them, in the units the limit
     *               names
     * @return a table of scope, limit and value
     */
    static ShellTable limits(List<RiskLimitView> limits) {
        ShellTable table = new ShellTable();
        table.column("Scope");
        table.column("Limit");
        table.column("Value").alignRight();
        table.emptyTableText("no risk limits configured (everything unlimited)");
        for (RiskLimitView limit : limits) {
            table.addRow().addContent(limit.scope(), limit.limit(), limit.value());
        }
        return table;
    }

    /**
     * @param states the states that are not ACTIVE, and the global state
     * @return a table of scope and state
     */
    static ShellTable states(List<TradingStateView> states) {
        ShellTable table = new ShellTable();
        table.column("Scope");
        table.column("State");
        table.emptyTableText("everything ACTIVE");
        for (TradingStateView state : states) {
            table.addRow().addContent(state.scope().toString(), state.state().name());
        }
        return table;
    }

    /**
     * @param accounts the accounts' leverage and concentration inputs
     * @return a table of capital, equity, gross exposure (money at the core's money scale), leverage and the
     * largest instrument's share of the gross exposure
     */
    static ShellTable accounts(List<AccountRiskView> accounts) {
        ShellTable table = new ShellTable();
        table.column("Account");
        table.column("Capital").alignRight();
        table.column("Equity").alignRight();
        table.column("Gross exposure").alignRight();
        table.column("Leverage").alignRight();
        table.column("Largest instrument");
        table.column("Share").alignRight();
        table.emptyTableText("no accounts");
        for (AccountRiskView a : accounts) {
            table.addRow().addContent(a.account(), FixedPoint.format(a.capital(), a.moneyScale()),
                    FixedPoint.format(a.equity(), a.moneyScale()), FixedPoint.format(a.grossExposure(), a.moneyScale()),
                    a.leverage() < 0 ? "- (equity <= 0)" : CommandResult.ratio(a.leverage()),
                    a.largestInstrument() == null ? "-" : a.largestInstrument(),
                    a.largestInstrument() == null ? "-" : CommandResult.ratio(a.largestShare()));
        }
        return table;
    }
}
