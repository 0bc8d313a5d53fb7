package io.nautilus.benchmarks.backtest;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.SweepRequest;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.backtest.sweep.LocalSweepExecutor;
import io.nautilus.backtest.sweep.Sweep;
import io.nautilus.backtest.sweep.SweepProgress;
import io.nautilus.backtest.sweep.SweepResult;
import io.nautilus.strategy.smacross.SmaCrossFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter sweep speed-up (issue 12): the same sweep of smacross ({@code fast=3..6:1} x {@code slow=20,40}, 8 runs)
 * over a generated SIM-ACME quote store ({@link BacktestBench#generate}) with {@link LocalSweepExecutor} of 1 and of
 * 2 workers, alternating, after a warm-up sweep; prints one JSON line with the median wall-clock seconds of each,
 * the speed-up (seconds with 1 worker / seconds with 2) and, per pass, the cores the process got (its CPU seconds
 * over the wall-clock seconds: below 2 with 2 workers means other processes took the rest of the machine).
 */
public final class SweepBench {

    private SweepBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --events N --days D --passes P --workers 1,2 --dir DIR}
     * @throws Exception if the store cannot be written
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--events", "1000000", "--days", "2", "--passes", "3",
                "--workers", "1,2", "--dir", "/tmp/nautilus-backtest-bench"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!o.containsKey(args[i])) {
                System.err.println("unknown option " + args[i] + "; options: " + o.keySet());
                System.exit(2);
            }
            o.put(args[i], args[i + 1]);
        }
        long events = Long.parseLong(o.get("--events"));
        int days = Integer.parseInt(o.get("--days"));
        int passes = Integer.parseInt(o.get("--passes"));
        int[] workers = Arrays.stream(o.get("--workers").split(",")).mapToInt(Integer::parseInt).toArray();
        Path dir = Path.of(o.get("--dir"));
        Files.createDirectories(dir);
        Path instruments = dir.resolve("instruments.cfg");
        Files.writeString(instruments, BacktestBench.INSTRUMENTS);
        Path store = dir.resolve("store-" + events + "-" + days);
        BacktestBench.generate(store, instruments, events, days);
        StrategyFactory smacross = new SmaCrossFactory();
        Environment env = Environment.standard(new StrategyCatalog() {
            @Override
            public StrategyFactory find(String name) {
                return smacross.name().equals(name) ? smacross : null;
            }

            @Override
            public List<String> names() {
                return List.of(smacross.name());
            }
        }, instruments, dir);

        sweep(env, store, dir, workers[workers.length - 1]);
        double[][] seconds = new double[workers.length][passes];
        double[][] cores = new double[workers.length][passes];
        int runs = 0;
        for (int p = 0; p < passes; p++) {
            for (int k = 0; k < workers.length; k++) {
                int w = p % 2 == 0 ? k : workers.length - 1 - k;
                long cpu = processCpuNanos();
                SweepResult result = sweep(env, store, dir, workers[w]);
                seconds[w][p] = result.seconds();
                cores[w][p] = (processCpuNanos() - cpu) / 1e9 / result.seconds();
                runs = result.rows().size();
            }
        }
        StringBuilder json = new StringBuilder("{\"benchmark\":\"backtest-sweep\",\"events\":").append(events)
                .append(",\"runsPerSweep\":").append(runs).append(",\"passes\":").append(passes)
                .append(",\"processors\":").append(Runtime.getRuntime().availableProcessors());
        double[] medians = new double[workers.length];
        for (int k = 0; k < workers.length; k++) {
            double[] sorted = seconds[k].clone();
            Arrays.sort(sorted);
            medians[k] = sorted[passes / 2];
            json.append(",\"seconds").append(workers[k]).append("\":").append(round(medians[k]))
                    .append(",\"passes").append(workers[k]).append("\":").append(Arrays.toString(
                            Arrays.stream(seconds[k]).map(SweepBench::round).toArray()).replace(" ", ""))
                    .append(",\"coresUsed").append(workers[k]).append("\":").append(Arrays.toString(
                            Arrays.stream(cores[k]).map(SweepBench::round).toArray()).replace(" ", ""));
        }
        if (workers.length > 1) {
            json.append(",\"speedup\":").append(round(medians[0] / medians[workers.length - 1]));
        }
        System.out.println(json.append('}'));
    }

    static SweepResult sweep(Environment env, Path store, Path dir, int workers) {
        List<String> args = new ArrayList<>(List.of("--data", store.toString(), "--strategy", "smacross",
                "--param", "instrument=SIM-ACME", "--param", "quantity=10", "--bars", "time:1m",
                "--sweep", "fast=3..6:1", "--sweep", "slow=20,40", "--workers", Integer.toString(workers),
                "--out", dir.resolve("sweep-out").toString()));
        SweepRequest request = SweepRequest.parse(args);
        try (LocalSweepExecutor executor = new LocalSweepExecutor(workers, env, dir.resolve("sweep-out"))) {
            SweepResult result = Sweep.run(request, env, executor, SweepProgress.NONE, () -> false);
            if (result.failed() > 0) {
                throw new IllegalStateException("a run failed: " + result.rows().get(result.rows().size() - 1)
                        .outcome().error());
            }
            return result;
        }
    }

    /** @return the CPU time of this process (every thread, GC and JIT included), nanoseconds, or 0 if unknown */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
