package io.nautilus.analytics.internal;

import io.nautilus.analytics.risk.DailyCloses;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataAdminService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Daily closes of an instrument for VaR: from the history store's bars (the {@code 1m} series when the store has
 * one, else every bar it kept), cut to the close of each UTC day; when that gives fewer closes than the lookback
 * needs and the market-data engine aggregates daily time bars, from the engine's recent daily bars (it keeps the
 * last 50) if they give more. Remembers which instruments came from the engine.
 */
final class CloseSource implements Function<String, NavigableMap<LocalDate, Double>> {

    /** The bar setting whose bars are preferred, as the store records it. */
    static final String MINUTE_SPEC = "1m";

    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();
    private static final int ENGINE_BARS = 50;

    private final HistoryService history;
    private final MarketDataAdminService marketData;
    private final Function<InstrumentId, Optional<Instrument>> definitions;
    private final Instant from;
    private final int wanted;
    private final TreeSet<String> fromEngine = new TreeSet<>();
    private String historyError;

    /**
     * @param history     the history store, or null
     * @param marketData  the market-data engine's admin service, or null
     * @param definitions the core's instrument definitions
     * @param now         the current time
     * @param lookback    the most daily returns wanted
     */
    CloseSource(HistoryService history, MarketDataAdminService marketData,
                Function<InstrumentId, Optional<Instrument>> definitions, Instant now, int lookback) {
        this.history = history;
        this.marketData = marketData;
        this.definitions = definitions;
        // weekends and holidays: 7 calendar days hold 5 trading days, plus a margin
        this.from = now.minus(Duration.ofDays(lookback * 7L / 5 + 10));
        this.wanted = lookback + 1;
    }

    @Override
    public NavigableMap<LocalDate, Double> apply(String instrument) {
        InstrumentId id = InstrumentId.of(instrument);
        int scale = definitions.apply(id).map(Instrument::priceScale).orElse(0);
        NavigableMap<LocalDate, Double> closes = fromStore(id, scale);
        if (closes.size() < wanted && marketData != null) {
            NavigableMap<LocalDate, Double> engine = fromEngine(id, scale);
            if (engine.size() > closes.size()) {
                fromEngine.add(instrument);
                return engine;
            }
        }
        return closes;
    }

    private NavigableMap<LocalDate, Double> fromStore(InstrumentId id, int scale) {
        if (history == null) {
            return new TreeMap<>();
        }
        List<BarRecord> records;
        try {
            records = history.bars(HistoryQuery.all().withInstrument(id).withRange(from, null)
                    .withLimit(HistoryQuery.MAX_LIMIT));
        } catch (HistoryUnavailableException e) {
            historyError = e.getMessage();
            return new TreeMap<>();
        }
        boolean hasMinutes = false;
        for (BarRecord r : records) {
            hasMinutes |= MINUTE_SPEC.equals(r.spec());
        }
        List<Bar> bars = new ArrayList<>(records.size());
        for (BarRecord r : records) {
            if (!hasMinutes || MINUTE_SPEC.equals(r.spec())) {
                bars.add(r.bar());
            }
        }
        return DailyCloses.of(bars, scale);
    }

    private NavigableMap<LocalDate, Double> fromEngine(InstrumentId id, int scale) {
        for (BarSpec spec : marketData.barSpecs()) {
            if (spec.type() == BarSpec.Type.TIME && spec.size() == DAY_NANOS) {
                return DailyCloses.of(marketData.bars(id, spec, ENGINE_BARS), scale);
            }
        }
        return new TreeMap<>();
    }

    /** @return where the closes came from, for the report */
    String describe() {
        StringBuilder s = new StringBuilder(history == null ? "history store not running"
                : "history store (" + MINUTE_SPEC + " bars cut to UTC daily closes)");
        if (historyError != null) {
            s.append(", unreadable: ").append(historyError);
        }
        if (!fromEngine.isEmpty()) {
            s.append("; market-data engine daily bars for ").append(String.join(", ", fromEngine));
        }
        return s.toString();
    }
}
