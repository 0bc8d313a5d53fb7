package io.nautilus.metrics.internal;

import io.nautilus.core.api.LatencySnapshot;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.Supplier;

/**
 * A Prometheus histogram (seconds) made of {@link LatencySnapshot}s that an engine keeps itself: one series per
 * value of one label, the buckets being the snapshot's power-of-two bounds.
 */
final class LatencyHistograms implements Collector {

    private static final double[] BOUNDS = bounds();

    private final String name;
    private final String help;
    private final String label;
    private final String[] values;
    private final Supplier<LatencySnapshot[]> snapshots;

    /**
     * @param name Prometheus name, ending in {@code _seconds}
     * @param help its description
     * @param label the label that tells the series apart
     * @param values the label's value per series, in the order {@code snapshots} gives them
     * @param snapshots the current snapshots, one per value
     */
    LatencyHistograms(String name, String help, String label, String[] values,
                      Supplier<LatencySnapshot[]> snapshots) {
        this.name = name;
        this.help = help;
        this.label = label;
        this.values = values.clone();
        this.snapshots = snapshots;
    }

    @Override
    public String getPrometheusName() {
        return name;
    }

    @Override
    public MetricSnapshot collect() {
        LatencySnapshot[] current = snapshots.get();
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(name).help(help).unit(Unit.SECONDS);
        for (int i = 0; i < values.length; i++) {
            LatencySnapshot snapshot = current[i];
            histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .labels(Labels.of(label, values[i]))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, snapshot.bucketCounts()))
                    .sum(snapshot.sumNanos() / 1e9)
                    .build());
        }
        return histogram.build();
    }

    private static double[] bounds() {
        double[] bounds = new double[LatencySnapshot.BUCKETS];
        for (int i = 0; i < bounds.length - 1; i++) {
            bounds[i] = LatencySnapshot.upperBoundNanos(i) / 1e9;
        }
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        return bounds;
    }
}
