package io.nautilus.shell.internal;

import io.nautilus.core.api.Scope;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.CommandException;

/**
 * Base of the admin commands that act on a scope: {@code --account}, {@code --instrument}, both, or the whole
 * core when neither is given.
 */
abstract class ScopedCommand extends CoreCommand {

    @Option(name = "--account", description = "only this account (with --instrument: this account in that"
            + " instrument); neither option means global")
    @Completion(AccountCompleter.class)
    String account;

    @Option(name = "--instrument", description = "only this instrument id or symbol; neither option means global")
    @Completion(InstrumentCompleter.class)
    String instrument;

    /**
     * @return the scope the options name
     * @throws CommandException if the core is not running
     * @throws IllegalArgumentException if the account or instrument is unknown
     */
    final Scope scope() throws CommandException {
        if (account == null && instrument == null) {
            return Scope.GLOBAL;
        }
        return new Catalog(core()).scope(account, instrument);
    }
}
