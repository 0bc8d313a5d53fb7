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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built distribution ({@code -Dnautilus.distribution}, the tar.gz) unpacked under {@code target/} and run as an
 * admin runs it: through its {@code bin/} scripts, on an SSH port of its own. Used by the tests that need the real
 * scripts and a fresh folder rather than a Pax Exam container.
 */
final class UnpackedDistribution {

    /** How long a start may take to reach READY on a loaded 2-core machine. */
    static final Duration BOOT = Duration.ofSeconds(180);

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");

    /** The distribution's folder (holds {@code bin/}, {@code etc/}, {@code data/}). */
    final Path home;
    /** The SSH port its shell listens on (127.0.0.1). */
    final int sshPort;

    private UnpackedDistribution(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** A command's exit code and its output (standard output and error, terminal colour codes removed). */
    record Result(int exit, String output) {
    }

    /**
     * Unpacks the distribution afresh into {@code target/<folder>} and gives it a free SSH port.
     *
     * @param folder the folder's name under {@code target/}
     * @return the unpacked distribution, not started
     * @throws Exception if it cannot be unpacked
     */
    static UnpackedDistribution unpack(String folder) throws Exception {
        Path archive = Path.of(System.getProperty("nautilus.distribution"));
        assertThat(archive).exists();
        Path dir = Path.of("target", folder).toAbsolutePath();
        if (Files.exists(dir)) {
            run(dir.getParent(), Map.of(), Duration.ofSeconds(60), "rm", "-rf", dir.toString());
        }
        Files.createDirectories(dir);
        Result untar = run(dir, Map.of(), Duration.ofSeconds(120), "tar", "xzf", archive.toString());
        assertThat(untar.exit()).as(untar.output()).isZero();
        Path home;
        try (Stream<Path> entries = Files.list(dir)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int sshPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            sshPort = s.getLocalPort();
        }
        Path shellCfg = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shellCfg, Files.readString(shellCfg).replace("sshPort = 8101", "sshPort = " + sshPort));
        return new UnpackedDistribution(home, sshPort);
    }

    /**
     * Runs a command in the distribution's folder.
     *
     * @param env     environment added to this JVM's ({@code NAUTILUS_ADMIN_PASSWORD} removed unless given)
     * @param timeout how long it may run; past it the process is killed and the test fails
     * @param command the command and its arguments
     * @return its exit code and output
     * @throws IOException          if it cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    Result run(Map<String, String> env, Duration timeout, String... command) throws IOException, InterruptedException {
        return run(home, env, timeout, command);
    }

    /** Waits (at most {@link #BOOT}) until the SSH port accepts connections. */
    void awaitSshPort() {
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", sshPort), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /**
     * Stops the platform with {@code bin/nautilus-stop} if it left a pid file.
     *
     * @throws Exception if the script cannot be run
     */
    void stopIfRunning() throws Exception {
        if (Files.exists(home.resolve("karaf.pid"))) {
            run(Map.of(), Duration.ofSeconds(90), "bin/nautilus-stop");
        }
    }

    private static Result run(Path dir, Map<String, String> env, Duration timeout, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
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
            throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
        }
        reader.join(5_000);
        return new Result(p.exitValue(), plain(out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
    }

    /**
     * @param text a shell's output
     * @return the text without terminal colour codes
     */
    static String plain(String text) {
        return ANSI.matcher(text).replaceAll("");
    }
}
