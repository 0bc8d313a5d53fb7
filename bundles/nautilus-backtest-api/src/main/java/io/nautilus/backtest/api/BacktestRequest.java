package io.nautilus.backtest.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to backtest: the options of {@code bin/nautilus-backtest}, parsed by {@link #parse} the same way for the
 * command line, the shell ({@code nautilus:backtest run}) and any other caller.
 *
 * <pre>
 * --data PATH [--data PATH...]   CSV file, folder of them, or an imported store folder (required)
 * --strategy NAME                strategy factory name, as in etc/io.nautilus.strategy.NAME-&lt;instance&gt;.cfg (required)
 * --param key=value...           strategy parameters
 * --strategy-jar FILE...         more strategy jars (bin/nautilus-backtest)
 * --instruments FILE             instruments, etc/io.nautilus.core.instruments.cfg format (default: the distribution's)
 * --risk FILE                    risk limits, etc/io.nautilus.core.risk.cfg format (default: no limits)
 * --from T / --to T              time range, from inclusive, to exclusive; ISO-8601 UTC instant, integer epoch
 *                                nanoseconds, or a date (--from: its 00:00Z; --to: the end of that day)
 * --capital C                    starting cash in the instruments' currency (default 100000)
 * --seed N                       seed of every random choice (default 1)
 * --latency-us N                 order latency, microseconds (default 0)
 * --jitter-us N                  extra latency drawn uniformly from [0, N] per order/cancel (default 0)
 * --cancel-latency-us N          cancel/replace latency (default: --latency-us)
 * --fill-model touch|queue|prob  how resting limit orders fill (default touch)
 * --fill-prob P                  prob model: chance that a trade at the order's price fills it (default 0.5)
 * --slippage-ticks N             market and marketable orders fill N ticks worse (default 0)
 * --fee-per-unit X               fee per unit of quantity, in the currency (default 0)
 * --min-fee X                    minimum fee per order, in the currency (default 0)
 * --bars SPEC                    bars built from ticks when the data has none: time:&lt;n&gt;ms|s|m|h, ticks:&lt;n&gt;,
 *                                volume:&lt;n&gt; (n in units of the quantity scale; default time:1m)
 * --out DIR                      output folder (default ./backtest-out)
 * </pre>
 *
 * @param data            data paths, at least one
 * @param strategy        strategy factory name
 * @param parameters      strategy parameters, in the order given
 * @param strategyJars    extra strategy jars
 * @param instruments     instruments file, or null for the default
 * @param risk            risk limits file, or null for none
 * @param fromNanos       start, epoch nanoseconds inclusive, or null for the data's start
 * @param toNanos         end, epoch nanoseconds exclusive, or null for the data's end
 * @param capital         starting cash
 * @param seed            random seed
 * @param latencyMicros   order latency
 * @param jitterMicros    latency jitter bound
 * @param cancelLatencyMicros cancel/replace latency
 * @param fillModel       fill model of resting limit orders
 * @param fillProbability chance for the prob model, 0 to 1
 * @param slippageTicks   slippage of taking fills, ticks
 * @param feePerUnit      fee per unit of quantity
 * @param minFee          minimum fee per order
 * @param bars            bar spec built from ticks
 * @param out             output folder
 */
public record BacktestRequest(List<String> data, String strategy, Map<String, String> parameters,
                              List<String> strategyJars, String instruments, String risk, Long fromNanos,
                              Long toNanos, BigDecimal capital, long seed, long latencyMicros, long jitterMicros,
                              long cancelLatencyMicros, FillModel fillModel, double fillProbability,
                              long slippageTicks, BigDecimal feePerUnit, BigDecimal minFee, String bars, String out) {

    /** Default {@code --capital}. */
    public static final BigDecimal DEFAULT_CAPITAL = new BigDecimal("100000");
    /** Default {@code --out}. */
    public static final String DEFAULT_OUT = "backtest-out";
    /** Default {@code --bars}. */
    public static final String DEFAULT_BARS = "time:1m";

    /** How resting limit orders fill. */
    public enum FillModel {
        /** When the market quotes or trades at or through the order's price (the live simulated venue's way). */
        TOUCH,
        /** After the quantity ahead of the order at its price traded (queue position), or when traded through. */
        QUEUE,
        /** A trade at the order's price fills it with {@code fillProbability}; traded through always fills. */
        PROB;

        /** @return the option value: touch, queue or prob */
        public String option() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the values and copies the collections. */
    public BacktestRequest {
        data = List.copyOf(data);
        Objects.requireNonNull(strategy, "strategy");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        strategyJars = List.copyOf(strategyJars);
        Objects.requireNonNull(capital, "capital");
        Objects.requireNonNull(fillModel, "fillModel");
        Objects.requireNonNull(feePerUnit, "feePerUnit");
        Objects.requireNonNull(minFee, "minFee");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(out, "out");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("--data: give at least one CSV file, folder or store folder");
        }
        if (strategy.isBlank()) {
            throw new IllegalArgumentException("--strategy: give a strategy factory name, e.g. smacross");
        }
        if (fromNanos != null && toNanos != null && toNanos <= fromNanos) {
            throw new IllegalArgumentException("empty date range: --to " + Instant.ofEpochSecond(0, toNanos)
                    + " is not after --from " + Instant.ofEpochSecond(0, fromNanos)
                    + " (a date alone is its 00:00Z for --from and the end of that day for --to)");
        }
        if (capital.signum() <= 0) {
            throw new IllegalArgumentException("--capital " + capital.toPlainString() + " must be greater than zero");
        }
        if (latencyMicros < 0 || jitterMicros < 0 || cancelLatencyMicros < 0) {
            throw new IllegalArgumentException("latencies must not be negative");
        }
        if (!(fillProbability >= 0 && fillProbability <= 1)) {
            throw new IllegalArgumentException("--fill-prob " + fillProbability + " must be between 0 and 1");
        }
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("--slippage-ticks " + slippageTicks + " must not be negative");
        }
        if (feePerUnit.signum() < 0 || minFee.signum() < 0) {
            throw new IllegalArgumentException("--fee-per-unit and --min-fee must not be negative");
        }
    }

    /**
     * Parses command-line options.
     *
     * @param args the options, as listed in the class comment
     * @return the request
     * @throws IllegalArgumentException naming the first bad or unknown option
     */
    public static BacktestRequest parse(List<String> args) {
        List<String> data = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        String strategy = null;
        String instruments = null;
        String risk = null;
        Long from = null;
        Long to = null;
        BigDecimal capital = DEFAULT_CAPITAL;
        long seed = 1;
        long latency = 0;
        long jitter = 0;
        Long cancelLatency = null;
        FillModel model = FillModel.TOUCH;
        double probability = 0.5;
        long slippage = 0;
        BigDecimal perUnit = BigDecimal.ZERO;
        BigDecimal minFee = BigDecimal.ZERO;
        String bars = DEFAULT_BARS;
        String out = DEFAULT_OUT;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            String name = option;
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 2 && !option.startsWith("--param")) {
                name = option.substring(0, eq);
                value = option.substring(eq + 1);
            } else if (option.startsWith("--param=")) {
                name = "--param";
                value = option.substring("--param=".length());
            }
            if (value == null) {
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + option + "'; options start with --");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--data" -> data.add(text(name, value));
                case "--strategy" -> strategy = text(name, value);
                case "--param" -> {
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new IllegalArgumentException("--param " + value + ": expected key=value");
                    }
                    parameters.put(value.substring(0, at).trim(), value.substring(at + 1).trim());
                }
                case "--strategy-jar" -> jars.add(text(name, value));
                case "--instruments" -> instruments = text(name, value);
                case "--risk" -> risk = text(name, value);
                case "--from" -> from = time(name, value, false);
                case "--to" -> to = time(name, value, true);
                case "--capital" -> capital = decimal(name, value);
                case "--seed" -> seed = integer(name, value, Long.MIN_VALUE);
                case "--latency-us" -> latency = integer(name, value, 0);
                case "--jitter-us" -> jitter = integer(name, value, 0);
                case "--cancel-latency-us" -> cancelLatency = integer(name, value, 0);
                case "--fill-model" -> model = switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "touch" -> FillModel.TOUCH;
                    case "queue" -> FillModel.QUEUE;
                    case "prob" -> FillModel.PROB;
                    default -> throw new IllegalArgumentException("--fill-model " + value
                            + ": expected touch, queue or prob");
                };
                case "--fill-prob" -> probability = decimal(name, value).doubleValue();
                case "--slippage-ticks" -> slippage = integer(name, value, 0);
                case "--fee-per-unit" -> perUnit = decimal(name, value);
                case "--min-fee" -> minFee = decimal(name, value);
                case "--bars" -> bars = text(name, value);
                case "--out" -> out = text(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (strategy == null) {
            throw new IllegalArgumentException("--strategy: give a strategy factory name, e.g. smacross");
        }
        return new BacktestRequest(data, strategy, parameters, jars, instruments, risk, from, to, capital, seed,
                latency, jitter, cancelLatency == null ? latency : cancelLatency, model, probability, slippage,
                perUnit, minFee, bars, out);
    }

    /**
     * The same request writing to another folder.
     *
     * @param folder the output folder
     * @return the copy
     */
    public BacktestRequest withOut(String folder) {
        return new BacktestRequest(data, strategy, parameters, strategyJars, instruments, risk, fromNanos, toNanos,
                capital, seed, latencyMicros, jitterMicros, cancelLatencyMicros, fillModel, fillProbability,
                slippageTicks, feePerUnit, minFee, bars, folder);
    }

    /**
     * Parses a time option value.
     *
     * @param option the option, for errors
     * @param value  ISO-8601 UTC instant, integer epoch nanoseconds, or a date
     * @param endOfDay for a date alone: true for the end of that day (exclusive end), false for its start
     * @return epoch nanoseconds
     * @throws IllegalArgumentException if it does not parse
     */
    public static long time(String option, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            if (v.matches("-?[0-9]+")) {
                return Long.parseLong(v);
            }
            if (v.length() == 10) {
                LocalDate date = LocalDate.parse(v);
                Instant start = (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
                return Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L), start.getNano());
            }
            Instant instant = Instant.parse(v);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": expected an ISO-8601 UTC time such as"
                    + " 2024-01-02T09:30:00Z, a date such as 2024-01-02, or epoch nanoseconds");
        }
    }

    private static String text(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value.trim();
    }

    private static long integer(String option, String value, long min) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < min) {
                throw new IllegalArgumentException(option + " " + value + " must be at least " + min);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": expected a whole number");
        }
    }

    private static BigDecimal decimal(String option, String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": expected a number");
        }
    }
}
