package io.nautilus.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void equityFilePrintsOneJsonObjectWithTheContractKeys() throws IOException {
        write("e.csv", "date,equity\n2024-01-01,100\n2024-01-02,101\n2024-01-03,99\n2024-01-04,102\n"
                + "2024-01-05,103\n2024-01-08,100\n");
        assertThat(run("--equity", "e.csv")).isZero();
        String json = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n").doesNotContain("NaN")
                .doesNotContain("Infinity");
        for (String key : List.of("totalReturn", "cagr", "volatility", "sharpe", "sortino", "calmar", "maxDrawdown",
                "var95", "cvar95", "var99", "cvar99", "skew", "kurtosis", "winRate")) {
            assertThat(json).contains("\"" + key + "\":");
        }
        assertThat(json).contains("\"maxDrawdown\":-0.0291262135");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void returnsWithBenchmarkAndOptions() throws IOException {
        write("r.csv", "date,return\n2024-01-01,0.01\n2024-01-02,-0.02\n2024-01-03,0.03\n2024-01-04,0.0\n");
        write("b.csv", "date,return\n2024-01-02,0.01\n2024-01-03,0.02\n2024-01-04,-0.01\n2024-01-05,0.01\n");
        assertThat(run("--returns", "r.csv", "--benchmark", "b.csv", "--periods-per-year", "365", "--risk-free",
                "0.02")).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"periods\":3").contains("\"beta\":").doesNotContain("\"beta\":null");
    }

    @Test
    void reportIsWrittenBesideTheJson() throws IOException {
        write("r.csv", "date,return\n2024-01-01,0.01\n2024-01-02,-0.02\n2024-01-03,0.03\n");
        assertThat(run("--returns", "r.csv", "--report", "out.html")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"sharpe\":");
        assertThat(Files.readString(dir.resolve("out.html"))).contains("<html").contains("r.csv");
        out.reset();
        assertThat(run("--returns", "r.csv", "--report", "nowhere/out.html")).isEqualTo(2);
        assertOneErrorLine("no such folder");
    }

    @Test
    void badUsageExitsTwoWithOneLine() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertOneErrorLine("exactly one of --equity");
        assertThat(run("--equity", "a.csv", "--returns", "b.csv")).isEqualTo(2);
        assertThat(run("--returns", "r.csv", "--frobnicate", "1")).isEqualTo(2);
        assertThat(run("--returns", "r.csv", "--periods-per-year", "zero")).isEqualTo(2);
        assertThat(run("--returns", "r.csv", "--risk-free")).isEqualTo(2);
        assertThat(out.size()).isZero();
    }

    @Test
    void missingOrBadFileExitsTwoWithOneLine() throws IOException {
        assertThat(run("--returns", "missing.csv")).isEqualTo(2);
        assertOneErrorLine("no such file");
        write("nan.csv", "date,return\n2024-01-01,0.01\n2024-01-02,nan\n");
        assertThat(run("--returns", "nan.csv")).isEqualTo(2);
        assertOneErrorLine("nan.csv:3: ");
        assertThat(out.size()).isZero();
    }

    private void assertOneErrorLine(String containing) {
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("nautilus-analytics: ").contains(containing).endsWith("\n");
        assertThat(text.strip().lines()).hasSize(1);
        err.reset();
    }

    private int run(String... args) {
        return AnalyticsMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
