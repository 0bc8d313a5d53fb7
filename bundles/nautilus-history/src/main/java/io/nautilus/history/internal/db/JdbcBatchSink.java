package io.nautilus.history.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RowSink} over plain JDBC: one prepared {@code INSERT} per table, every row added to its batch, the batch
 * executed once. Works with H2 and any JDBC database.
 */
public final class JdbcBatchSink implements RowSink {

    private final Map<String, String> inserts = new ConcurrentHashMap<>();

    /** Creates the sink. */
    public JdbcBatchSink() {
    }

    @Override
    public void write(Connection connection, Table table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> columns = table.columns();
        try (PreparedStatement p = connection.prepareStatement(inserts.computeIfAbsent(table.name(),
                name -> insert(table)))) {
            for (Object[] row : rows) {
                if (row.length != columns.size()) {
                    throw new IllegalArgumentException("a row of " + table.name() + " has " + row.length
                            + " values for " + columns.size() + " columns");
                }
                for (int i = 0; i < row.length; i++) {
                    bind(p, i + 1, columns.get(i), row[i]);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public String name() {
        return "jdbc-batch";
    }

    /**
     * The {@code INSERT} statement of a table.
     *
     * @param table the table
     * @return {@code INSERT INTO name (c1, c2, ...) VALUES (?, ?, ...)}
     */
    static String insert(Table table) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" (");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            if (i > 0) {
                sql.append(", ");
                values.append(", ");
            }
            sql.append(table.columns().get(i).name());
            values.append('?');
        }
        return sql.append(") VALUES (").append(values).append(')').toString();
    }

    private static void bind(PreparedStatement p, int index, Column column, Object value) throws SQLException {
        if (value == null) {
            p.setNull(index, column.sqlType());
        } else if (value instanceof Long l) {
            p.setLong(index, l);
        } else if (value instanceof Integer n) {
            p.setInt(index, n);
        } else if (value instanceof String s) {
            p.setString(index, s);
        } else if (value instanceof OffsetDateTime t) {
            p.setObject(index, t);
        } else if (value instanceof Boolean b) {
            p.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("column " + column.name() + ": unsupported value type "
                    + value.getClass().getName());
        }
    }
}
