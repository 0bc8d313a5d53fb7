package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.OrderView;
import io.nautilus.core.api.Scope;
import io.nautilus.core.api.TradingCoreService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the instruments, accounts and orders an admin names against what the trading core knows, with a
 * message that lists the known names when one is not found.
 */
final class Catalog {

    /** How many known names a "not found" message lists at most. */
    static final int NAMES_SHOWN = 10;

    private final TradingCoreService core;

    /**
     * @param core the running trading core
     */
    Catalog(TradingCoreService core) {
        this.core = core;
    }

    /**
     * The instrument with an id, or else the one instrument with that venue symbol.
     *
     * @param text an instrument id such as {@code BTC-USD.COINBASE}, or a symbol such as {@code BTC-USD}
     * @return the instrument's definition
     * @throws IllegalArgumentException if none or several instruments match
     */
    Instrument instrument(String text) {
        if (isValidId(text)) {
            Optional<Instrument> byId = core.instrument(InstrumentId.of(text));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<Instrument> all = core.instruments();
        List<Instrument> bySymbol = new ArrayList<>();
        for (Instrument i : all) {
            if (i.symbol().equals(text)) {
                bySymbol.add(i);
            }
        }
        if (bySymbol.size() == 1) {
            return bySymbol.get(0);
        }
        if (bySymbol.size() > 1) {
            List<String> ids = new ArrayList<>();
            bySymbol.forEach(i -> ids.add(i.id().value()));
            throw new IllegalArgumentException("symbol '" + text + "' names several instruments ("
                    + String.join(", ", ids) + "); give the instrument id");
        }
        List<String> ids = new ArrayList<>();
        all.forEach(i -> ids.add(i.id().value()));
        throw new IllegalArgumentException("unknown instrument '" + text + "'; " + known(ids));
    }

    /**
     * An account id, checked to be one the core has configured.
     *
     * @param text the account id, e.g. {@code ACC-1}
     * @return the id
     * @throws IllegalArgumentException if the id is malformed or the core does not know the account
     */
    AccountId account(String text) {
        AccountId account = AccountId.of(text);
        List<String> names = new ArrayList<>();
        for (AccountView view : core.accounts()) {
            if (view.account().equals(account)) {
                return account;
            }
            names.add(view.account().value());
        }
        throw new IllegalArgumentException("unknown account '" + text + "'; " + known(names));
    }

    /**
     * The scope of an admin operation: account, instrument, both, or global when both are null.
     *
     * @param account    an account id, or null
     * @param instrument an instrument id or symbol, or null
     * @return the scope
     * @throws IllegalArgumentException if the account or instrument is unknown
     */
    Scope scope(String account, String instrument) {
        return new Scope(account == null ? null : account(account),
                instrument == null ? null : instrument(instrument).id());
    }

    /**
     * A working order, with its instrument's definition for the scales.
     *
     * @param orderId the core's order id
     * @return the order
     * @throws IllegalArgumentException if the order is not working
     */
    OrderView workingOrder(long orderId) {
        return core.order(orderId).orElseThrow(() -> new IllegalArgumentException("order " + orderId
                + " is not working (unknown, or already filled, canceled or expired)"));
    }

    /**
     * The definition of an instrument the core reported.
     *
     * @param id an instrument id from one of the core's views
     * @return the definition
     * @throws IllegalArgumentException if the core no longer has it
     */
    Instrument definition(InstrumentId id) {
        return core.instrument(id).orElseThrow(() -> new IllegalArgumentException("instrument " + id
                + " is no longer configured in the trading core"));
    }

    private static boolean isValidId(String text) {
        try {
            InstrumentId.of(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String known(List<String> names) {
        if (names.isEmpty()) {
            return "the trading core has none configured";
        }
        List<String> shown = names.size() > NAMES_SHOWN ? names.subList(0, NAMES_SHOWN) : names;
        return "known: " + String.join(", ", shown) + (names.size() > NAMES_SHOWN ? ", ..." : "");
    }
}
