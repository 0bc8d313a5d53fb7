package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/**
 * {@code nautilus:pnl [account]}: P&amp;L totals per account. An account the core does not know (not configured,
 * never traded) fails with one line.
 */
@Command(scope = "nautilus", name = "pnl",
        description = "Shows P&L totals per account: realised, unrealised at the marks, fees, net, gross exposure,"
                + " open positions and working orders.")
@Service
public final class PnlCommand extends CoreCommand {

    @Argument(index = 0, name = "account", description = "only this account; all accounts when omitted")
    @Completion(AccountCompleter.class)
    String account;

    @Override
    void run(PrintStream out) throws CommandException {
        var core = core();
        AccountId accountId = account == null ? null : AccountId.of(account);
        var pnl = core.pnl(accountId);
        var positions = core.positions(accountId);
        if (accountId != null && positions.isEmpty()) {
            new Catalog(core).account(account);
        }
        List<List<String>> rows = PnlTable.rows(pnl, positions, scales());
        PnlTable.table(rows).print(out);
        if (PnlTable.anyRaw(rows)) {
            out.println("(" + PnlTable.RAW + ": the account trades instruments with different price scales, so its"
                    + " totals are sums of raw units; nautilus:positions shows each instrument)");
        }
    }
}
