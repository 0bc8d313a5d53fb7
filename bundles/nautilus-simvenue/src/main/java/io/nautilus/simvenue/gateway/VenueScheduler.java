package io.nautilus.simvenue.gateway;

/**
 * The one thread of a {@link SimulatedVenueGateway} and its clock: tasks run one at a time, by due time, tasks due at
 * the same time in the order they were scheduled. {@link ThreadVenueScheduler} runs them on a thread of its own;
 * {@link ManualVenueScheduler} runs them when a test advances its clock.
 */
public interface VenueScheduler extends AutoCloseable {

    /** @return monotonic time in nanoseconds, the time base of {@link #scheduleAt} */
    long nanoTime();

    /** @return wall time in nanoseconds since the epoch (report times, GTD expiry) */
    long epochNanos();

    /**
     * Runs a task once {@link #nanoTime()} reaches a time.
     *
     * @param dueNanoTime when, in {@link #nanoTime()} units; a time in the past runs as soon as possible
     * @param task        the task; an exception it throws is logged and the next task runs
     */
    void scheduleAt(long dueNanoTime, Runnable task);

    /**
     * Runs a task as soon as possible (after the tasks already due).
     *
     * @param task the task
     */
    default void execute(Runnable task) {
        scheduleAt(nanoTime(), task);
    }

    /** Stops running tasks; those not yet run are dropped. */
    @Override
    void close();
}
