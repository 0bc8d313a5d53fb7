package io.nautilus.core.pipeline;

import java.util.Locale;

/**
 * How the {@link CorePipeline}'s stages are laid out on threads ({@code pipeline.layout}). Both layouts give the
 * same guarantees: a result is handed to the {@link ResultHandler} only once its command is processed and journaled
 * (written, and forced if the fsync policy is BATCH), in seq order, on one thread; queries, snapshots, failure
 * handling, drain on stop and recovery work the same.
 */
public enum PipelineLayout {
    /**
     * Three handler threads: journal and business in parallel on each slot, then publish after both (LMAX's
     * layout). For machines with cores to spare: each stage has a core of its own.
     */
    PARALLEL(3, WaitMode.PHASED),
    /**
     * Two handler threads: business, and journal with the publish stage merged into it. After writing (and forcing)
     * a batch, the journal thread hands on the results up to the lower of the last journaled command and the last
     * processed one, and waits for the business thread only when nothing is left to journal. For machines with at
     * most 2 cores, where a third busy thread (plus the publishers) fights for the same cores.
     */
    COMPACT(2, WaitMode.PHASED),
    /**
     * One handler thread: each batch is processed, then journaled (written; with BATCH fsync the force runs on the
     * fsync thread, which blocks in the kernel and takes no core), then its results are handed on once journaled.
     * For machines with at most 2 cores when latency matters more than throughput: with the publishers' thread(s),
     * no more threads want a core than there are cores, so none is preempted while it holds a command.
     */
    SINGLE(1, WaitMode.PHASED);

    /** Most CPUs for which {@code auto} chooses {@link #COMPACT}. */
    public static final int COMPACT_MAX_CPUS = 2;

    private final int handlerThreads;
    private final WaitMode defaultWait;

    PipelineLayout(int handlerThreads, WaitMode defaultWait) {
        this.handlerThreads = handlerThreads;
        this.defaultWait = defaultWait;
    }

    /** @return the number of handler threads (journal, business, publish) the layout runs */
    public int handlerThreads() {
        return handlerThreads;
    }

    /** @return the wait strategy {@code wait.strategy = auto} chooses for this layout */
    public WaitMode defaultWaitStrategy() {
        return defaultWait;
    }

    /** @return the name of the thread that hands results to the {@link ResultHandler} in this layout */
    public String resultThread() {
        return switch (this) {
            case PARALLEL -> CorePipeline.PUBLISH_THREAD;
            case COMPACT -> CorePipeline.JOURNAL_THREAD;
            case SINGLE -> CorePipeline.BUSINESS_THREAD;
        };
    }

    /**
     * The layout {@code auto} chooses for a machine.
     *
     * @param cpus available processors, &gt;= 1
     * @return {@link #COMPACT} up to {@value #COMPACT_MAX_CPUS} CPUs, else {@link #PARALLEL}
     */
    public static PipelineLayout forProcessors(int cpus) {
        return cpus <= COMPACT_MAX_CPUS ? COMPACT : PARALLEL;
    }

    /** @return the layout {@code auto} chooses for this JVM ({@link Runtime#availableProcessors()}) */
    public static PipelineLayout forThisMachine() {
        return forProcessors(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Parses a layout as written in configuration: {@code auto} (by the machine's CPUs), {@code compact},
     * {@code parallel} or {@code single} (any case).
     *
     * @param text the text
     * @return the layout
     * @throws IllegalArgumentException naming the key and the accepted values
     */
    public static PipelineLayout parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT);
        if (key.equals("AUTO")) {
            return forThisMachine();
        }
        for (PipelineLayout layout : values()) {
            if (layout.name().equals(key)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("pipeline.layout '" + text + "' must be auto, compact, parallel or single");
    }

    /** @return the name as configuration writes it ({@code compact}, {@code parallel}, {@code single}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
