package io.nautilus.backtest.cli;

import io.nautilus.api.strategy.StrategyFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestMainTest {

    static final String INSTRUMENTS = """
            SIM-ACME.priceScale = 2
            SIM-ACME.quantityScale = 0
            SIM-ACME.tickSize = 0.01
            SIM-ACME.lotSize = 1
            SIM-ACME.takerFeeBps = 10
            """;

    static final String QUOTES = """
            timestamp,instrument,bidPrice,bidSize,askPrice,askSize
            2024-01-02T09:30:00Z,SIM-ACME,100.00,50,100.02,40
            2024-01-02T09:30:01Z,SIM-ACME,100.01,50,100.03,40
            2024-01-02T09:30:02Z,SIM-ACME,100.05,50,100.07,40
            2024-01-02T09:30:03Z,SIM-ACME,100.10,50,100.12,40
            2024-01-03T09:30:00Z,SIM-ACME,101.00,50,101.02,40
            2024-01-03T09:30:01Z,SIM-ACME,101.10,50,101.12,40
            """;

    @TempDir
    Path home;
    Path cwd;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/io.nautilus.core.instruments.cfg"), INSTRUMENTS);
        cwd = Files.createDirectories(home.resolve("work"));
        Files.writeString(cwd.resolve("quotes.csv"), QUOTES);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(cwd.resolve("clitest.jar")))) {
            jar.putNextEntry(new JarEntry(StrategyFactory.SERVICES_RESOURCE));
            jar.write((FlipperFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    int run(String... args) {
        return BacktestMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), home, cwd, false);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunPrintsOneJsonLineAndExitsZero() {
        int status = run("--data", "quotes.csv", "--strategy", "clitest", "--strategy-jar", "clitest.jar",
                "--out", "result");

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).matches("\\{\"events\":6,\"fills\":1,\"seconds\":[0-9.E-]+,\"eventsPerSecond\":[0-9.E]+,"
                + "\"out\":\"" + cwd.resolve("result").toString().replace("\\", "\\\\") + "\"}\\R");
        assertThat(cwd.resolve("result/fills.csv")).exists();
        assertThat(cwd.resolve("result/stats.json")).exists();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--data PATH", "--strategy NAME", "--fill-model", "--out DIR");
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        assertThat(run("--data", "quotes.csv", "--strategy", "clitest", "--frobnicate", "1")).isEqualTo(2);
        assertThat(err()).isEqualTo("nautilus-backtest: unknown option --frobnicate (--help for usage)"
                + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void anUnknownStrategyExitsTwoListingTheKnownOnes() {
        assertThat(run("--data", "quotes.csv", "--strategy", "nope", "--strategy-jar", "clitest.jar"))
                .isEqualTo(2);
        assertThat(err()).startsWith("nautilus-backtest: unknown strategy 'nope'; known: ").contains("clitest");
        assertThat(err().lines().count()).isEqualTo(1);
    }

    @Test
    void aStrategyThatThrowsExitsOneWithOneLine() {
        int status = run("--data", "quotes.csv", "--strategy", "clitest", "--strategy-jar", "clitest.jar",
                "--param", "throwAt=2");

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo("nautilus-backtest: strategy clitest failed in onQuote at 2024-01-02T09:30:01Z:"
                + " java.lang.IllegalStateException: clitest threw at quote 2" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingStrategyJarIsBadUsage() {
        assertThat(run("--data", "quotes.csv", "--strategy", "clitest", "--strategy-jar", "none.jar")).isEqualTo(2);
        assertThat(err()).contains("--strategy-jar none.jar: no such file");
    }
}
