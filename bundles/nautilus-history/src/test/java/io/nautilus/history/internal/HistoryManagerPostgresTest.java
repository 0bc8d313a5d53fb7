package io.nautilus.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.core.internal.RealCore;
import io.nautilus.core.internal.TradingCoreManager;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.internal.db.PostgresCluster;
import io.nautilus.history.internal.db.SchemaMigrator;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history store's DS component on a real PostgreSQL (a private cluster) with the real trading core: the core
 * publishes its results to the component and offers its journal as {@code JournalHistory}, as in the platform.
 */
class HistoryManagerPostgresTest {

    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    private static final InstrumentId ABC = InstrumentId.of("ABC");
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final StrategyId S1 = StrategyId.of("s1");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private String database;
    private TradingCoreManager core;
    private final HistoryManager manager = new HistoryManager();
    private long clientOrderId = 1;

    @BeforeEach
    void start(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        database = "m_" + name.substring(0, Math.min(name.length(), 58));
        PG.createDatabase(database);
        core = RealCore.start(dir.resolve("core"), report -> { },
                Map.of("ABC.priceScale", "2", "ABC.quantityScale", "3", "ABC.tickSize", "0.01", "ABC.lotSize",
                        "0.001"),
                Map.of("alice.stp", "none", "bob.stp", "none"), Map.of());
        for (String field : List.of("core", "coreAdmin", "journal")) {
            Field f = HistoryManager.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(manager, core);
        }
        Method add = TradingCoreManager.class.getDeclaredMethod("addResultListener", CommandResultListener.class);
        add.setAccessible(true);
        add.invoke(core, manager);
    }

    @AfterEach
    void stop() {
        PG.start();
        manager.deactivate();
        RealCore.stop(core);
    }

    private void activate(String password) {
        activate(password, 2);
    }

    private void activate(String password, int poolSize) {
        Map<String, Object> values = new HashMap<>();
        values.put("url", PG.url(database));
        values.put("user", PostgresCluster.USER);
        values.put("password", password);
        values.put("poolSize", poolSize);
        values.put("folder", dir.resolve("unused").toString());
        HistoryConfig config = (HistoryConfig) Proxy.newProxyInstance(HistoryConfig.class.getClassLoader(),
                new Class<?>[] {HistoryConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> manager.activate(config, null),
                "activation must not wait for the database");
    }

    /**
     * Trades: alice rests sells, bob takes each with a buy; every pair is two fills (maker and taker).
     *
     * @return the seq of the last command
     */
    private long trade(int pairs) throws Exception {
        List<CompletableFuture<CommandResult>> pending = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            long price = 10_000 + i % 50;
            long qty = 1_000 + i % 7;
            pending.add(core.submit(NewOrder.limit(clientOrderId++, ALICE, S1, ABC, Side.SELL, price, qty)));
            pending.add(core.submit(NewOrder.limit(clientOrderId++, BOB, S1, ABC, Side.BUY, price, qty)));
        }
        long last = 0;
        for (CompletableFuture<CommandResult> f : pending) {
            CommandResult r = f.get(10, TimeUnit.SECONDS);
            assertThat(r.rejectReason()).isEqualTo(RejectReason.NONE);
            last = Math.max(last, r.seq());
        }
        return last;
    }

    /** Every fill the core's journal holds, as the store's columns: seq, exec id, order, account, side, price... */
    private List<String> journalFills() throws Exception {
        List<String> fills = new ArrayList<>();
        core.replay(0, Long.MAX_VALUE, new CommandResultListener() {
            @Override
            public void onCommandResult(CommandResult result) {
                for (ExecutionReport r : result.reports()) {
                    if (r.isFill()) {
                        fills.add(result.seq() + "|" + r.execId() + "|" + r.orderId() + "|" + r.clientOrderId() + "|"
                                + r.account().value() + "|" + r.instrument().value() + "|" + r.side() + "|"
                                + r.lastPrice() + "|" + r.lastQuantity() + "|" + r.liquidity() + "|"
                                + r.transactTimeNanos());
                    }
                }
            }
        });
        return fills;
    }

    private List<String> storedFills() throws SQLException {
        List<String> fills = new ArrayList<>();
        DataSource ds = PG.dataSource(database);
        for (Map<String, Object> row : Sql.rows(ds, "SELECT core_seq, exec_id, order_id, client_order_id, account,"
                + " instrument, side, price, qty, liquidity, fill_time_nanos, price_scale, qty_scale FROM fills"
                + " ORDER BY core_seq, exec_id")) {
            assertThat(row).containsEntry("price_scale", 2).containsEntry("qty_scale", 3);
            fills.add(row.get("core_seq") + "|" + row.get("exec_id") + "|" + row.get("order_id") + "|"
                    + row.get("client_order_id") + "|" + row.get("account") + "|" + row.get("instrument") + "|"
                    + row.get("side") + "|" + row.get("price") + "|" + row.get("qty") + "|" + row.get("liquidity")
                    + "|" + row.get("fill_time_nanos"));
        }
        return fills;
    }

    private void awaitWritten(long seq) {
        await().atMost(WAIT).until(() -> {
            HistoryStatus s = manager.status();
            return s.writtenSeq() >= seq && s.behindFromSeq() == HistoryWriter.NOT_BEHIND && s.queued() == 0;
        });
    }

    private void assertStoreHoldsExactlyTheJournalsFills(int pairs) throws Exception {
        List<String> journal = journalFills();
        assertThat(journal).hasSize(2 * pairs);
        assertThat(storedFills()).containsExactlyElementsOf(journal);
        DataSource ds = PG.dataSource(database);
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders")).isEqualTo(Sql.count(ds,
                "SELECT COUNT(DISTINCT exec_id) FROM orders"));
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM orders WHERE exec_type IN ('FILL', 'PARTIAL_FILL')"))
                .isEqualTo(2L * pairs);
    }

    @Test
    void aBurstOfRealTradingLandsInPostgresExactlyAsTheJournalHoldsIt() throws Exception {
        activate(PG.password(), 1);
        long last = trade(1_500);

        awaitWritten(last);
        HistoryStatus status = manager.status();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.database()).isEqualTo("PostgreSQL 127.0.0.1:" + PG.port() + "/" + database
                + " as nautilus (pool 1, copy)");
        assertThat(status.schemaVersion()).isEqualTo(SchemaMigrator.current().latestVersion());
        assertThat(status.errors()).isZero();
        assertStoreHoldsExactlyTheJournalsFills(1_500);
        assertThat(Sql.count(PG.dataSource(database), "SELECT COUNT(*) FROM instruments")).isEqualTo(1);
        assertThat(Sql.count(PG.dataSource(database), "SELECT COUNT(*) FROM accounts")).isEqualTo(2);
    }

    @Test
    void aDatabaseDownAtStartDoesNotStopTradingAndIsCaughtUpWhenItComesBack() throws Exception {
        PG.stop();
        activate(PG.password());
        long last = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trade(1_000));

        await().atMost(WAIT).until(() -> manager.status().errors() >= 1);
        HistoryStatus down = manager.status();
        assertThat(down.state()).isEqualTo("RETRYING");
        assertThat(down.writtenSeq()).isZero();
        assertThat(down.lastError()).startsWith("history database PostgreSQL 127.0.0.1:" + PG.port() + "/"
                + database + " as nautilus: ").doesNotContain("\n");

        PG.start();
        awaitWritten(last);
        assertThat(manager.status().state()).isEqualTo("RUNNING");
        assertStoreHoldsExactlyTheJournalsFills(1_000);
    }

    @Test
    void aDatabaseStoppedMidBurstIsCaughtUpWithoutDuplicates() throws Exception {
        activate(PG.password());
        long first = trade(500);
        awaitWritten(first);

        PG.stop();
        long last = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trade(1_500));
        await().atMost(WAIT).until(() -> manager.status().errors() >= 1);
        assertThat(manager.status().writtenSeq()).isLessThan(last);

        PG.start();
        awaitWritten(last);
        assertStoreHoldsExactlyTheJournalsFills(2_000);
        assertThat(manager.status().state()).isEqualTo("RUNNING");
    }

    @Test
    void aWrongPasswordIsOneClearLineTheStoreRetriesAndTradingGoesOn() throws Exception {
        activate("not-the-password");
        long last = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trade(200));

        await().atMost(WAIT).until(() -> manager.status().errors() >= 1);
        HistoryStatus status = manager.status();
        assertThat(status.state()).isEqualTo("RETRYING");
        assertThat(status.lastError()).isEqualTo("history database PostgreSQL 127.0.0.1:" + PG.port() + "/"
                + database + " as nautilus: FATAL: password authentication failed for user \"nautilus\"");
        assertThat(status.writtenSeq()).isZero();
        assertThat(status.coreSeq()).isEqualTo(last);
        assertThat(journalFills()).hasSize(400);
    }

    @Test
    void aSchemaNewerThanTheCodeDisablesTheStoreNamingTheVersionAndTradingGoesOn() throws Exception {
        DataSource ds = PG.dataSource(database);
        SchemaMigrator.current().migrate(ds);
        Sql.execute(ds, "INSERT INTO schema_version (version, description, checksum, applied_at)"
                + " VALUES (99, 'from a newer Nautilus', 'x', CURRENT_TIMESTAMP)");

        activate(PG.password());
        await().atMost(WAIT).until(() -> "DISABLED".equals(manager.status().state()));
        long last = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trade(100));

        HistoryStatus status = manager.status();
        assertThat(status.lastError()).isEqualTo("the history database's schema version 99 is newer than this"
                + " code knows (" + SchemaMigrator.current().latestVersion() + "); use a newer Nautilus or another"
                + " database");
        assertThat(status.writtenSeq()).isZero();
        assertThat(Sql.count(ds, "SELECT COUNT(*) FROM fills")).isZero();
        assertThat(journalFills()).hasSize(200);
        assertThat(last).isPositive();
    }
}
