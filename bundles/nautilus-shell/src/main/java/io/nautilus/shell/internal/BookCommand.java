package io.nautilus.shell.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.BookView;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code nautilus:book <instrument> [--depth N]}: the top of an instrument's order book and its last trade. */
@Command(scope = "nautilus", name = "book",
        description = "Shows the top of an instrument's order book, bids and asks side by side (best first, with"
                + " quantity and number of orders per level), and the last trade.")
@Service
public final class BookCommand extends CoreCommand {

    @Argument(index = 0, name = "instrument", required = true, description = "the instrument id (or venue symbol)")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Option(name = "--depth", description = "price levels per side, 1 or more (default 10)")
    int depth = 10;

    @Override
    void run(PrintStream out) throws CommandException {
        if (depth < 1) {
            throw new IllegalArgumentException("--depth " + depth + " must be 1 or more");
        }
        var core = core();
        Instrument definition = new Catalog(core).instrument(instrument);
        BookView book = core.book(definition.id(), depth);
        out.println(definition.id() + " (" + definition.symbol() + " on " + definition.venue() + ", prices in "
                + definition.currency() + ")");
        BookTable.table(book, definition).print(out);
        out.println(BookTable.lastTrade(book, definition));
    }
}
