package io.nautilus.shell.internal;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestService;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import java.util.List;

/** Completes the ids of backtest runs; nothing while the backtest service is not running. */
@Service
public final class BacktestIdCompleter implements Completer {

    @Reference(optional = true)
    BacktestService backtests;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (backtests != null) {
            for (BacktestInfo info : backtests.list()) {
                delegate.getStrings().add(info.id());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
