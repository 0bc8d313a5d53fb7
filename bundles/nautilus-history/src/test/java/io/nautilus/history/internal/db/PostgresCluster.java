package io.nautilus.history.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private PostgreSQL cluster for tests: {@code initdb} in a temp folder, the server on 127.0.0.1 on a free port
 * with its socket in that folder, a database and a login role with a password (SCRAM over TCP), stopped and deleted
 * at the end (also from a shutdown hook if the JVM ends first).
 *
 * <p>Use it as a JUnit 5 extension ({@code @RegisterExtension static final PostgresCluster PG = new
 * PostgresCluster();}: one cluster per test class) or directly ({@link #init()} then {@link #close()}).
 * {@link #stop()} and {@link #start()} take the server down and bring it back on the same port and data, to test
 * clients against a database that goes away.
 *
 * <p>The server binaries come from Debian's {@code postgresql} package ({@code /usr/lib/postgresql/<version>/bin},
 * newest version first), or from {@code $PG_BIN}, or {@code pg_config --bindir}. PostgreSQL refuses to run as
 * root: when the JVM is root, every server command runs as the unprivileged {@code postgres} user (created by the
 * Debian package) through {@code runuser}, and the temp folder is handed to it. When PostgreSQL is missing the
 * cluster fails with a message saying how to install it; it never skips.
 */
public final class PostgresCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** The login role the tests connect as. */
    public static final String USER = "nautilus";
    /** The database created for the tests. */
    public static final String DATABASE = "nautilus";

    private static final String SUPERUSER = "pgadmin";
    private static final String OS_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String PREFIX = "nautilus-pg-";
    private static final String OWNER_FILE = "owner.pid";

    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private final String superPassword = "su-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private final List<String> settings;

    private Path bin;
    private Path dir;
    private Path data;
    private Path log;
    private int port;
    private boolean asPostgresUser;
    private boolean running;
    private Thread shutdownHook;

    /** A cluster tuned for tests: no fsync, no synchronous commit (a crash of the test machine loses it anyway). */
    public PostgresCluster() {
        this(List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"));
    }

    /**
     * A cluster with given server settings.
     *
     * @param settings {@code name=value} server settings passed as {@code -c} options, e.g. {@code fsync=off}
     */
    public PostgresCluster(List<String> settings) {
        this.settings = List.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        init();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Creates the cluster, starts it, and creates the {@link #USER} role and the {@link #DATABASE} database.
     * Does nothing if already done.
     *
     * @return this cluster
     * @throws IllegalStateException if PostgreSQL is not installed or the cluster cannot be started; the message
     *                               says why (with the server log's last lines)
     */
    public synchronized PostgresCluster init() {
        if (dir != null) {
            return this;
        }
        bin = findBinaries();
        asPostgresUser = isRoot();
        try {
            removeOrphans();
            dir = Files.createTempDirectory(PREFIX);
            Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            data = dir.resolve("data");
            log = dir.resolve("server.log");
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, superPassword + "\n");
            if (asPostgresUser) {
                handToPostgresUser(dir, pwfile);
            }
            shutdownHook = new Thread(this::destroyQuietly, "postgres-cluster-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwfile, "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8",
                    "--no-locale", "--no-sync"));
            Files.delete(pwfile);
            port = freePort();
            start();
            try (Connection c = superDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
            return this;
        } catch (IOException | SQLException | RuntimeException e) {
            String why = e.getMessage();
            destroyQuietly();
            throw new IllegalStateException("cannot start a private PostgreSQL cluster: " + why + serverLogTail(), e);
        }
    }

    /**
     * Starts the server (again) on the same port and data; waits until it accepts connections.
     *
     * @throws IllegalStateException if it does not start within a minute
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        StringBuilder options = new StringBuilder("-p ").append(port).append(" -k ").append(dir)
                .append(" -c listen_addresses=127.0.0.1");
        for (String setting : settings) {
            options.append(" -c ").append(setting);
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", options.toString(), "start"));
        running = true;
    }

    /**
     * Stops the server the way an operator's fast shutdown does: open connections are cut, the data is kept.
     *
     * @throws IllegalStateException if it does not stop within a minute
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60",
                "stop"));
        running = false;
    }

    /** @return whether the server is up (as far as this object started and stopped it) */
    public synchronized boolean running() {
        return running;
    }

    /** @return the server's TCP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the JDBC URL of the test database */
    public String url() {
        return url(DATABASE);
    }

    /**
     * @param database a database of this cluster
     * @return its JDBC URL
     */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** @return the password of {@link #USER} (random per cluster) */
    public String password() {
        return password;
    }

    /** @return a data source for the test database as {@link #USER} */
    public DataSource dataSource() {
        return dataSource(DATABASE);
    }

    /**
     * @param database a database of this cluster
     * @return a data source for it as {@link #USER}
     */
    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url(database));
        ds.setUser(USER);
        ds.setPassword(password);
        return ds;
    }

    /**
     * Creates a fresh database owned by {@link #USER} (dropping one of that name first), e.g. one per test.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter
     * @return its JDBC URL
     * @throws IllegalArgumentException if the name is not such
     * @throws SQLException             if the server refuses
     */
    public String createDatabase(String name) throws SQLException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name + "' must match " + NAME);
        }
        try (Connection c = superDataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " OWNER " + USER);
        }
        return url(name);
    }

    /**
     * A data source for a database as the cluster's superuser (to create extensions, inspect catalogs, ...).
     *
     * @param database a database of this cluster
     * @return the data source
     */
    public DataSource superDataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url(database));
        ds.setUser(SUPERUSER);
        ds.setPassword(superPassword);
        return ds;
    }

    /** Stops the server and deletes its folder. Idempotent. */
    @Override
    public synchronized void close() {
        destroyQuietly();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs or ran
            }
            shutdownHook = null;
        }
    }

    private synchronized void destroyQuietly() {
        if (dir == null) {
            return;
        }
        if (running && Files.isDirectory(data)) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "-t", "30", "stop"));
            } catch (RuntimeException e) {
                System.err.println("private PostgreSQL cluster in " + dir + " did not stop: " + e.getMessage());
            }
            running = false;
        }
        deleteTree(dir);
        dir = null;
    }

    /**
     * Stops and deletes the clusters of test JVMs that died without cleaning up (killed, so no shutdown hook ran):
     * each cluster's folder names the JVM that owns it.
     */
    private void removeOrphans() throws IOException {
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
        List<Path> orphans = new ArrayList<>();
        try (Stream<Path> folders = Files.list(tmp)) {
            folders.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .filter(p -> ownerIsGone(p.resolve(OWNER_FILE)))
                    .forEach(orphans::add);
        }
        for (Path orphan : orphans) {
            Path orphanData = orphan.resolve("data");
            if (Files.exists(orphanData.resolve("postmaster.pid"))) {
                dir = orphan;
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", orphanData.toString(), "-m", "immediate",
                            "-w", "-t", "30", "stop"));
                } catch (RuntimeException e) {
                    System.err.println("orphaned PostgreSQL cluster in " + orphan + " did not stop: "
                            + e.getMessage());
                } finally {
                    dir = null;
                }
            }
            deleteTree(orphan);
        }
    }

    private static boolean ownerIsGone(Path ownerFile) {
        try {
            long pid = Long.parseLong(Files.readString(ownerFile).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        Path out = dir.resolve("command.out");
        try {
            Files.deleteIfExists(out);
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " exited with "
                        + p.exitValue() + ": " + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    private String serverLogTail() {
        if (log == null || !Files.isReadable(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; server log: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Finds {@code initdb} and {@code pg_ctl}.
     *
     * @return their folder
     * @throws IllegalStateException if PostgreSQL's server binaries are not installed, saying how to install them
     */
    static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Paths.get(env));
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparingInt(PostgresCluster::majorVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pgConfigBindir().ifPresent(candidates::add);
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                return candidate;
            }
        }
        String how = "install postgresql: .ci/run does (apt-get install postgresql)";
        throw new IllegalStateException((Boolean.parseBoolean(System.getenv("CI")) ? "CI: " : "")
                + "PostgreSQL's server binaries (initdb, pg_ctl) are not in $PG_BIN, /usr/lib/postgresql/*/bin or"
                + " pg_config --bindir; the tests need a real PostgreSQL: " + how);
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<Path> pgConfigBindir() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(Paths.get(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void handToPostgresUser(Path folder, Path file) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        GroupPrincipal group;
        try {
            owner = users.lookupPrincipalByName(OS_USER);
            group = users.lookupPrincipalByGroupName(OS_USER);
        } catch (IOException e) {
            throw new IllegalStateException("running as root, the cluster must run as the '" + OS_USER
                    + "' user, which does not exist: install postgresql (.ci/run does), it creates the user", e);
        }
        for (Path p : List.of(folder, file)) {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(group);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("cannot delete the private PostgreSQL cluster's folder " + root + ": " + e);
        }
    }
}
