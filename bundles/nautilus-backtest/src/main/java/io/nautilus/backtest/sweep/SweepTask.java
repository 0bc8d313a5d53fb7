package io.nautilus.backtest.sweep;

import io.nautilus.backtest.api.BacktestRequest;
import io.nautilus.backtest.engine.Backtest;
import io.nautilus.backtest.engine.BacktestException;
import io.nautilus.backtest.engine.BacktestResult;
import io.nautilus.backtest.engine.Environment;
import io.nautilus.backtest.engine.ProgressListener;

import java.io.Serial;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a sweep: the backtest's own options plus the swept parameters. Only this travels to the node that
 * runs it.
 *
 * @param index      the run's index in the sweep, from 0; its folder is {@code runs/<index>}
 * @param parameters the swept parameters, name to value, added to {@code baseArgs} as {@code --param name=value}
 * @param baseArgs   the backtest's own options ({@code bin/nautilus-backtest}'s, without the sweep options); their
 *                   {@code --out} is replaced by the run's folder
 */
public record SweepTask(int index, Map<String, String> parameters, List<String> baseArgs) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The system property naming this node in outcomes; default the host name and process id. */
    public static final String NODE_PROPERTY = "nautilus.node";

    private static volatile String node;

    /** Checks the index and copies the collections. */
    public SweepTask {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " must not be negative");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        baseArgs = List.copyOf(baseArgs);
    }

    /**
     * The options of this run's backtest: {@code baseArgs}, the parameters as {@code --param}, and {@code --out}.
     *
     * @param runDir the run's own folder
     * @return the options
     */
    public List<String> args(Path runDir) {
        List<String> args = new ArrayList<>(baseArgs);
        parameters.forEach((k, v) -> {
            args.add("--param");
            args.add(k + "=" + v);
        });
        args.add("--out");
        args.add(runDir.toString());
        return args;
    }

    /**
     * Runs the backtest on this node's calling thread with {@link Backtest#run}, into {@code <outDir>/runs/<index>/};
     * never throws: an error (bad input, a failed strategy, an unexpected exception) goes into the outcome.
     *
     * @param env    where this node finds strategies, instruments and data
     * @param outDir the sweep's folder on this node
     * @return how the run ended, credited to {@link #nodeName()}
     */
    public SweepOutcome run(Environment env, Path outDir) {
        Objects.requireNonNull(env, "env");
        String error;
        try {
            Path runDir = outDir.toAbsolutePath().resolve("runs").resolve(Integer.toString(index));
            BacktestResult result = Backtest.run(BacktestRequest.parse(args(runDir)), env, ProgressListener.NONE,
                    () -> Thread.currentThread().isInterrupted());
            return new SweepOutcome(index, parameters, result.stats(), null, nodeName());
        } catch (IllegalArgumentException | BacktestException e) {
            error = e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            error = "failed: " + e;
        }
        return new SweepOutcome(index, parameters, Map.of(), error == null ? "failed" : oneLine(error), nodeName());
    }

    /** @return this node's name in outcomes: {@value #NODE_PROPERTY}, or the host name and process id */
    public static String nodeName() {
        String name = node;
        if (name == null) {
            name = System.getProperty(NODE_PROPERTY);
            if (name == null || name.isBlank()) {
                String host;
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (UnknownHostException | SecurityException e) {
                    host = "localhost";
                }
                name = host + ":" + ProcessHandle.current().pid();
            }
            node = name;
        }
        return name;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
