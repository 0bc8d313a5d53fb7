package io.nautilus.benchmarks.core;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH profiler that splits the heap allocated per benchmark operation by thread, where {@code -prof gc} gives only
 * the sum over all threads: one secondary result {@code thread.alloc.norm:<name>} in B/op per thread that allocated
 * anything during the iteration (digits in thread names folded to {@code N}, so JMH's workers add up), normalised
 * by the iteration's operations as {@code gc.alloc.rate.norm} is. Threads that end inside an iteration are not
 * counted. Use: {@code -prof io.nautilus.benchmarks.core.ThreadAllocProfiler}.
 */
public final class ThreadAllocProfiler implements InternalProfiler {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = Map.of();

    @Override
    public String getDescription() {
        return "heap allocated per operation by each thread (HotSpot thread allocation counters)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = snapshot();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        Map<Long, Long> after = snapshot();
        long ops = result.getMetadata().getAllOps();
        Map<String, Long> byName = new TreeMap<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            java.lang.management.ThreadInfo info = threads.getThreadInfo(e.getKey());
            if (delta > 0 && info != null) {
                byName.merge(info.getThreadName().replaceAll("[0-9]+", "N"), delta, Long::sum);
            }
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Long> e : byName.entrySet()) {
            results.add(new ScalarResult("thread.alloc.norm:" + e.getKey(), ops == 0 ? Double.NaN
                    : (double) e.getValue() / ops, "B/op", AggregationPolicy.AVG));
        }
        return results;
    }

    private Map<Long, Long> snapshot() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                map.put(ids[i], bytes[i]);
            }
        }
        return map;
    }
}
