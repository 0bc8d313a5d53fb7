package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.analytics.api.PerformanceResult;
import io.nautilus.analytics.api.risk.BrinsonMethod;
import io.nautilus.analytics.api.risk.BrinsonResult;
import io.nautilus.analytics.api.risk.BrinsonSegment;
import io.nautilus.analytics.api.risk.EquityPoint;
import io.nautilus.analytics.api.risk.Exposure;
import io.nautilus.analytics.api.risk.ExposureReport;
import io.nautilus.analytics.api.risk.PortfolioRiskService;
import io.nautilus.analytics.api.risk.RiskReport;
import io.nautilus.analytics.api.risk.StressImpact;
import io.nautilus.analytics.api.risk.StressReport;
import io.nautilus.analytics.api.risk.StressScenario;
import io.nautilus.analytics.api.risk.VarEstimate;
import io.nautilus.analytics.api.risk.VarMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/** {@code nautilus:risk-report}, {@code nautilus:stress} and {@code nautilus:analytics} against a stand-in service. */
class RiskCommandsTest extends CoreCommandTest {

    /** Answers what the test sets; records what it was asked. */
    private static final class FakeRisk implements PortfolioRiskService {
        RuntimeException failure;
        List<StressScenario> scenarios = List.of(new StressScenario("crypto-crash",
                Map.of("SIM-BTC", new BigDecimal("-0.20"))));
        StressReport stress = new StressReport(List.of(
                new StressImpact("crypto-crash", "ACC-1", "USD", new BigDecimal("-6000.00")),
                new StressImpact("crypto-crash", null, "USD", new BigDecimal("-6000.00"))),
                List.of("scenario.typo: 'SIM-BTC -5' is not INSTRUMENT:PERCENT% (e.g. SIM-BTC:-20%)"));
        final List<Object> asked = new ArrayList<>();

        private void fail() {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public ExposureReport exposures() {
            fail();
            return report().exposures();
        }

        @Override
        public RiskReport riskReport() {
            fail();
            return report();
        }

        private static RiskReport report() {
            Exposure account = new Exposure("ACC-1", "USD", new BigDecimal("80000.00"), new BigDecimal("40000.00"), 2);
            Exposure currency = new Exposure("USD", "USD", new BigDecimal("80000.00"), new BigDecimal("40000.00"), 2);
            Exposure btc = new Exposure("SIM-BTC", "USD", new BigDecimal("60000.00"), new BigDecimal("60000.00"), 1);
            List<VarEstimate> var = List.of(
                    new VarEstimate("ACC-1", "USD", VarMethod.HISTORICAL, 0.95, new BigDecimal("-1234.50"),
                            new BigDecimal("-1500.00"), 249, List.of("SIM-BTC"), null),
                    new VarEstimate(null, "USD", VarMethod.PARAMETRIC, 0.99, null, null, 3, List.of("SIM-BTC"),
                            "not enough history: 3 daily returns common to SIM-BTC, 20 needed"
                                    + " (var.min.observations)"));
            return new RiskReport(Instant.parse("2026-12-06T10:00:00Z"), new ExposureReport(List.of(btc),
                    List.of(account), List.of(currency), List.of("ACC-2 SIM-ETH")), var, 250,
                    "history store (1m bars cut to UTC daily closes)");
        }

        @Override
        public List<StressScenario> scenarios() {
            return scenarios;
        }

        @Override
        public StressReport stress(String scenario) {
            fail();
            asked.add(scenario);
            if ("typo".equals(scenario)) {
                return new StressReport(List.of(), List.of("scenario typo: unknown instrument SIM-BTX"));
            }
            if ("nope".equals(scenario)) {
                throw new IllegalArgumentException("unknown scenario 'nope'; configured: crypto-crash");
            }
            return stress;
        }

        @Override
        public BrinsonResult attribution(BrinsonMethod method, List<BrinsonSegment> segments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<EquityPoint> dailyEquity(String account, Instant from, Instant to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PerformanceResult accountPerformance(String account, Instant from, Instant to) {
            fail();
            asked.add(account + " " + from + " " + to);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("totalReturn", 0.0123456789);
            metrics.put("sharpe", null);
            metrics.put("maxDrawdown", -0.1);
            List<LocalDate> dates = List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
            return new PerformanceResult(metrics, Map.of("sharpe", "all returns are equal: volatility is 0"), dates,
                    new double[2], new double[2], null, new double[2], List.of(), new TreeMap<>(), new TreeMap<>(),
                    63, new double[2], new double[2], List.of());
        }
    }

    private final FakeRisk risk = new FakeRisk();

    private <C extends RiskServiceCommand> C riskWired(C command) {
        wired(command).risk = risk;
        return command;
    }

    @Test
    void riskReportPrintsExposuresAndVar() throws Exception {
        riskWired(new RiskReportCommand()).run(out);
        assertThat(output()).doesNotContain("Currency | Currency");
        assertThat(output()).contains("Exposure by account", "Exposure by currency", "Exposure by instrument",
                "80000.00", "40000.00", "SIM-BTC", "(left out, no mark yet: ACC-2 SIM-ETH)",
                "Value at risk, 1 day (last 250 daily returns at most; history store (1m bars cut to UTC daily"
                        + " closes))",
                "historical", "95%", "-1234.50", "-1500.00", "249", "(all)", "parametric", "99%",
                "not enough history: 3 daily returns common to SIM-BTC, 20 needed (var.min.observations)");
    }

    @Test
    void stressPrintsImpactsAndBadScenarioLines() throws Exception {
        riskWired(new StressCommand()).run(out);
        assertThat(output()).contains("crypto-crash", "ACC-1", "(all)", "-6000.00",
                "error: scenario.typo: 'SIM-BTC -5' is not INSTRUMENT:PERCENT% (e.g. SIM-BTC:-20%)");
        assertThat(risk.asked).containsExactly((Object) null);
    }

    @Test
    void aBadScenarioAskedByNameFailsWithItsLine() {
        StressCommand command = riskWired(new StressCommand());
        command.scenario = "typo";
        assertThatThrownBy(() -> command.run(out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: scenario typo: unknown instrument SIM-BTX");
        StressCommand unknown = riskWired(new StressCommand());
        unknown.scenario = "nope";
        assertThatThrownBy(unknown::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: unknown scenario 'nope'; configured: crypto-crash");
    }

    @Test
    void noScenariosConfiguredIsSaid() throws Exception {
        risk.scenarios = List.of();
        risk.stress = new StressReport(List.of(), List.of());
        riskWired(new StressCommand()).run(out);
        assertThat(output()).contains("no stress scenarios configured");
    }

    @Test
    void analyticsPrintsTheMetricsWithUndefinedReasons() throws Exception {
        AnalyticsCommand command = riskWired(new AnalyticsCommand());
        command.account = "ACC-1";
        command.from = "2026-11-01";
        command.run(out);
        assertThat(risk.asked).containsExactly("ACC-1 2026-11-01T00:00:00Z null");
        assertThat(output()).contains("Account ACC-1: 2 daily returns, 2026-11-02 to 2026-11-03", "totalReturn",
                "0.0123457", "sharpe", "all returns are equal: volatility is 0", "maxDrawdown", "-0.1");
    }

    @Test
    void analyticsTakesOptionsAfterTheAccount() throws Exception {
        AnalyticsCommand command = riskWired(new AnalyticsCommand());
        command.account = "ACC-1";
        command.trailing = List.of("--from", "2026-11-01", "--to=2026-12-01T12:00:00Z");
        command.run(out);
        assertThat(risk.asked).containsExactly("ACC-1 2026-11-01T00:00:00Z 2026-12-01T12:00:00Z");
        AnalyticsCommand twice = riskWired(new AnalyticsCommand());
        twice.account = "ACC-1";
        twice.from = "2026-11-01";
        twice.trailing = List.of("--from", "2026-11-02");
        assertThatThrownBy(twice::execute).hasMessage("nautilus: --from is given twice");
        AnalyticsCommand unknown = riskWired(new AnalyticsCommand());
        unknown.account = "ACC-1";
        unknown.trailing = List.of("--limit", "5");
        assertThatThrownBy(unknown::execute).hasMessage("nautilus: '--limit' is not an option of nautilus:analytics"
                + " (--from, --to)");
        AnalyticsCommand missing = riskWired(new AnalyticsCommand());
        missing.account = "ACC-1";
        missing.trailing = List.of("--to");
        assertThatThrownBy(missing::execute).hasMessage("nautilus: --to needs a value");
        assertThat(risk.asked).hasSize(1);
    }

    @Test
    void analyticsRefusesBadInput() {
        AnalyticsCommand badTime = riskWired(new AnalyticsCommand());
        badTime.account = "ACC-1";
        badTime.from = "yesterday";
        assertThatThrownBy(badTime::execute).isInstanceOf(CommandException.class).hasMessageContaining(
                "--from 'yesterday' is not a UTC ISO-8601 instant");
        AnalyticsCommand reversed = riskWired(new AnalyticsCommand());
        reversed.account = "ACC-1";
        reversed.from = "2026-12-02";
        reversed.to = "2026-12-01";
        assertThatThrownBy(reversed::execute).hasMessage("nautilus: --from 2026-12-02T00:00:00Z is not before --to"
                + " 2026-12-01T00:00:00Z");
        AnalyticsCommand badAccount = riskWired(new AnalyticsCommand());
        badAccount.account = "no spaces";
        assertThatThrownBy(badAccount::execute).hasMessageContaining("'no spaces' is not an account id");
        assertThat(risk.asked).isEmpty();
    }

    @Test
    void withoutTheServiceOrTheCoreTheCommandsFailWithOneLine() {
        RiskReportCommand command = wired(new RiskReportCommand());
        assertThatThrownBy(() -> command.run(out)).isInstanceOf(CommandException.class)
                .hasMessage(RiskServiceCommand.NOT_RUNNING);
        risk.failure = new IllegalStateException("the trading core is not running");
        assertThatThrownBy(() -> riskWired(new RiskReportCommand()).run(out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: the trading core is not running");
        risk.failure = new IllegalArgumentException("not enough history: the history store has 0 day(s) of position"
                + " snapshots of account ACC-1, 1 needed");
        AnalyticsCommand analytics = riskWired(new AnalyticsCommand());
        analytics.account = "ACC-1";
        assertThatThrownBy(analytics::execute).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: not enough history: the history store has 0 day(s) of position snapshots of"
                        + " account ACC-1, 1 needed");
    }
}
