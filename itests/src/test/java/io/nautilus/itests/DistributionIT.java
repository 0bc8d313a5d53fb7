package io.nautilus.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * {@code NAUTILUS_ADMIN_PASSWORD} (warm restart of the same folder).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final String PASSWORD = "dist-IT-pass-7";
    private static final Duration BOOT = Duration.ofSeconds(180);

    private static Path home;
    private static int sshPort;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("nautilus.distribution"));
        assertThat(archive).exists();
        Path dir = Path.of("target", "dist-it").toAbsolutePath();
        if (Files.exists(dir)) {
            run(dir.getParent(), Map.of(), Duration.ofSeconds(60), "rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        Result untar = run(dir, Map.of(), Duration.ofSeconds(120), "tar", "xzf", archive.toString());
        assertThat(untar.exit).as(untar.output).isZero();
        try (var entries = Files.list(dir)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        sshPort = freePort();
        Path shellCfg = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shellCfg, Files.readString(shellCfg).replace("sshPort = 8101", "sshPort = " + sshPort));
    }

    @AfterAll
    static void stopIfRunning() throws Exception {
        if (home != null && Files.exists(home.resolve("karaf.pid"))) {
            run(home, Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        }
    }

    @Test
    @Order(1)
    void shipsNoCredentialAndTheScripts() throws IOException {
        for (String script : List.of("nautilus", "nautilus-start", "nautilus-stop", "nautilus-passwd", "client")) {
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
        Result start = run(home, Map.of(), Duration.ofSeconds(60), "bin/nautilus-start");
        assertThat(start.exit).as(start.output).isZero();
        awaitPortOpen();

        Result client = client("admin", "anything", "nautilus:status");
        assertThat(client.exit).as(client.output).isNotZero();
        assertThat(client.output).contains("no admin credential").contains("NAUTILUS_ADMIN_PASSWORD")
                .contains("bin/nautilus-passwd");

        Result stop = run(home, Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit).as(stop.output).isZero();
    }

    @Test
    @Order(3)
    void withCredentialFromTheEnvironmentStatusAnswersOverTheClient() throws Exception {
        Result start = run(home, Map.of("NAUTILUS_ADMIN_PASSWORD", PASSWORD), Duration.ofSeconds(60),
                "bin/nautilus-start");
        assertThat(start.exit).as(start.output).isZero();
        awaitPortOpen();

        await().atMost(BOOT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Result status = client("admin", PASSWORD, "nautilus:status");
            assertThat(status.output).contains("Platform: READY");
        });
        Result status = client("admin", PASSWORD, "nautilus:status");
        assertThat(status.exit).as(status.output).isZero();
        assertThat(status.output).contains("io.nautilus.camel").contains("example-heartbeat").contains("ACTIVE");

        Result wrong = client("admin", "not-the-password", "nautilus:status");
        assertThat(wrong.exit).as(wrong.output).isNotZero();
        assertThat(wrong.output).doesNotContain("Platform:");

        Result bad = client("admin", PASSWORD, "nautilus:routes reload no-such-file.yaml");
        assertThat(bad.exit).as(bad.output).isNotZero();
        assertThat(bad.output).contains("no-such-file.yaml");

        String users = Files.readString(home.resolve("etc/users.properties"));
        assertThat(users).contains("{CRYPT}").doesNotContain(PASSWORD);
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertThat(log).doesNotContain(PASSWORD);

        Result stop = run(home, Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        assertThat(stop.exit).as(stop.output).isZero();
    }

    private static Result client(String user, String password, String command) throws Exception {
        return run(home, Map.of(), Duration.ofSeconds(60), "sh", "-c",
                "printf '%s\\n' \"$0\" | bin/client -a " + sshPort + " -u " + user + " -p \"$1\" -r 3 -d 2 -b",
                command, password);
    }

    private static void awaitPortOpen() {
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", sshPort), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, Duration timeout, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("NAUTILUS_ADMIN_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out[0] = in.readAllBytes();
            } catch (IOException e) {
                out[0] = ("<read failed: " + e + ">").getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            reader.join(5_000);
            throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", cmd));
        }
        reader.join(5_000);
        return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
    }
}
