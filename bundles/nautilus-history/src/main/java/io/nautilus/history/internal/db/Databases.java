package io.nautilus.history.internal.db;

import java.io.PrintWriter;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens the configured history database: PostgreSQL through pgjdbc's {@link PGSimpleDataSource} (no
 * {@link java.sql.DriverManager}, which does not see other bundles' drivers in OSGi) pooled by HikariCP, written
 * with {@link PgCopySink}.
 *
 * <p>The pool starts without connecting: a database that is down or refuses the credentials does not stop the
 * store from starting; each {@code getConnection} that fails throws a {@link SQLException} whose message is one
 * line naming the database (never the password) and the server's reason, e.g. {@code history database PostgreSQL
 * 127.0.0.1:5432/nautilus as nautilus: FATAL: password authentication failed for user "nautilus"}; the writer
 * retries with back-off.
 */
public final class Databases {

    /** The most connections a pool may hold. */
    public static final int MAX_POOL_SIZE = 64;

    private static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");
    private static final int CONNECTION_TIMEOUT_MS = 3_000;
    private static final int CONNECT_TIMEOUT_S = 10;
    private static final int SOCKET_TIMEOUT_S = 120;

    private Databases() {
    }

    /**
     * Opens a pooled PostgreSQL database.
     *
     * @param url      {@code jdbc:postgresql://host[:port]/database[?property=value&...]}
     * @param user     the login role; blank to take it from the URL
     * @param password its password (from Config Admin); blank for none or to take it from the URL
     * @param poolSize connections the pool holds at most, 1 to {@value #MAX_POOL_SIZE} (the writer takes one,
     *                 queries the others)
     * @return the database; close it to close the pool
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL or the pool size is out of range;
     *                                  the message is one line (with any password in the URL masked)
     */
    public static Database postgres(String url, String user, String password, int poolSize) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("history database URL '" + redact(url)
                    + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("history database pool size " + poolSize + " must be 1 to "
                    + MAX_POOL_SIZE);
        }
        Properties inUrl = Driver.parseURL(url, null);
        if (inUrl == null) {
            throw new IllegalArgumentException("history database URL '" + redact(url)
                    + "' is not a valid PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        if (user != null && !user.isBlank()) {
            pg.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            pg.setPassword(password);
        }
        defaultTo(pg, inUrl, PGProperty.APPLICATION_NAME, "nautilus-history");
        defaultTo(pg, inUrl, PGProperty.REWRITE_BATCHED_INSERTS, "true");
        defaultTo(pg, inUrl, PGProperty.CONNECT_TIMEOUT, Integer.toString(CONNECT_TIMEOUT_S));
        defaultTo(pg, inUrl, PGProperty.LOGIN_TIMEOUT, Integer.toString(CONNECT_TIMEOUT_S));
        defaultTo(pg, inUrl, PGProperty.SOCKET_TIMEOUT, Integer.toString(SOCKET_TIMEOUT_S));
        defaultTo(pg, inUrl, PGProperty.TCP_KEEP_ALIVE, "true");

        String where = "PostgreSQL " + hosts(pg) + "/" + pg.getDatabaseName() + " as " + pg.getUser();
        HikariConfig config = new HikariConfig();
        config.setPoolName("nautilus-history");
        config.setDataSource(pg);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        HikariDataSource pool = new HikariDataSource(config);
        PgCopySink sink = new PgCopySink();
        return new Database(new ClearErrors(pool, "history database " + where), sink,
                where + " (pool " + poolSize + ", " + sink.name() + ")", pool);
    }

    /**
     * Masks the password in a JDBC URL, for messages.
     *
     * @param url a JDBC URL, or {@code null}
     * @return the URL with the value of any {@code password=} parameter replaced by {@code ***}
     */
    public static String redact(String url) {
        return url == null ? null : PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    /**
     * The one-line reason of a failed database call: the message of the deepest {@link SQLException} in the chain
     * (the server's or the driver's words, not a pool's "connection not available"), followed by the network cause
     * under it if any, e.g. {@code The connection attempt failed. (UnknownHostException: db.example)}. For a JDBC
     * batch error, whose message repeats the whole statement, the reason of the entry that failed
     * ({@link BatchUpdateException#getNextException()}).
     *
     * @param e the failure
     * @return one line
     */
    public static String reason(Throwable e) {
        Throwable sql = null;
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                sql = t;
            }
            deepest = t;
        }
        if (sql instanceof BatchUpdateException b && b.getNextException() != null && b.getNextException() != b) {
            return reason(b.getNextException());
        }
        String text;
        if (sql == null) {
            text = describe(deepest);
        } else {
            text = sql.getMessage() != null ? sql.getMessage() : sql.getClass().getSimpleName();
            Throwable under = sql.getCause();
            if (under != null && !(under instanceof SQLException)) {
                text += " (" + describe(under) + ")";
            }
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void defaultTo(PGSimpleDataSource pg, Properties inUrl, PGProperty property, String value) {
        if (!inUrl.containsKey(property.getName())) {
            pg.setProperty(property, value);
        }
    }

    private static String hosts(PGSimpleDataSource pg) {
        String[] names = pg.getServerNames();
        int[] ports = pg.getPortNumbers();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(names[i]);
            int port = ports != null && ports.length > i ? ports[i] : 0;
            sb.append(':').append(port > 0 ? port : 5432);
        }
        return sb.toString();
    }

    /**
     * An opened history database.
     *
     * @param dataSource  its pooled data source; a failed {@code getConnection} says why in one line
     * @param sink        how the writer's rows reach it
     * @param description one line for logs and status, e.g. {@code PostgreSQL 127.0.0.1:5432/nautilus as nautilus
     *                    (pool 4, copy)}; never the password
     * @param pool        what {@link #close()} closes
     */
    public record Database(DataSource dataSource, RowSink sink, String description, AutoCloseable pool)
            implements AutoCloseable {

        /**
         * Connects once and names the server.
         *
         * @return e.g. {@code PostgreSQL 15.14}
         * @throws SQLException if the database cannot be reached; one line naming it and the reason
         */
        public String probe() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }
        }

        /** Closes the pool and its connections. */
        @Override
        public void close() {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the history database pool failed: " + reason(e), e);
            }
        }
    }

    /**
     * A pooled data source that can drop a connection instead of taking it back: a connection whose COPY failed
     * (pgjdbc's copy API bypasses the pool's proxy, so the pool does not see the broken socket) must not be handed
     * out again. The history data source of {@link #postgres} is one ({@code unwrap(Pool.class)}).
     */
    public interface Pool {

        /**
         * Closes a connection the caller holds and removes it from the pool.
         *
         * @param connection a connection from this pool, not yet closed
         */
        void evict(Connection connection);
    }

    /** Turns the pool's "connection not available" into the server's reason, on one line naming the database. */
    private static final class ClearErrors implements DataSource, Pool {

        private final HikariDataSource target;
        private final String name;

        ClearErrors(HikariDataSource target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return target.getConnection();
            } catch (SQLException e) {
                throw new SQLException(name + ": " + reason(e), sqlState(e), e);
            }
        }

        @Override
        public void evict(Connection connection) {
            target.evictConnection(connection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException(name + ": the pool's credentials come from its configuration");
        }

        private static String sqlState(Throwable e) {
            String state = null;
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null) {
                    state = s.getSQLState();
                }
            }
            return state;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || target.isWrapperFor(iface);
        }
    }
}
