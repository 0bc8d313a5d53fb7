package io.nautilus.backtest.engine;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Strategies of the engine's unit tests, and a catalog of them. */
final class TestStrategies {

    private TestStrategies() {
    }

    /** What the last strategy built saw. */
    static final List<String> SEEN = new ArrayList<>();

    /**
     * "flipper": buys {@code quantity} of {@code instrument} at its {@code buyAt}-th quote and sells it at its
     * {@code sellAt}-th; records bars it sees.
     */
    static final class Flipper implements Strategy {
        final Map<String, ?> p;
        StrategyContext context;
        int quotes;

        Flipper(Map<String, ?> p) {
            this.p = p;
        }

        @Override
        public void start(StrategyContext context) {
            this.context = context;
        }

        @Override
        public void stop() {
        }

        @Override
        public void onQuote(Quote quote) {
            quotes++;
            InstrumentId id = InstrumentId.of(String.valueOf(p.get("instrument")));
            long qty = Long.parseLong(String.valueOf(p.get("quantity")));
            if (quotes == Integer.parseInt(String.valueOf(p.get("buyAt")))) {
                context.submitMarket(id, Side.BUY, qty);
            } else if (quotes == Integer.parseInt(String.valueOf(p.get("sellAt")))) {
                context.submitMarket(id, Side.SELL, qty);
            }
        }

        @Override
        public void onBar(Bar bar) {
            SEEN.add("bar " + bar.instrument() + " " + bar.close());
            if ("onBar".equals(p.get("throwIn"))) {
                throw new IllegalStateException("boom in onBar");
            }
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
            SEEN.add(report.execType() + " " + report.status() + " position " + context.position(report.instrument()));
        }
    }

    static StrategyFactory flipper() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("id", "");
        defaults.put("account", "");
        defaults.put("instrument", "SIM-ACME");
        defaults.put("quantity", "10");
        defaults.put("buyAt", "1");
        defaults.put("sellAt", "3");
        defaults.put("barSpec", "time:1m");
        defaults.put("throwIn", "");
        return new StrategyFactory() {
            @Override
            public String name() {
                return "flipper";
            }

            @Override
            public Map<String, Object> parameters() {
                return defaults;
            }

            @Override
            public Strategy create(Map<String, ?> parameters) {
                Map<String, Object> all = new LinkedHashMap<>(defaults);
                for (Map.Entry<String, ?> e : parameters.entrySet()) {
                    if (!defaults.containsKey(e.getKey())) {
                        throw new IllegalArgumentException("flipper: unknown parameter '" + e.getKey() + "'");
                    }
                    all.put(e.getKey(), e.getValue());
                }
                if (Long.parseLong(String.valueOf(all.get("quantity"))) <= 0) {
                    throw new IllegalArgumentException("flipper: quantity must be greater than zero");
                }
                SEEN.clear();
                SEEN.add("params " + new TreeMap<>(all));
                return new Flipper(all);
            }
        };
    }

    /**
     * "worker": a GTC limit BUY far below the market at its first quote, repriced by a one-shot timer 1.5 s after the
     * start, all canceled at its third quote; a repeating 60 s timer canceled after two firings.
     */
    static final class Worker implements Strategy {
        StrategyContext context;
        long oneShot;
        long repeating;
        int firings;
        int quotes;
        long order;

        @Override
        public void start(StrategyContext context) {
            this.context = context;
            oneShot = context.scheduleTimer(1_500_000_000L);
            repeating = context.scheduleRepeatingTimer(60_000_000_000L);
        }

        @Override
        public void stop() {
            SEEN.add("stop at " + java.time.Instant.ofEpochSecond(0, context.nowNanos()));
        }

        @Override
        public void onQuote(Quote quote) {
            quotes++;
            if (quotes == 1) {
                order = context.submitLimit(quote.instrument(), Side.BUY, 9000, 10, 0);
            } else if (quotes == 3) {
                SEEN.add("cancelAll " + context.cancelAll(null));
            }
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            SEEN.add("timer " + (timerId == oneShot ? "once" : "repeating") + " at "
                    + java.time.Instant.ofEpochSecond(0, nowNanos));
            if (timerId == oneShot) {
                context.replace(order, 9100, 0);
            } else if (++firings == 2) {
                SEEN.add("cancelTimer " + context.cancelTimer(repeating));
            }
        }

        @Override
        public void onExecutionReport(ExecutionReport report) {
            SEEN.add(report.execType() + " " + report.status() + " working " + ((BacktestContext) context).workingOrders());
        }
    }

    static StrategyFactory worker() {
        return new StrategyFactory() {
            @Override
            public String name() {
                return "worker";
            }

            @Override
            public Map<String, Object> parameters() {
                return Map.of();
            }

            @Override
            public Strategy create(Map<String, ?> parameters) {
                SEEN.clear();
                return new Worker();
            }
        };
    }

    static StrategyCatalog catalog(StrategyFactory... factories) {
        Map<String, StrategyFactory> byName = new TreeMap<>();
        for (StrategyFactory f : factories) {
            byName.put(f.name(), f);
        }
        return new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return byName.get(name);
            }

            @Override
            public List<String> names() {
                return List.copyOf(byName.keySet());
            }
        };
    }
}
