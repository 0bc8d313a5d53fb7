package io.nautilus.history.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One backtest run as the store keeps it (written by the backtest engine, read by reports and the web tier).
 *
 * @param runId      the run's id, unique, e.g. {@code bt-20261206-0001}
 * @param strategy   the strategy's type or id
 * @param parameters the strategy parameters the run used, by name (text values, exactly as configured)
 * @param dataFrom   start of the history the run replayed, UTC, or {@code null}
 * @param dataTo     end of the history the run replayed, UTC, or {@code null}
 * @param startedAt  when the run started, UTC
 * @param finishedAt when it finished, UTC, or {@code null} while it runs
 * @param status     e.g. {@code RUNNING}, {@code DONE}, {@code FAILED}, {@code CANCELED}
 * @param results    its result figures by name (text values, e.g. {@code netPnl}, {@code sharpe}, {@code fills})
 */
public record BacktestRun(String runId, String strategy, Map<String, String> parameters, Instant dataFrom,
                          Instant dataTo, Instant startedAt, Instant finishedAt, String status,
                          Map<String, String> results) {

    /**
     * Copies the maps and checks the required components.
     *
     * @throws NullPointerException if a required component is null
     */
    public BacktestRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        parameters = Map.copyOf(parameters);
        results = Map.copyOf(results);
    }
}
