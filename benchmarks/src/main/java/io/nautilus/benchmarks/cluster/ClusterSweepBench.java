package io.nautilus.benchmarks.cluster;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.backtest.sweep.LocalSweepExecutor;
import io.nautilus.backtest.sweep.SweepExecutor;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.backtest.sweep.SweepWorker;
import io.nautilus.cluster.ClusterNode;
import io.nautilus.cluster.ClusterSettings;
import io.nautilus.cluster.HazelcastSweepExecutor;
import io.nautilus.strategy.smacross.SmaCrossFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parameter sweep (smacross over the shipped sample data, fast × slow averages) on one Hazelcast cluster member
 * and on two members in two JVMs of this machine, each member taking {@code --processors} runs at once; also on a
 * local thread pool of the same total size as the two members, for reference. Each configuration: one warm-up
 * sweep, then {@code --runs} sweeps; the JSON line has the medians.
 *
 * <pre>
 * java -cp benchmarks/target/nautilus-benchmarks.jar io.nautilus.benchmarks.cluster.ClusterSweepBench
 *     [--processors 1] [--runs 3] [--sample karaf-assembly/src/main/resources/samples/marketdata]
 *     [--instruments etc/io.nautilus.core.instruments.cfg] [--dir /tmp/nautilus-cluster-bench]
 * </pre>
 */
public final class ClusterSweepBench {

    static final int[] FASTS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16};
    static final int[] SLOWS = {20, 25, 30, 35, 40, 45, 50, 55, 60, 65};

    private ClusterSweepBench() {
    }

    /**
     * Runs the benchmark, or with {@code --member} serves as the second member until its stdin closes.
     *
     * @param args the options
     * @throws Exception if a member cannot start or a sweep fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path sample = Path.of(o.getOrDefault("--sample", "karaf-assembly/src/main/resources/samples/marketdata"))
                .toAbsolutePath();
        Path instruments = Path.of(o.getOrDefault("--instruments", "etc/io.nautilus.core.instruments.cfg"))
                .toAbsolutePath();
        Path dir = Files.createDirectories(Path.of(o.getOrDefault("--dir", "/tmp/nautilus-cluster-bench")));
        int processors = Integer.parseInt(o.getOrDefault("--processors", "1"));
        Environment env = environment(instruments, dir);
        SweepWorker worker = (task, sweep) -> task.run(env, dir.resolve(sweep));
        if (o.containsKey("--member")) {
            serve(o, processors, worker);
            return;
        }
        int runs = Integer.parseInt(o.getOrDefault("--runs", "3"));
        List<SweepTask> tasks = tasks(sample);
        int portA = freePort();
        int portB = freePort();
        double local;
        try (LocalSweepExecutor pool = new LocalSweepExecutor(2 * processors, env, dir.resolve("local"))) {
            local = median(pool, tasks, runs);
        }
        double one;
        double two;
        try (ClusterNode node = ClusterNode.start(settings("a", portA, List.of(), processors), worker,
                ClusterSweepBench.class.getClassLoader())) {
            HazelcastSweepExecutor executor = new HazelcastSweepExecutor(node.instance());
            one = median(executor, tasks, runs);
            Process second = startSecond(o, portB, portA, processors);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (node.instance().getCluster().getMembers().size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                if (node.instance().getCluster().getMembers().size() < 2) {
                    throw new IllegalStateException("the second member did not join within 60 s");
                }
                two = median(executor, tasks, runs);
            } finally {
                second.getOutputStream().close();
                if (!second.waitFor(20, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"bench\":\"cluster-sweep\",\"runsPerSweep\":%d,\"processorsPerMember\":%d,"
                        + "\"oneMemberSeconds\":%.3f,\"twoMembersSeconds\":%.3f,\"speedup\":%.2f,"
                        + "\"localPool%dSeconds\":%.3f,\"cores\":%d}%n", tasks.size(), processors, one, two, one / two,
                2 * processors, local, Runtime.getRuntime().availableProcessors());
    }

    private static void serve(Map<String, String> o, int processors, SweepWorker worker) throws IOException {
        ClusterSettings settings = settings("b", Integer.parseInt(o.get("--port")),
                List.of("127.0.0.1:" + o.get("--join")), processors);
        try (ClusterNode node = ClusterNode.start(settings, worker, ClusterSweepBench.class.getClassLoader())) {
            System.out.println("READY " + node.instance().getCluster().getMembers().size());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our stdin
            }
        }
        System.exit(0);
    }

    private static Process startSecond(Map<String, String> o, int port, int join, int processors) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.slf4j.simpleLogger.log.com.hazelcast=warn", "-cp",
                System.getProperty("java.class.path"), ClusterSweepBench.class.getName(),
                "--member", "true", "--port", Integer.toString(port), "--join", Integer.toString(join),
                "--processors", Integer.toString(processors)));
        for (String key : List.of("--sample", "--instruments")) {
            if (o.containsKey(key)) {
                command.addAll(List.of(key, o.get(key)));
            }
        }
        command.addAll(List.of("--dir", Path.of(o.getOrDefault("--dir", "/tmp/nautilus-cluster-bench"))
                .resolve("b").toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null || !line.startsWith("READY")) {
            process.destroyForcibly();
            throw new IllegalStateException("the second member did not start: " + line);
        }
        return process;
    }

    private static double median(SweepExecutor executor, List<SweepTask> tasks, int runs) throws Exception {
        sweep(executor, tasks);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = sweep(executor, tasks);
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }

    private static double sweep(SweepExecutor executor, List<SweepTask> tasks) throws Exception {
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        executor.execute(tasks, (SweepOutcome outcome) -> {
            done.incrementAndGet();
            if (outcome.failed()) {
                failed.incrementAndGet();
                System.err.println("run " + outcome.index() + " failed: " + outcome.error());
            }
        }, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0 || done.get() != tasks.size()) {
            throw new IllegalStateException(done.get() + " outcomes, " + failed.get() + " failed");
        }
        return seconds;
    }

    static List<SweepTask> tasks(Path sample) {
        List<String> base = List.of("--data", sample.toString(), "--strategy", "smacross", "--param",
                "instrument=SIM-ACME", "--param", "quantity=10");
        List<SweepTask> tasks = new ArrayList<>();
        for (int fast : FASTS) {
            for (int slow : SLOWS) {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put("fast", Integer.toString(fast));
                parameters.put("slow", Integer.toString(slow));
                tasks.add(new SweepTask(tasks.size(), parameters, base));
            }
        }
        return tasks;
    }

    static Environment environment(Path instruments, Path dir) {
        StrategyFactory smacross = new SmaCrossFactory();
        StrategyCatalog catalog = new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return smacross.name().equals(name) ? smacross : null;
            }

            @Override
            public List<String> names() {
                return List.of(smacross.name());
            }
        };
        return Environment.standard(catalog, instruments, dir);
    }

    static ClusterSettings settings(String name, int port, List<String> members, int processors) {
        return new ClusterSettings("cluster-bench", name, "127.0.0.1", port, 1, members, processors);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}
