package io.nautilus.benchmarks.history;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The commit hook the history writer lacks, at the JDBC level: a data source whose connections note the core seq
 * the writer moves its progress row to ({@code UPDATE store_progress SET core_seq = ?}, its first parameter) and,
 * when that transaction's {@code commit()} returns, the time ({@link System#nanoTime()}). Each entry then says:
 * every result up to this seq was committed at this time. Only the connection and that one statement are wrapped
 * (the rows' statements and {@code COPY} go to the real connection through {@code unwrap}), so the writer's own
 * work is unchanged. Entries are written by the writer thread only and read after it stopped.
 */
final class CommitClock implements DataSource {

    private final DataSource delegate;
    private long[] seqs = new long[1 << 16];
    private long[] nanos = new long[1 << 16];
    private int size;

    CommitClock(DataSource delegate) {
        this.delegate = delegate;
    }

    /** @return commits noted */
    int size() {
        return size;
    }

    /** @return the progress seq of commit {@code i} */
    long seq(int i) {
        return seqs[i];
    }

    /** @return when commit {@code i} returned, {@link System#nanoTime()} */
    long nanos(int i) {
        return nanos[i];
    }

    private void committed(long seq, long at) {
        if (size == seqs.length) {
            seqs = Arrays.copyOf(seqs, size * 2);
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        seqs[size] = seq;
        nanos[size] = at;
        size++;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection real) {
        long[] pending = {-1};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") && args.length == 1 && args[0] instanceof String sql
                    && sql.startsWith("UPDATE store_progress")) {
                PreparedStatement statement = real.prepareStatement(sql);
                return Proxy.newProxyInstance(CommitClock.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                            if (m.getName().equals("setLong") && (Integer) a[0] == 1) {
                                pending[0] = (Long) a[1];
                            }
                            return call(m, statement, a);
                        });
            }
            if (name.equals("rollback") && (args == null || args.length == 0)) {
                pending[0] = -1;
            }
            Object result = call(method, real, args);
            if (name.equals("commit") && pending[0] >= 0) {
                committed(pending[0], System.nanoTime());
                pending[0] = -1;
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(CommitClock.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
