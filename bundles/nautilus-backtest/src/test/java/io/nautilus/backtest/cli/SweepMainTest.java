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

/** {@code bin/nautilus-backtest} with {@code --sweep}. */
class SweepMainTest {

    @TempDir
    Path home;
    Path cwd;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/io.nautilus.core.instruments.cfg"), BacktestMainTest.INSTRUMENTS);
        cwd = Files.createDirectories(home.resolve("work"));
        Files.writeString(cwd.resolve("quotes.csv"), BacktestMainTest.QUOTES);
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
    void aSweepRunsEveryCombinationAndPrintsOneJsonLine() throws IOException {
        int status = run("--data", "quotes.csv", "--strategy", "clitest", "--strategy-jar", "clitest.jar",
                "--sweep", "throwAt=0,3,100", "--objective", "trades", "--workers", "2", "--out", "sw");

        assertThat(err()).isEmpty();
        assertThat(status).isZero();
        assertThat(out()).matches("\\{\"runs\":3,\"failed\":1,\"seconds\":[0-9.]+,\"best\":\\{\"throwAt\":\"0\"},"
                + "\"objective\":\"trades\",\"value\":1,\"out\":\".*sw\"}\\R");
        List<String> csv = Files.readAllLines(cwd.resolve("sw/sweep.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("throwAt,totalReturn,").endsWith(",rank,run,constraintsMet,error");
        assertThat(csv.get(3)).startsWith("3,").contains(",3,1,false,").contains("clitest threw at quote 3");
        assertThat(cwd.resolve("sw/runs/0/stats.json")).exists();
        assertThat(cwd.resolve("sw/runs/2/stats.json")).exists();
    }

    @Test
    void badSweepInputExitsTwoWithOneLine() {
        assertThat(run("--data", "quotes.csv", "--strategy", "clitest", "--strategy-jar", "clitest.jar",
                "--sweep", "speed=1,2")).isEqualTo(2);
        assertThat(err()).isEqualTo("nautilus-backtest: --sweep speed: strategy clitest does not take it; it takes "
                + "throwAt\n");
        err.reset();
        assertThat(run("--data", "quotes.csv", "--strategy", "clitest", "--sweep", "throwAt=1",
                "--objective", "luck")).isEqualTo(2);
        assertThat(err()).startsWith("nautilus-backtest: --objective luck: unknown; choose one of ");
        err.reset();
        assertThat(run("--data", "quotes.csv", "--strategy", "clitest", "--sweep", "throwAt=5..1:1")).isEqualTo(2);
        assertThat(err()).contains("from 5 is greater than to 1");
        assertThat(cwd.resolve("backtest-out")).doesNotExist();
    }
}
