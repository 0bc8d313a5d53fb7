package io.nautilus.shell.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:history orders|fills|positions|bars|alerts|notifications|instruments|accounts|backtests
 * [--account A] [--instrument I] [--from T] [--to T] [--limit N] [--csv FILE [--force]]} and {@code nautilus:history status}:
 * what the history store kept, as a table or exported to a CSV file, and how the store is doing.
 *
 * <p>The options may come before {@code <what>} (as Karaf parses them) or after it ({@code nautilus:history fills
 * --account desk-1}): Karaf hands the words after the first argument to the command as arguments, and the command
 * reads them as the same options.
 *
 * <p>The store is an optional reference: without it the command fails with one line (without the history API
 * bundle the command is not registered at all; the other commands are unaffected).
 */
@Command(scope = "nautilus", name = "history",
        description = "Queries the history store: orders (every state change), fills, positions (snapshots), bars,"
                + " alerts, notifications (what the notification engine did: deliveries, acks, silences, ...),"
                + " instruments and accounts (every definition), backtests (runs), newest first (instruments"
                + " and accounts oldest first), as a table or with --csv FILE as a CSV file on the platform's"
                + " machine; status shows the store's state, lag, rows written and last error. Times are UTC"
                + " ISO-8601; prices and quantities exact decimals at the scale the store kept.")
@Service
public final class HistoryCommand extends CoreCommand {

    /** The line printed when the history store's service is not registered. */
    static final String NOT_RUNNING = "nautilus: the history store is not running";

    /** The sub-commands, as {@code what} takes them. */
    static final List<String> WHAT = List.of("orders", "fills", "positions", "bars", "alerts", "notifications",
            "instruments", "accounts", "backtests", "status");

    /** The options that take a value, as they may follow {@code <what>}. */
    private static final List<String> VALUED_OPTIONS = List.of("--account", "--instrument", "--from", "--to",
            "--limit", "--csv");

    @Reference(optional = true)
    HistoryService history;

    @Argument(index = 0, name = "what", required = true, description = "orders, fills, positions, bars, alerts,"
            + " notifications, instruments, accounts, backtests or status")
    @Completion(value = StringsCompleter.class, values = {"orders", "fills", "positions", "bars", "alerts",
        "notifications", "instruments", "accounts", "backtests", "status"})
    String what;

    @Argument(index = 1, name = "options", multiValued = true, description = "the options may also follow <what>,"
            + " as in nautilus:history fills --account desk-1 --from 2026-12-06 (--name value or --name=value)")
    @Completion(HistoryOptionCompleter.class)
    List<String> trailing;

    @Option(name = "--account", description = "only this account (orders, fills, positions, accounts)")
    @Completion(AccountCompleter.class)
    String account;

    @Option(name = "--instrument", description = "only this instrument, by id, or by symbol when the trading core"
            + " knows exactly one instrument with it (orders, fills, positions, bars, instruments)")
    @Completion(InstrumentCompleter.class)
    String instrument;

    @Option(name = "--from", description = "only rows at or after this time (inclusive): a UTC ISO-8601 instant"
            + " such as 2026-12-06T09:30:00Z, or a date such as 2026-12-06 meaning its midnight UTC")
    String from;

    @Option(name = "--to", description = "only rows before this time (exclusive): a UTC ISO-8601 instant, or a date"
            + " meaning its midnight UTC (--to 2026-12-07 includes all of 2026-12-06)")
    String to;

    @Option(name = "--limit", description = "at most this many rows, the newest (1 to 1000000; default 100); also"
            + " for --csv")
    String limit;

    @Option(name = "--csv", description = "write the rows to this CSV file on the platform's machine instead of"
            + " printing them (a path relative to the distribution folder, or absolute; admin only); an existing"
            + " file is not replaced without --force")
    String csv;

    @Option(name = "--force", description = "with --csv: replace the file if it exists")
    boolean force;

    /** The folder relative {@code --csv} paths start from; the distribution folder in Karaf. */
    Path base = Path.of(System.getProperty("karaf.base", "."));

    @Override
    void run(PrintStream out) throws CommandException {
        if (trailing != null) {
            takeTrailingOptions(trailing);
        }
        String name = what.strip().toLowerCase(Locale.ROOT);
        if (!WHAT.contains(name)) {
            throw new IllegalArgumentException("unknown history '" + what + "'; use one of "
                    + String.join(", ", WHAT));
        }
        if (force && csv == null) {
            throw new IllegalArgumentException("--force goes only with --csv FILE");
        }
        if (name.equals("status")) {
            refuse("status", account, "--account");
            refuse("status", instrument, "--instrument");
            refuse("status", from, "--from");
            refuse("status", to, "--to");
            refuse("status", limit, "--limit");
            refuse("status", csv, "--csv");
            status(service(), out);
            return;
        }
        switch (name) {
            case "bars", "instruments" -> refuse(name, account, "--account");
            case "alerts", "notifications", "backtests" -> {
                refuse(name, account, "--account");
                refuse(name, instrument, "--instrument");
            }
            case "accounts" -> refuse(name, instrument, "--instrument");
            default -> {
            }
        }
        HistoryQuery query = query();
        Path target = csv == null ? null : CsvFile.target(csv, base, force);
        HistoryService store = service();
        try {
            switch (name) {
                case "orders" -> show(HistoryColumns.ORDERS, store.orders(query), query, "order events", target, out);
                case "fills" -> show(HistoryColumns.FILLS, store.fills(query), query, "fills", target, out);
                case "positions" -> show(HistoryColumns.POSITIONS, store.positions(query), query,
                        "position snapshots", target, out);
                case "bars" -> show(HistoryColumns.BARS, store.bars(query), query, "bars", target, out);
                case "alerts" -> show(HistoryColumns.ALERTS, store.alerts(query), query, "alerts", target, out);
                case "notifications" -> show(HistoryColumns.NOTIFICATIONS, store.notifications(query), query,
                        "notification records", target, out);
                case "backtests" -> show(HistoryColumns.BACKTESTS, store.backtestRuns(query), query,
                        "backtest runs", target, out);
                case "instruments" -> show(HistoryColumns.INSTRUMENTS, definitions(store.instruments(), query,
                                r -> r.instrument().id(), query.instrument(), r -> r.definedAt()), query,
                        "instrument definitions", target, out);
                case "accounts" -> show(HistoryColumns.ACCOUNTS, definitions(store.accounts(), query,
                                r -> r.account(), query.account(), r -> r.definedAt()), query,
                        "account definitions", target, out);
                default -> throw new IllegalStateException(name);
            }
        } catch (HistoryUnavailableException e) {
            throw new CommandException("nautilus: the history store cannot answer: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the options typed after {@code <what>} (Karaf parses options only before the first argument).
     *
     * @param tokens the words after {@code <what>}
     * @throws IllegalArgumentException naming the word if it is not one of the options, an option lacks its value,
     *                                  or an option is given twice
     */
    private void takeTrailingOptions(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int equals = token.indexOf('=');
            String option = equals < 0 ? token : token.substring(0, equals);
            if (option.equals("--force")) {
                if (equals >= 0) {
                    throw new IllegalArgumentException("--force takes no value");
                }
                if (force) {
                    throw new IllegalArgumentException("--force is given twice");
                }
                force = true;
                continue;
            }
            if (!VALUED_OPTIONS.contains(option)) {
                throw new IllegalArgumentException("'" + token + "' is not an option of nautilus:history (" + String
                        .join(", ", VALUED_OPTIONS) + ", --force); nautilus:history --help lists them");
            }
            String value;
            if (equals >= 0) {
                value = token.substring(equals + 1);
            } else if (i + 1 < tokens.size()) {
                value = tokens.get(++i);
            } else {
                throw new IllegalArgumentException(option + " needs a value");
            }
            if (valueOf(option) != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            switch (option) {
                case "--account" -> account = value;
                case "--instrument" -> instrument = value;
                case "--from" -> from = value;
                case "--to" -> to = value;
                case "--limit" -> limit = value;
                case "--csv" -> csv = value;
                default -> throw new IllegalStateException(option);
            }
        }
    }

    private String valueOf(String option) {
        return switch (option) {
            case "--account" -> account;
            case "--instrument" -> instrument;
            case "--from" -> from;
            case "--to" -> to;
            case "--limit" -> limit;
            case "--csv" -> csv;
            default -> throw new IllegalStateException(option);
        };
    }

    private HistoryService service() throws CommandException {
        HistoryService store = history;
        if (store == null) {
            throw new CommandException(NOT_RUNNING);
        }
        return store;
    }

    private static void refuse(String name, String value, String option) {
        if (value != null) {
            throw new IllegalArgumentException(option + " does not apply to nautilus:history " + name);
        }
    }

    /**
     * The filter the options say.
     *
     * @return the query
     * @throws IllegalArgumentException naming the option and value if one is malformed, or --from is after --to
     */
    HistoryQuery query() {
        AccountId accountId = null;
        if (account != null) {
            try {
                accountId = AccountId.of(account.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--account '" + account + "' is not an account id (1 to 64"
                        + " letters, digits or . _ - : /)");
            }
        }
        InstrumentId instrumentId = instrument == null ? null : instrumentId(instrument.strip());
        Instant fromTime = from == null ? null : time("--from", from);
        Instant toTime = to == null ? null : time("--to", to);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new IllegalArgumentException("--from " + fromTime + " is after --to " + toTime);
        }
        return new HistoryQuery(accountId, instrumentId, fromTime, toTime, limit());
    }

    private int limit() {
        if (limit == null) {
            return HistoryQuery.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= HistoryQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new IllegalArgumentException("--limit '" + limit + "' is not a whole number from 1 to "
                + HistoryQuery.MAX_LIMIT);
    }

    /**
     * An instrument id as typed, or the id of the one instrument the core knows with that symbol. The store keeps
     * instruments the core may no longer define, so a well-formed id the core does not know is taken as is.
     */
    private InstrumentId instrumentId(String text) {
        TradingCoreService service = core;
        Optional<InstrumentId> wellFormed;
        try {
            wellFormed = Optional.of(InstrumentId.of(text));
        } catch (IllegalArgumentException e) {
            wellFormed = Optional.empty();
        }
        if (service != null && (wellFormed.isEmpty() || service.instrument(wellFormed.get()).isEmpty())) {
            List<Instrument> bySymbol = new ArrayList<>();
            for (Instrument i : service.instruments()) {
                if (i.symbol().equals(text)) {
                    bySymbol.add(i);
                }
            }
            if (bySymbol.size() == 1) {
                return bySymbol.get(0).id();
            }
        }
        return wellFormed.orElseThrow(() -> new IllegalArgumentException("--instrument '" + text + "' is not an"
                + " instrument id (1 to 64 letters, digits or . _ - : /) nor the symbol of one instrument of the"
                + " trading core"));
    }

    /**
     * Parses {@code --from} / {@code --to}.
     *
     * @param option the option, for the message
     * @param text   an ISO-8601 instant ({@code 2026-12-06T09:30:00Z}, also with an offset such as {@code +01:00})
     *               or a date ({@code 2026-12-06}, its midnight UTC)
     * @return the instant
     * @throws IllegalArgumentException naming the option, the text and the accepted forms
     */
    static Instant time(String option, String text) {
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(option + " '" + text + "' is not a UTC ISO-8601 instant such as"
                        + " 2026-12-06T09:30:00Z nor a date such as 2026-12-06");
            }
        }
    }

    /** Definitions (kept oldest first) narrowed to the query's key and time range, the first {@code limit}. */
    private static <T, K> List<T> definitions(List<T> all, HistoryQuery query, Function<T, K> key, K wanted,
                                              Function<T, Instant> time) {
        Predicate<T> matches = r -> (wanted == null || wanted.equals(key.apply(r)))
                && (query.from() == null || !time.apply(r).isBefore(query.from()))
                && (query.to() == null || time.apply(r).isBefore(query.to()));
        List<T> rows = new ArrayList<>();
        for (T r : all) {
            if (rows.size() < query.limit() && matches.test(r)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private <T> void show(HistoryColumns<T> columns, List<T> rows, HistoryQuery query, String noun, Path target,
                          PrintStream out) throws CommandException {
        if (target != null) {
            try {
                CsvFile.write(target, columns.headers(), rows, columns::csvFields, force);
            } catch (IOException e) {
                throw new CommandException("nautilus: cannot write " + target + ": " + e.getMessage(), e);
            }
            out.println(rows.size() + (rows.size() == 1 ? " row" : " rows") + " written to " + target);
        } else if (rows.isEmpty()) {
            out.println("no " + noun + " in the history store match");
        } else {
            columns.table(rows).print(out);
        }
        if (rows.size() == query.limit()) {
            out.println("(" + rows.size() + " " + noun + ": the limit; there may be more, raise --limit or narrow"
                    + " --from/--to)");
        }
    }

    private static void status(HistoryService store, PrintStream out) throws CommandException {
        HistoryStatus status;
        try {
            status = store.status();
        } catch (HistoryUnavailableException e) {
            throw new CommandException("nautilus: the history store cannot answer: " + e.getMessage(), e);
        }
        ShellTable table = new ShellTable().noHeaders();
        table.column("Name");
        table.column("Value");
        for (List<String> row : statusRows(status)) {
            table.addRow().addContent(row.get(0), row.get(1));
        }
        table.print(out);
    }

    /**
     * The name/value pairs of {@code nautilus:history status}, in print order.
     *
     * @param s the store's status
     * @return pairs of name and value
     */
    static List<List<String>> statusRows(HistoryStatus s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("State", s.state()));
        rows.add(List.of("Database", s.database() == null ? "-" : s.database()));
        rows.add(List.of("Schema version", s.schemaVersion() == 0 ? "unknown" : Integer.toString(s.schemaVersion())));
        rows.add(List.of("Core seq", Long.toString(s.coreSeq())));
        rows.add(List.of("Written seq", Long.toString(s.writtenSeq())));
        rows.add(List.of("Lag", s.lagSeq() + " seqs, " + s.lagMillis() + " ms"));
        rows.add(List.of("Behind from seq", s.behindFromSeq() == 0 ? "none" : Long.toString(s.behindFromSeq())));
        rows.add(List.of("Queued", Integer.toString(s.queued())));
        rows.add(List.of("Rows written", Long.toString(s.rowsWritten())));
        rows.add(List.of("Dropped", Long.toString(s.dropped())));
        rows.add(List.of("Catch-ups", Long.toString(s.catchUps())));
        rows.add(List.of("Errors", Long.toString(s.errors())));
        rows.add(List.of("Last error", s.lastError() == null ? "none"
                : s.lastError() + (s.lastErrorAt() == null ? "" : " (at " + s.lastErrorAt() + ")")));
        return rows;
    }
}
