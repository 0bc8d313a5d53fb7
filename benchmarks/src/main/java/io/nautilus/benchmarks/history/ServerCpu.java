package io.nautilus.benchmarks.history;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * CPU time of a local PostgreSQL server's processes (the postmaster and its children: backends, WAL writer,
 * checkpointer, ...) from {@code /proc}, to tell the database's share of the machine from the writer's.
 */
final class ServerCpu {

    private static final double NANOS_PER_TICK = 1e9 / 100;

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /**
     * @param ds a data source of the server (on this machine)
     * @return its CPU meter, or null if the server's processes cannot be read
     */
    static ServerCpu of(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long[] stat = stat(Path.of("/proc", Integer.toString(rs.getInt(1)), "stat"));
            return stat == null ? null : new ServerCpu(stat[0]);
        } catch (SQLException e) {
            return null;
        }
    }

    /** @return CPU nanoseconds used so far by the postmaster and its children alive now */
    long nanos() {
        long ticks = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                long[] stat = stat(p.resolve("stat"));
                if (stat != null && (stat[0] == postmaster || Long.parseLong(p.getFileName().toString())
                        == postmaster)) {
                    ticks += stat[1];
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return (long) (ticks * NANOS_PER_TICK);
    }

    /** @return {parent pid, utime + stime in clock ticks}, or null */
    private static long[] stat(Path file) {
        try {
            String text = Files.readString(file);
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
