package io.nautilus.security.internal;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Properties;

/**
 * {@code bin/nautilus-passwd}: sets a user's password (default {@code admin}) in Karaf's users.properties,
 * reading it twice from the terminal without echo and storing only its PBKDF2 hash.
 *
 * <p>Usage: {@code PasswdTool --users FILE [--user NAME] [--iterations N]}. Exit codes: 0 set, 1 refused or
 * failed (no terminal, empty, too short, mismatch, I/O), 2 usage error. Runs with only the JDK and this
 * bundle's jar on the class path: it touches no OSGi, Karaf or logging class.
 */
public final class PasswdTool {

    /** Shortest password accepted, here and for {@code NAUTILUS_ADMIN_PASSWORD}. */
    public static final int MIN_LENGTH = 8;

    /** Karaf's JAAS configuration file, beside users.properties. */
    static final String JAAS_CFG = "org.apache.karaf.jaas.cfg";

    /** Longest wait for a running Karaf to hash clear-text passwords before writing, in ms. */
    static final long KARAF_ENCRYPTION_WAIT_MILLIS = 10_000;

    private static final long CHECK_MILLIS = 1_000;
    private static final int MAX_WRITES = 3;

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT =
            "usage: nautilus-passwd [--user NAME] [--iterations N]   (sets the password of NAME, default admin)";

    /** Where the password comes from; the real one is {@link System#console()}. */
    interface PasswordSource {
        /**
         * @param prompt shown to the user
         * @return the characters typed, without the line end; null at end of input
         */
        char[] readPassword(String prompt);
    }

    private PasswdTool() {
    }

    /**
     * Entry point; exits with the code of {@link #run}.
     *
     * @param args {@code --users FILE [--user NAME] [--iterations N]}
     */
    public static void main(String[] args) {
        Console console = System.console();
        PasswordSource source = console == null ? null : prompt -> console.readPassword("%s", prompt);
        System.exit(run(args, source, System.out, System.err));
    }

    /**
     * Parses the arguments, reads the password twice and writes its hash.
     *
     * @param args   command-line arguments
     * @param source the terminal, or null when there is none
     * @param out    where success is reported
     * @param err    where refusals and errors are reported, one clear line each
     * @return the exit code: 0 set, 1 refused or failed, 2 usage error
     */
    static int run(String[] args, PasswordSource source, PrintStream out, PrintStream err) {
        return run(args, source, out, err, KARAF_ENCRYPTION_WAIT_MILLIS);
    }

    /**
     * {@link #run(String[], PasswordSource, PrintStream, PrintStream)} with the longest wait for Karaf's encryption.
     *
     * @param waitMillis longest wait for clear-text passwords in the file to be hashed by a running Karaf, in ms
     */
    static int run(String[] args, PasswordSource source, PrintStream out, PrintStream err, long waitMillis) {
        String users = null;
        String user = "admin";
        int iterations = PasswordHasher.DEFAULT_ITERATIONS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("-h".equals(arg) || "--help".equals(arg)) {
                out.println(USAGE_TEXT);
                return OK;
            }
            if (i + 1 >= args.length
                    || !("--users".equals(arg) || "--user".equals(arg) || "--iterations".equals(arg))) {
                err.println("nautilus-passwd: unknown or incomplete argument '" + arg + "'");
                err.println(USAGE_TEXT);
                return USAGE;
            }
            String value = args[++i];
            if ("--users".equals(arg)) {
                users = value;
            } else if ("--user".equals(arg)) {
                user = value;
            } else {
                try {
                    iterations = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    err.println("nautilus-passwd: --iterations must be an integer, was '" + value + "'");
                    return USAGE;
                }
            }
        }
        if (users == null) {
            err.println("nautilus-passwd: --users FILE is required");
            return USAGE;
        }
        if (!UsersFile.isValidUserName(user)) {
            err.println("nautilus-passwd: invalid user name '" + user + "': use 1-64 of A-Z a-z 0-9 . _ @ -");
            return USAGE;
        }
        PasswordHasher hasher;
        try {
            hasher = new PasswordHasher(iterations);
        } catch (IllegalArgumentException e) {
            err.println("nautilus-passwd: " + e.getMessage());
            return USAGE;
        }
        if (source == null) {
            err.println("nautilus-passwd: no terminal to read the password from without echo. "
                    + "Run it in a terminal, or start Nautilus with NAUTILUS_ADMIN_PASSWORD=<password> instead.");
            return REFUSED;
        }

        char[] first = source.readPassword("New password for " + user + ": ");
        char[] second = null;
        try {
            String problem = check(first);
            if (problem != null) {
                err.println("nautilus-passwd: " + problem + "; nothing changed.");
                return REFUSED;
            }
            second = source.readPassword("Retype the password: ");
            if (second == null || !Arrays.equals(first, second)) {
                err.println("nautilus-passwd: the passwords do not match; nothing changed.");
                return REFUSED;
            }
            Path file = Paths.get(users);
            UsersFile usersFile = new UsersFile(file);
            String hash = hasher.hash(first);
            if (karafHashesPasswords(file) && usersFile.hasClearTextPassword()) {
                out.println("Waiting up to " + waitMillis / 1000 + " s for a running Nautilus to hash the clear-text "
                        + "passwords in " + file + " (Karaf rewrites the whole file when it does) ...");
                UsersFile.WriteOutcome outcome = usersFile.setHashedPasswordAfterEncryption(user, hash, waitMillis,
                        CHECK_MILLIS, MAX_WRITES);
                if (outcome == UsersFile.WriteOutcome.REPLACED_BY_OTHER) {
                    err.println("nautilus-passwd: the entry of " + user + " in " + file + " was changed by someone "
                            + "else at the same moment; theirs is kept. Run nautilus-passwd again.");
                    return REFUSED;
                }
                if (outcome == UsersFile.WriteOutcome.KEPT_BEING_REVERTED) {
                    err.println("nautilus-passwd: another writer of " + file + " kept saving its older copy over "
                            + "the new password of " + user + "; nothing changed. Run nautilus-passwd again.");
                    return REFUSED;
                }
            } else {
                usersFile.setHashedPassword(user, hash);
            }
            out.println("Password for " + user + " set (PBKDF2 hash) in " + file
                    + ". It applies to the next login; no restart needed.");
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("nautilus-passwd: could not update " + users + ": " + e);
            return REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("nautilus-passwd: interrupted; " + users + " may or may not hold the new password.");
            return REFUSED;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /**
     * Tells whether Karaf hashes clear-text passwords of this users file itself: {@code encryption.enabled} in the
     * {@code org.apache.karaf.jaas.cfg} beside it (Karaf's default, without that file, is false).
     */
    private static boolean karafHashesPasswords(Path usersFile) throws IOException {
        Path cfg = usersFile.toAbsolutePath().resolveSibling(JAAS_CFG);
        if (!Files.isRegularFile(cfg)) {
            return false;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(cfg, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return Boolean.parseBoolean(properties.getProperty("encryption.enabled", "false").trim());
    }

    /**
     * Checks a candidate password against the policy.
     *
     * @param password the candidate, may be null
     * @return null if acceptable, else the reason in a few words
     */
    static String check(char[] password) {
        if (password == null || password.length == 0) {
            return "the password is empty";
        }
        if (password.length < MIN_LENGTH) {
            return "the password is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }
}
