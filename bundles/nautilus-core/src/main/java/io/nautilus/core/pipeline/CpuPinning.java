package io.nautilus.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Pins the calling thread to one CPU where the OS allows it: on Linux, finds the thread's native id
 * ({@code /proc/thread-self}, else the thread whose {@code /proc/self/task/<tid>/comm} is its name) and runs
 * {@code taskset -cp <cpu> <tid>}. Never throws: the outcome is a line for the log.
 */
final class CpuPinning {

    private static final int COMM_LENGTH = 15;

    private CpuPinning() {
    }

    /**
     * Pins the current thread.
     *
     * @param cpu the CPU number
     * @return what happened, starting with "pinned" on success
     */
    static String pinCurrentThread(int cpu) {
        String thread = Thread.currentThread().getName();
        try {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return "cannot pin " + thread + " to CPU " + cpu + ": only supported on Linux";
            }
            String tid = nativeThreadId(thread);
            if (tid == null) {
                return "cannot pin " + thread + " to CPU " + cpu + ": native thread id not found";
            }
            Path taskset = taskset();
            if (taskset == null) {
                return "cannot pin " + thread + " to CPU " + cpu + ": taskset not found";
            }
            Process process = new ProcessBuilder(taskset.toString(), "-cp", Integer.toString(cpu), tid)
                    .redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "cannot pin " + thread + " to CPU " + cpu + ": taskset did not finish in 5 s";
                }
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (process.exitValue() != 0) {
                return "cannot pin " + thread + " to CPU " + cpu + ": taskset exited with " + process.exitValue()
                        + ": " + output;
            }
            return "pinned " + thread + " (tid " + tid + ") to CPU " + cpu;
        } catch (IOException | RuntimeException e) {
            return "cannot pin " + thread + " to CPU " + cpu + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "cannot pin " + thread + " to CPU " + cpu + ": interrupted";
        }
    }

    private static String nativeThreadId(String threadName) throws IOException {
        Path self = Path.of("/proc/thread-self");
        if (Files.exists(self)) {
            Path real = self.toRealPath();
            String tid = real.getFileName().toString();
            if (tid.chars().allMatch(Character::isDigit)) {
                return tid;
            }
        }
        String comm = threadName.length() > COMM_LENGTH ? threadName.substring(0, COMM_LENGTH) : threadName;
        List<String> matches = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).trim().equals(comm)) {
                        matches.add(task.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private static Path taskset() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "taskset");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
