package io.nautilus.core.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.EventLog;
import io.nautilus.core.Op;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.api.CoreMetrics;
import io.nautilus.core.api.LatencySnapshot;
import io.nautilus.core.journal.FsyncPolicy;
import io.nautilus.core.journal.JournalSegments;
import io.nautilus.core.journal.JournalWriter;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.journal.SnapshotStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.LongSupplier;

/**
 * The trading core's pipeline: a multi-producer Disruptor ring of pre-allocated {@link Command} slots and its handler
 * threads, laid out as {@link PipelineConfig#layout()} says. {@link PipelineLayout#PARALLEL}, three threads:
 * <pre>
 * publishers (any thread) ──▶ ring ──┬─▶ journal  ({@value #JOURNAL_THREAD}):  append, write + fsync per batch ─┐
 *                                    └─▶ business ({@value #BUSINESS_THREAD}): CommandProcessor.process ────────┴─▶
 *                                        publish ({@value #PUBLISH_THREAD}): ResultHandler, after both
 * </pre>
 * {@link PipelineLayout#COMPACT} (machines with at most 2 cores), two threads: the publish stage runs on the journal
 * thread, which after each written (and forced) batch hands on the results up to the lower of the last journaled and
 * the last processed command ({@link JournalPublishProcessor}):
 * <pre>
 * publishers (any thread) ──▶ ring ──┬─▶ journal ({@value #JOURNAL_THREAD}): append, write + fsync per batch,
 *                                    │       then ResultHandler up to min(journaled, processed)
 *                                    └─▶ business ({@value #BUSINESS_THREAD}): CommandProcessor.process
 * </pre>
 * {@link PipelineLayout#SINGLE} (at most 2 cores, latency first), one thread: each batch is processed, journaled,
 * and its results handed on once journaled, all on {@value #BUSINESS_THREAD}.
 * With BATCH fsync the journal hands each batch's force to a thread of its own ({@value #FSYNC_THREAD}) and
 * writes the next batch meanwhile (group commit); results are released only up to the last forced command.
 * In the parallel and compact layouts, journal and business run in parallel on the same slots (the journal reads only input fields, the
 * processor writes only the outcome); results are released only once journaled, in seq order, on one thread
 * ({@link PipelineLayout#resultThread()}, "the publish thread" below). Each command's seq is assigned when it is
 * published: ring sequence + 1 + the seq recovered at start, so the journal and the processing agree.
 *
 * <p>Lifecycle: {@link #start()} first recovers the state (newest snapshot + journal replay through the same
 * processor, see {@link Recovery}), then starts the threads; {@link #stop()} drains every published command, closes
 * (forces) the journal and stops the threads. A pipeline is started once; after {@code stop()} make a new one (with
 * a fresh processor: start recovers into it).
 *
 * <p>Other threads never touch the processor's state: {@link #query} and {@link #snapshot()} run their work on the
 * business thread between commands, after every command published before the call, and complete their future
 * off that thread. An idle business thread is woken at once to serve them. {@link #queryPublished} does the same
 * on the publish thread (the journal thread in the compact layout, the business thread in the single one), for state the {@link ResultHandler} keeps.
 *
 * <p>The processor must not modify a command's input fields (the journal thread reads them concurrently); the
 * {@link Command#attachment} is not journaled, so after a restart the processor sees commands with the text only.
 *
 * @param <P> the processor type, handed to queries
 */
public final class CorePipeline<P extends CommandProcessor> {

    /** Name of the journal thread (in the compact layout it also hands on the results). */
    public static final String JOURNAL_THREAD = "nautilus-core-journal";
    /** Name of the business thread. */
    public static final String BUSINESS_THREAD = "nautilus-core-business";
    /** Name of the publish thread (parallel layout only). */
    public static final String PUBLISH_THREAD = "nautilus-core-publish";
    /** Name of the thread that forces the journal with BATCH fsync (group commit), while the next batch is written. */
    public static final String FSYNC_THREAD = "nautilus-core-fsync";
    /** Name of the thread that writes snapshots. */
    public static final String SNAPSHOT_THREAD = "nautilus-core-snapshot";

    private static final io.nautilus.core.CoreLogger LOG = io.nautilus.core.CoreLogger.of(CorePipeline.class);
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long JOIN_TIMEOUT_MILLIS = 5_000;
    private static final long SNAPSHOT_JOURNAL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final ThreadLocal<Command> SCRATCH = ThreadLocal.withInitial(Command::new);
    /**
     * Completes the futures of queries and snapshots off the pipeline's threads: the common pool itself, never
     * {@code CompletableFuture.runAsync}'s default, which starts a thread per task when the common pool has a
     * parallelism of 1 (any machine with 2 CPUs), i.e. a thread started by the business thread per query.
     */
    private static final java.util.concurrent.Executor ANSWERS = java.util.concurrent.ForkJoinPool.commonPool();

    private enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private final PipelineConfig config;
    private final P processor;
    private final List<Snapshotable> parts;
    private final ResultHandler results;
    private final LongSupplier clock;
    private final SnapshotStore snapshots;
    private final Queue<ControlTask> controls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unfinishedControls = new AtomicInteger();
    private final Queue<ControlTask> publishControls = new ConcurrentLinkedQueue<>();
    private final Queue<PublishStage.Capture> publishedCaptures = new ConcurrentLinkedQueue<>();
    private volatile ResultHandler replayed;
    private volatile List<Snapshotable> publishedParts = List.of();
    private volatile LongSupplier lowestHeld = () -> Long.MAX_VALUE;
    private volatile JournalWriter.Channels journalChannels = JournalWriter.Channels.FILES;
    private final Queue<String> pinning = new ConcurrentLinkedQueue<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

    private volatile RingBuffer<Command> ring;
    private volatile TickingWaitStrategy waitStrategy;
    private long base;
    private volatile JournalStage journalStage;
    private volatile BusinessStage businessStage;
    private volatile PublishStage publishStage;
    private final List<EventProcessor> processors = new ArrayList<>();
    /** The last stage's sequence: every ring sequence up to it has had its result handed on (or withheld). */
    private volatile Sequence released;
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService snapshotExecutor;
    private ScheduledFuture<?> scheduledSnapshots;
    private volatile Recovery.Result recovery;
    private volatile long lastSnapshotSeq;
    /** Snapshot writes that failed since start (snapshot thread writes). */
    private volatile long snapshotFailures;

    /**
     * A pipeline with the default clock: epoch millis × 1,000,000, made strictly increasing (never repeats, never
     * goes back, also across restarts).
     *
     * @param config settings
     * @param processor the business logic (the lead's engine)
     * @param parts the state's snapshot parts, in a fixed order (may include the processor)
     * @param results receives processed, journaled commands
     */
    public CorePipeline(PipelineConfig config, P processor, List<? extends Snapshotable> parts,
                        ResultHandler results) {
        this(config, processor, parts, results, new MonotonicClock());
    }

    /**
     * @param config settings
     * @param processor the business logic
     * @param parts the state's snapshot parts, in a fixed order (may include the processor)
     * @param results receives processed, journaled commands
     * @param clock logical time of commands published without a timestamp, epoch nanos; called on publishing
     *        threads, so it must be thread-safe
     */
    public CorePipeline(PipelineConfig config, P processor, List<? extends Snapshotable> parts,
                        ResultHandler results, LongSupplier clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.parts = List.copyOf(parts);
        this.results = Objects.requireNonNull(results, "results");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshots = new SnapshotStore(config.journalDir(), config.snapshotsKept());
    }

    /**
     * Also hands each command replayed from the journal at {@link #start()} (processed, with its outcome) to a
     * handler, on the starting thread, before the pipeline's threads start; e.g. to rebuild state the result handler
     * keeps. Commands covered by the loaded snapshot are not replayed.
     *
     * @param handler receives replayed commands ({@code endOfBatch} false); its exceptions are logged
     * @return this pipeline
     * @throws IllegalStateException if already started
     */
    public CorePipeline<P> replayTo(ResultHandler handler) {
        if (state.get() != State.NEW) {
            throw new IllegalStateException("pipeline is " + state.get() + "; set the replay handler before start");
        }
        replayed = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Adds state the {@link ResultHandler} keeps on the publish thread to the snapshots: each snapshot captures these
     * parts on the publish thread once it has handed exactly the snapshot's last command to the handler (after the
     * business thread captured the processor's parts at that command), and recovery loads them with the others.
     *
     * @param parts the result handler's parts, in a fixed order (after the processor's in the snapshot)
     * @return this pipeline
     * @throws IllegalStateException if already started
     */
    public CorePipeline<P> publishedParts(List<? extends Snapshotable> parts) {
        if (state.get() != State.NEW) {
            throw new IllegalStateException("pipeline is " + state.get() + "; set the published parts before start");
        }
        publishedParts = List.copyOf(parts);
        return this;
    }

    /**
     * Opens the journal's segment files through {@code channels}: a seam for tests that hold or fail the journal's
     * writes and forces.
     *
     * @param channels opens the segment files
     * @return this pipeline
     * @throws IllegalStateException if already started
     */
    CorePipeline<P> journalChannels(JournalWriter.Channels channels) {
        if (state.get() != State.NEW) {
            throw new IllegalStateException("pipeline is " + state.get() + "; set the journal channels before start");
        }
        journalChannels = Objects.requireNonNull(channels, "channels");
        return this;
    }

    /**
     * Keeps what consumers of the journal hold: pruning keeps the newest snapshot at or before the lowest held seq,
     * and journal segments a replay from that snapshot (or from seq 1, if there is none) needs are not deleted.
     *
     * @param lowestHeld the lowest held seq, {@link Long#MAX_VALUE} if nothing is held; called when pruning (any
     *                   thread)
     * @return this pipeline
     */
    public CorePipeline<P> holds(LongSupplier lowestHeld) {
        this.lowestHeld = Objects.requireNonNull(lowestHeld, "lowestHeld");
        snapshots.keepForHolds(lowestHeld);
        return this;
    }

    /**
     * Recovers the state from the journal directory, opens the journal for appending and starts the threads.
     *
     * @return what recovery did
     * @throws IOException if recovery or opening the journal fails (the pipeline is then unusable)
     * @throws IllegalStateException if already started
     */
    public synchronized Recovery.Result start() throws IOException {
        if (!state.compareAndSet(State.NEW, State.STARTING)) {
            throw new IllegalStateException("pipeline is " + state.get() + "; a pipeline starts once");
        }
        try {
            Path dir = config.journalDir();
            long began = System.nanoTime();
            ResultHandler replay = replayed;
            CommandProcessor replaying = replay == null ? processor : command -> {
                processor.process(command);
                try {
                    replay.onResult(command, false);
                } catch (RuntimeException e) {
                    LOG.warn("replay handler failed on {}; recovery goes on", command, e);
                }
            };
            List<Snapshotable> all = new ArrayList<>(parts);
            all.addAll(publishedParts);
            Recovery.Result recovered = Recovery.run(dir, all, replaying,
                    line -> LOG.warn("recovery: {}", line));
            recovery = recovered;
            lastSnapshotSeq = recovered.snapshotSeq();
            LOG.info("recovered seq {} from {} (snapshot at seq {}, {} commands replayed) in {} ms",
                    recovered.lastSeq(), dir, recovered.snapshotSeq(), recovered.replayed(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            JournalWriter writer = JournalWriter.open(dir, recovered.lastSeq() + 1, config.journalOptions(),
                    line -> LOG.warn("journal: {}", line), journalChannels);
            if (clock instanceof MonotonicClock monotonic) {
                monotonic.notBefore(recovered.lastTimestamp());
            }
            base = recovered.lastSeq();
            launch(writer, recovered);
            state.set(State.RUNNING);
            if (!config.snapshotInterval().isZero()) {
                long period = config.snapshotInterval().toMillis();
                scheduledSnapshots = snapshotExecutor.scheduleAtFixedRate(this::scheduledSnapshot, period, period,
                        TimeUnit.MILLISECONDS);
            }
            LOG.info("core pipeline running: layout {} ({} handler threads, {} CPUs), ring {} slots, wait {}, fsync {},"
                    + " next seq {}", config.layout().label(), config.layout().handlerThreads(),
                    Runtime.getRuntime().availableProcessors(), config.ringSize(), config.waitStrategy(),
                    config.fsync(), base + 1);
            return recovered;
        } catch (IOException | RuntimeException | Error e) {
            state.set(State.FAILED);
            throw e;
        }
    }

    private void launch(JournalWriter writer, Recovery.Result recovered) {
        PipelineLayout layout = config.layout();
        waitStrategy = new TickingWaitStrategy(config.waitStrategy(), config.effectiveIdleTick().toNanos());
        EventLog log = EventLog.forRing(config.ringSize());
        ring = RingBuffer.createMultiProducer(() -> new Command(log), config.ringSize(), waitStrategy);
        boolean single = layout == PipelineLayout.SINGLE;
        if (single && (config.pinJournal() != PipelineConfig.NO_PINNING
                || config.pinPublish() != PipelineConfig.NO_PINNING)) {
            LOG.warn("pin.journal {} and pin.publish {} are not used: the single layout runs every stage on the business"
                    + " thread (pin.business)", config.pinJournal(), config.pinPublish());
        }
        journalStage = new JournalStage(writer, recovered.lastSeq(), single ? PipelineConfig.NO_PINNING
                : config.pinJournal(), this::pinned);
        if (config.fsync() == FsyncPolicy.BATCH) {
            writer.forceOnThread(FSYNC_THREAD, journalStage);
        }
        businessStage = new BusinessStage(processor, controls, unfinishedControls, recovered.lastSeq(), recovered.lastTimestamp(),
                config.pinBusiness(), this::pinned);
        int pinPublish = layout == PipelineLayout.PARALLEL ? config.pinPublish() : PipelineConfig.NO_PINNING;
        if (layout == PipelineLayout.COMPACT && config.pinPublish() != PipelineConfig.NO_PINNING) {
            LOG.warn("pin.publish {} is not used: the compact layout has no publish thread (results are handed on by"
                    + " the journal thread, pin.journal)", config.pinPublish());
        }
        publishStage = new PublishStage(results, log, journalStage, recovered.lastSeq(), pinPublish,
                this::pinned, publishControls, unfinishedControls, publishedCaptures);
        BatchEventProcessorBuilder builder = new BatchEventProcessorBuilder();
        ExceptionHandler<Command> logging = new LoggingExceptionHandler();
        EventProcessor last;
        if (single) {
            last = JournalPublishProcessor.single(ring, journalStage.released(), businessStage, journalStage,
                    publishStage);
            processors.add(last);
            threads.add(daemon(last, BUSINESS_THREAD));
        } else if (layout == PipelineLayout.COMPACT) {
            BatchEventProcessor<Command> business = builder.build(ring, ring.newBarrier(), businessStage);
            business.setExceptionHandler(logging);
            last = new JournalPublishProcessor(ring, business.getSequence(), journalStage.released(), journalStage,
                    publishStage);
            processors.add(business);
            processors.add(last);
            threads.add(daemon(last, JOURNAL_THREAD));
            threads.add(daemon(business, BUSINESS_THREAD));
        } else {
            BatchEventProcessor<Command> business = builder.build(ring, ring.newBarrier(), businessStage);
            business.setExceptionHandler(logging);
            BatchEventProcessor<Command> journal = builder.build(ring, ring.newBarrier(), journalStage);
            SequenceBarrier afterBoth = ring.newBarrier(journalStage.released(), business.getSequence());
            BatchEventProcessor<Command> publish = builder.build(ring, afterBoth, publishStage);
            journal.setExceptionHandler(logging);
            publish.setExceptionHandler(logging);
            last = publish;
            processors.add(journal);
            processors.add(business);
            processors.add(publish);
            threads.add(daemon(journal, JOURNAL_THREAD));
            threads.add(daemon(business, BUSINESS_THREAD));
            threads.add(daemon(publish, PUBLISH_THREAD));
        }
        released = last.getSequence();
        ring.addGatingSequences(released);
        snapshotExecutor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, SNAPSHOT_THREAD));
        threads.forEach(Thread::start);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void pinned(String line) {
        pinning.add(line);
        if (line.startsWith("pinned")) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
    }

    /**
     * Stops the pipeline: refuses new commands, waits (up to 30 s) until every published command is processed,
     * journaled and handed to the result handler, and every pending query and snapshot is done, then closes the
     * journal (writing and forcing what is buffered) and stops the threads. A publish racing with stop may be left
     * unprocessed (it never gets a result). Idempotent.
     */
    public synchronized void stop() {
        State current = state.get();
        if (current == State.NEW) {
            state.set(State.STOPPED);
            return;
        }
        if (current != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        if (scheduledSnapshots != null) {
            scheduledSnapshots.cancel(false);
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (released.get() < ring.getCursor() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        while (unfinishedControls.get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (released.get() < ring.getCursor() || unfinishedControls.get() > 0) {
            LOG.error("stop: the pipeline did not drain in {} s; stopping anyway (processed up to ring sequence {} of"
                    + " {})", TimeUnit.NANOSECONDS.toSeconds(DRAIN_TIMEOUT_NANOS), released.get(),
                    ring.getCursor());
        }
        snapshotExecutor.shutdown();
        try {
            if (!snapshotExecutor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.error("stop: a snapshot write did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processors.forEach(EventProcessor::halt);
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.error("stop: thread {} did not end in {} ms", thread.getName(), JOIN_TIMEOUT_MILLIS);
            }
        }
        ControlTask task;
        while ((task = controls.poll()) != null) {
            unfinishedControls.decrementAndGet();
            task.fail(new IllegalStateException("pipeline stopped"));
        }
        while ((task = publishControls.poll()) != null) {
            unfinishedControls.decrementAndGet();
            task.fail(new IllegalStateException("pipeline stopped"));
        }
        PublishStage.Capture capture;
        while ((capture = publishedCaptures.poll()) != null) {
            capture.fail(new IllegalStateException("pipeline stopped"));
        }
        state.set(State.STOPPED);
        LOG.info("core pipeline stopped at seq {} (journal durable to seq {})", businessStage.processedSeq(),
                journalStage.writer().durableSeq());
    }

    /**
     * Publishes a command, waiting for a free slot if the ring is full.
     *
     * @param filler sets the command's input fields (op must be set)
     * @return the command's seq
     * @throws IllegalStateException if the pipeline is not running or its journal failed
     * @throws IllegalArgumentException if the command is invalid (op NONE, text too long)
     */
    public long publish(CommandFiller filler) {
        Command command = scratch();
        filler.fill(command);
        return claim(command, false);
    }

    /**
     * Publishes a command if the ring has a free slot.
     *
     * @param filler sets the command's input fields
     * @return the command's seq, or -1 if the ring is full
     * @throws IllegalStateException if the pipeline is not running or its journal failed
     * @throws IllegalArgumentException if the command is invalid
     */
    public long tryPublish(CommandFiller filler) {
        Command command = scratch();
        filler.fill(command);
        return claim(command, true);
    }

    /**
     * Publishes a command filled from an argument, waiting for a free slot if the ring is full.
     *
     * @param translator sets the command's input fields from the argument
     * @param arg the argument
     * @param <A> the argument type
     * @return the command's seq
     * @throws IllegalStateException if the pipeline is not running or its journal failed
     * @throws IllegalArgumentException if the command is invalid
     */
    public <A> long publish(CommandTranslator<A> translator, A arg) {
        Command command = scratch();
        translator.translate(command, arg);
        return claim(command, false);
    }

    /**
     * Publishes a command filled from an argument if the ring has a free slot.
     *
     * @param translator sets the command's input fields from the argument
     * @param arg the argument
     * @param <A> the argument type
     * @return the command's seq, or -1 if the ring is full
     * @throws IllegalStateException if the pipeline is not running or its journal failed
     * @throws IllegalArgumentException if the command is invalid
     */
    public <A> long tryPublish(CommandTranslator<A> translator, A arg) {
        Command command = scratch();
        translator.translate(command, arg);
        return claim(command, true);
    }

    private static Command scratch() {
        Command command = SCRATCH.get();
        command.clear();
        return command;
    }

    /** Validates the filled scratch command, then claims, copies and publishes: nothing can fail in between. */
    private long claim(Command command, boolean tryOnly) {
        try {
            if (command.op == Op.NONE) {
                throw new IllegalArgumentException("command op is not set (NONE)");
            }
            if (command.text != null && command.text.length() > JournalWriter.MAX_TEXT_CHARS) {
                throw new IllegalArgumentException("command text of " + command.text.length()
                        + " chars exceeds " + JournalWriter.MAX_TEXT_CHARS);
            }
            State current = state.get();
            if (current != State.RUNNING) {
                throw new IllegalStateException("pipeline is " + current);
            }
            Throwable failure = journalStage.failure();
            if (failure != null) {
                throw new IllegalStateException("journal failed (" + failure + "); restart the core", failure);
            }
            long timestamp = command.timestamp != 0 ? command.timestamp : clock.getAsLong();
            RingBuffer<Command> buffer = ring;
            long sequence;
            if (tryOnly) {
                try {
                    sequence = buffer.tryNext();
                } catch (InsufficientCapacityException e) {
                    return -1;
                }
            } else {
                sequence = buffer.next();
            }
            long seq = sequence + 1 + base;
            Command slot = buffer.get(sequence);
            slot.copyInputFrom(command);
            slot.seq = seq;
            slot.timestamp = timestamp;
            slot.ingressNanos = (seq & (CoreMetrics.SAMPLE_EVERY - 1)) == 0 ? System.nanoTime() : 0;
            buffer.publish(sequence);
            return seq;
        } finally {
            command.text = null;
            command.attachment = null;
            command.reply = null;
        }
    }

    /**
     * Runs a function on the business thread between commands, after every command published before this call
     * (by any thread that returned from publish before it) has been processed. The future completes on another
     * thread (the common pool), never on the business thread.
     *
     * @param function reads the processor's state; must not block, and must not keep references to mutable state
     * @param <T> the result type
     * @return the result; failed if the function throws or the pipeline stops first
     */
    public <T> CompletableFuture<T> query(Function<? super P, ? extends T> function) {
        Objects.requireNonNull(function, "function");
        return control(controls, () -> function.apply(processor));
    }

    /**
     * Runs a function on the publish thread between commands, after every command published before this call has
     * been handed to the {@link ResultHandler}: a consistent read of state the result handler keeps. The future
     * completes on another thread (the common pool), never on the publish thread.
     *
     * @param function reads the result handler's state; must not block, and must not return references to mutable
     *                 state
     * @param <T> the result type
     * @return the result; failed if the function throws or the pipeline stops first
     */
    public <T> CompletableFuture<T> queryPublished(Supplier<? extends T> function) {
        Objects.requireNonNull(function, "function");
        return control(publishControls, function);
    }

    /** Runs {@code function} as a control task of {@code queue}; the future completes on the common pool. */
    private <T> CompletableFuture<T> control(Queue<ControlTask> queue, Supplier<? extends T> function) {
        CompletableFuture<T> future = new CompletableFuture<>();
        submit(queue, new ControlTask(cursor()) {
            @Override
            void run(long lastSeq, long lastTimestamp) {
                try {
                    T value = function.get();
                    ANSWERS.execute(() -> future.complete(value));
                } catch (Throwable e) {
                    fail(e);
                }
            }

            @Override
            void fail(Throwable reason) {
                ANSWERS.execute(() -> future.completeExceptionally(reason));
            }
        });
        return future;
    }

    /**
     * Takes a snapshot: captures every part on the business thread between commands (after every command published
     * before this call), then writes it atomically on the snapshot thread once the journal holds its seq. Older
     * snapshots beyond the configured number kept are deleted, and journal segments wholly before the oldest kept
     * snapshot too if configured.
     *
     * @return the snapshot's seq (the last command it includes; 0 if there is no state yet) once it is durable
     */
    public CompletableFuture<Long> snapshot() {
        CompletableFuture<Long> future = new CompletableFuture<>();
        submit(new SnapshotTask(cursor(), future));
        return future;
    }

    private void scheduledSnapshot() {
        snapshot().whenComplete((seq, error) -> {
            if (error != null) {
                LOG.error("scheduled snapshot failed", error);
            }
        });
    }

    private long cursor() {
        RingBuffer<Command> current = ring;
        return current == null ? -1 : current.getCursor();
    }

    private void submit(ControlTask task) {
        submit(controls, task);
    }

    private void submit(Queue<ControlTask> queue, ControlTask task) {
        State current = state.get();
        if (current != State.RUNNING) {
            task.fail(new IllegalStateException("pipeline is " + current));
            return;
        }
        unfinishedControls.incrementAndGet();
        queue.add(task);
        if (state.get() == State.STOPPED && queue.remove(task)) {
            unfinishedControls.decrementAndGet();
            task.fail(new IllegalStateException("pipeline stopped"));
            return;
        }
        TickingWaitStrategy strategy = waitStrategy;
        if (strategy != null) {
            strategy.wake();
        }
    }

    private final class SnapshotTask extends ControlTask {

        private final CompletableFuture<Long> future;

        SnapshotTask(long target, CompletableFuture<Long> future) {
            super(target);
            this.future = future;
        }

        @Override
        void run(long lastSeq, long lastTimestamp) {
            if (lastSeq == lastSnapshotSeq) {
                ANSWERS.execute(() -> future.complete(lastSeq));
                return;
            }
            try {
                long began = System.nanoTime();
                SnapshotStore.Image image = SnapshotStore.capture(lastSeq, lastTimestamp, parts);
                long captured = System.nanoTime() - began;
                List<Snapshotable> published = publishedParts;
                if (published.isEmpty()) {
                    snapshotExecutor.execute(() -> write(image, captured));
                    return;
                }
                unfinishedControls.incrementAndGet();
                publishedCaptures.add(new PublishStage.Capture(lastSeq) {
                    @Override
                    void run() {
                        try {
                            SnapshotStore.Image more = SnapshotStore.capture(lastSeq, lastTimestamp, published);
                            List<String> names = new ArrayList<>(image.names());
                            names.addAll(more.names());
                            List<byte[]> bodies = new ArrayList<>(image.bodies());
                            bodies.addAll(more.bodies());
                            SnapshotStore.Image whole = new SnapshotStore.Image(lastSeq, lastTimestamp,
                                    List.copyOf(names), List.copyOf(bodies));
                            snapshotExecutor.execute(() -> write(whole, captured));
                        } catch (Throwable e) {
                            SnapshotTask.this.fail(e);
                        } finally {
                            unfinishedControls.decrementAndGet();
                        }
                    }

                    @Override
                    void fail(Throwable reason) {
                        try {
                            SnapshotTask.this.fail(reason);
                        } finally {
                            unfinishedControls.decrementAndGet();
                        }
                    }
                });
                TickingWaitStrategy strategy = waitStrategy;
                if (strategy != null) {
                    strategy.wake();
                }
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void write(SnapshotStore.Image image, long captureNanos) {
            try {
                long deadline = System.nanoTime() + SNAPSHOT_JOURNAL_WAIT_NANOS;
                JournalWriter writer = journalStage.writer();
                while (writer.writtenSeq() < image.seq()) {
                    if (journalStage.failure() != null) {
                        throw new IOException("journal failed before seq " + image.seq() + " was written",
                                journalStage.failure());
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw new IOException("journal did not reach seq " + image.seq() + " in 30 s");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                long began = System.nanoTime();
                Path file = snapshots.write(image);
                lastSnapshotSeq = image.seq();
                int deleted = 0;
                if (config.deleteJournalBeforeSnapshot()) {
                    List<Long> kept = snapshots.seqs();
                    if (!kept.isEmpty()) {
                        long held = SnapshotStore.heldSnapshot(kept, lowestHeld.getAsLong());
                        long before = held < 0 ? kept.get(0) : Math.min(kept.get(0), held);
                        deleted = JournalSegments.deleteWhollyBefore(config.journalDir(), before);
                    }
                }
                LOG.info("snapshot at seq {} written to {} (capture {} µs on the business thread, write {} ms){}",
                        image.seq(), file, TimeUnit.NANOSECONDS.toMicros(captureNanos),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                        deleted > 0 ? "; deleted " + deleted + " journal segments before the oldest kept snapshot"
                                : "");
                future.complete(image.seq());
            } catch (Throwable e) {
                LOG.error("snapshot at seq {} failed", image.seq(), e);
                snapshotFailures++;
                future.completeExceptionally(e);
            }
        }

        @Override
        void fail(Throwable reason) {
            ANSWERS.execute(() -> future.completeExceptionally(reason));
        }
    }

    /**
     * @return a point-in-time view for the shell and metrics (lists the journal directory: not for hot paths)
     */
    public PipelineStats stats() {
        State current = state.get();
        Recovery.Result recovered = recovery;
        long journalBytes = 0;
        int segments = 0;
        try {
            segments = JournalSegments.list(config.journalDir()).size();
            journalBytes = JournalSegments.totalBytes(config.journalDir());
        } catch (IOException e) {
            LOG.debug("cannot list {}", config.journalDir(), e);
        }
        JournalStage journal = journalStage;
        JournalWriter writer = journal == null ? null : journal.writer();
        BusinessStage business = businessStage;
        PublishStage publish = publishStage;
        RingBuffer<Command> currentRing = ring;
        Throwable failure = journal == null ? null : journal.failure();
        return new PipelineStats(current.name(),
                business == null ? 0 : business.processedSeq(),
                business == null ? 0 : business.processedCount(),
                business == null ? 0 : business.failureCount(),
                recovered == null ? 0 : recovered.lastSeq(),
                recovered == null ? 0 : recovered.replayed(),
                writer == null ? 0 : writer.writtenSeq(),
                writer == null ? 0 : writer.durableSeq(),
                publish == null ? 0 : publish.publishedSeq(),
                writer == null ? 0 : writer.lastForceEpochMillis(),
                writer == null ? 0 : writer.forceCount(),
                journalBytes, segments, config.ringSize(),
                currentRing == null ? 0 : currentRing.remainingCapacity(),
                lastSnapshotSeq,
                failure == null ? null : failure.toString(),
                List.copyOf(pinning), config.layout().label());
    }

    /**
     * @return the counters and sampled stage latencies for metrics (cheap; any thread; no journal listing)
     */
    public CoreMetrics metrics() {
        JournalStage journal = journalStage;
        JournalWriter writer = journal == null ? null : journal.writer();
        BusinessStage business = businessStage;
        PublishStage publish = publishStage;
        RingBuffer<Command> currentRing = ring;
        return new CoreMetrics(state.get().name(),
                business == null ? 0 : business.processedCount(),
                business == null ? 0 : business.failureCount(),
                config.ringSize(),
                currentRing == null ? config.ringSize() : currentRing.remainingCapacity(),
                writer == null ? 0 : writer.writtenSeq(),
                writer == null ? 0 : writer.durableSeq(),
                publish == null ? 0 : publish.publishedSeq(),
                writer == null ? 0 : writer.forceCount(),
                writer == null ? LatencySnapshot.EMPTY : writer.forceLatency().snapshot(),
                journal == null ? LatencySnapshot.EMPTY : journal.latency().snapshot(),
                business == null ? LatencySnapshot.EMPTY : business.latency().snapshot(),
                publish == null ? LatencySnapshot.EMPTY : publish.latency().snapshot());
    }

    /** @return seq of the last command processed (cheap; any thread), 0 before start */
    public long processedSeq() {
        BusinessStage business = businessStage;
        return business == null ? 0 : business.processedSeq();
    }

    /** @return last seq written to the journal, handed to the OS (cheap; any thread), 0 before start */
    public long journaledSeq() {
        JournalStage journal = journalStage;
        return journal == null ? 0 : journal.writer().writtenSeq();
    }

    /** @return last seq forced to the device (cheap; any thread), 0 before start */
    public long durableSeq() {
        JournalStage journal = journalStage;
        return journal == null ? 0 : journal.writer().durableSeq();
    }

    /** @return why the journal stopped (the pipeline then refuses commands), or null (cheap; any thread) */
    public Throwable journalFailure() {
        JournalStage journal = journalStage;
        return journal == null ? null : journal.failure();
    }

    /** @return commands whose processing threw since start (cheap; any thread) */
    public long processorFailures() {
        BusinessStage business = businessStage;
        return business == null ? 0 : business.failureCount();
    }

    /** @return snapshot writes that failed since start (cheap; any thread) */
    public long snapshotFailures() {
        return snapshotFailures;
    }

    /** @return seq of the last snapshot written or recovered from (cheap; any thread) */
    public long lastSnapshotSeq() {
        return lastSnapshotSeq;
    }

    /** @return the journal stage, for tests in this package */
    JournalStage journalStage() {
        return journalStage;
    }

    /** @return what recovery did at start, or null before start */
    public Recovery.Result recovery() {
        return recovery;
    }

    /** @return the settings */
    public PipelineConfig config() {
        return config;
    }

    /** @return true between a successful {@link #start()} and {@link #stop()} */
    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    /** Logs what escapes a handler (the handlers catch their own failures; this is the last resort). */
    private static final class LoggingExceptionHandler implements ExceptionHandler<Command> {

        @Override
        public void handleEventException(Throwable ex, long sequence, Command event) {
            LOG.error("unexpected exception in a pipeline handler at ring sequence {} ({}); going on", sequence,
                    event, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.error("pipeline handler failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.error("pipeline handler failed to shut down", ex);
        }
    }

    /** Epoch millis × 1,000,000, strictly increasing across calls from any thread. */
    private static final class MonotonicClock implements LongSupplier {

        private final AtomicLong last = new AtomicLong();

        void notBefore(long timestamp) {
            last.accumulateAndGet(timestamp, Math::max);
        }

        @Override
        public long getAsLong() {
            long now = System.currentTimeMillis() * 1_000_000L;
            while (true) {
                long previous = last.get();
                long next = now > previous ? now : previous + 1;
                if (last.compareAndSet(previous, next)) {
                    return next;
                }
            }
        }
    }
}
