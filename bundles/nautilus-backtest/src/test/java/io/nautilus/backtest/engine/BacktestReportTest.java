package io.nautilus.backtest.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestReportTest {

    @TempDir
    Path out;

    @Test
    void reportShowsTheEquityAndTheFillsOfTheRunFiles() throws Exception {
        Files.writeString(out.resolve("equity.csv"), "date,equity\n2024-01-02,100010.5\n2024-01-03,99990\n"
                + "2024-01-04,100120.25\n");
        Files.writeString(out.resolve("fills.csv"), Recorder.FILLS_HEADER + "\n"
                + "2024-01-02T01:02:00.000123Z,1,SIM-ACME,BUY,100.03,10,0.11,TAKER\n"
                + "2024-01-03T09:00:00Z,2,SIM-ACME,SELL,101.5,10,0.12,MAKER\n");

        boolean written = BacktestReport.write(out, 100_000, "smacross",
                Map.of("quantity", "10", "instrument", "SIM-ACME", "account", "backtest", "id", "smacross"), 3);

        assertThat(written).isTrue();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<title>smacross · instrument=SIM-ACME, quantity=10 · seed 3</title>")
                .contains("2024-01-02 – 2024-01-04 · 3 periods · 2 trades")
                .contains("<td>2024-01-02T01:02:00.000123Z</td><td>SIM-ACME</td><td class=\"side\">BUY</td>"
                        + "<td class=\"num\">100.03</td><td class=\"num\">10</td><td class=\"num\">0.11</td>");
    }

    @Test
    void equityThatWasNotPositiveEveryDayLeavesNoReport() throws Exception {
        Files.writeString(out.resolve("report.html"), "an older run's report");
        Files.writeString(out.resolve("equity.csv"), "date,equity\n2024-01-02,10\n2024-01-03,-5\n");
        Files.writeString(out.resolve("fills.csv"), Recorder.FILLS_HEADER + "\n");

        assertThat(BacktestReport.write(out, 100, "smacross", Map.of(), 1)).isFalse();
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void runWithNoDayLeavesNoReport() throws Exception {
        Files.writeString(out.resolve("equity.csv"), "date,equity\n");
        Files.writeString(out.resolve("fills.csv"), Recorder.FILLS_HEADER + "\n");

        assertThat(BacktestReport.write(out, 100, "smacross", Map.of(), 1)).isFalse();
        assertThat(out.resolve("report.html")).doesNotExist();
    }
}
