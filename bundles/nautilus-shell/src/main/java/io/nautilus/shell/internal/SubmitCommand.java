package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import java.io.PrintStream;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/**
 * {@code nautilus:submit <account> <instrument> <side> <quantity> [price]}: enters an order by hand and prints what
 * the core did with it.
 */
@Command(scope = "nautilus", name = "submit",
        description = "Submits an order to the trading core, waits for it to be processed and prints the order id"
                + " and each execution report (or the reject reason, and fails). Prices and quantities are decimals"
                + " on the instrument's scales.")
@Service
public final class SubmitCommand extends CoreCommand {

    @Argument(index = 0, name = "account", required = true, description = "the account to book the order to")
    @Completion(AccountCompleter.class)
    String account;

    @Argument(index = 1, name = "instrument", required = true, description = "the instrument id (or venue symbol)")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Argument(index = 2, name = "side", required = true, description = "BUY or SELL")
    @Completion(value = StringsCompleter.class, values = {"BUY", "SELL"})
    String side;

    @Argument(index = 3, name = "quantity", required = true,
            description = "order quantity as a decimal on the instrument's quantity scale, e.g. 0.5")
    String quantity;

    @Argument(index = 4, name = "price",
            description = "limit price as a decimal on the instrument's price scale, e.g. 101.25; omit it for"
                    + " MARKET and STOP orders")
    String price;

    @Option(name = "--type", description = "LIMIT, MARKET, STOP or STOP_LIMIT; default LIMIT with a price and"
            + " MARKET without (STOP_LIMIT or STOP when --stop is given)")
    @Completion(value = StringsCompleter.class, values = {"LIMIT", "MARKET", "STOP", "STOP_LIMIT"})
    String type;

    @Option(name = "--tif", description = "time in force: GTC, IOC, FOK, DAY or GTD; default GTC (IOC for a"
            + " MARKET order, GTD when --expire is given)")
    @Completion(value = StringsCompleter.class, values = {"GTC", "IOC", "FOK", "DAY", "GTD"})
    String tif;

    @Option(name = "--stop", description = "stop (trigger) price of a STOP or STOP_LIMIT order, as a decimal")
    String stop;

    @Option(name = "--display", description = "iceberg: the quantity shown on the book, as a decimal")
    String display;

    @Option(name = "--post-only", description = "the order must add liquidity; rejected if it would trade on"
            + " arrival (LIMIT orders that can rest)")
    boolean postOnly;

    @Option(name = "--reduce-only", description = "the order may only reduce the account's position, never"
            + " increase or flip it")
    boolean reduceOnly;

    @Option(name = "--expire", description = "when a GTD order expires, an ISO-8601 instant such as"
            + " 2026-11-25T16:30:00Z")
    String expire;

    @Option(name = "--client-id", description = "client order id, greater than zero and unique per account;"
            + " default: generated from the clock")
    Long clientId;

    @Override
    void run(PrintStream out) throws CommandException {
        var core = core();
        Catalog catalog = new Catalog(core);
        Instrument definition = catalog.instrument(instrument);
        AccountId accountId = catalog.account(account);
        long clientOrderId = clientId != null ? clientId : ClientOrderIds.SHELL.next();
        NewOrder order = new OrderTicket(side, quantity, price, type, tif, stop, display, postOnly, reduceOnly,
                expire).toOrder(clientOrderId, accountId, definition, Instant.now());
        print(await(core.submit(order), "the order"), out);
    }
}
