package io.nautilus.api.venue;

import io.nautilus.api.ConnectionState;
import io.nautilus.api.VenueId;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The bookkeeping every {@link VenueGateway} shares, held by each gateway (composed, not inherited): the connection
 * state and the one rule for changing it, the report and state listeners, the last problem, labelled counters, and
 * the session thread on which listeners are called.
 *
 * <h2>Threads</h2>
 * Any thread may change the state, record a problem, count, or {@link #dispatch} a report. Listeners are called
 * only on the session thread, one call at a time, in the order the changes and reports were made, never under a
 * lock and never on the thread that made them: a listener may therefore call the gateway back. The session thread
 * is a daemon thread of the session's own ({@link Builder#build()}), or a single-threaded executor the gateway
 * already runs ({@link Builder#sessionThread}), such as a simulated venue's one thread.
 *
 * <h2>State</h2>
 * {@link #state()} is current as soon as {@link #changeState} returns; the state listener is told afterwards on
 * the session thread. A change to the state the session is in, or any change after {@link #close}, is no change
 * and tells nobody.
 *
 * <h2>Failures</h2>
 * A listener that throws is logged and counted ({@link #LISTENER_FAILURES}); the next report is delivered as usual.
 * A report dispatched while no report listener is set, or after {@link #close}, is counted
 * ({@link #UNDELIVERED}) and dropped.
 */
public final class VenueSession implements AutoCloseable {

    /** Counter label: execution reports handed to {@link #dispatch}. */
    public static final String REPORTS = "reports";
    /** Counter label: reports dropped because no listener was set or the session was closed. */
    public static final String UNDELIVERED = "undelivered";
    /** Counter label: report or state listener calls that threw. */
    public static final String LISTENER_FAILURES = "listenerFailures";

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final VenueId venue;
    private final String name;
    private final System.Logger log;
    private final LongSupplier clock;
    private final Executor thread;
    private final ExecutorService owned;
    private volatile Thread ownThread;
    private final Object lock = new Object();
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final Counter reports;
    private final Counter undelivered;
    private final Counter listenerFailures;

    private volatile ConnectionState state = ConnectionState.DOWN;
    private volatile long lastStateChange;
    private volatile Problem lastProblem = Problem.NONE;
    private volatile ExecutionReportListener listener;
    private volatile VenueStateListener stateListener;
    private volatile boolean closed;

    private VenueSession(Builder builder) {
        this.venue = builder.venue;
        this.name = builder.name;
        this.log = System.getLogger(builder.logger);
        this.clock = builder.clock;
        if (builder.sessionThread != null) {
            this.owned = null;
            this.thread = builder.sessionThread;
        } else {
            String threadName = builder.threadName;
            // one thread, an unbounded queue: dispatch never blocks the venue's own thread
            this.owned = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    runnable -> {
                        Thread t = new Thread(runnable, threadName);
                        t.setDaemon(true);
                        ownThread = t;
                        return t;
                    });
            this.thread = owned;
        }
        this.reports = counter(REPORTS);
        this.undelivered = counter(UNDELIVERED);
        this.listenerFailures = counter(LISTENER_FAILURES);
    }

    /**
     * Starts describing a session.
     *
     * @param venue the venue
     * @return a builder; the session thread is the session's own unless {@link Builder#sessionThread} is given
     */
    public static Builder builder(VenueId venue) {
        return new Builder(venue);
    }

    /** What a {@link VenueSession} is built with. */
    public static final class Builder {

        private final VenueId venue;
        private String name;
        private String logger = VenueSession.class.getName();
        private String threadName;
        private Executor sessionThread;
        private LongSupplier clock = System::currentTimeMillis;

        private Builder(VenueId venue) {
            this.venue = Objects.requireNonNull(venue, "venue");
            this.name = "venue " + venue.value();
            this.threadName = "nautilus-venue-" + venue.value() + "-session";
        }

        /**
         * How log lines name the session.
         *
         * @param name e.g. {@code "FIX venue XNAS"}; default {@code "venue <id>"}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = requireText(name, "name");
            return this;
        }

        /**
         * The log category of the session's lines, usually the gateway's class, so that they stay where the
         * gateway's own lines are.
         *
         * @param type the class whose name is the category; default {@code VenueSession}
         * @return this builder
         */
        public Builder logger(Class<?> type) {
            this.logger = type.getName();
            return this;
        }

        /**
         * The name of the session's own thread; ignored with {@link #sessionThread}.
         *
         * @param threadName the name; default {@code nautilus-venue-<id>-session}
         * @return this builder
         */
        public Builder threadName(String threadName) {
            this.threadName = requireText(threadName, "thread name");
            return this;
        }

        /**
         * Calls the listeners on a thread the gateway already runs instead of the session's own: it must run its
         * tasks one at a time in submission order (a single-threaded executor); the gateway stops it after
         * {@link VenueSession#close}.
         *
         * @param executor the gateway's one thread
         * @return this builder
         */
        public Builder sessionThread(Executor executor) {
            this.sessionThread = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The clock of the last state change and the last problem.
         *
         * @param epochMillis milliseconds since the epoch; default the system clock
         * @return this builder
         */
        public Builder clock(LongSupplier epochMillis) {
            this.clock = Objects.requireNonNull(epochMillis, "clock");
            return this;
        }

        /**
         * Creates the session, {@link ConnectionState#DOWN}, and starts its own thread unless one was given.
         *
         * @return the session
         */
        public VenueSession build() {
            return new VenueSession(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("venue session " + what + " must not be blank");
            }
            return value;
        }
    }

    /** The last problem and when it was recorded. */
    private record Problem(String text, long epochMillis) {
        static final Problem NONE = new Problem("", 0);
    }

    // ------------------------------------------------------------------ listeners

    /**
     * The venue.
     *
     * @return the venue id
     */
    public VenueId venue() {
        return venue;
    }

    /**
     * Sets the listener that receives every report {@link #dispatch dispatched} from now on.
     *
     * @param listener the listener, or {@code null} to drop reports (counted as {@link #UNDELIVERED})
     */
    public void setListener(ExecutionReportListener listener) {
        this.listener = listener;
    }

    /**
     * Sets the listener told about state changes from now on.
     *
     * @param listener the listener, or {@code null} to tell nobody
     */
    public void setStateListener(VenueStateListener listener) {
        this.stateListener = listener;
    }

    // ------------------------------------------------------------------ state

    /**
     * The current connection state.
     *
     * @return the state, {@link ConnectionState#DOWN} until the first change
     */
    public ConnectionState state() {
        return state;
    }

    /**
     * When the state last changed.
     *
     * @return epoch milliseconds, 0 if never
     */
    public long lastStateChange() {
        return lastStateChange;
    }

    /**
     * Changes the state and tells the state listener on the session thread.
     *
     * @param to     the new state
     * @param reason why, for logs and the listener
     * @return true if the state changed; false if it already was {@code to} or the session is closed
     */
    public boolean changeState(ConnectionState to, String reason) {
        return change(null, to, reason);
    }

    /**
     * Changes the state only from one state (compare and set), e.g. DEGRADED back to LOGGED_ON.
     *
     * @param from   the state the session must be in
     * @param to     the new state
     * @param reason why, for logs and the listener
     * @return true if the state changed
     */
    public boolean changeState(ConnectionState from, ConnectionState to, String reason) {
        return change(Objects.requireNonNull(from, "from"), to, reason);
    }

    private boolean change(ConnectionState expected, ConnectionState to, String reason) {
        Objects.requireNonNull(to, "to");
        String why = Objects.requireNonNullElse(reason, "");
        ConnectionState from;
        synchronized (lock) {
            from = state;
            if (closed || from == to || (expected != null && from != expected)) {
                return false;
            }
            state = to;
            lastStateChange = clock.getAsLong();
            // queued under the lock, so listeners hear the changes in the order they were made
            submit(() -> tell(from, to, why));
        }
        log.log(System.Logger.Level.INFO, name + ": " + from + " -> " + to + " (" + why + ")");
        return true;
    }

    private void tell(ConnectionState from, ConnectionState to, String reason) {
        VenueStateListener current = stateListener;
        if (current == null) {
            return;
        }
        try {
            current.onStateChange(venue, from, to, reason);
        } catch (RuntimeException e) {
            listenerFailures.increment();
            log.log(System.Logger.Level.ERROR, name + ": the state listener failed on " + from + " -> " + to, e);
        }
    }

    // ------------------------------------------------------------------ problems

    /**
     * Records the last problem (a reject, a disconnect reason, an HTTP error) for operators.
     *
     * @param text what went wrong, one line; blank is ignored
     */
    public void problem(String text) {
        if (text != null && !text.isBlank()) {
            lastProblem = new Problem(text, clock.getAsLong());
        }
    }

    /**
     * The last problem recorded.
     *
     * @return its text, empty if none
     */
    public String lastProblem() {
        return lastProblem.text();
    }

    /**
     * When the last problem was recorded.
     *
     * @return epoch milliseconds, 0 if none
     */
    public long lastProblemTime() {
        return lastProblem.epochMillis();
    }

    /**
     * The session as operators see it, with the gateway's own detail.
     *
     * @param detail           e.g. the FIX session id and host:port, or the REST base URL, and counts
     * @param nextSenderSeqNum FIX's next outgoing sequence number, -1 where the protocol has none
     * @param nextTargetSeqNum FIX's next expected incoming sequence number, -1 where the protocol has none
     * @return the info
     */
    public VenueSessionInfo info(String detail, long nextSenderSeqNum, long nextTargetSeqNum) {
        return new VenueSessionInfo(venue, state, detail, nextSenderSeqNum, nextTargetSeqNum, lastStateChange,
                lastProblem.text());
    }

    // ------------------------------------------------------------------ counters

    /** A labelled count of a session, safe to update from any thread. */
    public static final class Counter {

        private final String label;
        private final LongAdder value = new LongAdder();

        private Counter(String label) {
            this.label = label;
        }

        /** Adds one. */
        public void increment() {
            value.increment();
        }

        /**
         * Adds an amount; a gauge (e.g. working orders) also takes negative ones.
         *
         * @param amount the amount
         */
        public void add(long amount) {
            value.add(amount);
        }

        /**
         * The current value.
         *
         * @return the sum of what was added
         */
        public long get() {
            return value.sum();
        }

        /**
         * The label.
         *
         * @return the label, unique within its session
         */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label + "=" + get();
        }
    }

    /**
     * The counter with a label, created at 0 the first time it is asked for.
     *
     * @param label e.g. {@code "sent"}, {@code "rejects"}; not blank
     * @return the counter
     */
    public Counter counter(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("venue " + venue.value() + ": a counter label must not be blank");
        }
        synchronized (counters) {
            return counters.computeIfAbsent(label, Counter::new);
        }
    }

    /**
     * Every counter's value, in the order the counters were created ({@link #REPORTS}, {@link #UNDELIVERED} and
     * {@link #LISTENER_FAILURES} first).
     *
     * @return label to value, a snapshot
     */
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        synchronized (counters) {
            for (Counter counter : counters.values()) {
                out.put(counter.label(), counter.get());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ reports

    /**
     * Counts a report and delivers it to the listener on the session thread, after everything dispatched or
     * changed before it.
     *
     * @param report the report
     */
    public void dispatch(ExecutionReport report) {
        Objects.requireNonNull(report, "report");
        reports.increment();
        if (closed || !submit(() -> deliver(report))) {
            undelivered.increment();
        }
    }

    /**
     * Runs a task of the gateway's on the session thread, after everything dispatched before it (e.g. a stream's
     * events, so that their reports keep the stream's order). An exception it throws is logged.
     *
     * @param task the task
     * @return false if the session thread no longer runs (closed)
     */
    public boolean execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        return submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.ERROR, name + ": a session task failed", e);
            }
        });
    }

    private boolean submit(Runnable task) {
        try {
            thread.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    private void deliver(ExecutionReport report) {
        ExecutionReportListener current = listener;
        if (current == null) {
            undelivered.increment();
            long dropped = undelivered.get();
            if (dropped == 1 || dropped % 1000 == 0) {
                log.log(System.Logger.Level.WARNING, name + ": no listener, report dropped (" + dropped
                        + " undelivered so far): " + report);
            }
            return;
        }
        try {
            current.onExecutionReport(report);
        } catch (RuntimeException e) {
            listenerFailures.increment();
            log.log(System.Logger.Level.ERROR, name + ": the listener failed on report " + report, e);
        }
    }

    // ------------------------------------------------------------------ close

    /**
     * Whether {@link #close} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Goes {@link ConnectionState#DOWN} with the reason, takes no more changes or reports, and stops the session's
     * own thread once it has delivered what was queued before (waiting up to 5 s). A thread given with
     * {@link Builder#sessionThread} is the gateway's to stop.
     *
     * @param reason why, for logs and the state listener
     */
    public void close(String reason) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            change(null, ConnectionState.DOWN, reason);
            closed = true;
        }
        if (owned != null) {
            owned.shutdown();
            if (Thread.currentThread() == ownThread) {
                return; // a listener closed the gateway: the thread ends after this call
            }
            try {
                if (!owned.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.log(System.Logger.Level.WARNING, name + ": listeners still busy " + CLOSE_WAIT_SECONDS
                            + " s after close");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Closes with the reason {@code "closed"}. */
    @Override
    public void close() {
        close("closed");
    }

    @Override
    public String toString() {
        return name + " " + state;
    }
}
