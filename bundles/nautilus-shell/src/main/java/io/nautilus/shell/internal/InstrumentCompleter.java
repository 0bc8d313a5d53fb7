package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.TradingCoreService;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids and venue symbols of the trading core's instruments; nothing while the core is stopped. */
@Service
public final class InstrumentCompleter implements Completer {

    @Reference(optional = true)
    TradingCoreService core;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (core != null) {
            for (Instrument i : core.instruments()) {
                delegate.getStrings().add(i.id().value());
                delegate.getStrings().add(i.symbol());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
