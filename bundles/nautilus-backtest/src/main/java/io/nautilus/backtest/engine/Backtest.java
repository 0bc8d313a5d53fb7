package io.nautilus.backtest.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.embedded.EmbeddedCore;
import io.nautilus.data.MarketEvent;
import io.nautilus.marketdata.pipeline.TickPipeline;
import io.nautilus.data.MarketEventSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Runs one backtest on the caller's thread: checks the request, replays its data on a simulated clock through the
 * simulated exchange, the trading core's engine ({@link EmbeddedCore}, every instrument external, account
 * {@value #ACCOUNT_NAME}), the market-data engine's validation and bars, and one strategy instance, and writes
 * {@code fills.csv}, {@code orders.csv}, {@code equity.csv} and {@code stats.json} into the request's output folder.
 *
 * <p>Per market event, in order: the scheduled actions due at or before its time (strategy timers, order and
 * cancel arrivals), then the exchange (fills of working orders), then the market-data stage and the strategy. At
 * the first event of a new UTC day the previous day's equity is taken, positions marked at each instrument's last
 * price (bar close, trade price or quote mid). The same request, data and seed give byte-identical files, except
 * the two wall-clock fields that end {@code stats.json} ({@code seconds}, {@code eventsPerSecond}).
 *
 * <p>{@code bin/nautilus-backtest} and the platform's backtest service both call {@link #run}.
 */
public final class Backtest {

    /** The account every backtest order is booked to. */
    public static final String ACCOUNT_NAME = "backtest";
    /** The account every backtest order is booked to. */
    public static final AccountId ACCOUNT = AccountId.of(ACCOUNT_NAME);

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final int PROGRESS_MASK = 4095;
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private Backtest() {
    }

    /**
     * Checks and runs a backtest.
     *
     * @param request   what to run
     * @param env       where strategies, instruments and relative paths are found, and the exchange and data reader
     * @param progress  hears the progress, at most about every 100 ms of wall time, on this thread
     * @param cancelled polled with the progress; true stops the run (a {@link BacktestException} that
     *                  {@link BacktestException#isCanceled() is a cancel}, the files written so far kept)
     * @return the run's figures
     * @throws IllegalArgumentException one line naming the bad input, found before anything is written: a data path
     *                                  that does not exist, an instruments or risk file that does not parse, an
     *                                  unknown strategy (the message lists the known ones), a bad parameter, an
     *                                  output folder that cannot be written, a strategy instrument without data, an
     *                                  empty date range or no events in it
     * @throws BacktestException        one line: bad data (file and line), a strategy that threw ({@code strategy
     *                                  <name> failed in <callback> at <time>: <exception>}), an output that cannot
     *                                  be written, or a cancel
     */
    public static BacktestResult run(BacktestRequest request, Environment env, ProgressListener progress,
                                     BooleanSupplier cancelled) throws BacktestException {
        TickPipeline.Settings validation = marketDataSettings(env.defaultInstruments());
        return run(request, env, progress, cancelled, (instruments, kinds, bars, sink) ->
                new PipelineStage(instruments, kinds, bars, validation, sink));
    }

    /**
     * The market-data validation settings of the distribution: {@code io.nautilus.marketdata.cfg} next to its
     * instruments file (price band, flagged reasons), or the shipped defaults when it is absent or unreadable.
     */
    static TickPipeline.Settings marketDataSettings(Path instrumentsFile) {
        Path cfg = instrumentsFile == null ? null : instrumentsFile.toAbsolutePath().resolveSibling(
                "io.nautilus.marketdata.cfg");
        if (cfg == null || !Files.isRegularFile(cfg)) {
            return TickPipeline.Settings.defaults();
        }
        try {
            return TickPipeline.Settings.parse(EmbeddedCore.readConfig(cfg));
        } catch (IOException | RuntimeException e) {
            return TickPipeline.Settings.defaults();
        }
    }

    static BacktestResult run(BacktestRequest request, Environment env, ProgressListener progress,
                              BooleanSupplier cancelled, MarketDataStage.Factory stages) throws BacktestException {
        Prepared p = prepare(request, env);
        try {
            return new Run(p, request, env, progress, cancelled, stages).run();
        } finally {
            try {
                p.source.close();
            } catch (IOException ignored) {
                // the run's outcome stands
            }
        }
    }

    /** Everything resolved and checked before running. */
    private record Prepared(Path out, List<Instrument> instruments, int moneyScale, long capital, EmbeddedCore core,
                            MarketEventSource source, MarketEvent first, StrategyFactory factory, Strategy strategy,
                            String strategyId, Map<String, String> parameters, int[] strategyIndex,
                            List<Instrument> strategyInstruments) {
    }

    private static Prepared prepare(BacktestRequest request, Environment env) throws BacktestException {
        Path base = env.baseDir();
        List<Path> paths = new ArrayList<>();
        for (String d : request.data()) {
            Path path = base.resolve(d);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--data " + d + ": no such file or folder");
            }
            paths.add(path);
        }
        Path instrumentsFile = request.instruments() == null ? env.defaultInstruments()
                : base.resolve(request.instruments());
        List<EmbeddedCore.Definition> definitions;
        try {
            definitions = EmbeddedCore.parseInstruments(EmbeddedCore.readConfig(instrumentsFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("--instruments " + instrumentsFile + ": cannot read it (" + e + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--instruments " + instrumentsFile + ": " + e.getMessage());
        }
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("--instruments " + instrumentsFile + " defines no instrument");
        }
        List<Instrument> instruments = new ArrayList<>();
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        int scale = 0;
        for (EmbeddedCore.Definition d : definitions) {
            instruments.add(d.instrument());
            bySymbol.put(d.instrument().symbol(), d.instrument());
            scale = Math.max(scale, d.instrument().priceScale());
        }
        Map<String, String> risk;
        if (request.risk() == null) {
            risk = Map.of("limits.none", "true");
        } else {
            Path riskFile = base.resolve(request.risk());
            try {
                risk = EmbeddedCore.readConfig(riskFile);
            } catch (IOException e) {
                throw new IllegalArgumentException("--risk " + riskFile + ": cannot read it (" + e + ")");
            }
        }
        EmbeddedCore core = new EmbeddedCore(scale);
        try {
            core.defineInstruments(definitions, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--instruments " + instrumentsFile + ": " + e.getMessage());
        }
        long capital;
        try {
            capital = FixedPoint.fromBigDecimal(request.capital().setScale(scale, RoundingMode.HALF_EVEN), scale);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--capital " + request.capital().toPlainString() + " is too large");
        }
        core.defineAccount(ACCOUNT, "none", capital);
        try {
            core.setRiskLimits(risk);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--risk " + request.risk() + ": " + e.getMessage());
        }

        StrategyFactory factory = env.strategies().find(request.strategy());
        if (factory == null) {
            List<String> known = env.strategies().names();
            throw new IllegalArgumentException("unknown strategy '" + request.strategy() + "'; known: "
                    + (known.isEmpty() ? "none (no strategy jar found)" : String.join(", ", known)));
        }
        Map<String, Object> declared = factory.parameters();
        Map<String, Object> parameters = new LinkedHashMap<>(request.parameters());
        if (declared.containsKey("account")) {
            parameters.put("account", ACCOUNT_NAME);
        }
        String strategyId = text(parameters.get("id"));
        if (strategyId.isBlank()) {
            strategyId = factory.name();
            if (declared.containsKey("id")) {
                parameters.put("id", strategyId);
            }
        }
        for (String key : parameters.keySet()) {
            if (!declared.containsKey(key)) {
                throw new IllegalArgumentException("strategy " + factory.name() + ": unknown parameter '" + key
                        + "'; it takes " + String.join(", ", declared.keySet()));
            }
        }

        Path out = base.resolve(request.out());
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + request.out() + " is a file, not a folder");
        }

        MarketEventSource source;
        try {
            source = env.data().open(paths, bySymbol, request.fromNanos(), request.toNanos());
        } catch (IOException e) {
            throw new BacktestException(message(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data: " + e.getMessage());
        }
        try {
            List<Instrument> dataInstruments = source.instruments();
            List<String> wanted = strategyInstruments(parameters, declared);
            int[] index = new int[dataInstruments.size()];
            Arrays.fill(index, -1);
            List<Instrument> chosen = new ArrayList<>();
            for (String symbol : wanted) {
                if (!bySymbol.containsKey(symbol)) {
                    throw new IllegalArgumentException("strategy " + factory.name() + ": instrument " + symbol
                            + " is not in " + instrumentsFile);
                }
                int at = indexOf(dataInstruments, symbol);
                if (at < 0) {
                    throw new IllegalArgumentException("strategy " + factory.name() + ": the data has no events of "
                            + "instrument " + symbol);
                }
            }
            for (int i = 0; i < dataInstruments.size(); i++) {
                if (wanted.isEmpty() || wanted.contains(dataInstruments.get(i).symbol())) {
                    index[i] = chosen.size();
                    chosen.add(dataInstruments.get(i));
                }
            }
            if (declared.containsKey("barSpec") && !parameters.containsKey("barSpec")) {
                long interval = 0;
                for (int i = 0; i < index.length; i++) {
                    if (index[i] >= 0 && (source.kinds(i) & (1 << MarketEvent.BAR)) != 0) {
                        interval = interval == 0 ? source.barIntervalNanos(i) : interval;
                    }
                }
                if (interval > 0) {
                    parameters.put("barSpec", "time:" + interval(interval));
                }
            }
            Strategy strategy;
            try {
                strategy = factory.create(parameters);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(factory.name()) ? e.getMessage()
                        : "strategy " + factory.name() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new BacktestException("strategy " + factory.name() + " failed in create: " + e, e);
            }
            MarketEvent first = new MarketEvent();
            boolean any;
            try {
                any = source.next(first);
            } catch (IOException e) {
                throw new BacktestException(message(e), e);
            }
            if (!any) {
                throw new IllegalArgumentException("the data has no events"
                        + (request.fromNanos() == null && request.toNanos() == null ? ""
                        : " between --from " + time(request.fromNanos()) + " and --to " + time(request.toNanos())));
            }
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + request.out() + ": cannot create the folder (" + e
                        + ")");
            }
            if (!Files.isWritable(out)) {
                throw new IllegalArgumentException("--out " + request.out() + ": the folder is not writable");
            }
            Map<String, String> text = new TreeMap<>();
            parameters.forEach((k, v) -> text.put(k, text(v)));
            return new Prepared(out, instruments, scale, capital, core, source, first, factory, strategy, strategyId,
                    text, index, chosen);
        } catch (RuntimeException | BacktestException e) {
            try {
                source.close();
            } catch (IOException ignored) {
                // the first failure is reported
            }
            throw e;
        }
    }

    private static List<String> strategyInstruments(Map<String, Object> parameters, Map<String, Object> declared) {
        List<String> out = new ArrayList<>();
        for (String key : List.of("instrument", "instruments")) {
            Object value = parameters.containsKey(key) ? parameters.get(key) : declared.get(key);
            for (String s : text(value).split(",")) {
                if (!s.isBlank() && !out.contains(s.strip())) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static int indexOf(List<Instrument> instruments, String symbol) {
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Object[] array) {
            StringBuilder sb = new StringBuilder();
            for (Object o : array) {
                sb.append(sb.length() == 0 ? "" : ",").append(o);
            }
            return sb.toString();
        }
        if (value instanceof Iterable<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                sb.append(sb.length() == 0 ? "" : ",").append(o);
            }
            return sb.toString();
        }
        return value.toString();
    }

    static String interval(long nanos) {
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        return Math.max(1, nanos / 1_000_000L) + "ms";
    }

    private static String time(Long nanos) {
        return nanos == null ? "(open)" : Instant.ofEpochSecond(0, nanos).toString();
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** One run: the loop and its state. */
    private static final class Run implements MarketDataStage.Sink {

        private final Prepared p;
        private final BacktestRequest request;
        private final Environment env;
        private final ProgressListener progress;
        private final BooleanSupplier cancelled;
        private final MarketDataStage.Factory stages;
        /** Twice each instrument's last price (bar close, trade price or quote mid: a mid may end in half a unit). */
        private final long[] lastPrice2;
        private final int[] priceScale;
        private final InstrumentId[] ids;
        private long netPnl;
        private SimScheduler scheduler;
        private BacktestContext context;
        private Recorder recorder;
        private long events;
        private long day = Long.MIN_VALUE;
        private long nextDayStart = Long.MIN_VALUE;

        Run(Prepared p, BacktestRequest request, Environment env, ProgressListener progress,
            BooleanSupplier cancelled, MarketDataStage.Factory stages) {
            this.p = p;
            this.request = request;
            this.env = env;
            this.progress = progress == null ? ProgressListener.NONE : progress;
            this.cancelled = cancelled == null ? () -> false : cancelled;
            this.stages = stages;
            int n = p.source.instruments().size();
            this.lastPrice2 = new long[n];
            Arrays.fill(lastPrice2, FixedPoint.NULL);
            this.priceScale = new int[n];
            this.ids = new InstrumentId[n];
            for (int i = 0; i < n; i++) {
                ids[i] = p.source.instruments().get(i).id();
                priceScale[i] = p.source.instruments().get(i).priceScale();
            }
        }

        BacktestResult run() throws BacktestException {
            MarketEvent ev = p.first;
            scheduler = new SimScheduler(ev.timestamp);
            try {
                recorder = new Recorder(p.out, p.instruments, p.moneyScale, p.capital);
            } catch (IOException e) {
                throw new BacktestException("--out " + p.out + ": cannot write (" + e + ")", e);
            }
            long started = System.nanoTime();
            long lastReport = started;
            try (Recorder r = recorder) {
                context = new BacktestContext(StrategyId.of(p.strategyId), ACCOUNT, scheduler, p.core,
                        p.parameters, recorder);
                Exchange exchange = env.exchanges().apply(request).create(p.core, p.source, scheduler,
                        this::onResult);
                context.bind(p.strategy, exchange);
                int[] dataKinds = new int[p.strategyInstruments.size()];
                for (int i = 0; i < p.strategyIndex.length; i++) {
                    if (p.strategyIndex[i] >= 0) {
                        dataKinds[p.strategyIndex[i]] = p.source.kinds(i);
                    }
                }
                MarketDataStage stage = stages.create(p.strategyInstruments, dataKinds, request.bars(), this);
                int[] index = p.strategyIndex;
                long estimate = p.source.estimatedEvents();
                context.start();
                long clock = Long.MIN_VALUE;
                do {
                    long t = ev.timestamp;
                    if (t >= nextDayStart) {
                        newDay(t);
                    }
                    if (scheduler.nextTime() <= t) {
                        scheduler.runUntil(t);
                    } else {
                        scheduler.advanceTo(t);
                    }
                    exchange.onMarketEvent(ev);
                    int i = ev.instrument;
                    int s = index[i];
                    if (t > clock) {
                        clock = t;
                        stage.clock(t);
                    }
                    switch (ev.kind) {
                        case MarketEvent.QUOTE -> {
                            lastPrice2[i] = ev.bidPrice == FixedPoint.NULL ? (ev.askPrice == FixedPoint.NULL
                                    ? lastPrice2[i] : 2 * ev.askPrice) : ev.askPrice == FixedPoint.NULL
                                    ? 2 * ev.bidPrice : ev.bidPrice + ev.askPrice;
                            if (s >= 0) {
                                stage.quote(s, ev.bidPrice, ev.bidSize, ev.askPrice, ev.askSize, t);
                            }
                        }
                        case MarketEvent.TRADE -> {
                            lastPrice2[i] = 2 * ev.price;
                            if (s >= 0) {
                                stage.trade(s, ev.price, ev.size, ev.aggressor, t);
                            }
                        }
                        case MarketEvent.BAR -> {
                            lastPrice2[i] = 2 * ev.close;
                            if (s >= 0) {
                                stage.bar(s, ev.barStart, t, ev.open, ev.high, ev.low, ev.close, ev.volume);
                            }
                        }
                        default -> throw new IllegalStateException("event of unknown kind " + ev.kind);
                    }
                    events++;
                    if ((events & PROGRESS_MASK) == 0) {
                        long now = System.nanoTime();
                        if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
                            lastReport = now;
                            progress.progress(events, estimate, recorder.fills(), events / ((now - started) / 1e9));
                            if (cancelled.getAsBoolean()) {
                                end(exchange);
                                throw BacktestException.canceled(events);
                            }
                        }
                    }
                } while (p.source.next(ev));
                if (cancelled.getAsBoolean()) {
                    end(exchange);
                    throw BacktestException.canceled(events);
                }
                end(exchange);
                long ended = System.nanoTime();
                double seconds = (ended - started) / 1e9;
                double rate = seconds > 0 ? events / seconds : 0;
                progress.progress(events, estimate, recorder.fills(), rate);
                Map<String, Object> stats = recorder.stats(events, netPnl, p.core.fees(ACCOUNT),
                        request.seed(), p.factory.name(), p.parameters);
                stats.put("seconds", seconds);
                stats.put("eventsPerSecond", rate);
                recorder.writeStats(stats);
                BacktestReport.write(p.out, recorder.analysed(), p.factory.name(), p.parameters, request.seed());
                return new BacktestResult(events, recorder.fills(), seconds, rate, p.out, stats);
            } catch (StrategyFailure f) {
                Throwable cause = f.getCause();
                throw new BacktestException("strategy " + p.strategyId + " failed in " + f.callback + " at "
                        + Instant.ofEpochSecond(0, f.timeNanos) + ": " + cause, cause);
            } catch (UncheckedIOException e) {
                throw new BacktestException("--out " + p.out + ": cannot write (" + e.getCause() + ")", e);
            } catch (IOException e) {
                throw new BacktestException(message(e), e);
            } catch (RuntimeException e) {
                throw new BacktestException("backtest failed at " + Instant.ofEpochSecond(0, scheduler.now()) + ": "
                        + e, e);
            }
        }

        /** The data ended (or the run was canceled): what is due now runs, open orders end, the last day closes. */
        private void end(Exchange exchange) {
            scheduler.runUntil(scheduler.now());
            context.stop();
            exchange.finish();
            closeDay();
            recorder.finishOrders();
        }

        private void newDay(long t) {
            if (day != Long.MIN_VALUE) {
                if (scheduler.nextTime() < nextDayStart) {
                    scheduler.runUntil(nextDayStart - 1);
                }
                closeDay();
            }
            day = Math.floorDiv(t, DAY_NANOS);
            nextDayStart = (day + 1) * DAY_NANOS;
        }

        private void closeDay() {
            if (day == Long.MIN_VALUE) {
                return;
            }
            Map<InstrumentId, BigDecimal> marks = new HashMap<>();
            for (int i = 0; i < lastPrice2.length; i++) {
                if (lastPrice2[i] != FixedPoint.NULL) {
                    marks.put(ids[i], BigDecimal.valueOf(lastPrice2[i], priceScale[i]).divide(TWO));
                    p.core.setMark(ids[i], Math.floorDiv(lastPrice2[i], 2));
                }
            }
            // exact: a position marked at a mid of half a price unit is valued at it, then rounded once
            netPnl = p.core.netPnlExact(ACCOUNT, marks).setScale(p.core.moneyScale(), RoundingMode.HALF_EVEN)
                    .unscaledValue().longValueExact();
            recorder.onDayEnd(LocalDate.ofEpochDay(day), netPnl);
            day = Long.MIN_VALUE;
        }

        private void onResult(CommandResult result) {
            for (ExecutionReport report : result.reports()) {
                recorder.onReport(report);
                context.onExecutionReport(report);
            }
        }

        @Override
        public void onQuote(Quote quote) {
            context.onQuote(quote);
        }

        @Override
        public void onTrade(Trade trade) {
            context.onTrade(trade);
        }

        @Override
        public void onBar(Bar bar) {
            context.onBar(bar);
        }
    }
}
