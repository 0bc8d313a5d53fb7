package io.nautilus.history.internal;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded history database: an H2 file database in a folder, reached through plain JDBC.
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
}
