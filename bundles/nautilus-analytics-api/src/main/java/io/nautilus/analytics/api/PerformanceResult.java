package io.nautilus.analytics.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the analytics engine computed from a {@link PerformanceInput}: the metrics (the keys of
 * {@code bin/nautilus-analytics} and of a backtest's {@code stats.json}, listed in {@code docs/analytics.md}), the
 * curves a report draws and the calendar returns.
 *
 * @param metrics           the metrics in their documented order, JSON-ready: each value a {@link Double}, a
 *                          {@link Long}, a {@link String} (ISO dates) or {@code null} when undefined
 * @param undefined         for each metric whose value is {@code null}: why (e.g. "all returns are equal: volatility
 *                          is 0")
 * @param dates             the date of each period
 * @param returns           the decimal return of each period
 * @param equity            the equity at the end of each period: growth of the starting equity, or of 1 when the
 *                          input was built from returns
 * @param benchmarkEquity   the benchmark's growth of the same start, or {@code null} without a benchmark
 * @param underwater        the drawdown at the end of each period, a fraction {@code <= 0} of the running peak
 * @param worstDrawdowns    the deepest drawdowns, deepest first, up to 5
 * @param monthlyReturns    the compounded return of each calendar month that has data
 * @param yearlyReturns     the compounded return of each calendar year that has data
 * @param rollingWindow     periods of the rolling window (63, about a quarter of trading days)
 * @param rollingSharpe     annualised Sharpe ratio over the window ending at each period, NaN until the window fills
 *                          or when the window's volatility is 0
 * @param rollingVolatility annualised volatility over the window ending at each period, NaN until the window fills
 * @param trades            the trades of the input
 */
public record PerformanceResult(Map<String, Object> metrics, Map<String, String> undefined, List<LocalDate> dates,
                                double[] returns, double[] equity, double[] benchmarkEquity, double[] underwater,
                                List<Drawdown> worstDrawdowns, SortedMap<YearMonth, Double> monthlyReturns,
                                SortedMap<Integer, Double> yearlyReturns, int rollingWindow, double[] rollingSharpe,
                                double[] rollingVolatility, List<TradeRecord> trades) {

    /**
     * The metrics as one JSON object, in their order, undefined ones as {@code null}; a last member
     * {@code "undefined"} maps each {@code null} metric to its reason. Never {@code NaN} or {@code Infinity}.
     *
     * @return one line of JSON
     */
    public String toJson() {
        StringBuilder out = new StringBuilder(2048).append('{');
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            quote(out, e.getKey()).append(':');
            value(out, e.getValue());
            out.append(',');
        }
        quote(out, "undefined").append(":{");
        boolean first = true;
        for (Map.Entry<String, String> e : undefined.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey()).append(':');
            quote(out, e.getValue());
        }
        return out.append("}}").toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                out.append(d.doubleValue());
            } else {
                out.append("null");
            }
        } else if (value instanceof Number n) {
            out.append(n.longValue());
        } else if (value == null) {
            out.append("null");
        } else {
            quote(out, value.toString());
        }
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
