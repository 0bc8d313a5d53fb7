package io.nautilus.backtest.internal;

import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.api.BacktestState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One backtest run of this platform session: its request and where it is. The running thread writes the progress
 * figures; state changes are guarded by the run's monitor, so a cancel and the run's own end never both win.
 */
final class Run implements Runner.Progress {

    private final String id;
    private final BacktestRequest request;
    private final Path folder;
    private final Instant submitted;

    private BacktestState state = BacktestState.QUEUED;
    private Instant started;
    private Instant finished;
    private String error;
    private Map<String, Object> stats = Map.of();
    private volatile boolean cancelled;

    private volatile long events;
    private volatile long total;
    private volatile long fills;
    private volatile double eventsPerSecond;

    /**
     * @param id        the run id
     * @param request   the request, {@code out} its folder
     * @param folder    the run's folder
     * @param submitted when it was accepted
     */
    Run(String id, BacktestRequest request, Path folder, Instant submitted) {
        this.id = id;
        this.request = request;
        this.folder = folder;
        this.submitted = submitted;
    }

    String id() {
        return id;
    }

    BacktestRequest request() {
        return request;
    }

    Path folder() {
        return folder;
    }

    /** @return true once a cancel was asked */
    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void progress(long eventsDone, long eventsTotal, long fillsDone, double rate) {
        events = eventsDone;
        total = eventsTotal;
        fills = fillsDone;
        eventsPerSecond = rate;
    }

    /**
     * Marks the run RUNNING, unless it was canceled while queued.
     *
     * @param now the time
     * @return true if it is to run
     */
    synchronized boolean begin(Instant now) {
        if (state != BacktestState.QUEUED) {
            return false;
        }
        state = BacktestState.RUNNING;
        started = now;
        return true;
    }

    /**
     * Asks the run to stop: a queued run ends CANCELED at once, a running one when the engine sees the request.
     *
     * @param now the time
     * @return true if it was queued or running
     */
    synchronized boolean cancel(Instant now) {
        if (state.isFinished()) {
            return false;
        }
        cancelled = true;
        if (state == BacktestState.QUEUED) {
            state = BacktestState.CANCELED;
            finished = now;
        }
        return true;
    }

    /**
     * Ends a running run.
     *
     * @param end     COMPLETED, FAILED or CANCELED
     * @param now     the time
     * @param outcome the engine's figures, or null
     * @param why     the error, or null
     */
    synchronized void end(BacktestState end, Instant now, Runner.Outcome outcome, String why) {
        state = end;
        finished = now;
        error = why;
        if (outcome != null) {
            events = outcome.events();
            total = outcome.events();
            fills = outcome.fills();
            eventsPerSecond = outcome.eventsPerSecond();
            stats = outcome.stats();
        }
    }

    /** @return the run as the service shows it */
    synchronized BacktestInfo info() {
        long done = events;
        long expected = total;
        double progress = state == BacktestState.COMPLETED ? 1
                : expected <= 0 ? 0 : Math.min(1, (double) done / expected);
        return new BacktestInfo(id, state, request, submitted, started, finished, progress, done, fills,
                eventsPerSecond, error, folder.toString(), stats);
    }
}
