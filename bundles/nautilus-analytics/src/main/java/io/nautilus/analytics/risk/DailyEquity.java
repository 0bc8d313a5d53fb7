package io.nautilus.analytics.risk;

import io.nautilus.analytics.api.risk.EquityPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * An account's daily equity from position snapshots: for each UTC day with snapshots, capital plus the sum over
 * instruments of the net P&amp;L (realised + unrealised - fees) of each instrument's latest snapshot so far (an
 * instrument not sampled that day keeps its last value).
 */
public final class DailyEquity {

    /**
     * A position snapshot's net P&amp;L.
     *
     * @param time       when it was taken
     * @param instrument the instrument id
     * @param netPnl     realised + unrealised - fees, in the instrument's currency
     */
    public record Sample(Instant time, String instrument, BigDecimal netPnl) {
    }

    private DailyEquity() {
    }

    /**
     * Builds the series.
     *
     * @param samples the account's snapshots, in any order
     * @param capital the account's capital by the instant it was defined from (the definition in force at a day's
     *                end applies; before the first one, the first one)
     * @return one point per day with a snapshot, oldest first; empty without samples
     * @throws IllegalArgumentException if there is no capital definition
     */
    public static List<EquityPoint> of(List<Sample> samples, NavigableMap<Instant, BigDecimal> capital) {
        if (capital.isEmpty()) {
            throw new IllegalArgumentException("no capital is defined for the account");
        }
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(Sample::time));
        Map<String, BigDecimal> latest = new HashMap<>();
        List<EquityPoint> points = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            Sample s = sorted.get(k);
            latest.put(s.instrument(), s.netPnl());
            LocalDate day = LocalDate.ofInstant(s.time(), ZoneOffset.UTC);
            boolean lastOfDay = k + 1 == sorted.size()
                    || !LocalDate.ofInstant(sorted.get(k + 1).time(), ZoneOffset.UTC).equals(day);
            if (lastOfDay) {
                Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                var inForce = capital.lowerEntry(dayEnd);
                BigDecimal equity = inForce != null ? inForce.getValue() : capital.firstEntry().getValue();
                for (BigDecimal pnl : latest.values()) {
                    equity = equity.add(pnl);
                }
                points.add(new EquityPoint(day, equity));
            }
        }
        return points;
    }
}
