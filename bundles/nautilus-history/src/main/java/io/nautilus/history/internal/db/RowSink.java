package io.nautilus.history.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the writer's rows reach one kind of database: JDBC batch inserts (H2, and any database), or PostgreSQL's
 * {@code COPY ... FROM STDIN}. The writer owns the transaction: a sink writes inside the caller's transaction and
 * never commits.
 */
public interface RowSink {

    /**
     * Writes rows into a table, inside the caller's transaction.
     *
     * @param connection the writer's connection (auto-commit off)
     * @param table      the table and its columns, in the order of each row's values
     * @param rows       the rows; each value is a {@code Long}, {@code Integer}, {@code String},
     *                   {@code java.time.OffsetDateTime} (UTC), {@code Boolean} or {@code null}, of the column's type
     * @throws SQLException if the database refuses the rows (nothing of the batch is committed)
     */
    void write(Connection connection, Table table, List<Object[]> rows) throws SQLException;

    /** @return a short name for logs and status, e.g. {@code jdbc-batch} or {@code copy} */
    String name();

    /**
     * A table the writer fills.
     *
     * @param name    the table's name
     * @param columns its columns, in the order of each row's values
     */
    record Table(String name, List<Column> columns) {

        /** Copies the column list. */
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A column.
     *
     * @param name    the column's name
     * @param sqlType its {@link java.sql.Types} code (for nulls and conversions)
     */
    record Column(String name, int sqlType) {
    }
}
