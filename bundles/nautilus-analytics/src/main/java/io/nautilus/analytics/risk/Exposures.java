package io.nautilus.analytics.risk;

import io.nautilus.analytics.api.risk.Exposure;
import io.nautilus.analytics.api.risk.ExposureReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Gross and net exposure of open positions, grouped by instrument, by account and currency, and by currency. */
public final class Exposures {

    private Exposures() {
    }

    /**
     * Groups the holdings' values.
     *
     * @param holdings the open positions at their marks
     * @param unmarked "account instrument" of open positions without a mark, passed through
     * @return the report, each list sorted by its key (then currency)
     */
    public static ExposureReport of(List<Holding> holdings, List<String> unmarked) {
        return new ExposureReport(
                group(holdings, Holding::instrument),
                group(holdings, Holding::account),
                group(holdings, Holding::currency),
                unmarked);
    }

    private static List<Exposure> group(List<Holding> holdings, Function<Holding, String> key) {
        Map<String, Map<String, List<Holding>>> groups = new TreeMap<>();
        for (Holding h : holdings) {
            groups.computeIfAbsent(key.apply(h), k -> new TreeMap<>())
                    .computeIfAbsent(h.currency(), c -> new ArrayList<>()).add(h);
        }
        List<Exposure> rows = new ArrayList<>();
        groups.forEach((name, byCurrency) -> byCurrency.forEach((currency, members) -> {
            BigDecimal gross = BigDecimal.ZERO;
            BigDecimal net = BigDecimal.ZERO;
            for (Holding h : members) {
                BigDecimal value = h.value();
                gross = gross.add(value.abs());
                net = net.add(value);
            }
            rows.add(new Exposure(name, currency, gross, net, members.size()));
        }));
        return rows;
    }
}
