package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.TradingCoreService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * Completes the words after {@code nautilus:history <what>}: the option names, and after {@code --account} or
 * {@code --instrument} the trading core's accounts or instruments (nothing for them while the core is stopped).
 */
@Service
public final class HistoryOptionCompleter implements Completer {

    /** The option names offered. */
    static final List<String> OPTIONS = List.of("--account", "--instrument", "--from", "--to", "--limit", "--csv",
            "--force");

    @Reference(optional = true)
    TradingCoreService core;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String[] words = commandLine.getArguments();
        int index = commandLine.getCursorArgumentIndex();
        String previous = index > 0 && index <= words.length ? words[index - 1] : "";
        StringsCompleter delegate = new StringsCompleter();
        TradingCoreService service = core;
        switch (previous) {
            case "--account" -> {
                if (service != null) {
                    for (AccountView account : service.accounts()) {
                        delegate.getStrings().add(account.account().value());
                    }
                }
            }
            case "--instrument" -> {
                if (service != null) {
                    for (Instrument i : service.instruments()) {
                        delegate.getStrings().add(i.id().value());
                        delegate.getStrings().add(i.symbol());
                    }
                }
            }
            case "--from", "--to", "--limit", "--csv" -> {
                return -1;
            }
            default -> delegate.getStrings().addAll(OPTIONS);
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
