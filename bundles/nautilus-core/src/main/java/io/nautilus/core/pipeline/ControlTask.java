package io.nautilus.core.pipeline;

/**
 * Work run on the business thread between commands (a query or a snapshot capture), once every command published
 * before the task was submitted has been processed.
 */
abstract class ControlTask {

    /** Ring sequence that must be processed before the task runs (the ring's cursor when it was submitted). */
    final long target;

    ControlTask(long target) {
        this.target = target;
    }

    /**
     * Runs the task on the business thread; must not throw.
     *
     * @param lastSeq seq of the last command processed
     * @param lastTimestamp its logical time
     */
    abstract void run(long lastSeq, long lastTimestamp);

    /**
     * Fails the task without running it.
     *
     * @param reason why
     */
    abstract void fail(Throwable reason);
}
