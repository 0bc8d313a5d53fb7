package io.nautilus.core.internal;

import io.nautilus.api.alert.RecordingAlertService;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CoreTradingState;
import io.nautilus.core.api.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trading core's alerts through a recording {@link AlertService}: breaches of lowered limits, risk rejects,
 * trading states and kill switches, recovery, journal and snapshot failures; nothing on accepted orders.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoreAlertsTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final InstrumentId ABC = InstrumentId.of("ABC");

    @TempDir
    Path dir;

    final RecordingAlertService alerts = new RecordingAlertService();
    final List<TradingCoreManager> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(TradingCoreManager::deactivate);
    }

    TradingCoreManager start() throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        core.bindAlertService(alerts);
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        started.add(core);
        core.activate(CoreConfigs.of(properties));
        core.applyInstruments(Map.of("ABC.priceScale", "2", "ABC.tickSize", "0.01"));
        core.applyAccounts(Map.of("alice.stp", "none", "alice.capital", "1000.00", "bob.stp", "none",
                "bob.capital", "1000.00"));
        return core;
    }

    static CommandResult order(TradingCoreManager core, AccountId account, long clientId, Side side, long price,
                               long qty) throws Exception {
        return core.submit(NewOrder.limit(clientId, account, null, ABC, side, price, qty)).get(10, TimeUnit.SECONDS);
    }

    /** Alice long 5 ABC at 100.00, Bob short 5. */
    static void aliceLongFive(TradingCoreManager core) throws Exception {
        assertThat(order(core, BOB, 1, Side.SELL, 100_00, 5).accepted()).isTrue();
        assertThat(order(core, ALICE, 2, Side.BUY, 100_00, 5).accepted()).isTrue();
    }

    @Test
    void aLimitLoweredBelowAPositionRaisesACriticalBreachAndRaisingItResolvesIt() throws Exception {
        TradingCoreManager core = start();
        aliceLongFive(core);

        core.applyRiskLimits(Map.of("default.maxLong", "2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !alerts.raised("risk-breach:").isEmpty());
        Alert breach = alerts.raised("risk-breach:").get(0);
        assertThat(breach.key()).isEqualTo("risk-breach:alice:ABC:maxLong");
        assertThat(breach.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(breach.source()).isEqualTo(AlertService.CORE);
        assertThat(breach.labels()).containsEntry(Alert.ACCOUNT, "alice").containsEntry(Alert.INSTRUMENT, "ABC");
        assertThat(breach.text()).contains("long position 5 is beyond maxLong 2");

        core.applyRiskLimits(Map.of("default.maxLong", "10"));

        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.resolved().stream()
                .anyMatch(r -> r.startsWith("risk-breach:alice:ABC:maxLong | back within the limit")));
        assertThat(alerts.raised("risk-breach:")).hasSize(1);
    }

    @Test
    void aGrossExposureLimitLoweredBelowTheAccountsExposureIsAnAccountBreach() throws Exception {
        TradingCoreManager core = start();
        aliceLongFive(core);

        core.applyRiskLimits(Map.of("default.maxGrossExposure", "100"));

        await().atMost(Duration.ofSeconds(10)).until(() -> alerts.raised("risk-breach:").size() == 2);
        assertThat(alerts.raised("risk-breach:")).extracting(Alert::key)
                .containsExactlyInAnyOrder("risk-breach:alice:maxGrossExposure", "risk-breach:bob:maxGrossExposure");
        assertThat(alerts.raised("risk-breach:alice").get(0).text())
                .contains("gross exposure of the positions at mark 500.00 is beyond maxGrossExposure 100.00");
    }

    @Test
    void everyRiskRejectRaisesOneAlertKeyedByAccountAndLimit() throws Exception {
        TradingCoreManager core = start();
        core.applyRiskLimits(Map.of("default.maxOrderQty", "4"));

        order(core, ALICE, 1, Side.BUY, 100_00, 5);
        order(core, ALICE, 2, Side.BUY, 100_00, 6);

        List<Alert> rejects = alerts.raised("risk-reject:");
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(0).key()).isEqualTo("risk-reject:alice:maxOrderQty");
        assertThat(rejects.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(rejects.get(0).labels()).containsEntry(Alert.ACCOUNT, "alice").containsEntry(Alert.INSTRUMENT, "ABC");
        assertThat(rejects.get(1).text()).contains("risk limit (maxOrderQty: limit 4, would be 6)");
    }

    @Test
    void acceptedOrdersRaiseNothing() throws Exception {
        TradingCoreManager core = start();
        int before = alerts.raised().size();

        aliceLongFive(core);

        assertThat(alerts.raised().subList(before, alerts.raised().size())).isEmpty();
    }

    @Test
    void haltedIsCriticalReducingAWarningAndActiveResolves() throws Exception {
        TradingCoreManager core = start();
        Scope alice = new Scope(ALICE, null);

        core.setTradingState(alice, CoreTradingState.HALTED).get(10, TimeUnit.SECONDS);
        core.setTradingState(new Scope(null, ABC), CoreTradingState.REDUCING).get(10, TimeUnit.SECONDS);
        core.setTradingState(alice, CoreTradingState.ACTIVE).get(10, TimeUnit.SECONDS);

        List<Alert> states = alerts.raised("trading-state:");
        assertThat(states).extracting(Alert::key, Alert::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("trading-state:alice", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("trading-state:*:ABC", Severity.WARNING));
        assertThat(states.get(1).labels()).containsEntry(Alert.INSTRUMENT, "ABC").doesNotContainKey(Alert.ACCOUNT);
        assertThat(alerts.resolved()).contains("trading-state:alice | account alice is ACTIVE again");
    }

    @Test
    void theKillSwitchIsCriticalAndResolvedWhenTheStateIsSetAgain() throws Exception {
        TradingCoreManager core = start();

        core.kill(new Scope(null, null)).get(10, TimeUnit.SECONDS);
        CommandResult rejected = order(core, ALICE, 1, Side.BUY, 100_00, 1);
        core.setTradingState(new Scope(null, null), CoreTradingState.ACTIVE).get(10, TimeUnit.SECONDS);

        assertThat(rejected.accepted()).isFalse();
        Alert kill = alerts.raised("kill-switch:").get(0);
        assertThat(kill.key()).isEqualTo("kill-switch:global");
        assertThat(kill.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alerts.raised("risk-reject:alice:killSwitch")).singleElement()
                .extracting(Alert::severity).isEqualTo(Severity.INFO);
        assertThat(alerts.resolved()).anyMatch(r -> r.startsWith("kill-switch:global | "));
    }

    @Test
    void aRestartReportsTheRecoveryAndRaisesStatesStillHalted() throws Exception {
        TradingCoreManager core = start();
        core.setTradingState(new Scope(ALICE, null), CoreTradingState.HALTED).get(10, TimeUnit.SECONDS);
        core.deactivate();
        started.clear();

        start();

        assertThat(alerts.raised(CoreAlerts.RECOVERED)).hasSize(2);
        assertThat(alerts.raised(CoreAlerts.RECOVERED).get(1).text()).startsWith("trading core started: recovered to seq");
        assertThat(alerts.raised("trading-state:alice")).hasSize(2);
        assertThat(alerts.resolved()).anyMatch(r -> r.startsWith(CoreAlerts.RECOVERY_FAILED + " | "));
    }

    @Test
    void aJournalFailureIsRaisedOnceAndSnapshotFailuresResolveOnTheNextSnapshot() {
        CoreAlerts core = new CoreAlerts();
        core.bind(alerts);

        core.pipeline(new IOException("disk full"), 0, 0, 10);
        core.pipeline(new IOException("disk full"), 0, 1, 10);
        core.pipeline(new IOException("disk full"), 0, 1, 20);

        assertThat(alerts.raised(CoreAlerts.JOURNAL_FAILED)).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("disk full"))
                .extracting(Alert::severity).isEqualTo(Severity.CRITICAL);
        assertThat(alerts.raised(CoreAlerts.SNAPSHOT_FAILED)).hasSize(1);
        assertThat(alerts.resolved()).containsExactly(CoreAlerts.SNAPSHOT_FAILED + " | snapshot at seq 20 written");
    }

    @Test
    void aFailingAlertServiceNeverReachesTheEngine() throws Exception {
        TradingCoreManager core = start();
        core.unbindAlertService(alerts);
        core.bindAlertService(new AlertService() {
            @Override
            public void raise(Alert alert) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void resolve(String key, String reason) {
                throw new IllegalStateException("broken");
            }
        });
        core.applyRiskLimits(Map.of("default.maxOrderQty", "4"));

        assertThat(order(core, ALICE, 1, Side.BUY, 100_00, 5).accepted()).isFalse();
        assertThat(core.setTradingState(new Scope(ALICE, null), CoreTradingState.HALTED).get(10, TimeUnit.SECONDS)
                .accepted()).isTrue();
        assertThat(order(core, ALICE, 2, Side.BUY, 100_00, 1).rejectDetail()).isEqualTo("halted");
    }
}
