package io.nautilus.core.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.core.pipeline.PipelineConfig;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything {@code etc/io.nautilus.core.cfg} sets, validated, derived from the component's typed configuration: the
 * defaults are {@link TradingCoreConfig}'s and nowhere else.
 *
 * @param pipeline the pipeline settings
 * @param moneyScale decimals of the account totals, 0 to {@link FixedPoint#MAX_SCALE}
 * @param tickMillis clock tick in milliseconds, 10 to 60000
 * @param dayEnd end of the trading day
 * @param zone its time zone
 * @param finishedOrdersKept finished orders the order memory keeps, 1 to 1000000
 */
record CoreSettings(PipelineConfig pipeline, int moneyScale, long tickMillis, LocalTime dayEnd, ZoneId zone,
                    int finishedOrdersKept) {

    /**
     * Derives the settings from the typed configuration.
     *
     * @param config the configuration (Declarative Services fills absent keys with the Metatype defaults)
     * @return the settings
     * @throws IllegalArgumentException naming the key and value of the first problem
     */
    static CoreSettings of(TradingCoreConfig config) {
        Map<String, Object> pipeline = new HashMap<>();
        String dir = read("journal.dir", config::journal_dir);
        pipeline.put("journal.dir", dir == null || dir.isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "nautilus", "core").toString() : dir.trim());
        pipeline.put("ring.size", read("ring.size", config::ring_size));
        pipeline.put("pipeline.layout", read("pipeline.layout", config::pipeline_layout));
        pipeline.put("wait.strategy", read("wait.strategy", config::wait_strategy));
        pipeline.put("idle.tick.ms", read("idle.tick.ms", config::idle_tick_ms));
        pipeline.put("journal.fsync", read("journal.fsync", config::journal_fsync));
        pipeline.put("journal.fsync.period.ms", read("journal.fsync.period.ms", config::journal_fsync_period_ms));
        pipeline.put("journal.segment.size", read("journal.segment.size", config::journal_segment_size));
        pipeline.put("snapshot.interval.minutes", read("snapshot.interval.minutes",
                config::snapshot_interval_minutes));
        pipeline.put("snapshot.keep", read("snapshot.keep", config::snapshot_keep));
        pipeline.put("journal.delete.before.snapshot", read("journal.delete.before.snapshot",
                config::journal_delete_before_snapshot));
        pipeline.put("pin.journal", read("pin.journal", config::pin_journal));
        pipeline.put("pin.business", read("pin.business", config::pin_business));
        pipeline.put("pin.publish", read("pin.publish", config::pin_publish));
        PipelineConfig pipelineConfig = PipelineConfig.from(pipeline);
        int moneyScale = (int) range("money.scale", read("money.scale", config::money_scale), 0,
                FixedPoint.MAX_SCALE);
        long tickMillis = range("clock.tick.ms", read("clock.tick.ms", config::clock_tick_ms), 10, 60_000);
        int finishedKept = (int) range("orders.memory.finished",
                read("orders.memory.finished", config::orders_memory_finished), 1, 1_000_000);
        String dayEnd = String.valueOf(read("trading.day.end", config::trading_day_end)).trim();
        String zone = String.valueOf(read("trading.day.zone", config::trading_day_zone)).trim();
        LocalTime end;
        try {
            end = LocalTime.parse(dayEnd);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("trading.day.end '" + dayEnd + "' is not a time HH:mm");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("trading.day.zone '" + zone + "' is not a time zone");
        }
        return new CoreSettings(pipelineConfig, moneyScale, tickMillis, end, zoneId, finishedKept);
    }

    /**
     * One attribute of the typed configuration; Declarative Services throws when it reads a value that does not
     * convert to the attribute's type (e.g. {@code ring.size = abc}), which becomes a message naming the key.
     */
    private static <T> T read(String key, Supplier<T> attribute) {
        try {
            return attribute.get();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(key + " is not valid: " + cause.getMessage(), e);
        }
    }

    private static long range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " " + value + " must be from " + min + " to " + max);
        }
        return value;
    }
}
