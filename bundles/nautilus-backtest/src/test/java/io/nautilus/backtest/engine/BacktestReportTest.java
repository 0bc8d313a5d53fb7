package io.nautilus.backtest.engine;

import io.nautilus.analytics.api.PerformanceInput;
import io.nautilus.analytics.api.TradeRecord;
import io.nautilus.analytics.performance.Performance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestReportTest {

    @TempDir
    Path out;

    @Test
    void reportIsTitledWithTheStrategyItsParametersAndTheSeed() throws Exception {
        List<LocalDate> days = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        List<TradeRecord> trades = List.of(
                new TradeRecord(Instant.parse("2024-01-02T01:02:00.000123Z"), "SIM-ACME", "BUY", 100.03, 10, 0.11),
                new TradeRecord(Instant.parse("2024-01-03T09:00:00Z"), "SIM-ACME", "SELL", 101.5, 10, 0.12));
        var analysis = Performance.analyse(PerformanceInput.ofEquity(days, new double[] {100010.5, 99990, 100120.25},
                100_000).withTrades(trades));

        boolean written = BacktestReport.write(out, analysis, "smacross",
                Map.of("quantity", "10", "instrument", "SIM-ACME", "account", "backtest", "id", "smacross"), 3);

        assertThat(written).isTrue();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<title>smacross · instrument=SIM-ACME, quantity=10 · seed 3</title>")
                .contains("2024-01-02 – 2024-01-04 · 3 periods · 2 trades")
                .contains("<td>2024-01-02T01:02:00.000123Z</td><td>SIM-ACME</td><td class=\"side\">BUY</td>"
                        + "<td class=\"num\">100.03</td><td class=\"num\">10</td><td class=\"num\">0.11</td>");
    }

    @Test
    void runWithNoAnalysisLeavesNoReport() throws Exception {
        Files.writeString(out.resolve("report.html"), "an older run's report");

        assertThat(BacktestReport.write(out, null, "smacross", Map.of(), 1)).isFalse();
        assertThat(out.resolve("report.html")).doesNotExist();
    }
}
