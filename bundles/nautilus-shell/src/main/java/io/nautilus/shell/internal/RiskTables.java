package io.nautilus.shell.internal;

import io.nautilus.core.api.RiskLimitView;
import io.nautilus.core.api.TradingStateView;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** The risk limits and trading states as {@code nautilus:risk} prints them. */
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
}
