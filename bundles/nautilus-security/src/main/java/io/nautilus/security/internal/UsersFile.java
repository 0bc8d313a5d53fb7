package io.nautilus.security.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Karaf's {@code etc/users.properties}: reads who has a password and sets one user's hashed password.
 *
 * <p>Edits lines, never re-serialises: comments, other users, groups and their order stay byte for byte
 * (the file is read and written as ISO-8859-1, like {@code java.util.Properties}). Writes go to a temporary
 * file in the same directory with mode 600 (where the file system has POSIX permissions) and are then moved
 * over the original, so a concurrent reader (Karaf's JAAS login) sees the old or the new file, never half. Karaf's
 * own writers (password encryption, {@code jaas:update}) save in place instead, so a write starts from a copy read
 * twice, 100 ms apart, with the same content.
 *
 * <p>Plain Java on purpose: {@link PasswdTool} runs it with only the JDK on the class path.
 */
public final class UsersFile {

    /** Prefix and suffix that mark a password as hashed; must equal {@code encryption.prefix/suffix}. */
    public static final String CRYPT_MARK = "{CRYPT}";

    /** The group a new user entry joins. */
    public static final String ADMIN_GROUP = "_g_:admingroup";

    /** Karaf's own (commented-out) default roles for {@link #ADMIN_GROUP}. */
    public static final String ADMIN_GROUP_ROLES = "group,admin,manager,viewer,systembundles,ssh";

    private static final String GROUP_PREFIX = "_g_:";
    private static final long CLEAR_TEXT_POLL_MILLIS = 200;
    private static final long SETTLE_MILLIS = 100;
    private static final int MAX_SETTLE_READS = 50;
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Path file;

    /**
     * @param file the users file; it need not exist yet, its directory must
     */
    public UsersFile(Path file) {
        this.file = file;
    }

    /** @return the users file */
    public Path path() {
        return file;
    }

    /**
     * Checks a user name for use as a properties key without escaping.
     *
     * @param user the name
     * @return true if it is 1..64 characters of letters, digits, {@code . _ @ -}
     */
    public static boolean isValidUserName(String user) {
        return user != null && USER_NAME.matcher(user).matches();
    }

    /**
     * Tells whether any user could log in: a non-group entry whose password (the value's first
     * comma-separated field) is not empty.
     *
     * @return true if at least one usable credential exists; false if none, or the file does not exist
     * @throws IOException if the file exists but cannot be read
     */
    public boolean hasCredential() throws IOException {
        for (Entry entry : entries(readLines())) {
            if (!entry.key.startsWith(GROUP_PREFIX) && !password(entry.value).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether some user's password is stored in clear: a non-group entry whose password is not empty and not
     * wrapped in {@link #CRYPT_MARK} (the test Karaf's {@code EncryptionSupport} applies before hashing it).
     *
     * @return true if Karaf's password encryption, when enabled, would hash and rewrite an entry
     * @throws IOException if the file exists but cannot be read
     */
    public boolean hasClearTextPassword() throws IOException {
        return hasClearText(readLines());
    }

    private static boolean hasClearText(List<String> lines) {
        for (Entry entry : entries(lines)) {
            String password = password(entry.value);
            if (!entry.key.startsWith(GROUP_PREFIX) && !password.isEmpty()
                    && !(password.startsWith(CRYPT_MARK) && password.endsWith(CRYPT_MARK))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the stored password field of a user.
     *
     * @param user the user name
     * @return the password field as stored (possibly {@code {CRYPT}...{CRYPT}}), or null if the user is absent
     * @throws IOException if the file exists but cannot be read
     */
    public String storedPassword(String user) throws IOException {
        return storedPassword(readLines(), user);
    }

    private static String storedPassword(List<String> lines, String user) {
        String value = null;
        for (Entry entry : entries(lines)) {
            if (entry.key.equals(user)) {
                value = entry.value;
            }
        }
        return value == null ? null : password(value);
    }

    /**
     * Sets a user's password to a hash, creating the user in {@link #ADMIN_GROUP} if absent (and that group
     * with Karaf's default admin roles if absent); an existing user keeps its roles.
     *
     * @param user the user name, see {@link #isValidUserName(String)}
     * @param hash a hash from {@link PasswordHasher#hash(char[])}; stored as {@code {CRYPT}hash{CRYPT}}
     * @throws IOException if the file cannot be read or written
     * @throws IllegalArgumentException if the user name is invalid or the hash malformed
     */
    public void setHashedPassword(String user, String hash) throws IOException {
        if (!isValidUserName(user)) {
            throw new IllegalArgumentException("invalid user name '" + user + "': use 1-64 of A-Z a-z 0-9 . _ @ -");
        }
        if (!PasswordHasher.isWellFormed(hash)) {
            throw new IllegalArgumentException("not a " + PasswordHasher.SCHEME + " hash");
        }
        List<String> lines = readSettledLines();
        List<Entry> entries = entries(lines);
        String stored = CRYPT_MARK + hash + CRYPT_MARK;

        String roles = null;
        for (Entry entry : entries) {
            if (entry.key.equals(user)) {
                roles = roles(entry.value);
            }
        }
        if (roles == null || roles.isEmpty()) {
            roles = ADMIN_GROUP;
        }
        String newLine = user + " = " + stored + "," + roles;

        List<String> out = new ArrayList<>(lines.size() + 2);
        boolean written = false;
        int next = 0;
        for (Entry entry : entries) {
            out.addAll(lines.subList(next, entry.firstLine));
            if (entry.key.equals(user)) {
                if (!written) {
                    out.add(newLine);
                    written = true;
                }
            } else {
                out.addAll(lines.subList(entry.firstLine, entry.endLine));
            }
            next = entry.endLine;
        }
        out.addAll(lines.subList(next, lines.size()));
        if (!written) {
            out.add(newLine);
        }
        boolean usesAdminGroup = false;
        for (String role : roles.split(",")) {
            usesAdminGroup |= role.trim().equals(ADMIN_GROUP);
        }
        if (usesAdminGroup && entries.stream().noneMatch(e -> e.key.equals(ADMIN_GROUP))) {
            out.add("_g_\\:admingroup = " + ADMIN_GROUP_ROLES);
        }
        write(out, lineSeparator(lines));
    }

    /** What became of a write by {@link #setHashedPasswordAfterEncryption}. */
    public enum WriteOutcome {
        /** the entry written is still there after the check delay */
        STAYED,
        /** another writer put a different value than the one replaced: theirs is kept */
        REPLACED_BY_OTHER,
        /** every write was undone by a writer saving the file as it was before */
        KEPT_BEING_REVERTED
    }

    /**
     * Sets a user's hashed password without racing Karaf's password encryption ({@code encryption.enabled} in
     * {@code etc/org.apache.karaf.jaas.cfg}): Karaf hashes clear-text passwords by reading the file, hashing and
     * saving the copy it read, which drops an entry written meanwhile. So this waits (at most {@code waitMillis})
     * until the file holds no clear-text password, writes, and after {@code checkMillis} checks that the entry
     * stayed; if the value it replaced came back, it waits and writes again, at most {@code maxWrites} times.
     *
     * @param user        the user name, see {@link #isValidUserName(String)}
     * @param hash        a hash from {@link PasswordHasher#hash(char[])}
     * @param waitMillis  longest wait for clear-text passwords to be hashed, over all writes, in ms
     * @param checkMillis delay before checking a write, in ms
     * @param maxWrites   most writes, at least 1
     * @return what became of the write
     * @throws IOException          if the file cannot be read or written
     * @throws InterruptedException if interrupted while waiting
     */
    public WriteOutcome setHashedPasswordAfterEncryption(String user, String hash, long waitMillis, long checkMillis,
            int maxWrites) throws IOException, InterruptedException {
        String stored = CRYPT_MARK + hash + CRYPT_MARK;
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        for (int write = 1; write <= maxWrites; write++) {
            while (hasClearText(readSettledLines()) && System.nanoTime() - deadline < 0) {
                Thread.sleep(CLEAR_TEXT_POLL_MILLIS);
            }
            String before = storedPassword(readSettledLines(), user);
            setHashedPassword(user, hash);
            Thread.sleep(checkMillis);
            String now = storedPassword(readSettledLines(), user);
            if (stored.equals(now)) {
                return WriteOutcome.STAYED;
            }
            if (!Objects.equals(now, before)) {
                return WriteOutcome.REPLACED_BY_OTHER;
            }
        }
        return WriteOutcome.KEPT_BEING_REVERTED;
    }

    private static String password(String value) {
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    private static String roles(String value) {
        int comma = value.indexOf(',');
        return comma < 0 ? "" : value.substring(comma + 1).trim();
    }

    /**
     * The lines once two reads {@value #SETTLE_MILLIS} ms apart agree: Karaf saves the file in place (truncate, then
     * write), and a copy read in between would drop every entry not yet rewritten.
     */
    private List<String> readSettledLines() throws IOException {
        List<String> lines = readLines();
        for (int i = 0; i < MAX_SETTLE_READS; i++) {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + file);
            }
            List<String> again = readLines();
            if (again.equals(lines)) {
                return lines;
            }
            lines = again;
        }
        throw new IOException(file + " kept changing for " + MAX_SETTLE_READS * SETTLE_MILLIS + " ms; nothing written");
    }

    /** Physical lines; a trailing "\r" is kept on each so CRLF files round-trip. */
    private List<String> readLines() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String lineSeparator(List<String> lines) {
        return !lines.isEmpty() && lines.get(0).endsWith("\r") ? "\r\n" : "\n";
    }

    private void write(List<String> lines, String separator) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).append(separator);
        }
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".users", ".tmp",
                    PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".users", ".tmp");
        }
        try {
            Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
            keepOwner(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Gives the new file the old one's owner and group, so a root-run tool leaves Karaf able to read it. */
    private static void keepOwner(Path original, Path replacement) {
        if (!Files.exists(original)) {
            return;
        }
        try {
            PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
            PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
            if (from == null || to == null) {
                return;
            }
            PosixFileAttributes attributes = from.readAttributes();
            if (!attributes.owner().equals(to.getOwner())) {
                to.setOwner(attributes.owner());
            }
            to.setGroup(attributes.group());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // only root may give files away; a non-root writer owns both files anyway
        }
    }

    /** A logical properties entry: unescaped key, raw value, and the physical lines [firstLine, endLine). */
    private static final class Entry {
        final String key;
        final String value;
        final int firstLine;
        final int endLine;

        Entry(String key, String value, int firstLine, int endLine) {
            this.key = key;
            this.value = value;
            this.firstLine = firstLine;
            this.endLine = endLine;
        }
    }

    /** Parses logical lines the way {@code java.util.Properties} does (comments, continuations, escapes). */
    private static List<Entry> entries(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int first = i;
            String line = stripCr(lines.get(i));
            String trimmed = line.stripLeading();
            i++;
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(trimmed);
            while (endsWithContinuation(logical) && i < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(stripCr(lines.get(i)).stripLeading());
                i++;
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1);
            }
            entries.add(parse(logical.toString(), first, i));
        }
        return entries;
    }

    private static Entry parse(String logical, int first, int end) {
        int n = logical.length();
        int k = 0;
        StringBuilder key = new StringBuilder();
        while (k < n) {
            char c = logical.charAt(k);
            if (c == '\\' && k + 1 < n) {
                k = unescape(logical, k + 1, key);
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            key.append(c);
            k++;
        }
        while (k < n && Character.isWhitespace(logical.charAt(k))) {
            k++;
        }
        if (k < n && (logical.charAt(k) == '=' || logical.charAt(k) == ':')) {
            k++;
        }
        while (k < n && Character.isWhitespace(logical.charAt(k))) {
            k++;
        }
        StringBuilder value = new StringBuilder();
        while (k < n) {
            char c = logical.charAt(k);
            if (c == '\\' && k + 1 < n) {
                k = unescape(logical, k + 1, value);
            } else {
                value.append(c);
                k++;
            }
        }
        return new Entry(key.toString(), value.toString(), first, end);
    }

    /** Appends the character escaped at {@code at} (just after a backslash); returns the index after it. */
    private static int unescape(String s, int at, StringBuilder out) {
        char c = s.charAt(at);
        switch (c) {
            case 't': out.append('\t'); return at + 1;
            case 'n': out.append('\n'); return at + 1;
            case 'r': out.append('\r'); return at + 1;
            case 'f': out.append('\f'); return at + 1;
            case 'u':
                if (at + 5 <= s.length()) {
                    try {
                        out.append((char) Integer.parseInt(s.substring(at + 1, at + 5), 16));
                        return at + 5;
                    } catch (NumberFormatException e) {
                        // not a unicode escape: keep the letter
                    }
                }
                out.append('u');
                return at + 1;
            default: out.append(c); return at + 1;
        }
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int backslashes = 0;
        for (int j = s.length() - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
