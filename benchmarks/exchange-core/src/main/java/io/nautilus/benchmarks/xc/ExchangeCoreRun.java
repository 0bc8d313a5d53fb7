package io.nautilus.benchmarks.xc;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiAdjustUserBalance;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiMoveOrder;
import exchange.core2.core.common.api.ApiPlaceOrder;
import exchange.core2.core.common.api.ApiReduceOrder;
import exchange.core2.core.common.api.ApiReset;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.InitialStateConfiguration;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.common.config.SerializationConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
import exchange.core2.core.orderbook.OrderBookNaiveImpl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * exchange-core 0.5.3 on a replay command file, built as its own throughput test builds it, so that
 * {@code benchmarks/core/vs-exchange-core.sh} can put it beside the Nautilus core on the same stream.
 *
 * <ul>
 *   <li>{@code --mode engine}: the full {@link ExchangeCore} (one matching engine, one risk engine, a 32 K ring,
 *   messages grouped up to 1536, no journaling, the YIELDING wait strategy, plain unpinned threads, the
 *   {@link OrderBookDirectImpl} book), one symbol (an exchange pair, scale 1, no fees) and one user per file
 *   account with balances as exchange-core's tests give them. Each pass resets the core, adds the symbol, users and
 *   balances, submits the first {@code rows - measure} rows untimed (the initial book and the warm-up) and then
 *   times the last {@code measure} rows from the first submit to the last result, as exchange-core's
 *   {@code ThroughputTestsModule} does (the main thread blocks on a latch meanwhile).</li>
 *   <li>{@code --mode book}: the order book alone ({@link OrderBookDirectImpl}, or {@link OrderBookNaiveImpl} with
 *   {@code --book naive}), a fresh book per pass driven through {@link IOrderBook#processCommand} with one reused
 *   {@link OrderCommand}, as exchange-core's order book tests do; every row is timed, as the replay tool times
 *   matching alone.</li>
 * </ul>
 * The first {@code passes - 1} passes are warm-up; the last is timed and, with {@code --trades FILE}, its trades
 * are written in the replay tool's trades format. Prints one JSON line.
 *
 * <p>Usage: {@code ExchangeCoreRun --commands FILE --mode engine|book [--measure N] [--passes P]
 * [--book direct|naive] [--trades FILE]}.
 */
public final class ExchangeCoreRun {

    private static final String USAGE = """
            usage: ExchangeCoreRun --commands FILE --mode engine|book [--measure N] [--passes P] [--book direct|naive]
                                   [--trades FILE]
              --commands FILE  a replay command file (StreamGenerator --mix exchange-core)
              --mode           engine: the full ExchangeCore; book: its order book alone
              --measure N      engine: the last N rows are timed (default all but the initial book: rows - 1000)
              --passes P       passes on a fresh state, the last timed (default 3)
              --book           the order book implementation for --mode book (default direct)
              --trades FILE    write the timed pass's trades (seq,takerOrderId,makerOrderId,price,qty)
            """;

    private static final int SYMBOL = 1;
    private static final int BASE = 1;
    private static final int QUOTE = 2;
    /** The reserve price bids are placed with: above any price of the mix, so moves up are never refused. */
    private static final long BID_RESERVE = 1_000_000_000L;
    private static final int INITIAL_BOOK = 1_000;

    private static final CoreSymbolSpecification SPEC = CoreSymbolSpecification.builder()
            .symbolId(SYMBOL)
            .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
            .baseCurrency(BASE)
            .quoteCurrency(QUOTE)
            .baseScaleK(1)
            .quoteScaleK(1)
            .takerFee(0)
            .makerFee(0)
            .build();

    private final CommandColumns rows;
    private final TradeRecorder recorder;

    // written by exchange-core's results thread, read by the main thread after the latch
    private long resultRow;
    private long trades;
    private long rejected;
    private long setupFailures;
    private long resultsSeen;
    private long latchAt;
    private CountDownLatch done;
    private boolean recording;

    private ExchangeCoreRun(CommandColumns rows, TradeRecorder recorder) {
        this.rows = rows;
        this.recorder = recorder;
    }

    /**
     * Entry point.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        Path file = null;
        String mode = null;
        int measure = -1;
        int passes = 3;
        String book = "direct";
        Path tradesFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.print(USAGE);
                    return;
                }
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--commands" -> file = Path.of(v);
                    case "--mode" -> mode = v;
                    case "--measure" -> measure = Integer.parseInt(v.replace("_", ""));
                    case "--passes" -> passes = Integer.parseInt(v);
                    case "--book" -> book = v;
                    case "--trades" -> tradesFile = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--commands FILE is required");
            }
            if (!"engine".equals(mode) && !"book".equals(mode)) {
                throw new IllegalArgumentException("--mode '" + mode + "' must be engine or book");
            }
            if (!"direct".equals(book) && !"naive".equals(book)) {
                throw new IllegalArgumentException("--book '" + book + "' must be direct or naive");
            }
            if (passes < 1 || passes > 100) {
                throw new IllegalArgumentException("--passes " + passes + " must be 1..100");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ExchangeCoreRun: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            CommandColumns rows = CommandColumns.load(file);
            if (measure < 0) {
                measure = rows.size() - INITIAL_BOOK;
            }
            if (measure <= 0 || measure > rows.size()) {
                throw new IllegalArgumentException("--measure " + measure + " must be 1.." + rows.size() + " (rows)");
            }
            ExchangeCoreRun run = new ExchangeCoreRun(rows, tradesFile == null ? null : new TradeRecorder());
            String json = "engine".equals(mode) ? run.engine(measure, passes) : run.book(book, passes);
            if (tradesFile != null) {
                run.recorder.write(tradesFile);
            }
            System.out.println(json);
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("ExchangeCoreRun: " + e.getMessage());
            System.exit(2);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("ExchangeCoreRun: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- full engine

    private String engine(int measure, int passes) throws InterruptedException {
        PerformanceConfiguration perf = PerformanceConfiguration.throughputPerformanceBuilder()
                .ringBufferSize(32 * 1024)
                .matchingEnginesNum(1)
                .riskEnginesNum(1)
                .msgsInGroupLimit(1536)
                .waitStrategy(CoreWaitStrategy.YIELDING)
                .threadFactory(Thread::new)
                .orderBookFactory(OrderBookDirectImpl::new)
                .build();
        ExchangeConfiguration config = ExchangeConfiguration.defaultBuilder()
                .performanceCfg(perf)
                .initStateCfg(InitialStateConfiguration.CLEAN_TEST)
                .serializationCfg(SerializationConfiguration.DEFAULT)
                .build();
        ExchangeCore core = ExchangeCore.builder()
                .resultsConsumer((cmd, seq) -> onResult(cmd))
                .exchangeConfiguration(config)
                .build();
        core.startup();
        try {
            ExchangeApi api = core.getApi();
            ApiCommand[] commands = apiCommands();
            int first = rows.size() - measure;
            long nanos = 0;
            for (int p = 0; p < passes; p++) {
                boolean timed = p == passes - 1;
                if (p > 0) {
                    check(api.submitCommandAsync(ApiReset.builder().build()).join(), "reset");
                }
                prepare(api, timed);
                submit(api, commands, 0, first);
                long start = System.nanoTime();
                submit(api, commands, first, rows.size());
                nanos = System.nanoTime() - start;
            }
            return json("engine", "direct", measure, nanos);
        } finally {
            core.shutdown(10, TimeUnit.SECONDS);
        }
    }

    /** Resets the counters, then adds the symbol, the users and their balances and waits for them. */
    private void prepare(ExchangeApi api, boolean record) throws InterruptedException {
        resultRow = 0;
        trades = 0;
        rejected = 0;
        setupFailures = 0;
        resultsSeen = 0;
        if (recorder != null) {
            recorder.clear();
        }
        recording = record && recorder != null;
        check(api.submitBinaryDataAsync(new BatchAddSymbolsCommand(SPEC)).join(), "add symbol");
        int users = rows.accounts();
        long amount = Long.MAX_VALUE / (users + 1);
        expect(3L * users);
        long tx = 1;
        for (long uid = 1; uid <= users; uid++) {
            api.submitCommand(ApiAddUser.builder().uid(uid).build());
            api.submitCommand(ApiAdjustUserBalance.builder().uid(uid).currency(BASE).amount(amount).transactionId(tx++)
                    .build());
            api.submitCommand(ApiAdjustUserBalance.builder().uid(uid).currency(QUOTE).amount(amount)
                    .transactionId(tx++).build());
        }
        done.await();
        if (setupFailures > 0) {
            throw new IllegalStateException(setupFailures + " user/balance command(s) failed");
        }
        resultsSeen = 0;
    }

    private void submit(ExchangeApi api, ApiCommand[] commands, int from, int to) throws InterruptedException {
        if (from == to) {
            return;
        }
        expect(to - from);
        for (int i = from; i < to; i++) {
            api.submitCommand(commands[i]);
        }
        done.await();
    }

    /** Arms the latch for the next n results (set before the commands are published, seen through the ring). */
    private void expect(long n) {
        done = new CountDownLatch(1);
        latchAt = resultsSeen + n;
    }

    private void onResult(OrderCommand cmd) {
        OrderCommandType t = cmd.command;
        if (t == OrderCommandType.PLACE_ORDER || t == OrderCommandType.MOVE_ORDER || t == OrderCommandType.CANCEL_ORDER
                || t == OrderCommandType.REDUCE_ORDER) {
            long row = ++resultRow;
            if (cmd.resultCode != CommandResultCode.SUCCESS && !isKeep((int) row - 1, cmd.resultCode)) {
                rejected++;
            }
            countTrades(cmd, row);
        } else if (t == OrderCommandType.ADD_USER || t == OrderCommandType.BALANCE_ADJUSTMENT) {
            if (cmd.resultCode != CommandResultCode.SUCCESS) {
                setupFailures++;
            }
        } else {
            return;
        }
        if (++resultsSeen == latchAt) {
            done.countDown();
        }
    }

    private boolean isKeep(int i, CommandResultCode code) {
        return rows.op[i] == CommandColumns.KEEP && code == CommandResultCode.MATCHING_REDUCE_FAILED_WRONG_SIZE;
    }

    private void countTrades(OrderCommand cmd, long row) {
        for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == MatcherEventType.TRADE) {
                trades++;
                if (recording) {
                    recorder.add(row, cmd.orderId, e.matchedOrderId, e.price, e.size);
                }
            }
        }
    }

    private ApiCommand[] apiCommands() {
        int n = rows.size();
        ApiCommand[] out = new ApiCommand[n];
        for (int i = 0; i < n; i++) {
            long id = rows.orderId[i];
            long uid = rows.uid[i];
            out[i] = switch (rows.op[i]) {
                case CommandColumns.PLACE -> ApiPlaceOrder.builder()
                        .uid(uid).orderId(id).symbol(SYMBOL)
                        .price(rows.price[i]).reservePrice(rows.buy[i] ? reserve(rows.price[i]) : rows.price[i])
                        .size(rows.qty[i])
                        .action(rows.buy[i] ? OrderAction.BID : OrderAction.ASK)
                        .orderType(rows.ioc[i] ? OrderType.IOC : OrderType.GTC)
                        .build();
                case CommandColumns.CANCEL -> ApiCancelOrder.builder().uid(uid).orderId(id).symbol(SYMBOL).build();
                case CommandColumns.MOVE -> ApiMoveOrder.builder().uid(uid).orderId(id).symbol(SYMBOL)
                        .newPrice(reserveChecked(rows.price[i])).build();
                case CommandColumns.REDUCE -> ApiReduceOrder.builder().uid(uid).orderId(id).symbol(SYMBOL)
                        .reduceSize(rows.qty[i]).build();
                case CommandColumns.KEEP -> ApiReduceOrder.builder().uid(uid).orderId(id).symbol(SYMBOL)
                        .reduceSize(0).build();
                default -> throw new IllegalStateException("row kind " + rows.op[i]);
            };
        }
        return out;
    }

    private static long reserve(long price) {
        reserveChecked(price);
        return BID_RESERVE;
    }

    private static long reserveChecked(long price) {
        if (price <= 0 || price > BID_RESERVE) {
            throw new IllegalArgumentException("price " + price + " outside 1.." + BID_RESERVE);
        }
        return price;
    }

    private static void check(CommandResultCode code, String what) {
        if (code != CommandResultCode.SUCCESS) {
            throw new IllegalStateException(what + ": " + code);
        }
    }

    // ---------------------------------------------------------------- order book alone

    private String book(String impl, int passes) {
        OrderCommand cmd = new OrderCommand();
        long nanos = 0;
        for (int p = 0; p < passes; p++) {
            boolean timed = p == passes - 1;
            IOrderBook book = "naive".equals(impl)
                    ? new OrderBookNaiveImpl(SPEC, LoggingConfiguration.DEFAULT)
                    : new OrderBookDirectImpl(SPEC, ObjectsPool.createDefaultTestPool(),
                    OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
            trades = 0;
            rejected = 0;
            if (recorder != null) {
                recorder.clear();
            }
            recording = timed && recorder != null;
            int n = rows.size();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                fill(cmd, i);
                CommandResultCode code = IOrderBook.processCommand(book, cmd);
                if (code != CommandResultCode.SUCCESS && !isKeep(i, code) && rejected++ < 5) {
                    System.err.println("row " + (i + 1) + " (" + cmd.command + " order " + cmd.orderId + "): " + code);
                }
                countTrades(cmd, i + 1);
            }
            nanos = System.nanoTime() - start;
        }
        return json("book", impl, rows.size(), nanos);
    }

    private void fill(OrderCommand cmd, int i) {
        byte op = rows.op[i];
        cmd.command = switch (op) {
            case CommandColumns.PLACE -> OrderCommandType.PLACE_ORDER;
            case CommandColumns.CANCEL -> OrderCommandType.CANCEL_ORDER;
            case CommandColumns.MOVE -> OrderCommandType.MOVE_ORDER;
            default -> OrderCommandType.REDUCE_ORDER;
        };
        boolean keep = op == CommandColumns.KEEP;
        cmd.orderId = rows.orderId[i];
        cmd.uid = rows.uid[i];
        cmd.symbol = SYMBOL;
        cmd.price = rows.price[i];
        cmd.size = keep ? 0 : rows.qty[i];
        cmd.reserveBidPrice = rows.buy[i] ? BID_RESERVE : rows.price[i];
        cmd.action = rows.buy[i] ? OrderAction.BID : OrderAction.ASK;
        cmd.orderType = rows.ioc[i] ? OrderType.IOC : OrderType.GTC;
        cmd.timestamp = i;
        cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        cmd.matcherEvent = null;
    }

    private String json(String mode, String impl, long commands, long nanos) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "{\"benchmark\":\"exchange-core\",\"version\":\"0.5.3\",\"mode\":\"%s\","
                        + "\"orderBook\":\"%s\",\"commands\":%d,\"seconds\":%.3f,\"commandsPerSecond\":%d,"
                        + "\"trades\":%d,\"rejected\":%d,\"samePriceReplaces\":%d}",
                mode, impl, commands, seconds, Math.round(commands / seconds), trades, rejected, rows.keeps());
    }
}
