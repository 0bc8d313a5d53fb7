package io.nautilus.core.internal;

import io.nautilus.core.pipeline.PipelineConfig;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of the trading core (PID {@code io.nautilus.core}), the one source of its defaults: Declarative Services
 * hands it to {@link TradingCoreManager#activate}, which derives every runtime setting from it
 * ({@link CoreSettings#of}). The pipeline's defaults are named from {@link PipelineConfig}, so the core in Karaf and
 * the pipeline outside it cannot differ. A change restarts the core: it drains, stops, and recovers from its journal
 * with the new settings.
 */
@ObjectClassDefinition(name = "Nautilus trading core", description = "Disruptor pipeline, journal and snapshots of "
        + "the trading core. Saving a change restarts the core (drain, stop, recover from the journal).")
@interface TradingCoreConfig {

    @AttributeDefinition(name = "Ring size", description = "Command ring slots, a power of two (8..16777216).")
    int ring_size() default PipelineConfig.DEFAULT_RING_SIZE;

    @AttributeDefinition(name = "Thread layout", description = "How the pipeline's stages use threads: auto "
            + "(default: compact on at most 2 CPUs, else parallel), compact (2 threads: business, and journal that "
            + "also hands on the results), parallel (3 threads: journal and business in parallel, then publish), single (1 "
            + "thread: process, journal, then hand on each batch; the lowest latency on 2 cores).",
            options = {
                @Option(label = "auto", value = "auto"),
                @Option(label = "compact", value = "compact"),
                @Option(label = "parallel", value = "parallel"),
                @Option(label = "single", value = "single")})
    String pipeline_layout() default PipelineConfig.DEFAULT_LAYOUT;

    @AttributeDefinition(name = "Wait strategy", description = "How the core's threads wait for work: auto "
            + "(default: phased with every layout), phased (spin, yield, then "
            + "block; ~1% CPU idle), sleeping, yielding (spin then yield: low latency, busy when idle), busy-spin "
            + "(one core per thread), blocking.", options = {
                @Option(label = "auto", value = "auto"),
                @Option(label = "phased", value = "phased"),
                @Option(label = "sleeping", value = "sleeping"),
                @Option(label = "yielding", value = "yielding"),
                @Option(label = "busy-spin", value = "busy-spin"),
                @Option(label = "blocking", value = "blocking")})
    String wait_strategy() default PipelineConfig.DEFAULT_WAIT_STRATEGY;

    @AttributeDefinition(name = "Idle tick (ms)", description = "When idle, the core's threads wake at least this "
            + "often: a safety net for queries, snapshots and periodic fsyncs (1..1000).")
    int idle_tick_ms() default PipelineConfig.DEFAULT_IDLE_TICK_MS;

    @AttributeDefinition(name = "Journal folder", description = "Journal segments and snapshots; "
            + "default ${karaf.data}/nautilus/core.", required = false)
    String journal_dir() default "";

    @AttributeDefinition(name = "Fsync policy", description = "batch (forced at the end of each batch, nothing "
            + "acknowledged is lost), periodic (every journal.fsync.period.ms), none (the OS writes back: survives a "
            + "process crash, not a power loss).", options = {
                @Option(label = "batch", value = "batch"),
                @Option(label = "periodic", value = "periodic"),
                @Option(label = "none", value = "none")})
    String journal_fsync() default PipelineConfig.DEFAULT_FSYNC;

    @AttributeDefinition(name = "Fsync period (ms)", description = "Period of the periodic fsync policy, 1..60000.")
    int journal_fsync_period_ms() default PipelineConfig.DEFAULT_FSYNC_PERIOD_MS;

    @AttributeDefinition(name = "Journal segment size", description = "Segment size before rolling to a new file, "
            + "in bytes or with a k, m or g suffix (at least 1k).")
    String journal_segment_size() default PipelineConfig.DEFAULT_SEGMENT_SIZE;

    @AttributeDefinition(name = "Snapshot interval (minutes)", description = "Scheduled snapshots, 0 = off.")
    int snapshot_interval_minutes() default PipelineConfig.DEFAULT_SNAPSHOT_INTERVAL_MINUTES;

    @AttributeDefinition(name = "Snapshots kept", description = "Older snapshots are deleted.")
    int snapshot_keep() default PipelineConfig.DEFAULT_SNAPSHOTS_KEPT;

    /*
     * Text, not boolean: Declarative Services reads any text but "true" as false, so a typo would silently turn the
     * deletion off; PipelineConfig parses true/false strictly and refuses anything else with the key.
     */
    @AttributeDefinition(name = "Delete journal before snapshot", description = "Delete journal segments wholly "
            + "older than the oldest kept snapshot.", options = {
                @Option(label = "true", value = "true"), @Option(label = "false", value = "false")})
    String journal_delete_before_snapshot() default "" + PipelineConfig.DEFAULT_DELETE_JOURNAL_BEFORE_SNAPSHOT;

    @AttributeDefinition(name = "Pin business thread", description = "CPU for the business thread, -1 = none.")
    int pin_business() default PipelineConfig.NO_PINNING;

    @AttributeDefinition(name = "Pin journal thread", description = "CPU for the journal thread, -1 = none.")
    int pin_journal() default PipelineConfig.NO_PINNING;

    @AttributeDefinition(name = "Pin publish thread", description = "CPU for the publish thread, -1 = none (the "
            + "compact layout has no publish thread: its journal thread hands on the results; the single layout runs "
            + "every stage on the business thread).")
    int pin_publish() default PipelineConfig.NO_PINNING;

    @AttributeDefinition(name = "Money scale", description = "Decimals of account P&L totals (0..18).")
    int money_scale() default 2;

    @AttributeDefinition(name = "Clock tick (ms)", description = "Every tick a journaled CLOCK command expires GTD "
            + "orders whose time has come (10..60000).")
    long clock_tick_ms() default 1000;

    @AttributeDefinition(name = "Trading day end", description = "HH:mm when DAY orders expire and the daily loss "
            + "limit restarts.")
    String trading_day_end() default "00:00";

    @AttributeDefinition(name = "Trading day zone", description = "Time zone of the trading day end.")
    String trading_day_zone() default "UTC";

    @AttributeDefinition(name = "Finished orders remembered", description = "How many finished (filled, canceled, "
            + "rejected, expired) orders the core's order memory keeps for nautilus:order and nautilus:orders "
            + "--state, with their execution reports; the oldest finished are forgotten first, working orders are "
            + "always kept (1..1000000).")
    int orders_memory_finished() default 10000;
}
