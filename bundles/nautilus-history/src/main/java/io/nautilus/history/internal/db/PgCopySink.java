package io.nautilus.history.internal.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Writes rows with PostgreSQL's {@code COPY table (columns) FROM STDIN} (text format) through pgjdbc's
 * {@link CopyManager}: one round trip per flush instead of one bound statement per row.
 *
 * <p>The copy runs inside the caller's transaction (auto-commit off): nothing is committed here, and a failed copy
 * is cancelled so that the connection can be rolled back and reused. Values are written as PostgreSQL's text format
 * reads them: numbers in decimal, {@code Boolean} as {@code t}/{@code f}, {@code null} as {@code \N}, strings with
 * backslash, tab, newline, carriage return, backspace, form feed and vertical tab escaped, date-times converted to
 * UTC and rounded half-up to microseconds (as pgjdbc rounds a bound {@code OffsetDateTime}). A string holding the
 * NUL character is refused (PostgreSQL text cannot store it).
 *
 * <p>Not thread-safe: one instance per writer thread (it reuses its buffer).
 */
public final class PgCopySink implements RowSink {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int FLUSH_AT = 256 * 1024;
    private static final char[] DIGITS = "0123456789".toCharArray();

    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    /** Creates a sink. */
    public PgCopySink() {
    }

    @Override
    public String name() {
        return "copy";
    }

    /**
     * The {@code COPY} statement for a table.
     *
     * @param table the table and its columns
     * @return {@code COPY name (c1, c2, ...) FROM STDIN}
     * @throws IllegalArgumentException if a name is not a plain SQL identifier
     */
    public static String copySql(Table table) {
        StringBuilder sql = new StringBuilder("COPY ").append(identifier(table.name())).append(" (");
        for (int i = 0; i < table.columns().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(identifier(table.columns().get(i).name()));
        }
        return sql.append(") FROM STDIN").toString();
    }

    @Override
    public void write(Connection connection, Table table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = copySql(table);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn(sql);
        boolean done = false;
        try {
            int width = table.columns().size();
            buffer.setLength(0);
            for (Object[] row : rows) {
                if (row.length != width) {
                    throw new IllegalArgumentException("a row for " + table.name() + " has " + row.length
                            + " values for " + width + " columns");
                }
                for (int i = 0; i < width; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    appendValue(buffer, table, i, row[i]);
                }
                buffer.append('\n');
                if (buffer.length() >= FLUSH_AT) {
                    flush(in);
                }
            }
            flush(in);
            in.endCopy();
            done = true;
        } finally {
            if (!done && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException ignored) {
                    // the caller rolls back and may discard the connection
                }
            }
            buffer.setLength(0);
        }
    }

    private void flush(CopyIn in) throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /**
     * Appends one value in {@code COPY}'s text format.
     *
     * @param out    the line being built
     * @param table  the table (for messages)
     * @param column the column's index
     * @param value  the value
     * @throws IllegalArgumentException if the value's type is not one a row may hold, or a string holds NUL
     */
    static void appendValue(StringBuilder out, Table table, int column, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Long l) {
            out.append(l.longValue());
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).intValue());
        } else if (value instanceof String s) {
            appendText(out, table, column, s);
        } else if (value instanceof OffsetDateTime t) {
            appendTimestamp(out, t.toInstant());
        } else if (value instanceof Instant t) {
            appendTimestamp(out, t);
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else {
            throw new IllegalArgumentException("column " + table.columns().get(column).name() + " of "
                    + table.name() + " cannot take a " + value.getClass().getName());
        }
    }

    private static void appendText(StringBuilder out, Table table, int column, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u000b' -> out.append("\\v");
                case '\u0000' -> throw new IllegalArgumentException("column " + table.columns().get(column).name()
                        + " of " + table.name() + " holds a NUL character, which PostgreSQL text cannot store");
                default -> out.append(c);
            }
        }
    }

    /** {@code uuuu-MM-dd HH:mm:ss.ffffff+00}, rounded half-up to the microsecond. */
    private static void appendTimestamp(StringBuilder out, Instant instant) {
        Instant t = instant;
        int micros = (t.getNano() + 500) / 1_000;
        if (micros == 1_000_000) {
            t = Instant.ofEpochSecond(t.getEpochSecond() + 1);
            micros = 0;
        }
        OffsetDateTime utc = Instant.ofEpochSecond(t.getEpochSecond()).atOffset(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("timestamp " + instant + " is outside the years 1 to 9999");
        }
        pad(out, year, 4).append('-');
        pad(out, utc.getMonthValue(), 2).append('-');
        pad(out, utc.getDayOfMonth(), 2).append(' ');
        pad(out, utc.getHour(), 2).append(':');
        pad(out, utc.getMinute(), 2).append(':');
        pad(out, utc.getSecond(), 2).append('.');
        pad(out, micros, 6).append("+00");
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        int start = out.length();
        for (int i = 0; i < width; i++) {
            out.append('0');
        }
        int v = value;
        for (int i = start + width - 1; i >= start && v > 0; i--) {
            out.setCharAt(i, DIGITS[v % 10]);
            v /= 10;
        }
        return out;
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier");
        }
        return name;
    }
}
