package io.nautilus.backtest.cli;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;

import java.util.Map;

/**
 * A strategy factory of the command-line tests, listed by a jar the tests build: "clitest" buys 1 SIM-ACME at its
 * first quote and throws at the quote given by {@code throwAt}.
 */
public final class FlipperFactory implements StrategyFactory {

    private static final Map<String, Object> PARAMETERS = Map.of("throwAt", "0");

    @Override
    public String name() {
        return "clitest";
    }

    @Override
    public Map<String, Object> parameters() {
        return PARAMETERS;
    }

    @Override
    public Strategy create(Map<String, ?> parameters) {
        for (String key : parameters.keySet()) {
            if (!PARAMETERS.containsKey(key)) {
                throw new IllegalArgumentException("clitest: unknown parameter '" + key + "'; it takes throwAt");
            }
        }
        int throwAt = Integer.parseInt(String.valueOf(parameters.containsKey("throwAt") ? parameters.get("throwAt")
                : "0"));
        return new Strategy() {
            StrategyContext context;
            int quotes;

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
                if (quotes == throwAt) {
                    throw new IllegalStateException("clitest threw at quote " + quotes);
                }
                if (quotes == 1) {
                    context.submitMarket(InstrumentId.of("SIM-ACME"), Side.BUY, 1);
                }
            }
        };
    }
}
