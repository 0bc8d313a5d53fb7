package io.nautilus.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCommandTest {

    @TempDir
    Path dir;

    private final FakeTradingCore core = new FakeTradingCore();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private DataCommand data(String what, String... paths) {
        DataCommand c = new DataCommand();
        c.core = core;
        c.admin = core;
        c.what = what;
        c.paths = paths.length == 0 ? null : List.of(paths);
        c.base = dir;
        c.store = dir.resolve("data/nautilus/marketdata");
        return c;
    }

    private String output() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    @Test
    void importsWithTheCoresInstrumentsAndLists() throws Exception {
        Files.writeString(dir.resolve("q.csv"), "timestamp,instrument,bidPrice,bidSize,askPrice,askSize\n"
                + "2024-01-02T10:00:00Z,BTC-USD,30000.01,0.5,30000.02,0.0001\n"
                + "2024-01-02T10:00:01Z,ESZ4,5000.25,3,5000.50,4\n");
        data("list").run(out);
        assertThat(output()).startsWith("no data in ");

        data("import", "q.csv").run(out);
        assertThat(output()).contains("Quotes").contains("store: " + dir.resolve("data/nautilus/marketdata"));
        assertThat(Files.isDirectory(dir.resolve("data/nautilus/marketdata/BTC-USD.COINBASE/2024-01-02"))).isTrue();

        data("list").run(out);
        assertThat(output()).contains("BTC-USD.COINBASE").contains("ESZ4.CME").contains("quotes")
                .contains("2024-01-02T10:00:01Z");

        assertThatThrownBy(() -> data("import", "q.csv").run(out)).isInstanceOf(CommandException.class)
                .hasMessageContaining("q.csv:2: BTC-USD.COINBASE 2024-01-02 already holds quotes");
        DataCommand replace = data("import", "q.csv");
        replace.replace = true;
        replace.run(out);
        assertThat(output()).contains("Quotes");
    }

    @Test
    void badRowsFailWithFileAndLineOrAreSkipped() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "timestamp,instrument,price,size\n"
                + "2024-01-02T10:00:00Z,EURUSD,1.123456,1\n2024-01-02T10:00:01Z,EURUSD,1.12345,1\n");
        assertThatThrownBy(() -> data("import", "t.csv").run(out)).isInstanceOf(CommandException.class)
                .hasMessage("nautilus: " + dir.resolve("t.csv") + ":2: price 1.123456 of EURUSD.FX has more decimals"
                        + " than its price scale 5");
        assertThat(Files.exists(dir.resolve("data/nautilus/marketdata/EURUSD.FX"))).isFalse();
        DataCommand skip = data("import", "t.csv");
        skip.skipBad = true;
        skip.run(out);
        assertThat(output()).contains("skipped by reason: {off the price scale=1}").contains("t.csv:2: ");
    }

    @Test
    void wrongUseIsOneLine() {
        assertThatThrownBy(() -> data("import").run(out)).hasMessageContaining("at least one CSV file");
        assertThatThrownBy(() -> data("export").run(out)).hasMessageContaining("use import or list");
        assertThatThrownBy(() -> data("import", "none.csv").run(out)).isInstanceOf(CommandException.class)
                .hasMessageContaining("none.csv: no such file or folder");
        DataCommand noCore = data("import", "x.csv");
        noCore.core = null;
        assertThatThrownBy(() -> noCore.run(out)).hasMessage(CoreCommand.NOT_RUNNING);
    }
}
