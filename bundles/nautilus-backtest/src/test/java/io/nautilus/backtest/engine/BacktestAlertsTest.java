package io.nautilus.backtest.engine;

import io.nautilus.api.alert.Severity;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.api.BacktestRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The alerts a strategy raises through its backtest context go into the run's output, {@code alerts.csv}, at
 * simulated time and keyed as the live engine keys them.
 */
class BacktestAlertsTest {

    @TempDir
    Path dir;
    Environment env;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(dir.resolve("instruments.cfg"), BacktestTest.INSTRUMENTS);
        Files.writeString(dir.resolve("quotes.csv"), BacktestTest.QUOTES);
        env = Environment.of(TestStrategies.catalog(alerter()), dir.resolve("instruments.cfg"), dir,
                request -> QuoteExchange.factory(0));
    }

    /** "alerter": raises an alert with the given key at its {@code at}-th quote. */
    static StrategyFactory alerter() {
        return new StrategyFactory() {
            @Override
            public String name() {
                return "alerter";
            }

            @Override
            public Map<String, Object> parameters() {
                return Map.of("at", "2", "key", "spread-wide", "id", "", "account", "");
            }

            @Override
            public Strategy create(Map<String, ?> parameters) {
                int at = Integer.parseInt(String.valueOf(parameters.containsKey("at") ? parameters.get("at") : "2"));
                String key = String.valueOf(parameters.containsKey("key") ? parameters.get("key") : "spread-wide");
                return new Strategy() {
                    StrategyContext context;
                    int quotes;

                    @Override
                    public void start(StrategyContext context) {
                        this.context = context;
                    }

                    @Override
                    public void stop() {
                    }

                    @Override
                    public void onQuote(Quote quote) {
                        if (++quotes == at) {
                            context.alert(Severity.WARNING, key, "spread 2 ticks, \"wide\"");
                        }
                    }
                };
            }
        };
    }

    void run(String... args) throws BacktestException {
        Backtest.run(BacktestRequest.parse(List.of(args)), env, ProgressListener.NONE, () -> false);
    }

    @Test
    void aStrategysAlertIsWrittenToAlertsCsvAtSimulatedTime() throws Exception {
        run("--data", "quotes.csv", "--strategy", "alerter", "--out", "out");

        List<String> lines = Files.readAllLines(dir.resolve("out").resolve(Recorder.ALERTS_FILE));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(Recorder.ALERTS_HEADER);
        assertThat(lines.get(1)).startsWith("2024-01-02T09:30:01").endsWith(
                ",WARNING,strategy:alerter:spread-wide,\"spread 2 ticks, \"\"wide\"\"\"");
    }

    @Test
    void aRunWithoutAlertsWritesNoAlertsFile() throws Exception {
        run("--data", "quotes.csv", "--strategy", "alerter", "--param", "at=99", "--out", "out");

        assertThat(dir.resolve("out").resolve(Recorder.ALERTS_FILE)).doesNotExist();
        assertThat(dir.resolve("out/fills.csv")).exists();
    }

    @Test
    void aBlankKeyFailsTheRunClearly() {
        assertThatThrownBy(() -> run("--data", "quotes.csv", "--strategy", "alerter", "--param", "key= ",
                "--out", "out")).hasMessageContaining("alert of strategy alerter: key '' and text must not be blank");
    }
}
