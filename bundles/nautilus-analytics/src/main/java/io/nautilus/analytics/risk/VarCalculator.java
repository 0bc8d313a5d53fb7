package io.nautilus.analytics.risk;

import io.nautilus.analytics.api.risk.VarEstimate;
import io.nautilus.analytics.api.risk.VarMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * VaR/CVaR of the open positions per account and currency, and of all accounts per currency, each method at each
 * confidence level (see {@link PortfolioVar} for the conventions).
 *
 * <p>A group's returns are those of its instruments on the days they all have one, the most recent
 * {@code lookback}; a group with fewer than {@code minObservations} of them, or an instrument with fewer than two
 * daily closes, gets an estimate that is unavailable with the reason.
 */
public final class VarCalculator {

    /** The confidence levels the report shows. */
    public static final List<Double> CONFIDENCES = List.of(0.95, 0.99);

    private final int lookback;
    private final int minObservations;

    /**
     * @param lookback        the most daily returns to use, at least 1
     * @param minObservations the fewest daily returns an estimate needs, at least 2
     * @throws IllegalArgumentException if a number is out of range
     */
    public VarCalculator(int lookback, int minObservations) {
        if (lookback < 1) {
            throw new IllegalArgumentException("var.lookback.days " + lookback + " must be at least 1");
        }
        if (minObservations < 2 || minObservations > lookback) {
            throw new IllegalArgumentException("var.min.observations " + minObservations + " must be 2 to"
                    + " var.lookback.days (" + lookback + ")");
        }
        this.lookback = lookback;
        this.minObservations = minObservations;
    }

    /**
     * Estimates every group.
     *
     * @param holdings the open positions at their marks
     * @param closes   the daily closes of an instrument, empty if there are none
     * @return per account and currency (sorted), then all accounts per currency; for each, historical then
     *         parametric, each at 95 % then 99 %
     */
    public List<VarEstimate> estimate(List<Holding> holdings, Function<String, NavigableMap<LocalDate, Double>> closes) {
        Map<String, NavigableMap<LocalDate, Double>> cache = new LinkedHashMap<>();
        Function<String, NavigableMap<LocalDate, Double>> cached = id -> cache.computeIfAbsent(id, closes);
        Map<String, Map<String, List<Holding>>> byAccount = new TreeMap<>();
        Map<String, List<Holding>> total = new TreeMap<>();
        for (Holding h : holdings) {
            byAccount.computeIfAbsent(h.account(), a -> new TreeMap<>())
                    .computeIfAbsent(h.currency(), c -> new ArrayList<>()).add(h);
            total.computeIfAbsent(h.currency(), c -> new ArrayList<>()).add(h);
        }
        List<VarEstimate> estimates = new ArrayList<>();
        byAccount.forEach((account, perCurrency) -> perCurrency.forEach((currency, group) ->
                estimates.addAll(group(account, currency, group, cached))));
        total.forEach((currency, group) -> estimates.addAll(group(null, currency, group, cached)));
        return estimates;
    }

    private List<VarEstimate> group(String account, String currency, List<Holding> group,
                                    Function<String, NavigableMap<LocalDate, Double>> closes) {
        Map<String, Double> values = new TreeMap<>();
        int scale = 0;
        for (Holding h : group) {
            values.merge(h.instrument(), h.value().doubleValue(), Double::sum);
            scale = Math.max(scale, h.moneyScale());
        }
        List<String> instruments = List.copyOf(values.keySet());
        Map<String, NavigableMap<LocalDate, Double>> series = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String instrument : instruments) {
            NavigableMap<LocalDate, Double> c = closes.apply(instrument);
            if (c.size() < 2) {
                missing.add(instrument);
            }
            series.put(instrument, c);
        }
        List<VarEstimate> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            return unavailable(account, currency, instruments, 0, "not enough history: fewer than 2 daily closes of "
                    + String.join(", ", missing));
        }
        ReturnMatrix matrix = ReturnMatrix.of(series, lookback);
        if (matrix.observations() < minObservations) {
            return unavailable(account, currency, instruments, matrix.observations(), "not enough history: "
                    + matrix.observations() + " daily returns common to " + String.join(", ", instruments) + ", "
                    + minObservations + " needed (var.min.observations)");
        }
        double[] v = new double[instruments.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(instruments.get(i));
        }
        for (VarMethod method : VarMethod.values()) {
            for (double confidence : CONFIDENCES) {
                PortfolioVar.Estimate e = method == VarMethod.HISTORICAL
                        ? PortfolioVar.historical(v, matrix.returns(), confidence)
                        : PortfolioVar.parametric(v, matrix.returns(), confidence);
                out.add(new VarEstimate(account, currency, method, confidence, money(e.var(), scale),
                        money(e.cvar(), scale), matrix.observations(), instruments, null));
            }
        }
        return out;
    }

    private static List<VarEstimate> unavailable(String account, String currency, List<String> instruments,
                                                 int observations, String reason) {
        List<VarEstimate> out = new ArrayList<>();
        for (VarMethod method : VarMethod.values()) {
            for (double confidence : CONFIDENCES) {
                out.add(new VarEstimate(account, currency, method, confidence, null, null, observations, instruments,
                        reason));
            }
        }
        return out;
    }

    private static BigDecimal money(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
