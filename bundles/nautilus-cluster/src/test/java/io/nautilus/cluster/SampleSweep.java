package io.nautilus.cluster;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.StrategyCatalog;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.backtest.sweep.SweepWorker;
import io.nautilus.strategy.smacross.SmaCrossFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep of the cluster tests and benchmark: smacross over the shipped sample data, fast × slow averages; and
 * the environment each member runs it in (its own strategy catalog, the repository's sample data and instruments).
 */
final class SampleSweep {

    static final Path SAMPLE = Path.of("../../karaf-assembly/src/main/resources/samples/marketdata").toAbsolutePath()
            .normalize();
    static final Path INSTRUMENTS = Path.of("../../etc/io.nautilus.core.instruments.cfg").toAbsolutePath()
            .normalize();

    private SampleSweep() {
    }

    static Environment environment(Path baseDir) {
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
        return Environment.standard(catalog, INSTRUMENTS, baseDir);
    }

    /** A runner writing each sweep's outputs under {@code folder/<sweepId>}. */
    static SweepWorker runner(Path folder) {
        Environment env = environment(folder);
        return (task, sweep) -> task.run(env, folder.resolve(sweep));
    }

    /** {@code fasts.length × slows.length} tasks, indexed from 0. */
    static List<SweepTask> tasks(int[] fasts, int[] slows) {
        List<String> base = List.of("--data", SAMPLE.toString(), "--strategy", "smacross", "--param",
                "instrument=SIM-ACME", "--param", "quantity=10");
        List<SweepTask> tasks = new ArrayList<>();
        for (int fast : fasts) {
            for (int slow : slows) {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put("fast", Integer.toString(fast));
                parameters.put("slow", Integer.toString(slow));
                tasks.add(new SweepTask(tasks.size(), parameters, base));
            }
        }
        return tasks;
    }
}
