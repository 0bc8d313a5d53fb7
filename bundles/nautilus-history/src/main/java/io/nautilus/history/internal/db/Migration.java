package io.nautilus.history.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema migration: a SQL script named {@code V<version>__<description>.sql}.
 *
 * @param version     the schema version the script brings the database to, greater than zero
 * @param description what it does, from the file name with underscores as spaces
 * @param script      the SQL text
 * @param checksum    the SHA-256 of the script's UTF-8 bytes with line ends as {@code \n} (so a checkout that
 *                    turns them into {@code \r\n} does not look like a changed script), in lower-case hex
 */
public record Migration(int version, String description, String script, String checksum) {

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_]+)\\.sql");

    /** Checks the components. */
    public Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
        if (version <= 0) {
            throw new IllegalArgumentException("migration version " + version + " must be greater than zero");
        }
    }

    /**
     * Reads a migration from its file name and text.
     *
     * @param fileName e.g. {@code V1__orders_fills_progress.sql}
     * @param script   the SQL text
     * @return the migration with its version, description and checksum
     * @throws IllegalArgumentException if the name is not {@code V<version>__<description>.sql}
     */
    public static Migration of(String fileName, String script) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file name '" + fileName
                    + "' is not V<version>__<description>.sql");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script, sha256(script));
    }

    /**
     * The script's statements: split at semicolons that end a line, without {@code --} comment lines and blank
     * statements. Scripts therefore keep a semicolon inside a string literal off the end of its line.
     *
     * @return the statements in order, without their semicolons
     */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(out, current);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        statement.setLength(0);
    }

    private static String sha256(String script) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
