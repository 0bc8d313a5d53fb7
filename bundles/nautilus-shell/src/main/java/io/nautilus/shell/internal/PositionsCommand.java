package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:positions [account]}: positions with average price, mark and P&amp;L. An account the core does
 * not know (not configured, never traded) fails with one line.
 */
@Command(scope = "nautilus", name = "positions",
        description = "Lists positions (flat ones included once traded) with average price, mark, realised and"
                + " unrealised P&L, fees and traded quantities, on each instrument's scales.")
@Service
public final class PositionsCommand extends CoreCommand {

    @Argument(index = 0, name = "account", description = "only this account's positions; all accounts when omitted")
    @Completion(AccountCompleter.class)
    String account;

    @Override
    void run(PrintStream out) throws CommandException {
        var core = core();
        AccountId accountId = account == null ? null : AccountId.of(account);
        var positions = core.positions(accountId);
        if (accountId != null && positions.isEmpty()) {
            new Catalog(core).account(account);
        }
        PositionTable.table(positions, scales()).print(out);
    }
}
