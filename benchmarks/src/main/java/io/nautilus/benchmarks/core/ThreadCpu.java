package io.nautilus.benchmarks.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of the JVM's threads between two points, to show where a run's time went (which of the publisher, the
 * pipeline's journal, business and publish threads, the JIT and the GC was busy). Off the hot path.
 */
public final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, String> names = new LinkedHashMap<>();
    private final Map<Long, Long> start = new LinkedHashMap<>();
    private final Map<Long, Long> allocated = new LinkedHashMap<>();

    /** Takes the starting point. */
    public ThreadCpu() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    start.put(info.getThreadId(), cpu);
                    allocated.put(info.getThreadId(), allocatedBytes(info.getThreadId()));
                }
            }
        }
    }

    private static long allocatedBytes(long threadId) {
        if (THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemoryEnabled()) {
            return sun.getThreadAllocatedBytes(threadId);
        }
        return -1;
    }

    /**
     * @return bytes allocated since the starting point by the threads alive then (JIT and GC threads included),
     *         or -1 if the JVM does not tell
     */
    public long allocatedSince() {
        long sum = 0;
        for (Map.Entry<Long, Long> e : allocated.entrySet()) {
            long now = allocatedBytes(e.getKey());
            if (now < 0 || e.getValue() < 0) {
                return -1;
            }
            sum += now - e.getValue();
        }
        return sum;
    }

    /**
     * @param wallNanos the wall time since the starting point
     * @return the busiest threads since the starting point, as "name NN%" of one core, those above 2%
     */
    public String since(long wallNanos) {
        StringBuilder b = new StringBuilder();
        Map<String, Long> used = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : start.entrySet()) {
            long cpu = THREADS.getThreadCpuTime(e.getKey());
            if (cpu >= 0) {
                String name = names.get(e.getKey()).replaceAll(" ?#?\\d+$", "").replace("nautilus-core-", "");
                used.merge(name, cpu - e.getValue(), Long::sum);
            }
        }
        used.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .filter(e -> e.getValue() * 50 > wallNanos)
                .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey())
                        .append(String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / wallNanos)));
        return b.toString();
    }
}
