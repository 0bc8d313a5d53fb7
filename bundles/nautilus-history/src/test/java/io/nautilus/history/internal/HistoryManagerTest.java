package io.nautilus.history.internal;

import static io.nautilus.history.internal.Reports.ACC1;
import static io.nautilus.history.internal.Reports.BTC;
import static io.nautilus.history.internal.Reports.T0;
import static io.nautilus.history.internal.Reports.accepted;
import static io.nautilus.history.internal.Reports.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nautilus.api.Side;
import io.nautilus.core.api.CommandResult;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryStatus;
import io.nautilus.history.api.HistoryUnavailableException;
import io.nautilus.history.api.NotificationRecord;
import io.nautilus.marketdata.api.BarSpec;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryManagerTest {

    @TempDir
    Path dir;

    private final HistoryManager manager = new HistoryManager();

    @AfterEach
    void stop() {
        manager.deactivate();
    }

    /** The component's configuration: the Metatype defaults, with some keys overridden (by method name). */
    private static HistoryConfig config(Map<String, Object> values) {
        return (HistoryConfig) Proxy.newProxyInstance(HistoryConfig.class.getClassLoader(),
                new Class<?>[] {HistoryConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void theDefaultConfigurationWritesTheCoresResultsToTheEmbeddedDatabaseInTheFolder() {
        manager.activate(config(Map.of("folder", dir.resolve("history").toString())), null);
        manager.onCommandResult(result(1, accepted(1, 1, 1, ACC1, BTC, Side.BUY, 1_000, T0)));

        await().atMost(Duration.ofSeconds(15)).until(() -> manager.status().writtenSeq() == 1);
        HistoryStatus status = manager.status();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.database()).isEqualTo("H2 " + dir.resolve("history"));
        assertThat(manager.orders(HistoryQuery.all())).hasSize(1);
        assertThat(Files.exists(dir.resolve("history").resolve("history.mv.db"))).isTrue();

        manager.deactivate();
        assertThat(manager.status().state()).isEqualTo("STOPPED");
        assertThatThrownBy(() -> manager.fills(HistoryQuery.all())).isInstanceOf(HistoryUnavailableException.class)
                .hasMessage("the history store is STOPPED");
    }

    @Test
    void notificationRecordsAndLabelledAlertsGoThroughTheRunningStore() {
        manager.activate(config(Map.of("folder", dir.toString())), null);
        io.nautilus.api.alert.Alert alert = new io.nautilus.api.alert.Alert("venue-down:CME",
                io.nautilus.api.alert.Severity.CRITICAL, "venues", "CME logged out", T0, Map.of("venue", "CME"));
        NotificationRecord ack = new NotificationRecord(0, T0 + 1, "ACKNOWLEDGED", 1, "venue-down:CME", "", "", 0, "",
                "on it", "alice");

        assertThat(manager.recordAlert(alert)).isTrue();
        assertThat(manager.recordNotification(ack)).isTrue();

        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(HistoryUnavailableException.class)
                .until(() -> manager.notifications(HistoryQuery.all()).size() == 1);
        NotificationRecord stored = manager.notifications(HistoryQuery.all()).get(0);
        assertThat(stored.id()).isPositive();
        assertThat(stored).isEqualTo(new NotificationRecord(stored.id(), T0 + 1, "ACKNOWLEDGED", 1, "venue-down:CME",
                "", "", 0, "", "on it", "alice"));
        assertThat(manager.alerts(HistoryQuery.all())).extracting(r -> r.alert()).containsExactly(alert);
    }

    @Test
    void aRestartForAConfigurationChangeLosesNothingAndWritesNothingTwice() throws Exception {
        ListJournal journal = new ListJournal();
        java.lang.reflect.Field field = HistoryManager.class.getDeclaredField("journal");
        field.setAccessible(true);
        field.set(manager, journal);
        HistoryConfig config = config(Map.of("folder", dir.toString(), "batch_size", 2));
        manager.activate(config, null);
        for (long seq = 1; seq <= 5; seq++) {
            CommandResult r = result(seq, accepted(seq, 1, seq, ACC1, BTC, Side.BUY, 1_000, T0 + seq));
            journal.onCommandResult(r);
            manager.onCommandResult(r);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> manager.status().writtenSeq() == 5);

        manager.deactivate();
        for (long seq = 6; seq <= 9; seq++) {
            CommandResult r = result(seq, accepted(seq, 1, seq, ACC1, BTC, Side.BUY, 1_000, T0 + seq));
            journal.onCommandResult(r);
            manager.onCommandResult(r);
        }
        manager.activate(config, null);
        CommandResult live = result(10, accepted(10, 1, 10, ACC1, BTC, Side.BUY, 1_000, T0 + 10));
        journal.onCommandResult(live);
        manager.onCommandResult(live);

        await().atMost(Duration.ofSeconds(15)).until(() -> manager.status().writtenSeq() == 10);
        assertThat(manager.orders(HistoryQuery.all())).extracting(o -> o.coreSeq())
                .containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(manager.status().catchUps()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> Long.valueOf(10).equals(journal.heldAt(HistoryWriter.HOLDER)));

        manager.deactivate();
        manager.activate(config(Map.of("enabled", false, "folder", dir.toString())), null);
        assertThat(journal.heldAt(HistoryWriter.HOLDER)).as("released when switched off").isNull();
    }

    @Test
    void switchedOffTheStoreSaysSoAndTakesNothing() {
        manager.activate(config(Map.of("enabled", false, "folder", dir.toString())), null);
        manager.onCommandResult(result(1, accepted(1, 1, 1, ACC1, BTC, Side.BUY, 1_000, T0)));

        assertThat(manager.status().state()).isEqualTo("DISABLED");
        assertThat(manager.status().lastError()).isEqualTo("switched off (enabled = false in"
                + " etc/io.nautilus.history.cfg)");
        assertThat(manager.recordAlert(new io.nautilus.api.alert.Alert("k", io.nautilus.api.alert.Severity.INFO,
                "test", "text", T0))).isFalse();
        assertThat(manager.recordNotification(new io.nautilus.history.api.NotificationRecord(0, T0, "ACKNOWLEDGED",
                1, "k", "", "", 0, "", "", "karaf"))).isFalse();
        assertThatThrownBy(() -> manager.orders(HistoryQuery.all())).isInstanceOf(HistoryUnavailableException.class)
                .hasMessageContaining("DISABLED: switched off");
        assertThatThrownBy(() -> manager.notifications(HistoryQuery.all()))
                .isInstanceOf(HistoryUnavailableException.class).hasMessageContaining("DISABLED: switched off");
        assertThat(dir.resolve("history.mv.db")).doesNotExist();
    }

    @Test
    void aConfigurationItCannotUseDisablesTheStoreWithOneClearLine() {
        manager.activate(config(Map.of("url", "jdbc:mysql://db/x", "folder", dir.toString())), null);
        assertThat(manager.status().state()).isEqualTo("DISABLED");
        assertThat(manager.status().lastError()).isEqualTo("cannot start with etc/io.nautilus.history.cfg: history"
                + " database URL 'jdbc:mysql:...' is not supported: use jdbc:postgresql://host:port/database,"
                + " jdbc:h2:..., or an empty url for the embedded database in the folder");
        manager.deactivate();

        manager.activate(config(Map.of("url", "jdbc:postgresql://db/x?password=secret", "poolSize", 0,
                "folder", dir.toString())), null);
        assertThat(manager.status().state()).isEqualTo("DISABLED");
        assertThat(manager.status().lastError()).isEqualTo("cannot start with etc/io.nautilus.history.cfg: history"
                + " database pool size 0 must be 1 to 64");
        manager.deactivate();

        manager.activate(config(Map.of("queue_capacity", 0, "folder", dir.toString())), null);
        assertThat(manager.status().lastError()).contains("queue capacity 0");
        manager.deactivate();

        manager.activate(config(Map.of("positions_snapshot_interval_seconds", -1, "folder", dir.toString())), null);
        assertThat(manager.status().lastError()).contains("positions.snapshot.interval.seconds -1 must be 0 (off)");
    }

    @Test
    void barIntervalsReadAsTheMarketDataConfigurationWritesThem() {
        assertThat(HistoryManager.interval(BarSpec.time(60_000_000_000L))).isEqualTo("time:1m");
        assertThat(HistoryManager.interval(BarSpec.time(3_600_000_000_000L))).isEqualTo("time:1h");
        assertThat(HistoryManager.interval(BarSpec.time(90_000_000_000L))).isEqualTo("time:90s");
        assertThat(HistoryManager.interval(BarSpec.time(250_000_000L))).isEqualTo("time:250ms");
        assertThat(HistoryManager.interval(BarSpec.time(1_500L))).isEqualTo("time:1500ns");
        assertThat(HistoryManager.interval(BarSpec.ticks(100))).isEqualTo("ticks:100");
        assertThat(HistoryManager.interval(BarSpec.volume(5_000))).isEqualTo("volume:5000");
    }
}
