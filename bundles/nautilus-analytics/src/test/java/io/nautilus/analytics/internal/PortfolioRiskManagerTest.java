package io.nautilus.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.risk.Exposure;
import io.nautilus.analytics.api.risk.RiskReport;
import io.nautilus.analytics.api.risk.StressImpact;
import io.nautilus.analytics.api.risk.StressReport;
import io.nautilus.analytics.api.risk.VarEstimate;
import io.nautilus.analytics.api.risk.VarMethod;
import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;
import io.nautilus.history.api.AccountRecord;
import io.nautilus.history.api.BarRecord;
import io.nautilus.history.api.HistoryQuery;
import io.nautilus.history.api.HistoryService;
import io.nautilus.history.api.PositionSnapshot;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portfolio risk service over a stand-in core and history store: report, stress, account performance. */
class PortfolioRiskManagerTest {

    private static final Instrument BTC = new Instrument(InstrumentId.of("SIM-BTC"), "BTC-USD", VenueId.of("SIM"),
            50, 10, 10, 2, 4, "USD");
    private static final Instrument ETH = new Instrument(InstrumentId.of("SIM-ETH"), "ETH-USD", VenueId.of("SIM"),
            1, 10, 10, 2, 4, "USD");
    private static final AccountId ACC_1 = AccountId.of("ACC-1");

    private final List<PositionView> positions = new ArrayList<>();
    private final List<BarRecord> bars = new ArrayList<>();
    private final List<PositionSnapshot> snapshots = new ArrayList<>();
    private final List<AccountRecord> accounts = new ArrayList<>();
    private final PortfolioRiskManager manager = new PortfolioRiskManager();

    private static AnalyticsConfig config(int lookback, int min) {
        return new AnalyticsConfig() {
            @Override
            public int var_lookback_days() {
                return lookback;
            }

            @Override
            public int var_min_observations() {
                return min;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AnalyticsConfig.class;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            var answer = methods.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answer.apply(args);
        });
    }

    @BeforeEach
    void wire() {
        Map<String, Function<Object[], Object>> core = new HashMap<>();
        core.put("instruments", a -> List.of(BTC, ETH));
        core.put("instrument", a -> Optional.ofNullable(a[0].equals(BTC.id()) ? BTC : a[0].equals(ETH.id()) ? ETH
                : null));
        core.put("positions", a -> List.copyOf(positions));
        manager.core = fake(TradingCoreService.class, core);
        Map<String, Function<Object[], Object>> store = new HashMap<>();
        store.put("bars", a -> {
            HistoryQuery q = (HistoryQuery) a[0];
            return bars.stream().filter(b -> b.bar().instrument().equals(q.instrument())).toList();
        });
        store.put("positions", a -> {
            HistoryQuery q = (HistoryQuery) a[0];
            return snapshots.stream().filter(s -> s.account().equals(q.account())
                    && (q.from() == null || !s.time().isBefore(q.from()))
                    && (q.to() == null || s.time().isBefore(q.to()))).toList();
        });
        store.put("accounts", a -> List.copyOf(accounts));
        manager.history = fake(HistoryService.class, store);
        manager.activate(config(250, 20), Map.of(
                "var.lookback.days", 250,
                "scenario.crypto-crash", "SIM-BTC:-20%, SIM-ETH:-30%",
                "scenario.typo", "SIM-BTX:-20%",
                "scenario.broken", "SIM-BTC -5"));
        // ACC-1: 2 BTC long at 30000.00, 10 ETH short at 2000.00
        positions.add(new PositionView(ACC_1, BTC.id(), 20_000, 2_900_000, 3_000_000, 0, 0, 0, 20_000, 0));
        positions.add(new PositionView(ACC_1, ETH.id(), -100_000, 210_000, 200_000, 0, 0, 0, 0, 100_000));
        positions.add(new PositionView(AccountId.of("ACC-2"), BTC.id(), 0, 0, 3_000_000, 500, 0, 0, 10, 10));
    }

    /** One day's last 1-minute bar (and an earlier one that is not the close), for {@code days} days to yesterday. */
    private void dailyBars(Instrument instrument, int days, double start, double up, double down) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        double price = start;
        for (int d = days; d >= 1; d--) {
            price *= d % 2 == 0 ? 1 + up : 1 - down;
            long close = Math.round(price * 100);
            long last = today.minusDays(d).atTime(23, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
            long noon = last - 12 * 3_600_000_000_000L;
            bars.add(new BarRecord(new Bar(instrument.id(), last, last + 60_000_000_000L, close, close, close, close,
                    1, 1), 2, 4, "1m"));
            bars.add(new BarRecord(new Bar(instrument.id(), noon, noon + 60_000_000_000L, 1, 1, 1, 1, 1, 1), 2, 4,
                    "1m"));
        }
    }

    @Test
    void riskReportHasExposuresAndVarFromTheStoresDailyCloses() {
        dailyBars(BTC, 30, 30_000, 0.02, 0.01);
        dailyBars(ETH, 30, 2_000, 0.01, 0.03);
        RiskReport report = manager.riskReport();
        assertThat(report.exposures().byAccount()).containsExactly(new Exposure("ACC-1", "USD",
                new BigDecimal("80000.00"), new BigDecimal("40000.00"), 2));
        assertThat(report.var()).hasSize(8);
        assertThat(report.var()).allSatisfy(e -> {
            assertThat(e.available()).as(String.valueOf(e.unavailable())).isTrue();
            assertThat(e.observations()).isEqualTo(29);
            assertThat(e.instruments()).containsExactly("SIM-BTC", "SIM-ETH");
            assertThat(e.var().signum()).isNegative();
            assertThat(e.cvar()).isLessThanOrEqualTo(e.var());
        });
        VarEstimate account95 = report.var().get(0);
        VarEstimate total95 = report.var().get(4);
        assertThat(account95.account()).isEqualTo("ACC-1");
        assertThat(total95.account()).isNull();
        assertThat(total95.var()).isEqualTo(account95.var());
        assertThat(report.var().get(2).method()).isEqualTo(VarMethod.PARAMETRIC);
        assertThat(report.source()).startsWith("history store (1m bars");
    }

    @Test
    void tooLittleHistoryIsSaid() {
        dailyBars(BTC, 6, 30_000, 0.02, 0.01);
        dailyBars(ETH, 30, 2_000, 0.01, 0.03);
        assertThat(manager.riskReport().var()).allSatisfy(e -> assertThat(e.unavailable())
                .isEqualTo("not enough history: 5 daily returns common to SIM-BTC, SIM-ETH, 20 needed"
                        + " (var.min.observations)"));
    }

    @Test
    void withoutTheHistoryStoreThereIsNoHistory() {
        manager.history = null;
        assertThat(manager.riskReport().var()).allSatisfy(e -> assertThat(e.unavailable())
                .isEqualTo("not enough history: fewer than 2 daily closes of SIM-BTC, SIM-ETH"));
        assertThat(manager.riskReport().source()).isEqualTo("history store not running");
    }

    @Test
    void noPositionsMeansEmptyTables() {
        positions.clear();
        RiskReport report = manager.riskReport();
        assertThat(report.exposures().byAccount()).isEmpty();
        assertThat(report.var()).isEmpty();
        assertThat(manager.stress("crypto-crash").impacts()).isEmpty();
    }

    @Test
    void stressAppliesEveryGoodScenarioAndReportsTheBadOnes() {
        StressReport report = manager.stress(null);
        assertThat(report.impacts()).containsExactly(
                new StressImpact("crypto-crash", "ACC-1", "USD", new BigDecimal("-6000.00")),
                new StressImpact("crypto-crash", null, "USD", new BigDecimal("-6000.00")));
        assertThat(report.errors()).containsExactly(
                "scenario.broken: 'SIM-BTC -5' is not INSTRUMENT:PERCENT% (e.g. SIM-BTC:-20%)",
                "scenario typo: unknown instrument SIM-BTX");
    }

    @Test
    void oneScenarioByName() {
        assertThat(manager.stress("typo").errors()).containsExactly("scenario typo: unknown instrument SIM-BTX");
        assertThat(manager.stress("broken").errors()).hasSize(1);
        assertThatThrownBy(() -> manager.stress("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scenario 'nope'; configured: crypto-crash, typo");
    }

    @Test
    void withoutTheCoreTheAnswerIsOneLine() {
        manager.core = null;
        assertThatThrownBy(manager::riskReport).isInstanceOf(IllegalStateException.class)
                .hasMessage("the trading core is not running");
    }

    @Test
    void aBadSettingChangeKeepsThePreviousSettings() {
        manager.modified(config(1, 20), Map.of());
        assertThat(manager.scenarios()).hasSize(2);
        assertThat(manager.riskReport().lookbackDays()).isEqualTo(250);
    }

    @Test
    void accountPerformanceIsOverCapitalPlusNetPnl() {
        Instant defined = Instant.parse("2026-11-01T00:00:00Z");
        accounts.add(new AccountRecord(1, defined, ACC_1, "none", 10_000_000, 2));
        // 100000.00 capital; net P&L 1000.00 on day 1, 3000.00 on day 2 (+1 %, then +1.98 %)
        snapshots.add(snapshot("2026-11-02T23:00:00Z", 100_000));
        snapshots.add(snapshot("2026-11-03T23:00:00Z", 300_000));
        PerformanceResult result = manager.accountPerformance("ACC-1", null, null);
        assertThat(result.dates()).containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
        assertThat((Double) result.metrics().get("totalReturn")).isCloseTo(0.03,
                within(1e-12));
        assertThatThrownBy(() -> manager.accountPerformance("ACC-1", Instant.parse("2026-11-03T00:00:00Z"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not enough history: the"
                        + " history store has 1 day(s) of position snapshots of account ACC-1");
        assertThatThrownBy(() -> manager.accountPerformance("ACC-9", null, null))
                .hasMessage("the history store has no definition (capital) of account ACC-9");
    }

    private static PositionSnapshot snapshot(String time, long realised) {
        return new PositionSnapshot(Instant.parse(time), 1, ACC_1, BTC.id(), 0, 0, 0, realised, 0, 0, 2, 4);
    }
}
