package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @TempDir
    Path dir;

    private Path path;
    private String stock;

    @BeforeEach
    void stockUsersFile() throws IOException {
        path = dir.resolve("users.properties");
        try (InputStream in = getClass().getResourceAsStream("/karaf-4.4.10-users.properties")) {
            stock = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Files.writeString(path, stock, StandardCharsets.ISO_8859_1);
    }

    @Test
    void stockKarafFileHasNoCredential() throws IOException {
        assertThat(new UsersFile(path).hasCredential()).isFalse();
    }

    @Test
    void clearTextPasswordsAreThoseKarafWouldHash() throws IOException {
        UsersFile users = new UsersFile(path);
        assertThat(users.hasClearTextPassword()).isFalse();

        users.setHashedPassword("admin", HASHER.hash("admin-password".toCharArray()));
        Files.writeString(path, Files.readString(path, StandardCharsets.ISO_8859_1) + "nokey = ,viewer\n",
                StandardCharsets.ISO_8859_1);
        assertThat(users.hasClearTextPassword()).as("hashed, empty and group entries").isFalse();

        Files.writeString(path, Files.readString(path, StandardCharsets.ISO_8859_1) + "viewer = plain-1,viewer\n",
                StandardCharsets.ISO_8859_1);
        assertThat(users.hasClearTextPassword()).isTrue();
    }

    @Test
    void missingFileHasNoCredential() throws IOException {
        assertThat(new UsersFile(dir.resolve("absent.properties")).hasCredential()).isFalse();
    }

    @Test
    void createsTheAdminEntryAndGroupKeepingEveryStockLine() throws IOException {
        UsersFile users = new UsersFile(path);
        String hash = HASHER.hash("admin-password".toCharArray());

        users.setHashedPassword("admin", hash);

        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith(stock)
                .endsWith("admin = {CRYPT}" + hash + "{CRYPT},_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n")
                .doesNotContain("admin-password");
        assertThat(users.hasCredential()).isTrue();
    }

    @Test
    void replacesAnExistingEntryInPlaceKeepingItsRolesAndOtherUsers() throws IOException {
        Files.writeString(path, stock + "ops = {CRYPT}old{CRYPT},viewer\n"
                + "admin = plain-old,_g_:admingroup,extra\n"
                + "_g_\\:admingroup = group,admin\n"
                + "# trailing comment\n", StandardCharsets.ISO_8859_1);
        String hash = HASHER.hash("new-password".toCharArray());

        new UsersFile(path).setHashedPassword("admin", hash);

        assertThat(Files.readString(path, StandardCharsets.ISO_8859_1)).isEqualTo(stock
                + "ops = {CRYPT}old{CRYPT},viewer\n"
                + "admin = {CRYPT}" + hash + "{CRYPT},_g_:admingroup,extra\n"
                + "_g_\\:admingroup = group,admin\n"
                + "# trailing comment\n");
    }

    @Test
    void replacesAContinuedEntryAndDuplicates() throws IOException {
        Files.writeString(path, "admin = old,\\\n    _g_:admingroup\nkeep = x,viewer\nadmin : older,viewer\n",
                StandardCharsets.ISO_8859_1);
        String hash = HASHER.hash("new-password".toCharArray());

        new UsersFile(path).setHashedPassword("admin", hash);

        assertThat(Files.readString(path, StandardCharsets.ISO_8859_1)).isEqualTo(
                "admin = {CRYPT}" + hash + "{CRYPT},viewer\nkeep = x,viewer\n");
    }

    @Test
    void readsKarafStyleEntries() throws IOException {
        Files.writeString(path, "#admin = commented,viewer\n_g_\\:admingroup = group,admin\n",
                StandardCharsets.ISO_8859_1);
        assertThat(new UsersFile(path).hasCredential()).isFalse();

        Files.writeString(path, "admin = ,_g_:admingroup\n", StandardCharsets.ISO_8859_1);
        assertThat(new UsersFile(path).hasCredential()).as("empty password").isFalse();

        Files.writeString(path, "  karaf:karaf,_g_:admingroup\n", StandardCharsets.ISO_8859_1);
        assertThat(new UsersFile(path).hasCredential()).isTrue();
        assertThat(new UsersFile(path).storedPassword("karaf")).isEqualTo("karaf");
    }

    @Test
    void keepsCrlfLineEnds() throws IOException {
        Files.writeString(path, "# c\r\nops = x,viewer\r\n", StandardCharsets.ISO_8859_1);
        String hash = HASHER.hash("new-password".toCharArray());

        new UsersFile(path).setHashedPassword("admin", hash);

        assertThat(Files.readString(path, StandardCharsets.ISO_8859_1)).isEqualTo("# c\r\nops = x,viewer\r\n"
                + "admin = {CRYPT}" + hash + "{CRYPT},_g_:admingroup\r\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\r\n");
    }

    @Test
    void createsAMissingFileOwnerReadableOnly() throws IOException {
        Path fresh = dir.resolve("new-users.properties");

        new UsersFile(fresh).setHashedPassword("admin", HASHER.hash("new-password".toCharArray()));

        assertThat(new UsersFile(fresh).hasCredential()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void rejectsBadUserNamesAndClearPasswords() {
        UsersFile users = new UsersFile(path);
        String hash = HASHER.hash("new-password".toCharArray());

        assertThatThrownBy(() -> users.setHashedPassword("a=b", hash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.setHashedPassword("admin", "clear-text"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteUndoneByAStaleSaveIsWrittenAgain() throws Exception {
        UsersFile users = new UsersFile(path);
        String hash = HASHER.hash("admin-password".toCharArray());
        Thread staleSaver = staleSaver(1);

        UsersFile.WriteOutcome outcome = users.setHashedPasswordAfterEncryption("admin", hash, 5_000, 1_000, 3);

        staleSaver.join(5_000);
        assertThat(outcome).isEqualTo(UsersFile.WriteOutcome.STAYED);
        assertThat(users.storedPassword("admin")).isEqualTo("{CRYPT}" + hash + "{CRYPT}");
    }

    @Test
    void aWriteUndoneEveryTimeIsReported() throws Exception {
        UsersFile users = new UsersFile(path);
        Thread staleSaver = staleSaver(2);

        UsersFile.WriteOutcome outcome = users.setHashedPasswordAfterEncryption("admin",
                HASHER.hash("admin-password".toCharArray()), 5_000, 1_000, 2);

        staleSaver.join(5_000);
        assertThat(outcome).isEqualTo(UsersFile.WriteOutcome.KEPT_BEING_REVERTED);
        assertThat(users.storedPassword("admin")).isNull();
    }

    @Test
    void anotherWritersNewValueIsKept() throws Exception {
        UsersFile users = new UsersFile(path);
        String theirs = HASHER.hash("their-password".toCharArray());
        Thread other = new Thread(() -> {
            try {
                while (!Files.readString(path, StandardCharsets.ISO_8859_1).contains("admin = ")) {
                    Thread.sleep(10);
                }
                new UsersFile(path).setHashedPassword("admin", theirs);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();

        UsersFile.WriteOutcome outcome = users.setHashedPasswordAfterEncryption("admin",
                HASHER.hash("admin-password".toCharArray()), 5_000, 1_000, 3);

        other.join(5_000);
        assertThat(outcome).isEqualTo(UsersFile.WriteOutcome.REPLACED_BY_OTHER);
        assertThat(users.storedPassword("admin")).isEqualTo("{CRYPT}" + theirs + "{CRYPT}");
    }

    @Test
    void waitsForClearTextPasswordsToBeHashedBeforeWriting() throws Exception {
        Files.writeString(path, stock + "viewer = plain-pass-1,viewer\n", StandardCharsets.ISO_8859_1);
        UsersFile users = new UsersFile(path);
        String viewerHash = HASHER.hash("plain-pass-1".toCharArray());
        AtomicReference<String> adminBeforeHashing = new AtomicReference<>("not read");
        Thread karaf = new Thread(() -> {
            try {
                Thread.sleep(1_000);
                adminBeforeHashing.set(users.storedPassword("admin"));
                Files.writeString(path, stock + "viewer = {CRYPT}" + viewerHash + "{CRYPT},viewer\n",
                        StandardCharsets.ISO_8859_1);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        karaf.start();
        String hash = HASHER.hash("admin-password".toCharArray());

        UsersFile.WriteOutcome outcome = users.setHashedPasswordAfterEncryption("admin", hash, 10_000, 300, 3);

        karaf.join(5_000);
        assertThat(adminBeforeHashing.get()).as("nothing written while a password is in clear").isNull();
        assertThat(outcome).isEqualTo(UsersFile.WriteOutcome.STAYED);
        assertThat(users.storedPassword("viewer")).isEqualTo("{CRYPT}" + viewerHash + "{CRYPT}");
        assertThat(users.storedPassword("admin")).isEqualTo("{CRYPT}" + hash + "{CRYPT}");
    }

    /** A writer that saves the stock file, in place as Karaf does, each time an admin entry appears. */
    private Thread staleSaver(int times) {
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < times; i++) {
                    while (!Files.readString(path, StandardCharsets.ISO_8859_1).contains("admin = ")) {
                        Thread.sleep(10);
                    }
                    Files.writeString(path, stock, StandardCharsets.ISO_8859_1);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }
}
