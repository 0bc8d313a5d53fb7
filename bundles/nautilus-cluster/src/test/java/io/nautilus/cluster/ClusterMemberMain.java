package io.nautilus.cluster;

import io.nautilus.backtest.sweep.SweepWorker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second cluster member in its own JVM, for the two-member tests and the benchmark: joins the cluster, prints
 * {@code READY <members>} and serves sweep tasks with its own environment until its stdin closes (the test ended)
 * or it is killed.
 *
 * <p>Arguments: cluster name, member name, port, members list ({@code host:port,...} or {@code -}), processors,
 * work folder, and optionally milliseconds added to each run (to act as a slower machine).
 */
public final class ClusterMemberMain {

    private ClusterMemberMain() {
    }

    /**
     * @param args cluster name, member name, port, members list or {@code -}, processors, work folder[, extra
     *             milliseconds per run]
     * @throws IOException if the work folder cannot be made
     */
    public static void main(String[] args) throws IOException {
        Path work = Files.createDirectories(Path.of(args[5]));
        ClusterSettings settings = new ClusterSettings(args[0], args[1], "127.0.0.1", Integer.parseInt(args[2]), 1,
                "-".equals(args[3]) ? java.util.List.of() : ClusterSettings.parseMembers(args[3]),
                Integer.parseInt(args[4]));
        long extraMillis = args.length > 6 ? Long.parseLong(args[6]) : 0;
        SweepWorker runner = SampleSweep.runner(work);
        SweepWorker slowed = extraMillis == 0 ? runner : (task, sweep) -> {
            try {
                Thread.sleep(extraMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return runner.run(task, sweep);
        };
        try (ClusterNode node = ClusterNode.start(settings, slowed, ClusterMemberMain.class.getClassLoader())) {
            System.out.println("READY " + node.instance().getCluster().getMembers().size());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our stdin
            }
        }
        System.exit(0);
    }
}
