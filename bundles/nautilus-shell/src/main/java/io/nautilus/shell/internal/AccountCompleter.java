package io.nautilus.shell.internal;

import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.TradingCoreService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of the trading core's accounts; nothing while the core is stopped. */
@Service
public final class AccountCompleter implements Completer {

    @Reference(optional = true)
    TradingCoreService core;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (core != null) {
            for (AccountView account : core.accounts()) {
                delegate.getStrings().add(account.account().value());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
