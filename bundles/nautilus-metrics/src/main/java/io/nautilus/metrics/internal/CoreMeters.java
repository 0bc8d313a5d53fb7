package io.nautilus.metrics.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.core.api.CoreMetrics;
import io.nautilus.core.api.CoreMetricsService;
import io.nautilus.core.api.LatencySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The trading core's meters, read from its {@link CoreMetricsService} at scrape time: throughput, ring fill, journal
 * progress and fsync time, and the sampled per-stage latencies. One scrape reads the core once: the counters are
 * kept for {@value #FRESH_NANOS} ns and every meter of the scrape reads the same ones.
 */
final class CoreMeters {

    static final long FRESH_NANOS = 500_000_000L;
    static final String[] STAGES = {"journal", "process", "publish"};

    private final CoreMetricsService core;
    private final List<Meter> meters = new ArrayList<>();
    private LatencyHistograms stages;
    private LatencyHistograms fsync;
    private CoreMetrics last;
    private long lastReadNanos;

    CoreMeters(CoreMetricsService core) {
        this.core = core;
    }

    boolean meters(CoreMetricsService service) {
        return core == service;
    }

    void bindTo(PrometheusMeterRegistry registry) {
        meters.add(FunctionCounter.builder("nautilus.core.commands.processed", this,
                        m -> m.read().processedCommands())
                .description("Commands the core processed since it started (journal replay not included)")
                .baseUnit("commands").register(registry));
        meters.add(FunctionCounter.builder("nautilus.core.commands.failed", this,
                        m -> m.read().processorFailures())
                .description("Commands whose processing threw (rejected with OTHER)")
                .baseUnit("commands").register(registry));
        meters.add(FunctionCounter.builder("nautilus.core.journal.fsyncs", this, m -> m.read().fsyncs())
                .description("Journal forces to the device").register(registry));
        gauge(registry, "nautilus.core.ring.size", "slots", "Slots of the core's command ring",
                m -> m.read().ringSize());
        gauge(registry, "nautilus.core.ring.free", "slots", "Free slots of the core's command ring",
                m -> m.read().ringRemainingCapacity());
        gauge(registry, "nautilus.core.journal.seq", null, "Sequence of the last command written to the journal",
                m -> m.read().journaledSeq());
        gauge(registry, "nautilus.core.durable.seq", null, "Sequence of the last command forced to the device",
                m -> m.read().durableSeq());
        gauge(registry, "nautilus.core.published.seq", null, "Sequence of the last command whose result was handed on",
                m -> m.read().publishedSeq());
        stages = new LatencyHistograms("nautilus_core_stage_latency_seconds",
                "Sampled commands (1 in " + CoreMetrics.SAMPLE_EVERY + "), time from ingress to the end of a stage:"
                        + " journal = durable, process = processed, publish = result handed on",
                "stage", STAGES, () -> {
                    CoreMetrics m = read();
                    return new LatencySnapshot[] {m.journalLatency(), m.processLatency(), m.publishLatency()};
                });
        fsync = new LatencyHistograms("nautilus_core_journal_fsync_seconds", "Time of each journal force",
                "journal", new String[] {"commands"}, () -> new LatencySnapshot[] {read().fsyncLatency()});
        registry.getPrometheusRegistry().register(stages);
        registry.getPrometheusRegistry().register(fsync);
    }

    void remove(PrometheusMeterRegistry registry) {
        for (Meter meter : meters) {
            registry.remove(meter);
        }
        meters.clear();
        if (stages != null) {
            registry.getPrometheusRegistry().unregister(stages);
            registry.getPrometheusRegistry().unregister(fsync);
            stages = null;
            fsync = null;
        }
    }

    private void gauge(PrometheusMeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<CoreMeters> value) {
        meters.add(Gauge.builder(name, this, value).description(description).baseUnit(unit).register(registry));
    }

    synchronized CoreMetrics read() {
        long now = System.nanoTime();
        if (last == null || now - lastReadNanos >= FRESH_NANOS) {
            last = core.metrics();
            lastReadNanos = now;
        }
        return last;
    }
}
