package io.nautilus.data.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return DataMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsListsAndReportsErrorsOnOneLine() throws Exception {
        Path cfg = dir.resolve("instruments.cfg");
        Files.writeString(cfg, "SIM-ETH.priceScale = 2\nSIM-ETH.quantityScale = 3\nSIM-ETH.tickSize = 0.05\n"
                + "SIM-ETH.lotSize = 0.001\n");
        Path csv = dir.resolve("trades.csv");
        Files.writeString(csv, "timestamp,instrument,price,size\n2024-01-02T10:00:00Z,SIM-ETH,2000.05,1\n"
                + "2024-01-02T10:00:01Z,SIM-ETH,2000.10,0.5\n");
        Path store = dir.resolve("store");

        assertThat(run("import", csv.toString(), "--instruments", cfg.toString(), "--store", store.toString()))
                .isZero();
        assertThat(out()).startsWith("{\"rows\":2,\"quotes\":0,\"trades\":2,\"bars\":0,\"skipped\":0,\"seconds\":")
                .contains("\"rowsPerSecond\":").contains("\"store\":\"" + store + "\"}");
        assertThat(out().lines()).hasSize(1);

        assertThat(run("import", csv.toString(), "--instruments", cfg.toString(), "--store", store.toString()))
                .isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err().lines()).singleElement().asString().startsWith("nautilus-data: " + csv + ":2: ")
                .contains("already holds trades");

        assertThat(run("list", "--store", store.toString())).isZero();
        assertThat(out()).contains("SIM-ETH").contains("trades").contains("2024-01-02..2024-01-02")
                .contains("2024-01-02T10:00:01Z");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "timestamp,instrument,price,size\n2024-01-03T10:00:00Z,SIM-ETH,2000.051,1\n"
                + "2024-01-03T10:00:01Z,SIM-ETH,2000.10,0.5\n");
        assertThat(run("import", bad.toString(), "--instruments", cfg.toString(), "--store", store.toString()))
                .isEqualTo(1);
        assertThat(err()).isEqualTo("nautilus-data: " + bad + ":2: price 2000.051 of SIM-ETH has more decimals than"
                + " its price scale 2" + System.lineSeparator());
        assertThat(run("import", bad.toString(), "--skip-bad", "--instruments", cfg.toString(), "--store",
                store.toString())).isZero();
        assertThat(out()).contains("\"rows\":1,").contains("\"skipped\":1,")
                .contains("\"skippedByReason\":{\"off the price scale\":1}");
        assertThat(err()).contains(bad + ":2: ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("import")).isEqualTo(2);
        assertThat(err()).contains("needs at least one file");
        assertThat(run("export", "x")).isEqualTo(2);
        assertThat(run("import", "x.csv", "--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus");
    }

    @Test
    void missingFilesAreOneLine() throws Exception {
        Path cfg = dir.resolve("instruments.cfg");
        Files.writeString(cfg, "SIM-ETH.priceScale = 2\n");
        assertThat(run("import", dir.resolve("nope.csv").toString(), "--instruments", cfg.toString(), "--store",
                dir.resolve("s").toString())).isEqualTo(1);
        assertThat(err()).startsWith("nautilus-data: " + dir.resolve("nope.csv") + ": no such file");
        assertThat(run("import", "x.csv", "--instruments", dir.resolve("none.cfg").toString())).isEqualTo(1);
        assertThat(err()).contains("none.cfg").contains("no such instruments file");
    }
}
