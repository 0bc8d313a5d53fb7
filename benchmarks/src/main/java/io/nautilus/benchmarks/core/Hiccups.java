package io.nautilus.benchmarks.core;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * What the machine itself does to a running thread: N threads each read {@link System#nanoTime()} in a loop for S
 * seconds (yielding every 64 reads, as a yielding wait strategy does) and record every gap between two reads, in the
 * spirit of jHiccup. With as many threads as cores and nothing else running, a gap is time the operating system or
 * the hypervisor took the core away: a floor under any latency percentile measured on the machine.
 *
 * <p>Usage: {@code Hiccups [threads] [seconds]} (default 2 and 10). Prints, per thread, the count of gaps above
 * 10 µs, 100 µs and 1 ms, their total, and the largest; then one JSON line.
 */
public final class Hiccups {

    private Hiccups() {
    }

    /**
     * Runs the probe.
     *
     * @param args threads and seconds
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (threads < 1 || threads > 64 || seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("threads 1..64 and seconds 1..3600, got " + threads + " " + seconds);
        }
        Histogram[] gaps = new Histogram[threads];
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Histogram h = new Histogram(3_600_000_000_000L, 3);
            gaps[t] = h;
            running[t] = new Thread(() -> probe(h, seconds), "hiccups-" + t);
            running[t].start();
        }
        StringBuilder json = new StringBuilder("{\"benchmark\":\"hiccups\",\"threads\":" + threads + ",\"seconds\":"
                + seconds + ",\"cpus\":" + Runtime.getRuntime().availableProcessors() + ",\"perThread\":[");
        for (int t = 0; t < threads; t++) {
            running[t].join();
            Histogram h = gaps[t];
            long over10 = h.getCountBetweenValues(10_001, h.getMaxValue());
            long over100 = h.getCountBetweenValues(100_001, h.getMaxValue());
            long over1000 = h.getCountBetweenValues(1_000_001, h.getMaxValue());
            double stalledMs = 0;
            for (var v : h.recordedValues()) {
                if (v.getValueIteratedTo() > 10_000) {
                    stalledMs += v.getValueIteratedTo() * (double) v.getCountAddedInThisIterationStep() / 1e6;
                }
            }
            System.out.printf(Locale.ROOT, "thread %d: gaps > 10 us %d, > 100 us %d, > 1 ms %d; %.1f ms in gaps > 10 us;"
                    + " largest %.1f us%n", t, over10, over100, over1000, stalledMs, h.getMaxValue() / 1e3);
            json.append(t == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"over10us\":%d,\"over100us\":%d,\"over1ms\":%d,\"stalledMs\":%.1f,\"maxMicros\":%.1f}",
                    over10, over100, over1000, stalledMs, h.getMaxValue() / 1e3));
        }
        System.out.println(json.append("]}"));
    }

    private static void probe(Histogram gaps, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long previous = System.nanoTime();
        int n = 0;
        while (previous < end) {
            long now = System.nanoTime();
            gaps.recordValue(now - previous);
            previous = now;
            if ((++n & 63) == 0) {
                Thread.yield();
            }
        }
    }
}
