package io.nautilus.analytics.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Simple daily returns of several instruments on the days they all have one: row {@code t} holds each instrument's
 * return from its previous close to its close on {@code dates().get(t)}.
 *
 * @param instruments the instruments, in column order
 * @param dates       the dates of the rows, oldest first
 * @param returns     {@code returns[t][i]}: the return of instrument {@code i} on row {@code t}, a decimal
 */
public record ReturnMatrix(List<String> instruments, List<LocalDate> dates, double[][] returns) {

    /** Copies the lists. */
    public ReturnMatrix {
        instruments = List.copyOf(instruments);
        dates = List.copyOf(dates);
    }

    /**
     * Builds the matrix from daily closes. A return is taken between consecutive closes of the instrument (a day
     * without a close, e.g. a weekend, makes the next return span it); only dates on which every instrument has a
     * return are kept, the most recent {@code lookback} of them.
     *
     * @param closes   daily closes by instrument, in column order
     * @param lookback the most rows to keep, at least 1
     * @return the matrix, possibly with no rows
     * @throws IllegalArgumentException if the lookback is below 1
     */
    public static ReturnMatrix of(Map<String, NavigableMap<LocalDate, Double>> closes, int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback " + lookback + " must be at least 1");
        }
        List<String> names = new ArrayList<>(closes.keySet());
        List<NavigableMap<LocalDate, Double>> perInstrument = new ArrayList<>();
        NavigableSet<LocalDate> common = null;
        for (String name : names) {
            NavigableMap<LocalDate, Double> returns = new TreeMap<>();
            Map.Entry<LocalDate, Double> previous = null;
            for (Map.Entry<LocalDate, Double> close : closes.get(name).entrySet()) {
                if (previous != null && previous.getValue() > 0) {
                    returns.put(close.getKey(), close.getValue() / previous.getValue() - 1);
                }
                previous = close;
            }
            perInstrument.add(returns);
            if (common == null) {
                common = new TreeSet<>(returns.keySet());
            } else {
                common.retainAll(returns.keySet());
            }
        }
        List<LocalDate> dates = new ArrayList<>(common == null ? List.of() : common);
        if (dates.size() > lookback) {
            dates = new ArrayList<>(dates.subList(dates.size() - lookback, dates.size()));
        }
        double[][] matrix = new double[dates.size()][names.size()];
        for (int t = 0; t < dates.size(); t++) {
            for (int i = 0; i < names.size(); i++) {
                matrix[t][i] = perInstrument.get(i).get(dates.get(t));
            }
        }
        return new ReturnMatrix(names, dates, matrix);
    }

    /** @return how many rows (daily observations) the matrix has */
    public int observations() {
        return dates.size();
    }
}
