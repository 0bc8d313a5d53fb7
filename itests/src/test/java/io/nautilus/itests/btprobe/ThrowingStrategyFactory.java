package io.nautilus.itests.btprobe;

import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;

import java.util.Map;

/** Strategy {@code itest-throws} for BacktestIT: it throws on its 100th quote. */
public final class ThrowingStrategyFactory implements StrategyFactory {

    /** The message of the exception it throws. */
    public static final String MESSAGE = "itest-throws: thrown on purpose at quote 100";

    @Override
    public String name() {
        return "itest-throws";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public Strategy create(Map<String, ?> parameters) {
        return new Strategy() {
            private int quotes;

            @Override
            public void start(StrategyContext context) {
            }

            @Override
            public void stop() {
            }

            @Override
            public void onQuote(Quote quote) {
                if (++quotes == 100) {
                    throw new IllegalStateException(MESSAGE);
                }
            }
        };
    }
}
