package io.nautilus.analytics.risk;

import io.nautilus.api.marketdata.Bar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Daily closes cut from intraday bars: the close of each UTC day is the close of the bar that ends last in it.
 */
public final class DailyCloses {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private DailyCloses() {
    }

    /**
     * Cuts bars of one instrument to daily closes.
     *
     * @param bars       the bars, in any order
     * @param priceScale the decimals of their prices
     * @return the close of each UTC day that has a bar, by date; a bar belongs to the day its last nanosecond is in
     */
    public static NavigableMap<LocalDate, Double> of(List<Bar> bars, int priceScale) {
        Map<LocalDate, Bar> last = new HashMap<>();
        for (Bar bar : bars) {
            LocalDate day = day(bar.endNanos() - 1);
            Bar current = last.get(day);
            if (current == null || bar.endNanos() > current.endNanos()) {
                last.put(day, bar);
            }
        }
        double unit = Math.pow(10, -priceScale);
        NavigableMap<LocalDate, Double> closes = new TreeMap<>();
        last.forEach((day, bar) -> closes.put(day, bar.close() * unit));
        return closes;
    }

    private static LocalDate day(long epochNanos) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND)), ZoneOffset.UTC);
    }
}
