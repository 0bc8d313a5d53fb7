package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswdToolTest {

    @TempDir
    Path dir;

    private Path users;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void stockUsersFile() throws IOException {
        users = dir.resolve("users.properties");
        try (var in = getClass().getResourceAsStream("/karaf-4.4.10-users.properties")) {
            Files.copy(in, users);
        }
    }

    private int run(List<String> typed, String... args) {
        Deque<String> answers = new ArrayDeque<>(typed);
        PasswdTool.PasswordSource source = prompt -> answers.isEmpty() ? null : answers.poll().toCharArray();
        return PasswdTool.run(args, source, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void setsTheAdminPasswordAsAHash() throws IOException {
        int code = run(List.of("Tr4ding-desk!", "Tr4ding-desk!"), "--users", users.toString(),
                "--iterations", "10000");

        assertThat(code).isZero();
        String text = Files.readString(users);
        assertThat(text).doesNotContain("Tr4ding-desk!").contains("admin = {CRYPT}pbkdf2-sha256$10000$");
        String stored = new UsersFile(users).storedPassword("admin");
        String hash = stored.substring(7, stored.length() - 7);
        assertThat(new PasswordHasher().verify("Tr4ding-desk!".toCharArray(), hash)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Password for admin set");
    }

    @Test
    void setsAnotherUserWhenAsked() throws IOException {
        assertThat(run(List.of("operator-pw", "operator-pw"), "--users", users.toString(), "--user", "ops",
                "--iterations", "10000")).isZero();

        assertThat(new UsersFile(users).storedPassword("ops")).startsWith("{CRYPT}pbkdf2-sha256$");
        assertThat(new UsersFile(users).storedPassword("admin")).isNull();
    }

    @Test
    void refusesMismatchedInputAndLeavesTheFileAlone() throws IOException {
        String before = Files.readString(users);

        assertThat(run(List.of("first-password", "second-password"), "--users", users.toString())).isEqualTo(1);

        assertThat(err()).contains("do not match");
        assertThat(Files.readString(users)).isEqualTo(before);
    }

    @Test
    void refusesEmptyInput() {
        assertThat(run(List.of("", ""), "--users", users.toString())).isEqualTo(1);
        assertThat(err()).contains("empty");
    }

    @Test
    void refusesShortInput() {
        assertThat(run(List.of("short7!", "short7!"), "--users", users.toString())).isEqualTo(1);
        assertThat(err()).contains("shorter than 8");
    }

    @Test
    void refusesWithoutATerminalAndPointsToTheVariable() {
        int code = PasswdTool.run(new String[] {"--users", users.toString()}, null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("NAUTILUS_ADMIN_PASSWORD");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run(List.of(), "--user", "admin")).isEqualTo(2);
        assertThat(err()).contains("--users FILE is required");
        assertThat(run(List.of(), "--users")).isEqualTo(2);
        assertThat(run(List.of(), "--users", users.toString(), "--bogus", "x")).isEqualTo(2);
        assertThat(run(List.of(), "--users", users.toString(), "--user", "bad name")).isEqualTo(2);
        assertThat(run(List.of(), "--users", users.toString(), "--iterations", "12")).isEqualTo(2);
    }

    @Test
    void waitsForKarafToHashClearTextPasswordsBeforeWriting() throws IOException {
        Files.writeString(users, Files.readString(users, StandardCharsets.ISO_8859_1) + "viewer = plain-pass-1,viewer\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve(PasswdTool.JAAS_CFG), "encryption.enabled = true\n");
        Deque<String> answers = new ArrayDeque<>(List.of("Tr4ding-desk!", "Tr4ding-desk!"));

        int code = PasswdTool.run(new String[] {"--users", users.toString(), "--iterations", "10000"},
                prompt -> answers.poll().toCharArray(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 300);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Waiting up to 0 s for a running Nautilus")
                .contains("Password for admin set");
        assertThat(new UsersFile(users).storedPassword("admin")).startsWith("{CRYPT}pbkdf2-sha256$");
        assertThat(new UsersFile(users).storedPassword("viewer")).isEqualTo("plain-pass-1");
    }

    @Test
    void doesNotWaitWhenKarafDoesNotHashPasswords() throws IOException {
        Files.writeString(users, Files.readString(users, StandardCharsets.ISO_8859_1) + "viewer = plain-pass-1,viewer\n",
                StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve(PasswdTool.JAAS_CFG), "encryption.enabled = false\n");

        assertThat(run(List.of("Tr4ding-desk!", "Tr4ding-desk!"), "--users", users.toString(), "--iterations",
                "10000")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Waiting");
        assertThat(new UsersFile(users).storedPassword("admin")).startsWith("{CRYPT}pbkdf2-sha256$");
    }
}
