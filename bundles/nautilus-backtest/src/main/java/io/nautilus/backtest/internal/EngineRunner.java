package io.nautilus.backtest.internal;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.engine.Backtest;
import io.nautilus.backtest.engine.BacktestResult;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.ProgressListener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The backtest engine ({@link Backtest#run}) in the platform's environment: the installed strategy bundles. */
final class EngineRunner implements Runner {

    private final Environment environment;

    /** @param environment where strategies, the default instruments and relative paths are found */
    EngineRunner(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Outcome run(BacktestRequest request, Progress progress, BooleanSupplier cancelled) throws Exception {
        BacktestResult result = Backtest.run(request, environment, new ProgressListener() {
            @Override
            public void progress(long eventsDone, long eventsTotalEstimate, double eventsPerSecond) {
                progress.progress(eventsDone, eventsTotalEstimate, 0, eventsPerSecond);
            }

            @Override
            public void progress(long eventsDone, long eventsTotalEstimate, long fills, double eventsPerSecond) {
                progress.progress(eventsDone, eventsTotalEstimate, fills, eventsPerSecond);
            }
        }, cancelled);
        Map<String, Object> stats = new LinkedHashMap<>();
        result.stats().forEach((name, value) -> {
            if (value != null) {
                stats.put(name, value);
            }
        });
        return new Outcome(result.events(), result.fills(), result.eventsPerSecond(), stats);
    }
}
