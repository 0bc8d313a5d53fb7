package io.nautilus.itests;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Bounded waits of the integration tests, on Awaitility: a condition polled until it holds (or holds for a whole
 * period), failing with an {@link AssertionError} that says what was awaited, described when the wait ends.
 *
 * <p>Used inside the Pax Exam container (where {@link ContainerOptions#distribution} provisions Awaitility) and
 * outside it. The condition is polled on the waiting thread (as a test's own code runs). Uncaught exceptions of other
 * threads are not caught: the container runs many threads whose failures are the platform's business, not the
 * wait's. An exception thrown by the condition ends the wait at once.
 */
final class Await {

    /** How often a condition is polled unless a test says otherwise. */
    static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /**
     * Waits until the condition holds.
     *
     * @param condition polled every {@link #POLL}, first at once
     * @param millis how long to wait at most, in milliseconds
     * @param what what is awaited, evaluated if the wait fails (the state to show then)
     * @throws AssertionError if the condition does not hold within {@code millis}
     */
    static void until(Callable<Boolean> condition, long millis, Supplier<?> what) {
        until(condition, millis, POLL, what);
    }

    /**
     * Waits until the condition holds.
     *
     * @param condition polled every {@link #POLL}, first at once
     * @param millis how long to wait at most, in milliseconds
     * @param what what is awaited (shown if the wait fails)
     * @throws AssertionError if the condition does not hold within {@code millis}
     */
    static void until(Callable<Boolean> condition, long millis, Object what) {
        until(condition, millis, POLL, () -> what);
    }

    /**
     * Waits until the condition holds, polled at the given interval.
     *
     * @param condition polled every {@code poll}, first at once
     * @param millis how long to wait at most, in milliseconds
     * @param poll the interval between polls
     * @param what what is awaited, evaluated if the wait fails
     * @throws AssertionError if the condition does not hold within {@code millis}
     */
    static void until(Callable<Boolean> condition, long millis, Duration poll, Supplier<?> what) {
        try {
            factory(poll).atMost(Duration.ofMillis(millis)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + millis + " ms: " + what.get(), e);
        }
    }

    /**
     * Waits until the value holds a wanted state and returns it.
     *
     * @param value polled every {@link #POLL}, first at once; a null value does not count
     * @param millis how long to wait at most, in milliseconds
     * @param what what is awaited, evaluated if the wait fails
     * @param <T> the value's type
     * @return the first non-null value
     * @throws AssertionError if no value comes within {@code millis}
     */
    static <T> T value(Callable<T> value, long millis, Supplier<?> what) {
        Object[] last = new Object[1];
        until(() -> (last[0] = value.call()) != null, millis, POLL, what);
        @SuppressWarnings("unchecked")
        T found = (T) last[0];
        return found;
    }

    /**
     * Checks that the condition keeps holding for a whole period (nothing changes that should not).
     *
     * @param condition polled every {@link #POLL}
     * @param millis the period, in milliseconds
     * @param what what must keep holding, evaluated if it does not
     * @throws AssertionError if the condition is false at a poll within the period
     */
    static void holds(Callable<Boolean> condition, long millis, Supplier<?> what) {
        try {
            factory(POLL).failFast(() -> !condition.call()).during(Duration.ofMillis(millis))
                    .atMost(Duration.ofMillis(millis).plusSeconds(10)).until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("did not hold for " + millis + " ms: " + what.get(), e);
        }
    }

    private static ConditionFactory factory(Duration poll) {
        return Awaitility.await().dontCatchUncaughtExceptions().pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(poll);
    }
}
