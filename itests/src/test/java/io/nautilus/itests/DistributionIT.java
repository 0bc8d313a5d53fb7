package io.nautilus.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.nautilus.itests.UnpackedDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the built distribution the way the README and an admin do, from outside: unpack the tar.gz, start it with
 * {@code bin/nautilus-start}, talk to it with {@code bin/client}, stop it with {@code bin/nautilus-stop}.
 * First without a credential (every login refused, with instructions), then with
 * {@code NAUTILUS_ADMIN_PASSWORD} (warm restart of the same folder). No shutdown port: {@code bin/nautilus-stop}
 * signals the process, and kills it when it does not stop within {@code NAUTILUS_STOP_TIMEOUT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final String PASSWORD = "dist-IT-pass-7";

    private static UnpackedDistribution dist;
    private static Path home;
    private static int sshPort;

    @BeforeAll
    static void unpack() throws Exception {
        dist = UnpackedDistribution.unpack("dist-it");
        home = dist.home;
        sshPort = dist.sshPort;
    }

    @AfterAll
    static void stopIfRunning() throws Exception {
        if (dist != null) {
            dist.stopIfRunning();
        }
    }

    @Test
    @Order(1)
    void shipsNoCredentialAndTheScripts() throws IOException {
        for (String script : List.of("nautilus", "nautilus-start", "nautilus-stop", "nautilus-passwd", "client",
                "nautilus-analytics")) {
            assertThat(home.resolve("bin").resolve(script)).isExecutable();
        }
        String users = Files.readString(home.resolve("etc/users.properties"));
        assertThat(users.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("_g_")))
                .as("no user ships in users.properties").isEmpty();
        assertThat(home.resolve("camel-routes/heartbeat.yaml")).exists();
    }

    @Test
    @Order(2)
    void withoutCredentialEveryLoginIsRefusedWithInstructions() throws Exception {
        Result start = dist.run(Map.of(), Duration.ofSeconds(60), "bin/nautilus-start");
        assertThat(start.exit()).as(start.output()).isZero();
        dist.awaitSshPort();

        Result client = client("admin", "anything", "nautilus:status");
        assertThat(client.exit()).as(client.output()).isNotZero();
        assertThat(client.output()).contains("no admin credential").contains("NAUTILUS_ADMIN_PASSWORD")
                .contains("bin/nautilus-passwd");

        Result stop = dist.run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit()).as(stop.output()).isZero();
    }

    @Test
    @Order(3)
    void withCredentialFromTheEnvironmentStatusAnswersOverTheClient() throws Exception {
        Result start = dist.run(Map.of("NAUTILUS_ADMIN_PASSWORD", PASSWORD), Duration.ofSeconds(60),
                "bin/nautilus-start");
        assertThat(start.exit()).as(start.output()).isZero();
        dist.awaitSshPort();

        await().atMost(UnpackedDistribution.BOOT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Result status = client("admin", PASSWORD, "nautilus:status");
            assertThat(status.output()).contains("Platform: READY");
        });
        Result status = client("admin", PASSWORD, "nautilus:status");
        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).contains("io.nautilus.camel").contains("example-heartbeat").contains("ACTIVE");

        Result wrong = client("admin", "not-the-password", "nautilus:status");
        assertThat(wrong.exit()).as(wrong.output()).isNotZero();
        assertThat(wrong.output()).doesNotContain("Platform:");

        Result bad = client("admin", PASSWORD, "nautilus:routes reload no-such-file.yaml");
        assertThat(bad.exit()).as(bad.output()).isNotZero();
        assertThat(bad.output()).contains("no-such-file.yaml");

        String users = Files.readString(home.resolve("etc/users.properties"));
        assertThat(users).contains("{CRYPT}").doesNotContain(PASSWORD);
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertThat(log).doesNotContain(PASSWORD);
        // a boot feature that wires an optional import of a running bundle makes Karaf stop and refresh bundles
        // during the first boot, which could deadlock against the start-level thread (issue 9)
        assertThat(log).as("the first boot's features refreshed no bundle").doesNotContain("Stopping bundles:");

        Result stop = dist.run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit()).as(stop.output()).isZero();
    }

    @Test
    @Order(4)
    void aKilledPlatformRecoversExactlyTheStateItHadJournaled() throws Exception {
        // a quiet market: without the synthetic feed the simulated venue, the demo market maker and the marks stay
        // still, so the views taken before the kill are the whole journaled state
        Path feed = home.resolve("camel-routes/synthetic-feed.yaml");
        Path parked = home.resolve("synthetic-feed.yaml.parked");
        Files.move(feed, parked, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            killAndRecover();
        } finally {
            Files.move(parked, feed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void killAndRecover() throws Exception {
        startAndAwaitReady();
        // trades, resting orders, a waiting stop, a halted account, a snapshot, and commands after the snapshot
        for (String command : List.of(
                "nautilus:submit desk-1 SIM-ACME BUY 100 99.50",
                "nautilus:submit desk-2 SIM-ACME BUY 50 99.50",
                "nautilus:submit mm-1 SIM-ACME SELL 120 99.50",
                "nautilus:submit desk-1 SIM-ACME SELL 5 101.00",
                "nautilus:submit --type STOP --stop 98.00 desk-1 SIM-ACME SELL 5",
                "nautilus:snapshot",
                "nautilus:halt --account desk-2",
                "nautilus:submit --display 10 mm-1 SIM-ACME SELL 40 100.50",
                "nautilus:submit desk-1 SIM-ACME BUY 15 100.50")) {
            Result r = client("admin", PASSWORD, command);
            assertThat(r.exit()).as(command + ":\n" + r.output()).isZero();
        }
        List<String> views = List.of("nautilus:orders", "nautilus:positions", "nautilus:pnl", "nautilus:risk",
                "nautilus:book SIM-ACME");
        Map<String, String> before = new java.util.LinkedHashMap<>();
        for (String view : views) {
            before.put(view, client("admin", PASSWORD, view).output());
        }
        assertThat(before.get("nautilus:orders")).contains("desk-2").contains("waiting");
        assertThat(before.get("nautilus:positions")).contains("mm-1").contains("-135");

        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        Result kill = dist.run(Map.of(), Duration.ofSeconds(30), "kill", "-9", pid);
        assertThat(kill.exit()).as(kill.output()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(Path.of("/proc", pid)));

        startAndAwaitReady();
        for (String view : views) {
            assertThat(client("admin", PASSWORD, view).output()).as(view + " after kill -9")
                    .isEqualTo(before.get(view));
        }
        Result journal = client("admin", PASSWORD, "nautilus:journal");
        assertThat(journal.output()).contains("snapshot at seq").contains("journal records replayed");

        Result stop = dist.run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit()).as(stop.output()).isZero();
    }

    @Test
    @Order(5)
    void theReplayToolRunsACommandFileOutsideKaraf() throws Exception {
        Path commands = home.resolve("replay-it.csv");
        Files.writeString(commands, String.join("\n",
                "seq,op,orderId,account,instrument,side,type,tif,price,qty",
                "1,NEW,1,A,X,BUY,LIMIT,GTC,100,10",
                "2,NEW,2,B,X,SELL,LIMIT,GTC,100,4",
                "3,NEW,3,B,X,SELL,MARKET,IOC,,6",
                "4,CANCEL,1,,,,,,,",
                "") );
        Path trades = home.resolve("replay-it-trades.csv");
        for (String mode : List.of("", "--pipeline")) {
            Result r = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                    "bin/nautilus-replay --commands replay-it.csv --trades replay-it-trades.csv " + mode
                            + " 2>/dev/null");
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output().strip()).matches(
                    "\\{\"commands\":4,\"trades\":2,\"seconds\":[0-9.]+,\"commandsPerSecond\":[0-9]+}");
            assertThat(Files.readAllLines(trades)).containsExactly("seq,takerOrderId,makerOrderId,price,qty",
                    "2,2,1,100,4", "3,3,1,100,6");
        }
        Result bad = dist.run(Map.of(), Duration.ofSeconds(60), "bin/nautilus-replay", "--commands", "missing.csv");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("missing.csv");
    }

    @Test
    @Order(5)
    void theAnalyticsToolPrintsTheStatisticsOfASeriesAsOneJsonObject() throws Exception {
        Files.writeString(home.resolve("analytics-it.csv"), String.join("\n", "date,equity", "2024-01-01,100",
                "2024-01-02,101", "2024-01-03,99", "2024-01-04,102", "2024-01-05,103", "2024-01-08,100", ""));
        Result r = dist.run(Map.of(), Duration.ofSeconds(60), "sh", "-c",
                "bin/nautilus-analytics --equity analytics-it.csv --report analytics-it.html 2>&1");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output().strip()).startsWith("{\"periods\":5,").endsWith("}")
                .contains("\"maxDrawdown\":-0.0291262135", "\"sharpe\":", "\"var95\":", "\"winRate\":0.6,")
                .doesNotContain("NaN");
        assertThat(Files.readString(home.resolve("analytics-it.html"))).contains("<html");
        Result bad = dist.run(Map.of(), Duration.ofSeconds(60), "bin/nautilus-analytics", "--returns",
                "analytics-it.csv");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output().strip()).startsWith("nautilus-analytics: ")
                .endsWith("analytics-it.csv:1: expected the header 'date,return', got 'date,equity'")
                .doesNotContain("\n");
    }

    @Test
    @Order(6)
    void noShutdownPortListensAndNautilusStopSignalsTheProcess() throws Exception {
        startAndAwaitReady();
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        Result running = dist.run(Map.of(), Duration.ofSeconds(30), "bin/status");
        assertThat(running.exit()).as(running.output()).isZero();
        assertThat(running.output()).contains("Running ...");

        // Karaf still writes its shutdown word into etc/config.properties; no port must take it
        String word = Files.readAllLines(home.resolve("etc/config.properties")).stream()
                .filter(l -> l.startsWith("karaf.shutdown.command")).map(l -> l.substring(l.indexOf('=') + 1).trim())
                .findFirst().orElse("SHUTDOWN");
        assertThat(home.resolve("data/port")).doesNotExist();
        List<Integer> ports = listeningPorts(pid);
        assertThat(ports).as("ports the platform listens on").contains(sshPort);
        for (int port : ports) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                s.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (IOException refusedOrReset) {
                // a port that will not take it is as good
            }
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(Path.of("/proc", pid)));
        Result stillReady = client("admin", PASSWORD, "nautilus:status");
        assertThat(stillReady.output()).as("after the shutdown word was sent to ports " + ports)
                .contains("Platform: READY");

        Result badTimeout = dist.run(Map.of("NAUTILUS_STOP_TIMEOUT", "soon"), Duration.ofSeconds(30),
                "bin/nautilus-stop");
        assertThat(badTimeout.exit()).as(badTimeout.output()).isEqualTo(3);
        assertThat(badTimeout.output()).contains("NAUTILUS_STOP_TIMEOUT").contains("soon");
        assertThat(Path.of("/proc", pid)).as("a refused stop leaves the platform running").exists();

        Result stop = dist.run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("Nautilus stopped.");
        assertThat(Path.of("/proc", pid)).as("the JVM has exited when nautilus-stop returns").doesNotExist();
        assertThat(Files.readString(home.resolve("data/log/karaf.log")))
                .as("SIGTERM stops the bundles in order: the core closes its journal")
                .contains("core pipeline stopped at seq");

        Result notRunning = dist.run(Map.of(), Duration.ofSeconds(30), "bin/status");
        assertThat(notRunning.exit()).as(notRunning.output()).isEqualTo(1);
        assertThat(notRunning.output()).contains("Not Running ...");
        Result again = dist.run(Map.of(), Duration.ofSeconds(30), "bin/nautilus-stop");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("Nautilus is not running.");
    }

    @Test
    @Order(7)
    void aPlatformThatDoesNotStopOnSigtermIsKilledAfterTheTimeout() throws Exception {
        startAndAwaitReady();
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        // a stopped process cannot act on SIGTERM: the stand-in for a JVM whose shutdown hangs
        Result freeze = dist.run(Map.of(), Duration.ofSeconds(30), "kill", "-STOP", pid);
        assertThat(freeze.exit()).as(freeze.output()).isZero();
        try {
            Result stop = dist.run(Map.of("NAUTILUS_STOP_TIMEOUT", "3"), Duration.ofSeconds(60),
                    "bin/nautilus-stop");
            assertThat(stop.exit()).as(stop.output()).isEqualTo(2);
            assertThat(stop.output()).contains("still running 3s after SIGTERM; sending SIGKILL")
                    .contains("Nautilus stopped (killed).");
            assertThat(Path.of("/proc", pid)).doesNotExist();
        } finally {
            dist.run(Map.of(), Duration.ofSeconds(30), "kill", "-KILL", pid);
        }
        // what was killed comes back like after any crash
        startAndAwaitReady();
        Result stop = dist.run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit()).as(stop.output()).isZero();
    }

    private static void startAndAwaitReady() throws Exception {
        Result start = dist.run(Map.of("NAUTILUS_ADMIN_PASSWORD", PASSWORD), Duration.ofSeconds(60),
                "bin/nautilus-start");
        assertThat(start.exit()).as(start.output()).isZero();
        dist.awaitSshPort();
        await().atMost(UnpackedDistribution.BOOT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Result status = client("admin", PASSWORD, "nautilus:status");
            assertThat(status.output()).contains("Platform: READY");
        });
    }

    private static Result client(String user, String password, String command) throws Exception {
        return dist.run(Map.of(), Duration.ofSeconds(60), "sh", "-c",
                "printf '%s\\n' \"$0\" | bin/client -a " + sshPort + " -u " + user + " -p \"$1\" -r 3 -d 2 -b",
                command, password);
    }

    /** TCP ports in LISTEN state on sockets the process {@code pid} holds (Linux /proc). */
    private static List<Integer> listeningPorts(String pid) throws IOException {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc", pid, "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && "0A".equals(f[3]) && inodes.contains(f[9])) {
                    String local = f[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

}
