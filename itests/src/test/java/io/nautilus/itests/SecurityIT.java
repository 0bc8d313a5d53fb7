package io.nautilus.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.karaf.service.guard.tools.ACLConfigurationParser;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.core.CoreModuleProperties;
import io.nautilus.itests.UnpackedDistribution.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Command authorisation and the hardening around logins, from outside the running distribution: users with the
 * roles viewer, trader and admin log in over SSH (Apache MINA SSHD's client, as {@code bin/client} uses) and run
 * each class of {@code nautilus:*} command and Karaf's own commands; wrong passwords leave a log line with the user
 * and address and slow the next attempt; SFTP is refused; etc/ and data/ are owner-only; {@code bin/client -b}
 * refuses a script the SSH server would drop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String ADMIN_PASSWORD = "sec-IT-admin-9";
    private static final String VIEWER = "vera";
    private static final String VIEWER_PASSWORD = "vera-IT-pass-1";
    private static final String CLEAR_TEXT_USER = "clara";
    private static final String CLEAR_TEXT_PASSWORD = "clara-IT-pass-4";
    private static final String TRADER = "tom";
    private static final String TRADER_PASSWORD = "tom-IT-pass-22";

    private static UnpackedDistribution dist;
    private static Path home;
    private static int sshPort;
    private static SshClient ssh;

    @BeforeAll
    static void startWithThreeUsers() throws Exception {
        dist = UnpackedDistribution.unpack("security-it");
        home = dist.home;
        sshPort = dist.sshPort;

        ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();

        // a user an operator typed into users.properties before the first start, in clear: Karaf hashes it at boot by
        // rewriting the file from the copy it read, which used to drop the admin entry of NAUTILUS_ADMIN_PASSWORD
        Files.writeString(home.resolve("etc/users.properties"), CLEAR_TEXT_USER + " = " + CLEAR_TEXT_PASSWORD
                + ",viewer,ssh\n", StandardOpenOption.APPEND);
        Result start = dist.run(Map.of("NAUTILUS_ADMIN_PASSWORD", ADMIN_PASSWORD), Duration.ofSeconds(60),
                "bin/nautilus-start");
        assertThat(start.exit()).as(start.output()).isZero();
        dist.awaitSshPort();
        await().atMost(UnpackedDistribution.BOOT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() ->
                assertThat(exec("admin", ADMIN_PASSWORD, "nautilus:status").output()).contains("Platform: READY"));

        // the documented way to add users: Karaf's jaas commands (passwords stored hashed)
        Result users = exec("admin", ADMIN_PASSWORD, String.join("\n",
                "jaas:realm-manage --realm karaf",
                "jaas:user-add " + VIEWER + " " + VIEWER_PASSWORD,
                "jaas:role-add " + VIEWER + " viewer",
                "jaas:role-add " + VIEWER + " ssh",
                "jaas:user-add " + TRADER + " " + TRADER_PASSWORD,
                "jaas:role-add " + TRADER + " trader",
                "jaas:role-add " + TRADER + " ssh",
                "jaas:user-add nossh nossh-IT-pass-3",
                "jaas:role-add nossh viewer",
                "jaas:update"));
        assertThat(users.exit()).as(users.output()).isZero();
        assertThat(Files.readString(home.resolve("etc/users.properties")))
                .contains(VIEWER + " = {CRYPT}").doesNotContain(VIEWER_PASSWORD).doesNotContain(TRADER_PASSWORD);
        // jaas:update rewrote users.properties in place: never read half-written as "no credential" (which shows
        // the banner and restarts the SSH server, closing every session)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                !Files.readString(home.resolve("data/log/karaf.log")).contains("no admin credential is set"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (ssh != null) {
            ssh.stop();
        }
        if (dist != null) {
            dist.stopIfRunning();
        }
    }

    @Test
    @Order(0)
    void aClearTextUserFromBeforeTheFirstStartIsHashedAndTheAdminCredentialKept() throws Exception {
        String users = Files.readString(home.resolve("etc/users.properties"));
        assertThat(users).contains(CLEAR_TEXT_USER + " = {CRYPT}").contains("admin = {CRYPT}")
                .doesNotContain(CLEAR_TEXT_PASSWORD).doesNotContain(ADMIN_PASSWORD);
        assertAllowed(CLEAR_TEXT_USER, CLEAR_TEXT_PASSWORD, "nautilus:status", "Platform: READY");
        assertThat(Files.readString(home.resolve("data/log/karaf.log")))
                .contains("holds clear-text passwords that Karaf's JAAS encryption hashes")
                .contains("admin credential set from NAUTILUS_ADMIN_PASSWORD");
    }

    @Test
    @Order(1)
    void etcAndDataAreOwnerOnly() throws IOException {
        for (String dir : List.of("etc", "data")) {
            assertThat(Files.getPosixFilePermissions(home.resolve(dir))).as(dir)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
        }
        List<Path> checked = new ArrayList<>();
        for (Path root : List.of(home.resolve("etc"), home.resolve("data/nautilus/core"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.forEach(checked::add);
            }
        }
        assertThat(checked).contains(home.resolve("etc/users.properties"), home.resolve("etc/config.properties"),
                home.resolve("etc/host.key"));
        assertThat(checked.stream().filter(p -> p.getFileName().toString().startsWith("journal-"))).isNotEmpty();
        for (Path path : checked) {
            assertThat(Files.getPosixFilePermissions(path)).as(path.toString()).doesNotContain(
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    @Test
    @Order(2)
    void aViewerRunsTheReadOnlyCommands() throws Exception {
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:status", "Platform: READY");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:risk", "ACTIVE");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:strategies", "mm-demo");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:strategy-params mm-demo", "requoteTicks");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:routes", "heartbeat.yaml");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:routes list", "heartbeat.yaml");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:book SIM-ACME", "SIM-ACME");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:positions", "");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:orders", "");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:pnl", "");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:journal", "");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:venues", "");
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:md", "");
        // pipes through the shell's filters still work
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:status | grep Platform", "Platform: READY");
    }

    @Test
    @Order(3)
    void aViewerCannotTradeChangeStrategiesOrRunAdminCommands() throws Exception {
        String paramsBefore = exec(VIEWER, VIEWER_PASSWORD, "nautilus:strategy-params mm-demo").output();
        for (String command : List.of("nautilus:submit desk-1 SIM-ACME BUY 1 90.00", "nautilus:cancel 1",
                "nautilus:replace --price 91 1", "nautilus:reduce 1 1", "nautilus:strategy-stop mm-demo",
                "nautilus:strategy-start mm-demo", "nautilus:halt", "nautilus:halt --account desk-1",
                "nautilus:reducing", "nautilus:resume", "nautilus:kill --account desk-1", "nautilus:snapshot",
                "nautilus:venue-connect sim", "nautilus:venue-disconnect sim", "nautilus:venue-reconcile sim")) {
            assertRefused(VIEWER, VIEWER_PASSWORD, command);
        }
        assertRefused(VIEWER, VIEWER_PASSWORD, "nautilus:strategy-params mm-demo requoteTicks=3");
        assertRefused(VIEWER, VIEWER_PASSWORD, "nautilus:routes reload");
        assertRefused(VIEWER, VIEWER_PASSWORD, "nautilus:routes reload heartbeat.yaml");

        assertThat(exec(VIEWER, VIEWER_PASSWORD, "nautilus:strategy-params mm-demo").output())
                .as("parameters unchanged").isEqualTo(paramsBefore);
        assertThat(exec(VIEWER, VIEWER_PASSWORD, "nautilus:risk").output()).doesNotContain("HALTED")
                .doesNotContain("REDUCING");
    }

    @Test
    @Order(4)
    void aViewerCannotReachFilesCodeOrWiringThroughKarafsOwnCommands() throws Exception {
        Path evil = home.resolve("deploy/evil.xml");
        for (String command : List.of("cat etc/users.properties", "grep CRYPT etc/users.properties",
                "head etc/host.key", "tail -n 3 " + home.resolve("etc/config.properties"),
                "echo '<features/>' > " + evil, "shell:exec id", "shell:java java.lang.Object",
                "source etc/users.properties", "scr:list", "scr:disable io.nautilus.core.TradingCore",
                "config:list", "config:edit io.nautilus.core.risk", "config:install file:/etc/passwd x.cfg",
                "bundle:install mvn:io.nautilus/nautilus-api/0.1.0-SNAPSHOT", "bundle:stop 30",
                "feature:install webconsole", "feature:repo-add mvn:org.example/evil/1/xml/features",
                "log:set DEBUG", "instance:list", "jaas:update", "system:property karaf.x y")) {
            Result r = exec(VIEWER, VIEWER_PASSWORD, command);
            assertThat(r.exit()).as(command + ":\n" + r.output()).isNotZero();
            assertThat(r.output()).as(command).containsAnyOf("Command not found", "Insufficient credentials")
                    .doesNotContain("{CRYPT}").doesNotContain("BEGIN");
        }
        assertThat(evil).doesNotExist();
    }

    @Test
    @Order(5)
    void aTraderTradesAndRunsStrategiesButCannotRunAdminCommands() throws Exception {
        Result submitted = assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:submit desk-1 SIM-ACME BUY 1 90.00",
                "accepted");
        Matcher id = Pattern.compile("order (\\d+)").matcher(submitted.output());
        assertThat(id.find()).as(submitted.output()).isTrue();
        assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:orders", id.group(1));
        assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:cancel " + id.group(1), "CANCELED");
        assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:strategy-params mm-demo requoteTicks=2", "requoteTicks");
        assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:strategy-stop mm-demo", "");
        assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:strategy-start mm-demo", "");
        assertAllowed(TRADER, TRADER_PASSWORD, "nautilus:status", "Platform: READY");
        for (String command : List.of("nautilus:halt --account desk-1", "nautilus:resume", "nautilus:reducing",
                "nautilus:kill --account desk-1", "nautilus:snapshot", "nautilus:venue-disconnect sim",
                "nautilus:venue-reconcile sim", "nautilus:routes reload", "config:edit io.nautilus.core.risk")) {
            assertRefused(TRADER, TRADER_PASSWORD, command);
        }
        assertThat(exec(TRADER, TRADER_PASSWORD, "nautilus:risk").output()).doesNotContain("HALTED");
    }

    @Test
    @Order(6)
    void anAdminRunsTheAdminCommands() throws Exception {
        assertAllowed("admin", ADMIN_PASSWORD, "nautilus:halt --account desk-2", "");
        assertThat(exec("admin", ADMIN_PASSWORD, "nautilus:risk").output()).contains("desk-2").contains("HALTED");
        assertAllowed("admin", ADMIN_PASSWORD, "nautilus:resume --account desk-2", "");
        assertThat(exec("admin", ADMIN_PASSWORD, "nautilus:risk").output()).doesNotContain("HALTED");
        assertAllowed("admin", ADMIN_PASSWORD, "nautilus:snapshot", "");
        assertAllowed("admin", ADMIN_PASSWORD, "nautilus:routes reload heartbeat.yaml", "");
        assertAllowed("admin", ADMIN_PASSWORD, "nautilus:strategy-params mm-demo requoteTicks=1", "requoteTicks");
        assertAllowed("admin", ADMIN_PASSWORD, "nautilus:submit desk-1 SIM-ACME BUY 1 90.00", "accepted");
        assertAllowed("admin", ADMIN_PASSWORD, "grep viewer etc/users.properties", VIEWER);
    }

    @Test
    @Order(7)
    void everyShippedRuleMeansWhatTheGuideSays() throws IOException {
        Hashtable<String, Object> acl = new Hashtable<>();
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("etc/org.apache.karaf.command.acl.nautilus.cfg"))) {
            file.load(in);
        }
        file.forEach((k, v) -> acl.put(k.toString(), v.toString().replaceAll("#.*", "").trim()));
        assertThat(rolesFor(acl, "a-command-added-later", "[]")).containsExactly("admin");
        assertThat(rolesFor(acl, "order", "[42]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "orders", "[--state, all]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "strategy-params", "[mm-demo]"))
                .containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "strategy-params", "[mm-demo, orderSize=5]"))
                .containsExactlyInAnyOrder("trader", "admin");
        assertThat(rolesFor(acl, "routes", "[list]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "routes", "[reload, heartbeat.yaml]")).containsExactly("admin");
        assertThat(rolesFor(acl, "history", "[fills, --account, desk-1, --limit, 10]"))
                .containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "history", "[status]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "backtest", "[list]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "backtest", "[status, bt-20261206-0001]"))
                .containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "backtest", "[show, bt-20261206-0001]"))
                .containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "backtest", "[run, --data, samples/marketdata, --strategy, smacross]"))
                .containsExactlyInAnyOrder("trader", "admin");
        assertThat(rolesFor(acl, "backtest", "[--wait, run, --data, x, --strategy, smacross]"))
                .containsExactlyInAnyOrder("trader", "admin");
        assertThat(rolesFor(acl, "backtest", "[cancel, bt-20261206-0001]")).containsExactlyInAnyOrder("trader",
                "admin");
        assertThat(rolesFor(acl, "history", "[fills, --csv, fills.csv]")).containsExactly("admin");
        assertThat(rolesFor(acl, "history", "[orders, --limit, 5, --csv=orders.csv, --force]"))
                .containsExactly("admin");
        assertThat(rolesFor(acl, "alerts", "[list]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "alerts", "[show, A1]")).containsExactlyInAnyOrder("viewer", "trader", "admin");
        assertThat(rolesFor(acl, "alerts", "[ack, A1, on, it]")).containsExactlyInAnyOrder("trader", "admin");
        assertThat(rolesFor(acl, "alerts", "[ack, A1]")).containsExactlyInAnyOrder("trader", "admin");
        assertThat(rolesFor(acl, "alerts", "[resolve, A1]")).containsExactly("admin");
        assertThat(rolesFor(acl, "alerts", "[silence, venue=CME, 2h]")).containsExactly("admin");
        assertThat(rolesFor(acl, "alerts", "[test, email]")).containsExactly("admin");
        assertThat(rolesFor(acl, "alerts", "[expire, S1]")).containsExactly("admin");
    }

    @Test
    @Order(8)
    void aUserWithoutTheSshRoleCannotLogIn() {
        assertThatThrownBy(() -> login("nossh", "nossh-IT-pass-3")).isInstanceOf(IOException.class);
    }

    @Test
    @Order(9)
    void failedLoginsAreLoggedWithUserAndAddressAndSlowed() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> login("mallory", "guess-" + System.nanoTime())).isInstanceOf(IOException.class);
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> login("mallory", "guess-again")).isInstanceOf(IOException.class);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertThat(log).containsPattern("Failed login for user 'mallory' from ssh /127\\.0\\.0\\.1:\\d+ \\(1 in a row\\)")
                .containsPattern("Failed login for user 'mallory' from ssh /127\\.0\\.0\\.1:\\d+ \\(3 in a row; "
                        + "the next attempt waits 1000 ms\\)");
        assertThat(tookMillis).as("the 5th attempt waited for the 4th failure's delay").isGreaterThanOrEqualTo(1500);
        // another user from the same address is not slowed, and logs in
        assertAllowed(VIEWER, VIEWER_PASSWORD, "nautilus:status", "Platform");
    }

    @Test
    @Order(10)
    void aScriptLogsInWithAKeyFileAndNoPasswordOnTheCommandLine() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path key = home.resolve("kim.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(key, EnumSet.of(PosixFilePermission.OWNER_READ));
        String blob = PublicKeyEntry.toString(pair.getPublic()).split(" ")[1];
        Files.writeString(home.resolve("etc/keys.properties"), "\nkim = " + blob + ",viewer,ssh\n",
                StandardOpenOption.APPEND);

        Result status = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                "echo 'nautilus:status' | bin/client -a " + sshPort + " -u kim -k kim.key -b");
        assertThat(status.exit()).as(status.output()).isZero();
        assertThat(status.output()).contains("Platform: READY");
        Result refused = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                "echo 'nautilus:snapshot' | bin/client -a " + sshPort + " -u kim -k kim.key -b");
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("Command not found: nautilus:snapshot");
    }

    @Test
    @Order(11)
    void clientRefusesABatchScriptTheServerWouldDropAndRunsOneWithinTheLimit() throws Exception {
        Path small = home.resolve("small-script.txt");
        Files.writeString(small, "echo small-script-ran\n" + "\n".repeat(200_000));
        Result ran = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                "bin/client -a " + sshPort + " -u " + VIEWER + " -p \"$0\" -b < small-script.txt", VIEWER_PASSWORD);
        assertThat(ran.exit()).as(ran.output()).isZero();
        assertThat(ran.output()).contains("small-script-ran");

        Path big = home.resolve("big-script.txt");
        Files.writeString(big, "echo big-script-ran\n" + "\n".repeat(300_000));
        Result refused = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                "bin/client -a " + sshPort + " -u " + VIEWER + " -p \"$0\" -b < big-script.txt", VIEWER_PASSWORD);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("bin/client: the script is 300020 bytes")
                .contains("at most 261120 bytes").doesNotContain("big-script-ran");
        Result refusedFile = dist.run(Map.of(), Duration.ofSeconds(120), "sh", "-c",
                "bin/client -a " + sshPort + " -u " + VIEWER + " -p \"$0\" -f big-script.txt", VIEWER_PASSWORD);
        assertThat(refusedFile.exit()).as(refusedFile.output()).isEqualTo(1);
        assertThat(refusedFile.output()).contains("the script is 300020 bytes");
    }

    @Test
    @Order(12)
    void sftpAndScpAreRefusedUntilTurnedOn() throws Exception {
        ClientSession session = login(VIEWER, VIEWER_PASSWORD);
        assertThat(sftpAnswers(session)).as("SFTP answers").isFalse();
        Result scp = exec(VIEWER, VIEWER_PASSWORD, "scp -f etc/users.properties");
        assertThat(scp.exit()).isNotZero();
        assertThat(scp.output()).doesNotContain("{CRYPT}");

        // the probe sees SFTP when it is on (the SSH server restarts with the new setting)
        Path shellCfg = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shellCfg, Files.readString(shellCfg).replace("sftpEnabled = false", "sftpEnabled = true"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> sftpAnswers(ssh.connect(VIEWER, "127.0.0.1", sshPort).verify(10, TimeUnit.SECONDS)
                        .getSession()));
    }

    private static boolean sftpAnswers(ClientSession session) throws IOException {
        if (!session.isAuthenticated()) {
            session.addPasswordIdentity(VIEWER_PASSWORD);
            session.auth().verify(30, TimeUnit.SECONDS);
        }
        CoreModuleProperties.REQUEST_SUBSYSTEM_REPLY.set(session, true);
        try (ChannelSubsystem channel = session.createSubsystemChannel("sftp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(new ByteArrayOutputStream());
            channel.open().verify(30, TimeUnit.SECONDS);
            OutputStream in = channel.getInvertedIn();
            // SSH_FXP_INIT, version 3; an SFTP server answers SSH_FXP_VERSION (type 2)
            in.write(new byte[] {0, 0, 0, 5, 1, 0, 0, 0, 3});
            in.flush();
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    TimeUnit.SECONDS.toMillis(10));
            byte[] reply = out.toByteArray();
            return !events.contains(ClientChannelEvent.CLOSED) && reply.length >= 5 && reply[4] == 2;
        } catch (IOException e) {
            return false;
        } finally {
            session.close(true);
        }
    }

    private static List<String> rolesFor(Hashtable<String, Object> acl, String command, String args) {
        List<String> roles = new ArrayList<>();
        ACLConfigurationParser.getRolesForInvocation(command, new Object[] {args}, null, acl, roles);
        return roles;
    }

    private static Result assertAllowed(String user, String password, String command, String expected)
            throws Exception {
        Result r = exec(user, password, command);
        assertThat(r.exit()).as(user + " runs " + command + ":\n" + r.output()).isZero();
        assertThat(r.output()).as(user + " runs " + command).contains(expected)
                .doesNotContain("Insufficient credentials").doesNotContain("Command not found");
        return r;
    }

    private static void assertRefused(String user, String password, String command) throws Exception {
        Result r = exec(user, password, command);
        assertThat(r.exit()).as(user + " is refused " + command + ":\n" + r.output()).isNotZero();
        assertThat(r.output()).as(user + " is refused " + command)
                .containsAnyOf("Insufficient credentials", "Command not found: nautilus:", "Command not found: ");
    }

    private static ClientSession login(String user, String password) throws IOException {
        ClientSession session = ssh.connect(user, "127.0.0.1", sshPort).verify(30, TimeUnit.SECONDS).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(60, TimeUnit.SECONDS);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    /**
     * Runs one command (or a script, one command a line) over an SSH exec channel, as {@code bin/client -b}, in a
     * session of its own (Karaf closes the session when the command ends). Once more in a new session if the SSH
     * server went away (it restarts during the boot-feature refresh).
     */
    private static Result exec(String user, String password, String command) throws IOException {
        try {
            return execOnce(user, password, command);
        } catch (IOException e) {
            return execOnce(user, password, command);
        }
    }

    private static Result execOnce(String user, String password, String command) throws IOException {
        try (ClientSession session = login(user, password);
                ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(30, TimeUnit.SECONDS);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TimeUnit.SECONDS.toMillis(120));
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw new IOException("no exit status for '" + command + "'");
            }
            return new Result(status, UnpackedDistribution.plain(out.toString(StandardCharsets.UTF_8)));
        }
    }

}
