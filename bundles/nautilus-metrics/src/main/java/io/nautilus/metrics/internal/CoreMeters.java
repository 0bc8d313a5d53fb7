package io.nautilus.metrics.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nautilus.core.api.JournalInfo;
import io.nautilus.core.api.TradingCoreAdminService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The trading core's meters, read from its {@link TradingCoreAdminService#journalInfo()} at scrape time. That view
 * lists the journal folder, so one scrape reads it once: the view is kept for {@value #FRESH_NANOS} ns and every
 * meter of the scrape reads the same one.
 */
final class CoreMeters {

    static final long FRESH_NANOS = 500_000_000L;

    private final TradingCoreAdminService core;
    private final List<Meter> meters = new ArrayList<>();
    private JournalInfo last;
    private long lastReadNanos;

    CoreMeters(TradingCoreAdminService core) {
        this.core = core;
    }

    boolean meters(TradingCoreAdminService service) {
        return core == service;
    }

    void bindTo(MeterRegistry registry) {
        meters.add(FunctionCounter.builder("nautilus.core.commands.processed", this,
                        m -> m.info().processedCommands())
                .description("Commands the core processed since it started (journal replay not included)")
                .baseUnit("commands").register(registry));
        gauge(registry, "nautilus.core.ring.free", "slots", "Free slots of the core's command ring",
                m -> m.info().ringRemainingCapacity());
        gauge(registry, "nautilus.core.journal.seq", null, "Sequence of the last command written to the journal",
                m -> m.info().lastSeq());
        gauge(registry, "nautilus.core.journal.size", "bytes", "Bytes in the journal's segment files",
                m -> m.info().totalBytes());
        gauge(registry, "nautilus.core.journal.segments", "files", "Journal segment files",
                m -> m.info().segments().size());
        gauge(registry, "nautilus.core.snapshot.seq", null, "Sequence the newest snapshot includes, 0 if none",
                m -> m.info().lastSnapshotSeq());
    }

    void remove(MeterRegistry registry) {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<CoreMeters> value) {
        meters.add(Gauge.builder(name, this, value).description(description).baseUnit(unit).register(registry));
    }

    synchronized JournalInfo info() {
        long now = System.nanoTime();
        if (last == null || now - lastReadNanos >= FRESH_NANOS) {
            last = core.journalInfo();
            lastReadNanos = now;
        }
        return last;
    }
}
