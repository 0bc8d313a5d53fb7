package io.nautilus.itests.probe;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.Side;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;

import java.util.HashMap;
import java.util.Map;

/**
 * A strategy for the hot-swap test, packed into its own bundle by the test (see {@link ProbeActivator}). The test's
 * feed numbers its quotes 1, 2, 3... in the bid size; the probe checks that each quote is the previous one + 1 and
 * counts gaps and duplicates. It rests one order far from the market on its first start only. Everything is carried
 * to the next version by {@link #exportState()} / {@link #importState(Map)}.
 */
public final class ProbeStrategy implements Strategy {

    static final InstrumentId INSTRUMENT = InstrumentId.of("ITEST-PROBE");

    private final String bundleVersion;
    private volatile long count;
    private volatile long last;
    private volatile long gaps;
    private volatile long duplicates;
    private volatile long handOvers;
    private volatile long orderClientId;
    private volatile long reports;
    private volatile String startedBy = "";

    ProbeStrategy(String bundleVersion) {
        this.bundleVersion = bundleVersion;
    }

    @Override
    public void start(StrategyContext context) {
        startedBy = bundleVersion;
        if (orderClientId == 0) {
            orderClientId = context.submitLimit(INSTRUMENT, Side.BUY, 9_000, 1, OrderFlags.NONE);
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public void onQuote(Quote quote) {
        long n = quote.bidSize();
        if (last != 0) {
            if (n <= last) {
                duplicates++;
            } else if (n != last + 1) {
                gaps++;
            }
        }
        last = n;
        count++;
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        reports++;
    }

    @Override
    public Map<String, String> exportState() {
        return snapshot();
    }

    @Override
    public void importState(Map<String, String> state) {
        count = Long.parseLong(state.get("count"));
        last = Long.parseLong(state.get("last"));
        gaps = Long.parseLong(state.get("gaps"));
        duplicates = Long.parseLong(state.get("duplicates"));
        orderClientId = Long.parseLong(state.get("orderClientId"));
        reports = Long.parseLong(state.get("reports"));
        handOvers = Long.parseLong(state.get("handOvers")) + 1;
    }

    /** @return the counters, readable from any thread */
    Map<String, String> snapshot() {
        Map<String, String> state = new HashMap<>();
        state.put("count", Long.toString(count));
        state.put("last", Long.toString(last));
        state.put("gaps", Long.toString(gaps));
        state.put("duplicates", Long.toString(duplicates));
        state.put("orderClientId", Long.toString(orderClientId));
        state.put("reports", Long.toString(reports));
        state.put("handOvers", Long.toString(handOvers));
        state.put("startedBy", startedBy);
        return state;
    }
}
