package io.nautilus.cluster;

import io.nautilus.backtest.sweep.LocalSweepExecutor;
import io.nautilus.backtest.sweep.SweepOutcome;
import io.nautilus.backtest.sweep.SweepTask;
import io.nautilus.cluster.api.ClusterStatus;
import io.nautilus.cluster.api.MemberStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two cluster members on 127.0.0.1 in two JVMs: this test's JVM (member "a", which starts the sweeps) and a second
 * JVM started with the test class path ({@link ClusterMemberMain}, member "b"), each running smacross over the
 * shipped sample data with its own environment.
 */
class TwoMemberSweepTest {

    static final int[] FASTS = {3, 5, 8, 13};
    static final int[] SLOWS = {20, 30, 45};
    static final Set<String> TIMINGS = Set.of("seconds", "eventsPerSecond");

    @TempDir
    Path dir;
    Process second;
    ClusterNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (second != null) {
            second.getOutputStream().close();
            if (!second.waitFor(20, TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void twoMembersGiveTheSameResultsAsOneNodeAndBothRunTasks() throws Exception {
        List<SweepTask> tasks = SampleSweep.tasks(FASTS, SLOWS);
        Map<Integer, SweepOutcome> single = local(tasks);
        startPair();

        List<SweepOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        new HazelcastSweepExecutor(node.instance()).execute(tasks, outcomes::add, () -> false);

        assertThat(outcomes).extracting(SweepOutcome::index).containsExactlyInAnyOrderElementsOf(single.keySet());
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.error()).isNull();
            assertThat(o.parameters()).isEqualTo(single.get(o.index()).parameters());
            assertThat(results(o)).isEqualTo(results(single.get(o.index())));
        });
        assertThat(outcomes).extracting(SweepOutcome::node).contains("a", "b");
    }

    @Test
    void aMemberKilledInTheMiddleHasItsRunsRedoneAndEveryCombinationAppearsOnce() throws Exception {
        List<SweepTask> tasks = SampleSweep.tasks(new int[] {3, 4, 5, 6, 8, 10}, new int[] {15, 20, 30, 45, 60});
        Map<Integer, SweepOutcome> single = local(tasks);
        // "b" takes 400 ms more per run (a slower machine): it is killed while it runs some, after the first outcomes
        startPair(400);
        HazelcastSweepExecutor executor = new HazelcastSweepExecutor(node.instance());
        List<SweepOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                MemberStatus b = member(node.status(), "b");
                return !outcomes.isEmpty() && b != null && b.running() >= 1;
            });
            second.destroyForcibly();
        });

        executor.execute(tasks, outcomes::add, () -> false);
        killer.get(10, TimeUnit.SECONDS);

        assertThat(second.isAlive()).isFalse();
        assertThat(executor.resent()).isPositive();
        assertThat(outcomes).extracting(SweepOutcome::index).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(single.keySet());
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.error()).isNull();
            assertThat(results(o)).isEqualTo(results(single.get(o.index())));
        });
        assertThat(node.instance().getCluster().getMembers()).hasSize(1);
    }

    @Test
    void aMemberUnreachableAtStartIsLoggedWithItsAddressAndTheSweepRunsHere() throws Exception {
        int closed = freePort();
        int port = freePort();
        List<SweepTask> tasks = SampleSweep.tasks(new int[] {3, 5}, new int[] {20});
        Map<Integer, SweepOutcome> single = local(tasks);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
        try {
            node = ClusterNode.start(settings("a", port, List.of("127.0.0.1:" + closed)),
                    SampleSweep.runner(dir.resolve("a")), getClass().getClassLoader());
        } finally {
            System.setErr(err);
        }

        assertThat(node.unreachableAtStart()).containsExactly("127.0.0.1:" + closed);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("member 127.0.0.1:" + closed + " named in members is not reachable");
        List<SweepOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        new HazelcastSweepExecutor(node.instance()).execute(tasks, outcomes::add, () -> false);
        assertThat(outcomes).extracting(SweepOutcome::node).containsOnly("a");
        assertThat(outcomes).allSatisfy(o -> assertThat(results(o)).isEqualTo(results(single.get(o.index()))));
    }

    /** An outcome's statistics without its timings (seconds, events per second), which differ between runs. */
    static Map<String, Object> results(SweepOutcome outcome) {
        Map<String, Object> stats = new TreeMap<>(outcome.stats());
        stats.keySet().removeAll(TIMINGS);
        return stats;
    }

    private Map<Integer, SweepOutcome> local(List<SweepTask> tasks) throws Exception {
        // the executor calls the sink from its worker threads
        Map<Integer, SweepOutcome> byIndex = new ConcurrentSkipListMap<>();
        try (LocalSweepExecutor local = localExecutor()) {
            local.execute(tasks, o -> byIndex.put(o.index(), o), () -> false);
        }
        assertThat(byIndex).hasSize(tasks.size());
        assertThat(byIndex.values()).allSatisfy(o -> assertThat(o.error()).isNull());
        return byIndex;
    }

    private LocalSweepExecutor localExecutor() {
        return new LocalSweepExecutor(2, SampleSweep.environment(dir), dir.resolve("single"));
    }

    /** Member "b" in a second JVM, then member "a" here; both see two members. */
    private void startPair() throws Exception {
        startPair(0);
    }

    private void startPair(long extraMillis) throws Exception {
        int portA = freePort();
        int portB = freePort();
        second = startSecond("b", portB, "127.0.0.1:" + portA, 2, extraMillis);
        node = ClusterNode.start(settings("a", portA, List.of("127.0.0.1:" + portB)),
                SampleSweep.runner(dir.resolve("a")), getClass().getClassLoader());
        await().atMost(Duration.ofSeconds(60)).until(() -> node.instance().getCluster().getMembers().size() == 2);
    }

    private Process startSecond(String name, int port, String members, int processors, long extraMillis)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), ClusterMemberMain.class.getName(), "cluster-test", name,
                Integer.toString(port), members, Integer.toString(processors), dir.resolve(name).toString(), Long.toString(extraMillis))
                .redirectError(dir.resolve(name + ".log").toFile());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(ready).as("member %s's first line (log: %s)", name, dir.resolve(name + ".log")).startsWith("READY");
        return process;
    }

    static ClusterSettings settings(String name, int port, List<String> members) {
        return new ClusterSettings("cluster-test", name, "127.0.0.1", port, 1, members, 2);
    }

    static MemberStatus member(ClusterStatus status, String name) {
        return status.members().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Writes to two streams: the console and the captured log. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
