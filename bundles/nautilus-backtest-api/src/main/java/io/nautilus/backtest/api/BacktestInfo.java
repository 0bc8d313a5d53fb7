package io.nautilus.backtest.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A backtest run as the platform knows it.
 *
 * @param id              the run id (also its folder name under {@code data/nautilus/backtests/})
 * @param state           where it is
 * @param request         what was asked
 * @param submitted       when it was accepted
 * @param started         when it started running, or null
 * @param finished        when it ended, or null
 * @param progress        fraction of the events processed, 0 to 1
 * @param events          events processed so far
 * @param fills           fills so far
 * @param eventsPerSecond processing rate so far (0 before the first event)
 * @param error           why it failed, or null
 * @param outDir          the folder its files are written to
 * @param stats           the figures of {@code stats.json} once completed, else empty
 */
public record BacktestInfo(String id, BacktestState state, BacktestRequest request, Instant submitted, Instant started,
                           Instant finished, double progress, long events, long fills, double eventsPerSecond,
                           String error, String outDir, Map<String, Object> stats) {

    /** Copies the collections. */
    public BacktestInfo {
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }

    /** @return the run's data paths */
    public List<String> data() {
        return request.data();
    }
}
