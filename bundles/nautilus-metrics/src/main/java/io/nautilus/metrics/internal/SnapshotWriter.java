package io.nautilus.metrics.internal;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one scrape's counters and gauges of an engine, series by series, into Prometheus snapshots: engines keep
 * their own counts (per feed, per receiver, per venue), so the series are whatever the engine reports now.
 */
final class SnapshotWriter {

    private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
    private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();

    /**
     * Adds a counter series.
     *
     * @param name Prometheus name without {@code _total}
     * @param help its description
     * @param value the count since the engine started
     * @param labels label names and values, alternately
     * @return this
     */
    SnapshotWriter counter(String name, String help, double value, String... labels) {
        counters.computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels(labels))
                        .build());
        return this;
    }

    /**
     * Adds a gauge series.
     *
     * @param name Prometheus name
     * @param help its description
     * @param value the value now
     * @param labels label names and values, alternately
     * @return this
     */
    SnapshotWriter gauge(String name, String help, double value, String... labels) {
        gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels(labels))
                        .build());
        return this;
    }

    MetricSnapshots build() {
        List<MetricSnapshot> all = new ArrayList<>();
        counters.values().forEach(b -> all.add(b.build()));
        gauges.values().forEach(b -> all.add(b.build()));
        return new MetricSnapshots(all);
    }

    private static Labels labels(String... pairs) {
        if (pairs.length == 0) {
            return Labels.EMPTY;
        }
        String[] names = new String[pairs.length / 2];
        String[] values = new String[pairs.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = pairs[2 * i];
            values[i] = pairs[2 * i + 1] == null ? "" : pairs[2 * i + 1];
        }
        return Labels.of(names, values);
    }
}
