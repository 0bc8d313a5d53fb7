package io.nautilus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.admin.StrategyAdminService;
import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestService;
import io.nautilus.backtest.api.BacktestState;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.OrderFilter;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.OrderStateFilter;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.marketdata.api.MarketDataIngest;
import io.nautilus.marketdata.api.MarketDataService;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Live/backtest parity (issue 11, section 6): the same {@code smacross} over the same recorded ticks, once live
 * through the platform's simulated venue and once through the backtest with the {@code touch} fill model, makes the
 * same fills (side, price, quantity, fee, liquidity; not times).
 *
 * <p>The recording is one quote and one trade (without aggressor, so the simulated venue does not replay it against
 * its mirrored liquidity) per minute of a dedicated instrument, the trade at the quote's timestamp, for about an
 * hour of prices that cross several times. Live, the time bar of a minute closes at the next minute's trade, when the
 * venue mirrors that minute's quote; the strategy's market order reaches the core after {@code venue.latency.us} and
 * takes the mirrored quote. The feed is paced in wall-clock time so that every order has landed, filled and been
 * reported before the next quote: each quote is fed only once the previous events have reached the strategy, its
 * orders are finished and their reports delivered, and each trade only once the venue mirrors the quote before it.
 * In the backtest (latency 0) the bar closes at the same minute's quote, and the order arrives at that quote's
 * timestamp, so "the first quote at or after arrival" is the same quote.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ParityIT {

    private static final InstrumentId PARITY = InstrumentId.of("PARITY-BTC");
    private static final AccountId ACCOUNT = AccountId.of("parity-1");
    private static final String STRATEGY = "sma-parity";
    private static final int PRICE_SCALE = 2;
    private static final int QUANTITY_SCALE = 4;
    /** 2025-01-06T10:00:00Z. */
    private static final long START_NANOS = 1_736_157_600_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final long WAIT_MILLIS = 30_000;
    private static final Duration POLL = Duration.ofMillis(5);

    @Inject
    @Filter(timeout = 120_000)
    private TradingCoreService core;

    @Inject
    @Filter(timeout = 120_000)
    private MarketDataIngest ingest;

    @Inject
    @Filter(timeout = 120_000)
    private MarketDataService marketData;

    @Inject
    @Filter(timeout = 120_000)
    private StrategyAdminService strategies;

    @Inject
    @Filter(timeout = 120_000)
    private BacktestService backtests;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        Option[] base = ContainerOptions.distribution("18106");
        List<Option> options = new ArrayList<>(Arrays.asList(base));
        String instruments = "etc/io.nautilus.core.instruments.cfg";
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.priceScale", "2"));
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.quantityScale", "4"));
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.tickSize", "0.01"));
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.lotSize", "0.0001"));
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.minQuantity", "0.0001"));
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.makerFeeBps", "-1"));
        options.add(editConfigurationFilePut(instruments, "PARITY-BTC.takerFeeBps", "5"));
        options.add(editConfigurationFilePut("etc/io.nautilus.core.accounts.cfg", "parity-1.capital", "1000000.00"));
        // like the backtest (no --risk: no limits), no limit that needs a reference price: the market-data engine
        // marks the core only once a second, and a market order before the first mark would be refused
        for (String limit : List.of("maxOrderNotional", "maxGrossExposure", "maxLeverage")) {
            options.add(editConfigurationFilePut("etc/io.nautilus.core.risk.cfg", "account.parity-1." + limit,
                    "unlimited"));
        }
        // one bar spec, so the test knows how many events reach the strategy (smacross ignores other specs anyway)
        options.add(editConfigurationFilePut("etc/io.nautilus.marketdata.cfg", "bars", "time:1m"));
        options.add(editConfigurationFilePut("etc/io.nautilus.simvenue.cfg", "refresh.ms", "20"));
        return options.toArray(new Option[0]);
    }

    /** Prices of the recording in cents, one per minute: rises and falls of several lengths, then flat. */
    static long[] prices() {
        long[][] segments = {{8, 300}, {6, -400}, {10, 250}, {9, -350}, {5, 600}, {12, -150}, {7, 200}, {4, -500},
            {12, 0}};
        List<Long> out = new ArrayList<>();
        long price = 3_000_000;
        out.add(price);
        for (long[] segment : segments) {
            for (int i = 0; i < segment[0]; i++) {
                price += segment[1];
                out.add(price);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    public void smacrossFillsTheSameLiveAndInTheBacktest() throws Exception {
        await(() -> core.instrument(PARITY).isPresent(), 60_000, "the core defines " + PARITY);
        long[] prices = prices();
        Path data = Path.of(System.getProperty("karaf.base")).resolve("data/itest-parity");
        writeRecording(data, prices);

        List<String> live = runLive(prices);
        List<String> backtest = runBacktest(data);

        System.out.println("parity: " + live.size() + " fills live " + live + ", " + backtest.size()
                + " in the backtest " + backtest);
        assertTrue("the recording makes smacross trade several times live: " + live, live.size() >= 4);
        assertEquals("fills (side price qty fee liquidity), live vs backtest", live, backtest);
    }

    private List<String> runLive(long[] prices) throws Exception {
        org.osgi.service.cm.Configuration cfg = configurationAdmin.getFactoryConfiguration(
                "io.nautilus.strategy.smacross", "parity", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", STRATEGY);
        properties.put("account", ACCOUNT.value());
        properties.put("instrument", PARITY.value());
        properties.put("quantity", "0.01");
        properties.put("fast", "3");
        properties.put("slow", "6");
        cfg.update(properties);
        await(() -> strategies.instance(STRATEGY).map(i -> "RUNNING".equals(i.state())).orElse(false), 60_000,
                STRATEGY + " RUNNING: " + strategies.instance(STRATEGY));

        long expected = strategies.instance(STRATEGY).orElseThrow().deliveredEvents();
        long sequence = 0;
        for (int k = 0; k < prices.length; k++) {
            long time = START_NANOS + k * MINUTE + 1_000_000_000L;
            String bid = price(prices[k] - 5);
            String ask = price(prices[k] + 5);
            ingest.quote("parity", PARITY.value(), ++sequence, bid, "1.0000", ask, "1.0000", time, time);
            expected += 1;
            awaitSettled(expected, "quote of minute " + k);
            long bidUnits = prices[k] - 5;
            long askUnits = prices[k] + 5;
            await(() -> mirrors(bidUnits, askUnits), WAIT_MILLIS, "the venue mirrors " + bid + " / " + ask
                    + ": " + core.book(PARITY, 1));
            ingest.trade("parity", PARITY.value(), ++sequence, price(prices[k]), "0.0100", null, null, time, time);
            expected += k == 0 ? 1 : 2; // the trade, and the bar of the minute before that it closes
            awaitSettled(expected, "trade of minute " + k);
        }
        List<String> fills = new ArrayList<>();
        List<OrderHistory> orders = new ArrayList<>(core.orderHistories(new OrderFilter(ACCOUNT, PARITY, null, 0),
                OrderStateFilter.ALL));
        orders.sort(Comparator.comparingLong(OrderHistory::orderId));
        for (OrderHistory order : orders) {
            assertEquals("reports kept of " + order, 0, order.omittedReports());
            for (ExecutionReport report : order.reports()) {
                if (report.isFill()) {
                    fills.add(fill(report.side().name(), FixedPoint.toBigDecimal(report.lastPrice(), PRICE_SCALE),
                            FixedPoint.toBigDecimal(report.lastQuantity(), QUANTITY_SCALE),
                            FixedPoint.toBigDecimal(report.fee(), PRICE_SCALE), report.liquidity().name()));
                }
            }
        }
        return fills;
    }

    /**
     * Waits until the strategy has been handed {@code marketEvents} market-data events plus every report the core
     * made for its orders, and has no order working (an order it sends counts as working at once, before the venue
     * latency).
     */
    private void awaitSettled(long marketEvents, String after) {
        await(() -> {
            StrategyInstanceInfo info = strategies.instance(STRATEGY).orElseThrow();
            if (!"RUNNING".equals(info.state())) {
                throw new AssertionError(STRATEGY + " is not running: " + info);
            }
            long reports = core.orderHistories(new OrderFilter(ACCOUNT, PARITY, null, 0), OrderStateFilter.ALL)
                    .stream().mapToLong(o -> o.reports().size()).sum();
            return info.workingOrders() == 0 && info.queuedEvents() == 0
                    && info.deliveredEvents() == marketEvents + reports;
        }, WAIT_MILLIS, () -> "the strategy settled after the " + after + " (" + marketEvents
                + " market events expected): " + strategies.instance(STRATEGY) + "; its orders in the core: "
                + core.orderHistories(new OrderFilter(ACCOUNT, PARITY, null, 0), OrderStateFilter.ALL));
    }

    private boolean mirrors(long bid, long ask) {
        BookView book = core.book(PARITY, 1);
        return !book.bids().isEmpty() && !book.asks().isEmpty() && book.bids().get(0).price() == bid
                && book.asks().get(0).price() == ask;
    }

    private List<String> runBacktest(Path data) throws Exception {
        await(() -> backtests.strategies().contains("smacross"), 60_000, "smacross offered: "
                + backtests.strategies());
        BacktestInfo run = backtests.start(BacktestRequest.parse(List.of("--data", data.toString(), "--strategy",
                "smacross", "--param", "instrument=" + PARITY.value(), "--param", "quantity=0.01", "--param",
                "fast=3", "--param", "slow=6", "--fill-model", "touch", "--latency-us", "0")));
        await(() -> backtests.get(run.id()).map(i -> i.state() == BacktestState.COMPLETED
                || i.state() == BacktestState.FAILED || i.state() == BacktestState.CANCELED).orElse(false), 120_000,
                "the backtest ended: " + backtests.get(run.id()));
        BacktestInfo done = backtests.get(run.id()).orElseThrow();
        assertEquals("backtest " + done, BacktestState.COMPLETED, done.state());
        List<String> lines = Files.readAllLines(Path.of(done.outDir()).resolve("fills.csv"));
        assertEquals("timestamp,orderId,instrument,side,price,qty,fee,liquidity", lines.get(0));
        List<String> fills = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(line, PARITY.value(), f[2]);
            fills.add(fill(f[3], new BigDecimal(f[4]), new BigDecimal(f[5]), new BigDecimal(f[6]), f[7]));
        }
        return fills;
    }

    private static String fill(String side, BigDecimal price, BigDecimal quantity, BigDecimal fee, String liquidity) {
        return side + " " + price.stripTrailingZeros().toPlainString() + " x "
                + quantity.stripTrailingZeros().toPlainString() + " fee " + fee.stripTrailingZeros().toPlainString()
                + " " + liquidity;
    }

    private static void writeRecording(Path folder, long[] prices) throws java.io.IOException {
        Files.createDirectories(folder);
        StringBuilder quotes = new StringBuilder("timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n");
        StringBuilder trades = new StringBuilder("timestamp,instrument,price,size\n");
        for (int k = 0; k < prices.length; k++) {
            long time = START_NANOS + k * MINUTE + 1_000_000_000L;
            quotes.append(time).append(',').append(PARITY.value()).append(',').append(price(prices[k] - 5))
                    .append(",1.0000,").append(price(prices[k] + 5)).append(",1.0000\n");
            trades.append(time).append(',').append(PARITY.value()).append(',').append(price(prices[k]))
                    .append(",0.0100\n");
        }
        Files.writeString(folder.resolve("quotes.csv"), quotes);
        Files.writeString(folder.resolve("trades.csv"), trades);
    }

    private static String price(long cents) {
        return FixedPoint.format(cents, PRICE_SCALE);
    }

    /** Every step of the feed waits for the platform to settle: polled often, so the run stays short. */
    private static void await(Callable<Boolean> condition, long millis, Object what) {
        Await.until(condition, millis, POLL, () -> what);
    }

    private static void await(Callable<Boolean> condition, long millis, Supplier<String> what) {
        Await.until(condition, millis, POLL, what);
    }
}
