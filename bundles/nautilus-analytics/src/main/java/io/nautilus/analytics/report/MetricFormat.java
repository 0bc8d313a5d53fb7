package io.nautilus.analytics.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the report shows each statistic: its label, its group in the metrics table and its unit. Keys it does not know
 * are shown in a last group under a label made from the key, as plain numbers.
 */
final class MetricFormat {

    /** Unit of a statistic. */
    enum Kind {
        /** A fraction shown as a percentage (0.0123 → 1.23%). */
        PERCENT,
        /** A dimensionless ratio, two decimals. */
        RATIO,
        /** A whole number. */
        COUNT,
        /** A plain number, six significant digits. */
        NUMBER
    }

    /** One statistic's presentation. */
    record Spec(String key, String label, Kind kind) {
    }

    /** A titled group of statistics. */
    record Group(String title, List<Spec> specs) {
    }

    private static final Map<String, String> GROUP_OF = new LinkedHashMap<>();
    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        group("Period",
                spec("startDate", "First period", Kind.NUMBER),
                spec("endDate", "Last period", Kind.NUMBER),
                spec("periods", "Periods", Kind.COUNT));
        group("Returns",
                spec("totalReturn", "Total return", Kind.PERCENT),
                spec("cagr", "CAGR", Kind.PERCENT),
                spec("volatility", "Annual volatility", Kind.PERCENT),
                spec("sharpe", "Sharpe", Kind.RATIO),
                spec("sortino", "Sortino", Kind.RATIO),
                spec("calmar", "Calmar", Kind.RATIO),
                spec("bestDay", "Best period", Kind.PERCENT),
                spec("worstDay", "Worst period", Kind.PERCENT),
                spec("skew", "Skew", Kind.RATIO),
                spec("kurtosis", "Kurtosis (excess)", Kind.RATIO));
        group("Drawdown",
                spec("maxDrawdown", "Max drawdown", Kind.PERCENT),
                spec("maxDrawdownStart", "Peak", Kind.NUMBER),
                spec("maxDrawdownTrough", "Trough", Kind.NUMBER),
                spec("maxDrawdownRecovery", "Recovery", Kind.NUMBER),
                spec("maxDrawdownPeriods", "Duration (periods)", Kind.COUNT));
        group("Value at risk (one period)",
                spec("var95", "VaR 95% historical", Kind.PERCENT),
                spec("cvar95", "CVaR 95% historical", Kind.PERCENT),
                spec("var95Parametric", "VaR 95% parametric", Kind.PERCENT),
                spec("cvar95Parametric", "CVaR 95% parametric", Kind.PERCENT),
                spec("var95MonteCarlo", "VaR 95% Monte Carlo", Kind.PERCENT),
                spec("cvar95MonteCarlo", "CVaR 95% Monte Carlo", Kind.PERCENT),
                spec("var99", "VaR 99% historical", Kind.PERCENT),
                spec("cvar99", "CVaR 99% historical", Kind.PERCENT),
                spec("var99Parametric", "VaR 99% parametric", Kind.PERCENT),
                spec("cvar99Parametric", "CVaR 99% parametric", Kind.PERCENT),
                spec("var99MonteCarlo", "VaR 99% Monte Carlo", Kind.PERCENT),
                spec("cvar99MonteCarlo", "CVaR 99% Monte Carlo", Kind.PERCENT),
                spec("var999", "VaR 99.9% historical", Kind.PERCENT),
                spec("cvar999", "CVaR 99.9% historical", Kind.PERCENT),
                spec("var999Parametric", "VaR 99.9% parametric", Kind.PERCENT),
                spec("cvar999Parametric", "CVaR 99.9% parametric", Kind.PERCENT),
                spec("var999MonteCarlo", "VaR 99.9% Monte Carlo", Kind.PERCENT),
                spec("cvar999MonteCarlo", "CVaR 99.9% Monte Carlo", Kind.PERCENT));
        group("Periods and trading",
                spec("winRate", "Win rate", Kind.PERCENT),
                spec("profitFactor", "Profit factor", Kind.RATIO),
                spec("expectancy", "Expectancy", Kind.PERCENT),
                spec("averageWin", "Average win", Kind.PERCENT),
                spec("averageLoss", "Average loss", Kind.PERCENT),
                spec("exposure", "Exposure", Kind.PERCENT),
                spec("turnover", "Turnover (annual)", Kind.RATIO));
        group("Against the benchmark",
                spec("alpha", "Alpha (annual)", Kind.PERCENT),
                spec("beta", "Beta", Kind.RATIO),
                spec("r2", "R²", Kind.RATIO),
                spec("informationRatio", "Information ratio", Kind.RATIO),
                spec("trackingError", "Tracking error", Kind.PERCENT));
    }

    private MetricFormat() {
    }

    private static Spec spec(String key, String label, Kind kind) {
        return new Spec(key, label, kind);
    }

    private static void group(String title, Spec... specs) {
        for (Spec s : specs) {
            SPECS.put(s.key(), s);
            GROUP_OF.put(s.key(), title);
        }
    }

    /**
     * The statistics to show, grouped, in the report's order: the known groups with the keys present (in
     * {@code metrics} or {@code undefined}), then "Other" with the remaining keys in their map order.
     *
     * @param metrics   the statistics by key, {@code null} for undefined ones
     * @param undefined the reasons of undefined statistics by key
     * @return the groups that have at least one key
     */
    static List<Group> groups(Map<String, Object> metrics, Map<String, String> undefined) {
        Map<String, List<Spec>> byGroup = new LinkedHashMap<>();
        for (String title : new java.util.LinkedHashSet<>(GROUP_OF.values())) {
            byGroup.put(title, new ArrayList<>());
        }
        List<Spec> other = new ArrayList<>();
        for (Spec s : SPECS.values()) {
            if (metrics.containsKey(s.key()) || undefined.containsKey(s.key())) {
                byGroup.get(GROUP_OF.get(s.key())).add(s);
            }
        }
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(metrics.keySet());
        keys.addAll(undefined.keySet());
        for (String key : keys) {
            if (!SPECS.containsKey(key)) {
                other.add(new Spec(key, label(key), Kind.NUMBER));
            }
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((title, specs) -> {
            if (!specs.isEmpty()) {
                groups.add(new Group(title, specs));
            }
        });
        if (!other.isEmpty()) {
            groups.add(new Group("Other", other));
        }
        return groups;
    }

    /** "informationRatio" → "Information ratio". */
    static String label(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 4);
        for (int k = 0; k < key.length(); k++) {
            char c = key.charAt(k);
            if (k == 0) {
                sb.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c) && !Character.isUpperCase(key.charAt(k - 1))) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The value as shown in the table, or {@code null} when it is undefined (null or not a finite number).
     *
     * @param value the statistic
     * @param kind  its unit
     * @return the text, locale-independent
     */
    static String format(Object value, Kind kind) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n)) {
            return value.toString();
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            return null;
        }
        return switch (kind) {
            case PERCENT -> percent(v);
            case RATIO -> String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.2f", v);
            case COUNT -> n instanceof Long || n instanceof Integer ? n.toString()
                    : String.format(Locale.ROOT, "%.0f", v);
            case NUMBER -> number(n);
        };
    }

    /** 0.0123 → "1.23%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Six significant digits, no exponent, no trailing zeros. */
    static String number(Number n) {
        if (n instanceof Long || n instanceof Integer) {
            return n.toString();
        }
        BigDecimal d = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
        return d.round(MathContext.DECIMAL64).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The exact value for a tooltip. */
    static String exact(Object value) {
        return value instanceof Double d ? Double.toString(d) : String.valueOf(value);
    }
}
