package io.nautilus.history.internal;

import io.nautilus.history.internal.db.Databases;
import io.nautilus.history.internal.db.JdbcBatchSink;
import io.nautilus.history.internal.db.RowSink;

import java.nio.file.Path;
import java.util.Objects;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The history database: by default an embedded H2 file database in a folder, reached through plain JDBC; or the
 * database a JDBC URL names: another H2 database, or PostgreSQL through a connection pool and {@code COPY}
 * ({@link Databases#postgres}).
 */
public final class HistoryDatabase {

    /** The database's file name in its folder, without H2's {@code .mv.db} suffix. */
    public static final String FILE_NAME = "history";

    private HistoryDatabase() {
    }

    /**
     * A data source for the embedded database in a folder; the database is created on first connection and
     * closed when its last connection closes ({@code DB_CLOSE_ON_EXIT=FALSE}: by the store, not by a JVM shutdown
     * hook racing the writer's last batch).
     *
     * @param folder the folder, e.g. {@code data/nautilus/history}
     * @return a data source; each {@code getConnection} opens a new connection
     */
    public static DataSource embedded(Path folder) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url(folder));
        ds.setUser("nautilus");
        ds.setPassword("");
        return ds;
    }

    /**
     * The JDBC URL of the embedded database in a folder.
     *
     * @param folder the folder
     * @return e.g. {@code jdbc:h2:file:/opt/nautilus/data/nautilus/history/history;DB_CLOSE_ON_EXIT=FALSE}
     */
    public static String url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve(FILE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Opens the database the configuration names (without connecting: the writer connects, and retries).
     *
     * @param url      a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}), or empty for the embedded
     *                 database in {@code folder}
     * @param user     the user for an external database
     * @param password its password
     * @param poolSize connections a PostgreSQL pool holds at most, 1 to {@value Databases#MAX_POOL_SIZE}
     * @param folder   the embedded database's folder
     * @return the data source, the row sink for it and a description without credentials
     * @throws IllegalArgumentException if the URL names a database this build cannot reach or a value is out of
     *                                  range; the message is one line naming it (never the password)
     */
    public static Opened open(String url, String user, String password, int poolSize, Path folder) {
        if (url == null || url.isBlank()) {
            return new Opened(embedded(folder), new JdbcBatchSink(), "H2 " + folder, () -> { });
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:h2:")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(trimmed);
            ds.setUser(user == null ? "" : user);
            ds.setPassword(password == null ? "" : password);
            int params = trimmed.indexOf(';');
            return new Opened(ds, new JdbcBatchSink(),
                    "H2 " + Databases.redact(params < 0 ? trimmed : trimmed.substring(0, params)), () -> { });
        }
        if (trimmed.startsWith("jdbc:postgresql:")) {
            Databases.Database db = Databases.postgres(trimmed, user, password, poolSize);
            return new Opened(db.dataSource(), db.sink(), db.description(), db);
        }
        int scheme = trimmed.indexOf(':', trimmed.startsWith("jdbc:") ? 5 : 0);
        throw new IllegalArgumentException("history database URL '" + Databases.redact(scheme < 0 ? trimmed
                : trimmed.substring(0, scheme + 1) + "...") + "' is not supported: use jdbc:postgresql://host:port/"
                + "database, jdbc:h2:..., or an empty url for the embedded database in the folder");
    }

    /**
     * An opened database.
     *
     * @param dataSource  its connections
     * @param sink        how the writer's rows reach it
     * @param description which database, without credentials, for logs and the status
     * @param closer      releases what opening it took (a connection pool), after the writer stopped
     */
    public record Opened(DataSource dataSource, RowSink sink, String description, AutoCloseable closer) {

        /** Checks the components. */
        public Opened {
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(closer, "closer");
        }
    }
}
