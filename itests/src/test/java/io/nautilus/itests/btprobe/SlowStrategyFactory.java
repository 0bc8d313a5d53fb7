package io.nautilus.itests.btprobe;

import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;

import java.util.Map;

/**
 * Strategy {@code itest-slow} for BacktestIT, packed into a strategy bundle by the test: it sleeps a millisecond
 * on every quote, so a backtest of it runs long enough to be canceled.
 */
public final class SlowStrategyFactory implements StrategyFactory {

    @Override
    public String name() {
        return "itest-slow";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public Strategy create(Map<String, ?> parameters) {
        return new Strategy() {
            @Override
            public void start(StrategyContext context) {
            }

            @Override
            public void stop() {
            }

            @Override
            public void onQuote(Quote quote) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
