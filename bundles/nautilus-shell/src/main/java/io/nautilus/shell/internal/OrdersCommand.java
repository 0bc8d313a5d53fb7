package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.OrderView;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * {@code nautilus:orders [--state working|filled|canceled|rejected|all] [--account A] [--instrument I]
 * [--side BUY|SELL] [--limit N]}: the working orders, or orders of the core's memory of recent orders by state.
 */
@Command(scope = "nautilus", name = "orders",
        description = "Lists the working orders (resting, and stop orders waiting for their trigger) by order id,"
                + " with prices and quantities on each instrument's scales; with --state, the orders of the core's"
                + " memory of recent orders in that state, with state, cumulative quantity, average price and"
                + " reason.")
@Service
public final class OrdersCommand extends CoreCommand {

    /** How many orders the table shows unless {@code --limit} says otherwise. */
    static final int DEFAULT_LIMIT = 100;

    @Option(name = "--state", description = "working (default: the working orders as the book holds them), filled,"
            + " canceled (canceled, expired and done for the day), rejected, or all: from the core's memory of"
            + " recent orders (every working order and the most recent finished ones)")
    @Completion(value = StringsCompleter.class, values = {"working", "filled", "canceled", "rejected", "all"})
    String state;

    @Option(name = "--account", description = "only this account's orders")
    @Completion(AccountCompleter.class)
    String account;

    @Option(name = "--instrument", description = "only orders in this instrument (id or symbol)")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Option(name = "--side", description = "only BUY or only SELL orders")
    @Completion(value = StringsCompleter.class, values = {"BUY", "SELL"})
    String side;

    @Option(name = "--limit", description = "show at most this many orders (lowest order ids first); 0 shows all")
    int limit = DEFAULT_LIMIT;

    @Override
    void run(PrintStream out) throws CommandException {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit " + limit + " must be 0 (all) or more");
        }
        var core = core();
        AccountId accountId = account == null ? null : AccountId.of(account);
        InstrumentId instrumentId = instrument == null ? null : new Catalog(core).instrument(instrument).id();
        Side sideFilter = side == null ? null : Choices.parse("--side", side, Side.class);
        OrderStateFilter stateFilter = state == null ? OrderStateFilter.WORKING
                : Choices.parse("--state", state, OrderStateFilter.class);
        // one more than shown, to tell whether there are more
        int ask = limit == 0 || limit == Integer.MAX_VALUE ? 0 : limit + 1;
        if (stateFilter != OrderStateFilter.WORKING) {
            String name = stateFilter.name().toLowerCase(java.util.Locale.ROOT);
            List<OrderHistory> remembered = core.orderHistories(new OrderFilter(accountId, instrumentId, sideFilter,
                    ask), stateFilter);
            boolean more = limit > 0 && remembered.size() > limit;
            OrderHistoryTable.table(more ? remembered.subList(0, limit) : remembered, "no " + (stateFilter
                    == OrderStateFilter.ALL ? "" : name + " ") + "orders in the core's memory (it keeps the last "
                    + core.finishedOrdersKept() + " finished orders)", scales()).print(out);
            if (more) {
                out.println("(showing the first " + limit + " " + (stateFilter == OrderStateFilter.ALL ? ""
                        : name + " ") + "orders; --limit 0 shows all)");
            }
            return;
        }
        List<OrderView> orders = core.orders(new OrderFilter(accountId, instrumentId, sideFilter, ask));
        boolean more = limit > 0 && orders.size() > limit;
        OrderTable.table(more ? orders.subList(0, limit) : orders, scales()).print(out);
        if (more) {
            out.println("(showing the first " + limit + " working orders; --limit 0 shows all)");
        }
    }
}
