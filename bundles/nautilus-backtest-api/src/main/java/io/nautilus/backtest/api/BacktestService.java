package io.nautilus.backtest.api;

import java.util.List;
import java.util.Optional;

/**
 * Runs backtests inside the platform, each on its own thread (never the live core's), against the strategies of the
 * installed strategy bundles; keeps every run's files under {@code data/nautilus/backtests/<id>/} and records it in
 * the history store.
 */
public interface BacktestService {

    /**
     * Checks and queues a backtest.
     *
     * @param request what to run; its {@code out} is ignored (runs write to their own folder)
     * @return the accepted run
     * @throws IllegalArgumentException naming what is wrong (unknown strategy or parameter, missing data, bad option);
     *                                  nothing is queued
     */
    BacktestInfo start(BacktestRequest request);

    /**
     * Checks and queues a parameter sweep ({@code nautilus:sweep}): one run of this service whose folder gets
     * {@code sweep.csv}, {@code runs/<index>/} and {@code best-<k>.html}; its progress counts the ended backtests
     * (in {@link BacktestInfo#events()}), its figures are the sweep's ({@code runs}, {@code failed},
     * {@code objective}, {@code value}, {@code best}, {@code executor}).
     *
     * @param args the options of {@code bin/nautilus-backtest} with the sweep's ({@link SweepRequest#parse});
     *             {@code --out} is ignored
     * @return the accepted run, listed by {@link #list()} like a backtest
     * @throws IllegalArgumentException naming what is wrong (as {@link SweepRequest#parse}, an unknown strategy or
     *                                  swept parameter, missing data); nothing is queued
     * @throws UnsupportedOperationException if this service runs no sweeps (the default)
     */
    default BacktestInfo startSweep(List<String> args) {
        throw new UnsupportedOperationException("this backtest service runs no parameter sweeps");
    }

    /** @return every run known, newest first */
    List<BacktestInfo> list();

    /**
     * @param id a run id
     * @return the run, if known
     */
    Optional<BacktestInfo> get(String id);

    /**
     * Cancels a queued or running backtest; it ends CANCELED with the files written so far.
     *
     * @param id a run id
     * @return true if it was queued or running
     */
    boolean cancel(String id);

    /** @return the strategy factory names backtests can run, sorted */
    List<String> strategies();
}
