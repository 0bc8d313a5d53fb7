package io.nautilus.benchmarks.core;

import io.nautilus.core.api.CoreMetrics;
import io.nautilus.core.pipeline.CorePipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that reads the pipeline's metrics snapshot at a fixed period, as the metrics bundle does once per
 * Prometheus scrape ({@code CoreMeters} reads {@link CorePipeline#metrics()} at most every 0.5 s): the reads that
 * touch the core's counters and stage histograms while it runs.
 */
final class MetricsReader {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long reads;
    private volatile long sink;

    private MetricsReader(CorePipeline<?> pipeline, long periodNanos) {
        thread = new Thread(() -> {
            while (running) {
                CoreMetrics m = pipeline.metrics();
                sink += m.processedCommands() + m.processLatency().count();
                reads++;
                LockSupport.parkNanos(periodNanos);
            }
        }, "load-metrics-reader");
        thread.setDaemon(true);
    }

    /**
     * Starts reading.
     *
     * @param pipeline the running pipeline
     * @param periodMillis milliseconds between two reads, greater than zero
     * @return the reader
     */
    static MetricsReader start(CorePipeline<?> pipeline, int periodMillis) {
        MetricsReader reader = new MetricsReader(pipeline, TimeUnit.MILLISECONDS.toNanos(periodMillis));
        reader.thread.start();
        return reader;
    }

    /**
     * Stops reading and waits for the thread.
     *
     * @return the reads made
     * @throws IllegalStateException if the thread does not end within 5 s
     */
    long stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the metrics reader did not stop within 5 s");
        }
        return reads;
    }
}
