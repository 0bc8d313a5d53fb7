package io.nautilus.core.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.AccountRiskView;
import io.nautilus.core.api.AccountView;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.RiskLimitView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fail-safe rules of the risk, instruments and accounts configurations, and the leverage and concentration
 * limits end to end through the core component (journal, risk engine, execution reports).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RiskConfigurationTest {

    static final AccountId ALICE = AccountId.of("alice");
    static final InstrumentId ABC = InstrumentId.of("ABC");
    static final Map<String, Object> INSTRUMENTS = Map.of("ABC.priceScale", "2", "ABC.tickSize", "0.01",
            "XYZ.priceScale", "2", "XYZ.tickSize", "0.05");
    static final Map<String, Object> ACCOUNTS = Map.of("alice.stp", "none", "alice.capital", "1000.00",
            "bob.stp", "cancel-resting");
    static final Map<String, Object> EMPTY_FILE = Map.of("service.pid", "x",
            "felix.fileinstall.filename", "file:/opt/nautilus/etc/x.cfg");

    @TempDir
    Path dir;

    final List<TradingCoreManager> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(TradingCoreManager::deactivate);
    }

    TradingCoreManager start() throws Exception {
        TradingCoreManager core = new TradingCoreManager();
        Map<String, Object> properties = new HashMap<>();
        properties.put("journal.dir", dir.resolve("core").toString());
        properties.put("journal.fsync", "none");
        properties.put("ring.size", 1024);
        properties.put("snapshot.interval.minutes", 0);
        properties.put("clock.tick.ms", 60_000);
        started.add(core);
        core.activate(CoreConfigs.of(properties));
        return core;
    }

    TradingCoreManager configured() throws Exception {
        TradingCoreManager core = start();
        core.applyInstruments(INSTRUMENTS);
        core.applyAccounts(ACCOUNTS);
        return core;
    }

    static CommandResult buy(TradingCoreManager core, long clientId, long price, long qty) throws Exception {
        return core.submit(NewOrder.limit(clientId, ALICE, null, ABC, Side.BUY, price, qty)).get(10, TimeUnit.SECONDS);
    }

    static String rejectText(CommandResult result) {
        return result.reports().get(0).text();
    }

    @Test
    void anEmptyRiskFileKeepsTheLimitsInForce() throws Exception {
        TradingCoreManager core = configured();
        core.applyRiskLimits(Map.of("default.maxOrderQty", "4"));
        long journaled = core.journalInfo().lastSeq();

        assertThatThrownBy(() -> core.applyRiskLimits(EMPTY_FILE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no limits").hasMessageContaining("limits.none = true");

        assertThat(core.riskLimits()).containsExactly(new RiskLimitView("default", "maxOrderQty", "4"));
        assertThat(core.journalInfo().lastSeq()).isEqualTo(journaled);
        assertThat(buy(core, 1, 100_00, 5).rejectDetail()).isEqualTo("maxOrderQty");
    }

    @Test
    void limitsNoneTrueRemovesEveryLimitAndIsJournaled() throws Exception {
        TradingCoreManager core = configured();
        core.applyRiskLimits(Map.of("default.maxOrderQty", "4"));
        long journaled = core.journalInfo().lastSeq();

        core.applyRiskLimits(Map.of("limits.none", "true", "service.pid", "io.nautilus.core.risk"));

        assertThat(core.riskLimits()).isEmpty();
        assertThat(core.journalInfo().lastSeq()).isGreaterThan(journaled);
        assertThat(buy(core, 1, 100_00, 5).accepted()).isTrue();
    }

    @Test
    void aGarbledRiskFileIsAClearErrorAndKeepsThePreviousLimits() throws Exception {
        TradingCoreManager core = configured();
        core.applyRiskLimits(Map.of("default.maxLeverage", "2"));

        assertThatThrownBy(() -> core.applyRiskLimits(Map.of("default.maxLeverage", "two",
                "default.maxOrderQty", "5"))).hasMessage(
                "invalid risk limit default.maxLeverage=two: not a number (or 'unlimited')");

        assertThat(core.riskLimits()).containsExactly(new RiskLimitView("default", "maxLeverage", "2"));
        assertThat(buy(core, 1, 100_00, 21).rejectDetail()).isEqualTo("maxLeverage");
    }

    @Test
    void emptyInstrumentsAndAccountsFilesKeepWhatIsInForce() throws Exception {
        TradingCoreManager core = configured();
        List<Instrument> instruments = core.instruments();
        List<AccountView> accounts = core.accounts();
        long journaled = core.journalInfo().lastSeq();

        assertThatThrownBy(() -> core.applyInstruments(EMPTY_FILE)).hasMessageContaining("no instrument");
        assertThatThrownBy(() -> core.applyAccounts(EMPTY_FILE)).hasMessageContaining("no account");

        assertThat(core.instruments()).isEqualTo(instruments);
        assertThat(core.accounts()).isEqualTo(accounts);
        assertThat(core.journalInfo().lastSeq()).isEqualTo(journaled);
        assertThat(buy(core, 1, 100_00, 1).accepted()).isTrue();
    }

    @Test
    void leverageRejectsWithTheLimitAndTheWouldBeValue() throws Exception {
        TradingCoreManager core = configured();
        core.applyRiskLimits(Map.of("default.maxLeverage", "2"));

        CommandResult tooMuch = buy(core, 1, 100_00, 21);                 // 2100.00 over 1000.00

        assertThat(tooMuch.rejectReason()).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(tooMuch.describe()).isEqualTo("rejected: risk limit (maxLeverage: limit 2.0000, would be 2.1000)");
        assertThat(rejectText(tooMuch)).isEqualTo("risk limit (maxLeverage: limit 2.0000, would be 2.1000)");
        assertThat(buy(core, 2, 100_00, 20).accepted()).isTrue();          // 2000.00: at the limit
        assertThat(core.accountRisk()).filteredOn(a -> a.account().equals("alice")).singleElement()
                .isEqualTo(new AccountRiskView("alice", 2, 100_000, 100_000, 200_000, 20_000, "ABC", 10_000));
    }

    @Test
    void concentrationRejectsAboveTheMinimumExposureOnly() throws Exception {
        TradingCoreManager core = configured();
        core.applyRiskLimits(Map.of("default.maxConcentration", "0.5", "default.minConcentrationExposure", "1000"));

        assertThat(buy(core, 1, 100_00, 10).accepted()).as("a first order at the minimum").isTrue();
        CommandResult concentrated = buy(core, 2, 100_00, 1);

        assertThat(concentrated.describe())
                .isEqualTo("rejected: risk limit (maxConcentration: limit 0.5000, would be 1.0000)");
        assertThat(rejectText(concentrated)).contains("maxConcentration: limit 0.5000, would be 1.0000");
    }

    @Test
    void capitalIsHotReloadedJournaledAndRecoveredFromSnapshotAndJournal() throws Exception {
        TradingCoreManager core = configured();
        core.applyRiskLimits(Map.of("default.maxLeverage", "2"));
        assertThat(buy(core, 1, 100_00, 30).rejectDetail()).isEqualTo("maxLeverage");

        core.applyAccounts(Map.of("alice.stp", "none", "alice.capital", "1500", "bob.stp", "cancel-resting"));

        assertThat(buy(core, 2, 100_00, 30).accepted()).isTrue();         // 3000.00 over 1500.00
        assertThatThrownBy(() -> core.applyAccounts(Map.of("alice.capital", "much")))
                .hasMessageContaining("account alice: capital 'much'");
        assertThat(core.snapshot().get(10, TimeUnit.SECONDS)).isPositive();
        core.applyAccounts(Map.of("alice.capital", "2000", "bob.stp", "cancel-resting")); // after the snapshot
        core.deactivate();
        started.clear();

        TradingCoreManager second = start();
        assertThat(second.journalInfo().lastSnapshotSeq()).as("recovered from the snapshot").isPositive();
        assertThat(second.journalInfo().toString()).doesNotContain("could not be loaded").doesNotContain("invalid")
                .doesNotContain("cannot be read");
        assertThat(second.accountRisk()).filteredOn(a -> a.account().equals("alice")).singleElement()
                .satisfies(a -> {
                    assertThat(a.capital()).isEqualTo(200_000);
                    assertThat(a.grossExposure()).isEqualTo(300_000);
                });
        assertThat(second.riskLimits()).containsExactly(new RiskLimitView("default", "maxLeverage", "2"));
    }
}
