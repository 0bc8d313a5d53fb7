package io.nautilus.history.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that can be taken down: while down it refuses connections, and going down closes the connections
 * it handed out, so that a write in progress fails as it would when the database goes away.
 */
final class FlakyDataSource implements DataSource {

    private final DataSource target;
    private final List<Connection> handedOut = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    FlakyDataSource(DataSource target) {
        this.target = target;
    }

    void down() throws SQLException {
        down = true;
        for (Connection c : handedOut) {
            c.close();
        }
        handedOut.clear();
    }

    void up() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLException("database is down (test)");
        }
        Connection c = target.getConnection();
        handedOut.add(c);
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
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
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
