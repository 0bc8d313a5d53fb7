package io.nautilus.backtest.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter sweep: the options of {@code bin/nautilus-backtest} and {@code nautilus:sweep}, parsed by
 * {@link #parse}; the backtest's own options ({@link BacktestRequest}) plus these.
 *
 * <pre>
 * --sweep key=from..to:step      numbers from..to inclusive by step (decimal steps exact); repeatable
 * --sweep key=v1,v2,...          the listed values; repeatable: every combination (cartesian product)
 * --random N                     N combinations drawn without replacement, seeded by --seed (default: all)
 * --objective KEY|-KEY           stats.json figure ranking the runs, best first; '-' minimises (default sharpe);
 *                                drawdown figures are compared by size, so -maxDrawdown prefers the shallowest
 * --constraint 'KEY OP VALUE'    OP one of &gt; &gt;= &lt; &lt;= ==; runs failing it are ranked after the others; repeatable
 * --workers N                    runs at the same time (default: the available processors)
 * </pre>
 *
 * @param backtest    the backtest every run starts from (without the swept parameters)
 * @param baseArgs    the backtest's own options, as given (the sweep options removed)
 * @param dimensions  the swept parameters, in the order given
 * @param random      how many combinations to draw, or 0 for all
 * @param objective   the objective, a figure name with an optional leading '-'
 * @param constraints the constraints, in the order given
 * @param workers     runs at the same time, at least 1
 */
public record SweepRequest(BacktestRequest backtest, List<String> baseArgs, List<Dimension> dimensions, int random,
                           String objective, List<Constraint> constraints, int workers) {

    /** Default {@code --objective}. */
    public static final String DEFAULT_OBJECTIVE = "sharpe";
    /** The most combinations a sweep may have. */
    public static final long MAX_COMBINATIONS = 1_000_000;
    /**
     * The {@code stats.json} figures an objective or constraint may name: the statistics, then the
     * backtest's counts and amounts.
     */
    public static final List<String> FIGURES = List.of("totalReturn", "cagr", "volatility", "sharpe", "sortino",
            "calmar", "maxDrawdown", "var95", "cvar95", "var99", "cvar99", "var999", "cvar999", "skew", "kurtosis",
            "winRate", "maxDrawdownPeriods", "var95Parametric", "cvar95Parametric", "var99Parametric",
            "cvar99Parametric", "var999Parametric", "cvar999Parametric", "var95MonteCarlo", "cvar95MonteCarlo",
            "var99MonteCarlo", "cvar99MonteCarlo", "var999MonteCarlo", "cvar999MonteCarlo", "bestDay", "worstDay",
            "profitFactor", "expectancy", "averageWin", "averageLoss", "exposure", "turnover", "alpha", "beta", "r2",
            "informationRatio", "trackingError", "periods", "trades", "fills", "orders", "roundTrips", "netPnl",
            "fees", "finalEquity", "days", "events");

    private static final Set<String> OPTIONS = Set.of("--sweep", "--random", "--objective", "--constraint",
            "--workers");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern RANGE = Pattern.compile("(.*?)\\.\\.(.*?)(?::(.*))?");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(>=|<=|==|>|<)\\s*(\\S+)\\s*");

    /**
     * One swept parameter.
     *
     * @param name   the strategy parameter
     * @param values its values, in order, distinct, at least one
     */
    public record Dimension(String name, List<String> values) {
        /** Copies the values. */
        public Dimension {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    /** A comparison of a constraint. */
    public enum Operator {
        /** {@code >} */
        GT(">"),
        /** {@code >=} */
        GE(">="),
        /** {@code <} */
        LT("<"),
        /** {@code <=} */
        LE("<="),
        /** {@code ==} */
        EQ("==");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written: &gt;, &gt;=, &lt;, &lt;= or == */
        public String symbol() {
            return symbol;
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown operator " + symbol);
        }
    }

    /**
     * A condition on a run's figure, e.g. {@code maxDrawdown>-0.2}.
     *
     * @param figure   the {@code stats.json} figure
     * @param operator the comparison
     * @param value    the bound
     */
    public record Constraint(String figure, Operator operator, BigDecimal value) {

        /**
         * @param actual the run's figure, or null when it has none
         * @return true when the figure exists and satisfies the comparison
         */
        public boolean test(Double actual) {
            if (actual == null || !Double.isFinite(actual)) {
                return false;
            }
            int c = BigDecimal.valueOf(actual).compareTo(value);
            return switch (operator) {
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case EQ -> c == 0;
            };
        }

        @Override
        public String toString() {
            return figure + operator.symbol() + value.toPlainString();
        }
    }

    /** Checks the values and copies the collections. */
    public SweepRequest {
        Objects.requireNonNull(backtest, "backtest");
        baseArgs = List.copyOf(baseArgs);
        dimensions = List.copyOf(dimensions);
        constraints = List.copyOf(constraints);
        objective = checkObjective(objective);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("--sweep: give at least one, e.g. --sweep fast=3..6:1");
        }
        Set<String> names = new LinkedHashSet<>();
        long combinations = 1;
        for (Dimension d : dimensions) {
            if (!names.add(d.name())) {
                throw new IllegalArgumentException("--sweep " + d.name() + " is given twice");
            }
            if (backtest.parameters().containsKey(d.name())) {
                throw new IllegalArgumentException("--sweep " + d.name() + " is also given as --param");
            }
            if (d.values().isEmpty()) {
                throw new IllegalArgumentException("--sweep " + d.name() + ": the sweep has 0 combinations");
            }
            combinations *= d.values().size();
            if (combinations > MAX_COMBINATIONS) {
                throw new IllegalArgumentException("the sweep has more than " + MAX_COMBINATIONS
                        + " combinations; use --random N or fewer values");
            }
        }
        if (random < 0) {
            throw new IllegalArgumentException("--random " + random + " must be at least 1");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers " + workers + " must be at least 1");
        }
    }

    /**
     * Tells whether options ask for a sweep: any of {@code --sweep}, {@code --random}, {@code --objective},
     * {@code --constraint}, {@code --workers}.
     *
     * @param args the options
     * @return true for a sweep
     */
    public static boolean isSweep(List<String> args) {
        for (String a : args) {
            int eq = a.indexOf('=');
            if (OPTIONS.contains(eq > 0 ? a.substring(0, eq) : a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the options of a sweep.
     *
     * @param args the backtest's options ({@link BacktestRequest#parse}) and the sweep's (class comment)
     * @return the sweep
     * @throws IllegalArgumentException one line naming the first bad option: no {@code --sweep}, a sweep with 0
     *                                  combinations, a bad range (step &lt;= 0, from &gt; to), an unknown objective
     *                                  (the message lists the choices), a bad constraint, a bad backtest option
     */
    public static SweepRequest parse(List<String> args) {
        List<String> rest = new ArrayList<>();
        List<Dimension> dimensions = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        int random = 0;
        String objective = DEFAULT_OBJECTIVE;
        int workers = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            int eq = option.indexOf('=');
            String name = eq > 0 && option.startsWith("--") ? option.substring(0, eq) : option;
            if (!OPTIONS.contains(name)) {
                rest.add(option);
                if (option.startsWith("--") && eq < 0 && i + 1 < args.size()) {
                    rest.add(args.get(++i));
                }
                continue;
            }
            String value;
            if (!name.equals(option)) {
                value = option.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--sweep" -> dimensions.add(dimension(value));
                case "--random" -> random = (int) positive(name, value);
                case "--objective" -> objective = value.strip();
                case "--constraint" -> constraints.add(constraint(value));
                case "--workers" -> workers = (int) positive(name, value);
                default -> throw new IllegalStateException(name);
            }
        }
        BacktestRequest backtest = BacktestRequest.parse(rest);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("--sweep: give at least one, e.g. --sweep fast=3..6:1");
        }
        return new SweepRequest(backtest, rest, dimensions, random, objective, constraints, workers);
    }

    /** @return the number of combinations of all values, before {@code --random} */
    public long size() {
        long n = 1;
        for (Dimension d : dimensions) {
            n *= d.values().size();
        }
        return n;
    }

    /**
     * The combinations to run, in a fixed order: every combination (the last {@code --sweep} varying fastest), or
     * with {@code --random N} N of them drawn without replacement with {@link Random} seeded by {@code --seed}, in
     * the same relative order.
     *
     * @return each combination, parameter name to value in the sweep's order
     */
    public List<Map<String, String>> combinations() {
        int total = (int) size();
        int[] chosen;
        if (random == 0 || random >= total) {
            chosen = new int[total];
            for (int i = 0; i < total; i++) {
                chosen[i] = i;
            }
        } else {
            int[] all = new int[total];
            for (int i = 0; i < total; i++) {
                all[i] = i;
            }
            Random draw = new Random(backtest.seed());
            for (int i = 0; i < random; i++) {
                int j = i + draw.nextInt(total - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            chosen = Arrays.copyOf(all, random);
            Arrays.sort(chosen);
        }
        List<Map<String, String>> out = new ArrayList<>(chosen.length);
        for (int c : chosen) {
            Map<String, String> combination = new LinkedHashMap<>();
            int rest = c;
            String[] values = new String[dimensions.size()];
            for (int d = dimensions.size() - 1; d >= 0; d--) {
                List<String> v = dimensions.get(d).values();
                values[d] = v.get(rest % v.size());
                rest /= v.size();
            }
            for (int d = 0; d < values.length; d++) {
                combination.put(dimensions.get(d).name(), values[d]);
            }
            out.add(Collections.unmodifiableMap(combination));
        }
        return out;
    }

    /** @return the figure the objective ranks by, without its leading '-' */
    public String objectiveFigure() {
        return objective.startsWith("-") ? objective.substring(1) : objective;
    }

    /** @return true when the objective is minimised (a leading '-') */
    public boolean minimise() {
        return objective.startsWith("-");
    }

    /**
     * Parses one {@code --sweep} value.
     *
     * @param value {@code key=from..to:step} or {@code key=v1,v2,...}
     * @return the dimension
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Dimension dimension(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--sweep " + value + ": expected key=from..to:step or key=v1,v2,...");
        }
        String key = value.substring(0, eq).strip();
        String spec = value.substring(eq + 1).strip();
        if (!NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("--sweep " + value + ": '" + key + "' is not a parameter name");
        }
        Matcher range = RANGE.matcher(spec);
        if (range.matches()) {
            return new Dimension(key, range(value, key, range.group(1), range.group(2), range.group(3)));
        }
        List<String> values = new ArrayList<>();
        for (String v : spec.split(",", -1)) {
            String s = v.strip();
            if (s.isEmpty()) {
                if (spec.isEmpty()) {
                    break;
                }
                throw new IllegalArgumentException("--sweep " + value + ": an empty value");
            }
            if (values.contains(s)) {
                throw new IllegalArgumentException("--sweep " + value + ": " + s + " is listed twice");
            }
            values.add(s);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--sweep " + value + ": the sweep has 0 combinations");
        }
        return new Dimension(key, values);
    }

    private static List<String> range(String option, String key, String fromText, String toText, String stepText) {
        if (stepText == null) {
            throw new IllegalArgumentException("--sweep " + option + ": expected " + key + "=from..to:step");
        }
        BigDecimal from = number(option, fromText);
        BigDecimal to = number(option, toText);
        BigDecimal step = number(option, stepText);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("--sweep " + option + ": the step " + step.toPlainString()
                    + " must be greater than 0");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("--sweep " + option + ": from " + from.toPlainString()
                    + " is greater than to " + to.toPlainString());
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_COMBINATIONS)) > 0) {
            throw new IllegalArgumentException("--sweep " + option + ": more than " + MAX_COMBINATIONS + " values");
        }
        List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            values.add(plain(v));
        }
        return values;
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal number(String option, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep " + option + ": '" + text + "' is not a number");
        }
    }

    /**
     * Parses one {@code --constraint} value.
     *
     * @param value e.g. {@code maxDrawdown>-0.2}
     * @return the constraint
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Constraint constraint(String value) {
        Matcher m = CONSTRAINT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("--constraint " + value + ": expected FIGURE OP VALUE with OP one of"
                    + " > >= < <= ==, e.g. 'maxDrawdown>-0.2'");
        }
        String figure = m.group(1);
        if (!FIGURES.contains(figure)) {
            throw new IllegalArgumentException("--constraint " + value + ": unknown figure '" + figure
                    + "'; choose one of " + String.join(", ", FIGURES));
        }
        BigDecimal bound;
        try {
            bound = new BigDecimal(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--constraint " + value + ": '" + m.group(3) + "' is not a number");
        }
        return new Constraint(figure, Operator.of(m.group(2)), bound);
    }

    private static String checkObjective(String objective) {
        Objects.requireNonNull(objective, "objective");
        String figure = objective.startsWith("-") ? objective.substring(1) : objective;
        if (!FIGURES.contains(figure)) {
            throw new IllegalArgumentException("--objective " + objective + ": unknown; choose one of "
                    + String.join(", ", FIGURES) + " (a leading '-' minimises, e.g. -maxDrawdown)");
        }
        return objective;
    }

    private static long positive(String option, String value) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < 1 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " " + value + " must be at least 1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": expected a whole number");
        }
    }

    /** @return the options as a text, for logs: the sweeps, random, objective, constraints and workers */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Dimension d : dimensions) {
            sb.append("--sweep ").append(d.name()).append('=').append(String.join(",", d.values())).append(' ');
        }
        if (random > 0) {
            sb.append("--random ").append(random).append(' ');
        }
        sb.append("--objective ").append(objective);
        for (Constraint c : constraints) {
            sb.append(" --constraint ").append(c);
        }
        return sb.append(" --workers ").append(workers).toString();
    }
}
