package io.nautilus.core.embedded;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.VenueReport;
import io.nautilus.core.config.InstrumentSpec;
import io.nautilus.core.config.InstrumentsConfig;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.engine.TradingEngine;
import io.nautilus.core.internal.ReportBuilder;
import io.nautilus.core.internal.ResultDelivery;
import io.nautilus.core.position.PositionKeeper;
import io.nautilus.core.risk.RiskLimits;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The trading core's business logic (risk, matching and venue orders, positions, fees) run on the caller's thread,
 * without ring, journal or threads: the engine the live core runs, for the backtest engine. Commands are processed
 * one by one, in call order, at the logical time the caller gives; each call returns the command's result with its
 * execution reports, built as the live core publishes them.
 *
 * <p>Not thread-safe: one thread owns an instance. Order ids are handed out from 1; the command sequence starts at
 * 1 and is the result's {@link CommandResult#seq()}.
 */
public final class EmbeddedCore {

    /**
     * Decides the fee of one fill in place of the instrument's schedule (maker/taker basis points).
     */
    @FunctionalInterface
    public interface FeeModel {
        /**
         * @param account     the account charged
         * @param instrument  the instrument
         * @param orderId     the charged side's order id
         * @param price       fill price, price scale
         * @param quantity    fill quantity, quantity scale
         * @param maker       whether the charged side added liquidity
         * @param scheduleFee the fee the instrument's schedule gives, price-scale money, rounded up
         * @return the fee to charge, price-scale money (negative = rebate)
         */
        long fee(AccountId account, InstrumentId instrument, long orderId, long price, long quantity, boolean maker,
                 long scheduleFee);
    }

    /**
     * An instrument with what only the core knows of it.
     *
     * @param instrument     the shared definition
     * @param makerFeeBps    maker fee, basis points of the notional (negative = rebate)
     * @param takerFeeBps    taker fee, basis points of the notional
     * @param priceBandBps   limit price band around the reference, 0 = none
     * @param referencePrice initial band reference, price scale, 0 = none
     */
    public record Definition(Instrument instrument, long makerFeeBps, long takerFeeBps, long priceBandBps,
                             long referencePrice) {
    }

    private final TradingEngine engine;
    private final ReportBuilder reports = new ReportBuilder();
    private final Command command = new Command();
    private final Map<String, Definition> definitions = new HashMap<>();
    private long seq;
    private long nextOrderId = 1;

    /**
     * @param moneyScale scale of account totals (0..18); exact when every instrument's price scale is at most it
     */
    public EmbeddedCore(int moneyScale) {
        this.engine = new TradingEngine(moneyScale);
    }

    /**
     * Reads a configuration file in Config Admin's {@code .cfg} format ({@code key = value} lines).
     *
     * @param file the file
     * @return its keys and values
     * @throws IOException if it cannot be read
     */
    public static Map<String, String> readConfig(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name).trim());
        }
        return map;
    }

    /**
     * Parses an instruments configuration ({@code etc/io.nautilus.core.instruments.cfg} format) without defining
     * anything.
     *
     * @param properties the configuration
     * @return the instruments, sorted by symbol
     * @throws IllegalArgumentException naming the first invalid key
     */
    public static List<Definition> parseInstruments(Map<String, ?> properties) {
        List<Definition> out = new ArrayList<>();
        for (InstrumentSpec s : InstrumentsConfig.parse(properties)) {
            out.add(new Definition(s.instrument(), s.makerFeeBps(), s.takerFeeBps(), s.priceBandBps(),
                    s.referencePrice()));
        }
        return out;
    }

    /**
     * Defines instruments.
     *
     * @param instruments the definitions
     * @param external    true to route every order of them to an external venue (answered with
     *                    {@link #venueReport}) instead of matching them in the core's books
     * @throws IllegalArgumentException if the core refuses one (those before it stay defined)
     */
    public void defineInstruments(List<Definition> instruments, boolean external) {
        for (Definition d : instruments) {
            Instrument i = d.instrument();
            Registry.View view = engine.registry().view();
            int id = view.instrumentId(i.symbol());
            Registry.InstrumentDef def = new Registry.InstrumentDef(id < 0 ? view.instruments().size() : id,
                    i.symbol(), i.tickSize(), i.lotSize(), i.minQuantity(), d.priceBandBps(), d.referencePrice(),
                    i.priceScale(), i.quantityScale(), d.makerFeeBps(), d.takerFeeBps());
            Command c = begin(0);
            Registry.encode(def, external, c);
            engine.process(c);
            if (c.rejected()) {
                throw new IllegalArgumentException("instrument " + i.symbol() + " refused by the core: "
                        + c.rejectReason + (c.rejectDetail == null ? "" : " (" + c.rejectDetail + ")"));
            }
            definitions.put(i.symbol(), d);
        }
    }

    /**
     * Defines an account.
     *
     * @param account       the account
     * @param selfTradeMode self-trade prevention: {@code none}, {@code cancel-incoming}, {@code cancel-resting} or
     *                      {@code cancel-both}
     * @param capital       capital in money scale (equity = capital + net P&amp;L), at least 0
     * @throws IllegalArgumentException if refused
     */
    public void defineAccount(AccountId account, String selfTradeMode, long capital) {
        Registry.View view = engine.registry().view();
        int id = view.accountId(account.value());
        SelfTradePrevention stp = SelfTradePrevention.valueOf(selfTradeMode.trim().toUpperCase(Locale.ROOT)
                .replace('-', '_'));
        Registry.AccountDef def = new Registry.AccountDef(id < 0 ? view.accounts().size() : id, account.value(), stp,
                capital);
        Command c = begin(0);
        Registry.encode(def, c);
        engine.process(c);
        if (c.rejected()) {
            throw new IllegalArgumentException("account " + account + " refused by the core: " + c.rejectReason);
        }
    }

    /**
     * Sets the risk limits ({@code etc/io.nautilus.core.risk.cfg} format).
     *
     * @param properties the configuration; must name a limit or say {@code limits.none = true}
     * @throws IllegalArgumentException if invalid or refused
     */
    public void setRiskLimits(Map<String, ?> properties) {
        RiskLimits parsed = RiskLimits.parseConfiguration(properties);
        Command c = begin(0);
        c.op = Op.SET_LIMITS;
        c.text = parsed.toText();
        c.attachment = parsed;
        engine.process(c);
        if (c.rejected()) {
            throw new IllegalArgumentException("risk limits refused by the core: " + c.rejectReason
                    + (c.rejectDetail == null ? "" : " (" + c.rejectDetail + ")"));
        }
    }

    /**
     * Replaces the instruments' fee schedules by a model; null restores them.
     *
     * @param model the model
     */
    public void feeModel(FeeModel model) {
        if (model == null) {
            engine.positions().feeModel(null);
            return;
        }
        Registry.View view = engine.registry().view();
        engine.positions().feeModel((account, instrument, orderId, price, qty, maker, scheduleFee) ->
                model.fee(AccountId.of(view.account(account).name()), InstrumentId.of(view.instrument(instrument)
                        .symbol()), orderId, price, qty, maker, scheduleFee));
    }

    /**
     * A new order.
     *
     * @param order         the order
     * @param timestampNanos logical time
     * @return the result: accepted (NEW, or PENDING_NEW for an external instrument, with any fills) or rejected
     */
    public CommandResult submit(NewOrder order, long timestampNanos) {
        Registry.View view = engine.registry().view();
        int account = view.accountId(order.account().value());
        if (account < 0) {
            return refused(RejectReason.UNKNOWN_ACCOUNT, "account " + order.account().value());
        }
        int instrument = view.instrumentId(order.instrument().value());
        if (instrument < 0) {
            return refused(RejectReason.UNKNOWN_INSTRUMENT, "instrument " + order.instrument().value());
        }
        Command c = begin(timestampNanos);
        Op.encodeNew(order, nextOrderId++, account, instrument, c);
        return run(c);
    }

    /**
     * Cancels an order's open quantity (for an external instrument: asks its venue, PENDING_CANCEL).
     *
     * @param orderId        the core's order id
     * @param timestampNanos logical time
     * @return the result
     */
    public CommandResult cancel(long orderId, long timestampNanos) {
        Command c = begin(timestampNanos);
        c.op = Op.CANCEL;
        c.orderId = orderId;
        return run(c);
    }

    /**
     * Replaces an order's price and/or total quantity.
     *
     * @param orderId        the core's order id
     * @param newPrice       new price, or {@link FixedPoint#NULL} to keep it
     * @param newQuantity    new total quantity, or {@link FixedPoint#NULL} to keep it
     * @param timestampNanos logical time
     * @return the result
     */
    public CommandResult replace(long orderId, long newPrice, long newQuantity, long timestampNanos) {
        Command c = begin(timestampNanos);
        c.op = Op.REPLACE;
        c.orderId = orderId;
        c.price = newPrice == FixedPoint.NULL ? Command.UNCHANGED : newPrice;
        c.qty = newQuantity == FixedPoint.NULL ? Command.UNCHANGED : newQuantity;
        return run(c);
    }

    /**
     * What the venue of an external instrument did with an order.
     *
     * @param report         the venue's report
     * @param timestampNanos logical time
     * @return the result; a report that does not fit the core's view of the order is rejected and changes nothing
     */
    public CommandResult venueReport(VenueReport report, long timestampNanos) {
        Command c = begin(timestampNanos);
        Op.encodeVenueReport(report, c);
        return run(c);
    }

    /**
     * Marks an instrument (positions' unrealised P&amp;L, the price band's reference).
     *
     * @param instrument     the instrument
     * @param price          mark price, price scale, greater than zero
     * @param timestampNanos logical time
     * @return the result
     */
    public CommandResult mark(InstrumentId instrument, long price, long timestampNanos) {
        int id = engine.registry().view().instrumentId(instrument.value());
        if (id < 0) {
            return refused(RejectReason.UNKNOWN_INSTRUMENT, "instrument " + instrument.value());
        }
        Command c = begin(timestampNanos);
        c.op = Op.MARK;
        c.instrument = id;
        c.price = price;
        return run(c);
    }

    /**
     * The core's clock: expires GTD orders due at {@code timestampNanos}, and DAY orders at the end of a day.
     *
     * @param timestampNanos logical time
     * @param endOfDay       true when the trading day ended
     * @return the result (its reports are the expiries)
     */
    public CommandResult clock(long timestampNanos, boolean endOfDay) {
        Command c = begin(timestampNanos);
        c.op = Op.CLOCK;
        c.flags = endOfDay ? Op.CLOCK_END_OF_DAY : 0;
        return run(c);
    }

    /** @return the defined instruments, in definition order */
    public List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>();
        for (Registry.InstrumentDef d : engine.registry().view().instruments()) {
            Definition known = definitions.get(d.symbol());
            out.add(known.instrument());
        }
        return out;
    }

    /**
     * @param instrument an instrument id
     * @return its definition, or null if not defined
     */
    public Definition definition(InstrumentId instrument) {
        return definitions.get(instrument.value());
    }

    /**
     * @param account    the account
     * @param instrument the instrument
     * @return the signed position, quantity scale; 0 if none
     */
    public long position(AccountId account, InstrumentId instrument) {
        int[] ids = ids(account, instrument);
        return ids == null ? 0 : engine.positions().quantity(ids[0], ids[1]);
    }

    /**
     * @param account    the account
     * @param instrument the instrument
     * @return realised P&amp;L (fees not deducted), price scale; 0 if never traded
     */
    public long realizedPnl(AccountId account, InstrumentId instrument) {
        int[] ids = ids(account, instrument);
        var view = ids == null ? null : engine.positions().view(ids[0], ids[1]);
        return view == null ? 0 : view.realised();
    }

    /**
     * @param account    the account
     * @param instrument the instrument
     * @return unrealised P&amp;L at the mark, price scale; 0 when flat
     */
    public long unrealizedPnl(AccountId account, InstrumentId instrument) {
        int[] ids = ids(account, instrument);
        var view = ids == null ? null : engine.positions().view(ids[0], ids[1]);
        return view == null ? 0 : view.unrealised();
    }

    /**
     * Sets an instrument's mark without a command (no report, no band change): for valuing positions.
     *
     * @param instrument the instrument
     * @param price      mark price, price scale
     */
    public void setMark(InstrumentId instrument, long price) {
        int id = engine.registry().view().instrumentId(instrument.value());
        if (id >= 0) {
            engine.positions().mark(id, price);
        }
    }

    /**
     * @param account an account
     * @return realised + unrealised P&amp;L of all its positions minus fees, money scale
     */
    public long netPnl(AccountId account) {
        int id = engine.registry().view().accountId(account.value());
        return id < 0 ? 0 : engine.positions().netPnl(id);
    }

    /**
     * An account's net P&amp;L valued exactly at given marks (e.g. a quote mid between two ticks): for each position,
     * realised + quantity * mark - cost basis - fees, summed without rounding.
     *
     * @param account the account
     * @param marks   mark prices by instrument (in the currency, any scale); an instrument not in it is valued at
     *                the core's mark
     * @return the net P&amp;L in the currency, exact
     */
    public BigDecimal netPnlExact(AccountId account, Map<InstrumentId, BigDecimal> marks) {
        Registry.View view = engine.registry().view();
        int id = view.accountId(account.value());
        BigDecimal net = BigDecimal.ZERO;
        if (id < 0) {
            return net;
        }
        for (io.nautilus.core.position.PositionView p : engine.positions().positions(id)) {
            int exact = p.priceScale() + p.quantityScale();
            net = net.add(BigDecimal.valueOf(p.realisedExact(), exact))
                    .subtract(BigDecimal.valueOf(p.fees(), p.priceScale()));
            if (p.quantity() == 0) {
                continue;
            }
            BigDecimal mark = marks.get(InstrumentId.of(view.instrument(p.instrument()).symbol()));
            if (mark == null) {
                net = net.add(BigDecimal.valueOf(p.unrealisedExact(), exact));
            } else {
                net = net.add(BigDecimal.valueOf(p.quantity(), p.quantityScale()).multiply(mark))
                        .subtract(BigDecimal.valueOf(p.costBasis(), exact));
            }
        }
        return net;
    }

    /**
     * @param account an account
     * @return fees it paid (rebates negative), money scale
     */
    public long fees(AccountId account) {
        int id = engine.registry().view().accountId(account.value());
        return id < 0 ? 0 : engine.positions().fees(id);
    }

    /** @return the scale of account totals */
    public int moneyScale() {
        return engine.positions().moneyScale();
    }

    /** @return the last command sequence used */
    public long lastSeq() {
        return seq;
    }

    private int[] ids(AccountId account, InstrumentId instrument) {
        Registry.View view = engine.registry().view();
        int a = view.accountId(account.value());
        int i = view.instrumentId(instrument.value());
        return a < 0 || i < 0 ? null : new int[] {a, i};
    }

    private Command begin(long timestampNanos) {
        Command c = command;
        c.clear();
        c.seq = ++seq;
        c.timestamp = timestampNanos;
        return c;
    }

    private CommandResult run(Command c) {
        try {
            engine.process(c);
        } catch (RuntimeException e) {
            c.events.clear();
            c.reject(RejectReason.INVALID_ORDER, "exception in processor", 0, 0);
        }
        List<ExecutionReport> list = c.events.size() == 0 ? List.of()
                : reports.reports(c, engine.registry().view(), c.timestamp);
        return ResultDelivery.result(c, list);
    }

    private static CommandResult refused(RejectReason reason, String detail) {
        return new CommandResult(0, 0, Objects.requireNonNull(reason), detail, 0, 0, List.of());
    }
}
