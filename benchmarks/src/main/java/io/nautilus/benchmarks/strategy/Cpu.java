package io.nautilus.benchmarks.strategy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** CPU time per thread between construction and {@link #since(long)}: "name NN%" of one core. */
final class Cpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, String> names = new LinkedHashMap<>();
    private final Map<Long, Long> start = new LinkedHashMap<>();

    Cpu() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    start.put(info.getThreadId(), cpu);
                }
            }
        }
    }

    String since(long wallNanos) {
        StringBuilder b = new StringBuilder();
        Map<String, Long> used = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : start.entrySet()) {
            long cpu = THREADS.getThreadCpuTime(e.getKey());
            if (cpu >= 0) {
                used.merge(names.get(e.getKey()), cpu - e.getValue(), Long::sum);
            }
        }
        used.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .filter(e -> e.getValue() * 50 > wallNanos)
                .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey())
                        .append(String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / wallNanos)));
        return b.toString();
    }
}
