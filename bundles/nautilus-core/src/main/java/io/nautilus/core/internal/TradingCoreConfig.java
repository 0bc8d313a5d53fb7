package io.nautilus.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of the trading core's pipeline (PID {@code io.nautilus.core}); the component reads the same keys with
 * {@link io.nautilus.core.pipeline.PipelineConfig#from}. A change restarts the core: it drains, stops, and recovers
 * from its journal with the new settings.
 */
@ObjectClassDefinition(name = "Nautilus trading core", description = "Disruptor pipeline, journal and snapshots of "
        + "the trading core. Saving a change restarts the core (drain, stop, recover from the journal).")
@interface TradingCoreConfig {

    @AttributeDefinition(name = "Ring size", description = "Command ring slots, a power of two (8..16777216).")
    int ring_size() default 16384;

    @AttributeDefinition(name = "Wait strategy", description = "How the core's threads wait for work: phased "
            + "(default: spin, yield, then block; ~1% CPU idle, good on small shared machines), sleeping, yielding, "
            + "busy-spin (one core per thread), blocking.", options = {
                @org.osgi.service.metatype.annotations.Option(label = "phased", value = "phased"),
                @org.osgi.service.metatype.annotations.Option(label = "sleeping", value = "sleeping"),
                @org.osgi.service.metatype.annotations.Option(label = "yielding", value = "yielding"),
                @org.osgi.service.metatype.annotations.Option(label = "busy-spin", value = "busy-spin"),
                @org.osgi.service.metatype.annotations.Option(label = "blocking", value = "blocking")})
    String wait_strategy() default "phased";

    @AttributeDefinition(name = "Journal folder", description = "Journal segments and snapshots; "
            + "default ${karaf.data}/nautilus/core.")
    String journal_dir() default "";

    @AttributeDefinition(name = "Fsync policy", description = "batch (forced at the end of each batch, nothing "
            + "acknowledged is lost), periodic (every journal.fsync.period.ms), none (the OS writes back: survives a "
            + "process crash, not a power loss).")
    String journal_fsync() default "batch";

    @AttributeDefinition(name = "Fsync period (ms)", description = "Period of the periodic fsync policy, 1..60000.")
    int journal_fsync_period_ms() default 10;

    @AttributeDefinition(name = "Snapshot interval (minutes)", description = "Scheduled snapshots, 0 = off.")
    int snapshot_interval_minutes() default 60;

    @AttributeDefinition(name = "Snapshots kept", description = "Older snapshots are deleted.")
    int snapshot_keep() default 3;

    @AttributeDefinition(name = "Pin business thread", description = "CPU for the business thread, -1 = none.")
    int pin_business() default -1;

    @AttributeDefinition(name = "Pin journal thread", description = "CPU for the journal thread, -1 = none.")
    int pin_journal() default -1;

    @AttributeDefinition(name = "Pin publish thread", description = "CPU for the publish thread, -1 = none.")
    int pin_publish() default -1;

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
