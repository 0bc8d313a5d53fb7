package io.nautilus.backtest.engine;

/**
 * The backtest's simulated clock and its queue of timed actions (strategy timers, order and cancel arrivals, order
 * expiries): actions run in time order, actions with equal times in the order they were scheduled, all on the
 * backtest's one thread. The engine runs every action due at or before a market event's timestamp before the event.
 */
public interface Scheduler {

    /** @return the simulated time, epoch nanoseconds: the time of the event or action being processed */
    long now();

    /**
     * Schedules an action.
     *
     * @param timeNanos when, epoch nanoseconds; a time before {@link #now()} runs at now
     * @param action    what to run
     * @return a handle for {@link #cancel}
     */
    long at(long timeNanos, Runnable action);

    /**
     * Cancels a scheduled action.
     *
     * @param handle the handle {@link #at} returned
     * @return true if it was still scheduled
     */
    boolean cancel(long handle);
}
