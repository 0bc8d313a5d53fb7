package io.nautilus.history.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresClusterTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    @Test
    void servesTheTestDatabaseOnLoopbackWithPasswordLogins() throws SQLException {
        assertThat(PG.url()).isEqualTo("jdbc:postgresql://127.0.0.1:" + PG.port() + "/nautilus");
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, current_database(), inet_server_addr()::text,"
                     + " current_setting('password_encryption'), current_setting('server_encoding')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("nautilus");
            assertThat(rs.getString(2)).isEqualTo("nautilus");
            assertThat(rs.getString(3)).startsWith("127.0.0.1");
            assertThat(rs.getString(4)).isEqualTo("scram-sha-256");
            assertThat(rs.getString(5)).isEqualTo("UTF8");
        }
        org.postgresql.ds.PGSimpleDataSource wrong = new org.postgresql.ds.PGSimpleDataSource();
        wrong.setURL(PG.url());
        wrong.setUser(PostgresCluster.USER);
        wrong.setPassword("wrong");
        assertThatThrownBy(wrong::getConnection).hasMessageContaining("password authentication failed");
    }

    @Test
    void canBeStoppedAndStartedAgainOnTheSamePortAndData() throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (x INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }
        PG.stop();
        assertThat(PG.running()).isFalse();
        assertThatThrownBy(() -> PG.dataSource().getConnection()).isInstanceOf(SQLException.class);
        PG.start();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(x) FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(42);
        }
    }

    @Test
    void theClusterOfAJvmThatDiedIsStoppedAndDeletedByTheNextOne() throws Exception {
        PostgresCluster orphan = new PostgresCluster().init();
        Path folder = folderOf(orphan);
        Process dead = new ProcessBuilder("true").start();
        assertThat(dead.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(folder.resolve("owner.pid"), Long.toString(dead.pid()));

        try (PostgresCluster next = new PostgresCluster().init()) {
            assertThat(folder).doesNotExist();
            assertThatThrownBy(() -> orphan.dataSource().getConnection()).isInstanceOf(SQLException.class);
            try (Connection c = next.dataSource().getConnection()) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            orphan.close();
        }
        assertThat(folderOf(PG)).isDirectory();
    }

    private static Path folderOf(PostgresCluster cluster) throws SQLException {
        try (Connection c = cluster.superDataSource("postgres").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            return Paths.get(rs.getString(1)).getParent();
        }
    }
}
