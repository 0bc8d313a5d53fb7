package io.nautilus.history.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

class DatabasesTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    @Test
    void opensAPooledPostgresDatabaseWithTheCopySinkAndADescriptionWithoutThePassword() throws Exception {
        try (Databases.Database db = Databases.postgres(PG.url(), PostgresCluster.USER, PG.password(), 3)) {
            assertThat(db.sink()).isInstanceOf(PgCopySink.class);
            assertThat(db.description())
                    .isEqualTo("PostgreSQL 127.0.0.1:" + PG.port() + "/nautilus as nautilus (pool 3, copy)")
                    .doesNotContain(PG.password());
            assertThat(db.probe()).startsWith("PostgreSQL 1");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_user, current_setting('application_name')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("nautilus");
                assertThat(rs.getString(2)).isEqualTo("nautilus-history");
                assertThat(c.unwrap(PGConnection.class)).isNotNull();
            }
        }
    }

    @Test
    void synchronousCommitCanBeSwitchedOffForTheStoresConnectionsInTheUrl() throws Exception {
        try (Databases.Database db = Databases.postgres(PG.url() + "?options=-c%20synchronous_commit%3Doff",
                PostgresCluster.USER, PG.password(), 1);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("off");
        }
    }

    @Test
    void aBatchErrorIsTheFailingEntrysReasonNotTheWholeStatement() {
        SQLException server = new SQLException("ERROR: duplicate key value violates unique constraint \"fills_pk\"\n"
                + "  Detail: Key (core_seq, exec_id)=(1, 2) already exists.", "23505");
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 INSERT INTO fills"
                + " (core_seq, ...) VALUES (1, ...) was aborted: " + server.getMessage()
                + "  Call getNextException to see other errors in the batch.", "23505", new int[0]);
        batch.setNextException(server);

        assertThat(Databases.reason(batch)).isEqualTo("ERROR: duplicate key value violates unique constraint"
                + " \"fills_pk\" Detail: Key (core_seq, exec_id)=(1, 2) already exists.");
    }

    @Test
    void aWrongPasswordGivesOneLineNamingTheDatabaseAndTheServersReason() {
        try (Databases.Database db = Databases.postgres(PG.url(), PostgresCluster.USER, "wrong", 2)) {
            assertThatThrownBy(() -> db.dataSource().getConnection())
                    .isInstanceOf(SQLException.class)
                    .hasMessage("history database PostgreSQL 127.0.0.1:" + PG.port() + "/nautilus as nautilus:"
                            + " FATAL: password authentication failed for user \"nautilus\"")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void aServerThatIsNotThereGivesOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        try (Databases.Database db = Databases.postgres("jdbc:postgresql://127.0.0.1:" + port + "/x", "u", "p", 1)) {
            assertThatThrownBy(() -> db.dataSource().getConnection())
                    .isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("history database PostgreSQL 127.0.0.1:" + port + "/x as u: ")
                    .hasMessageContaining("refused")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void theDatabaseStartsWithoutConnectingSoADownServerDoesNotStopTheStore() {
        try (Databases.Database db = Databases.postgres("jdbc:postgresql://127.0.0.1:1/none", "u", "p", 1)) {
            assertThat(db.description()).isEqualTo("PostgreSQL 127.0.0.1:1/none as u (pool 1, copy)");
        }
    }

    @Test
    void badUrlsAndPoolSizesAreRefusedOnOneLineWithThePasswordMasked() {
        assertThatThrownBy(() -> Databases.postgres("jdbc:mysql://h/db?password=secret", "u", "p", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history database URL 'jdbc:mysql://h/db?password=***' is not a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:port/database)");
        assertThatThrownBy(() -> Databases.postgres("jdbc:postgresql://h:notaport/db", "u", "p", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid PostgreSQL JDBC URL");
        assertThatThrownBy(() -> Databases.postgres(null, "u", "p", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null' is not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> Databases.postgres(PG.url(), "u", "p", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history database pool size 0 must be 1 to 64");
    }

    @Test
    void theReasonIsTheDeepestDatabaseMessageWithItsNetworkCauseOnOneLine() {
        SQLException pool = new java.sql.SQLTransientConnectionException("nautilus-history - Connection is not"
                + " available", new SQLException("The connection attempt failed.", "08001",
                new java.net.UnknownHostException("db.example")));
        assertThat(Databases.reason(pool)).isEqualTo("The connection attempt failed. (UnknownHostException: db.example)");
        assertThat(Databases.reason(new SQLException("FATAL: password authentication failed\n  for user")))
                .isEqualTo("FATAL: password authentication failed for user");
        assertThat(Databases.reason(new RuntimeException(new IllegalStateException("no route\r\nto host"))))
                .isEqualTo("IllegalStateException: no route to host");
    }
}
