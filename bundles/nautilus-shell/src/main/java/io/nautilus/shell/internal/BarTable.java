package io.nautilus.shell.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;

/** The bars of {@code nautilus:md --bars}: one row per completed bar, prices and volume at the instrument's scales. */
final class BarTable {

    private BarTable() {
    }

    /**
     * One bar as table cells: start (UTC), open, high, low, close, volume, trades.
     *
     * @param bar    the bar
     * @param scales the instrument's scales
     * @return the cells
     */
    static List<String> row(Bar bar, Scales scales) {
        InstrumentId id = bar.instrument();
        return List.of(Instant.ofEpochSecond(0, bar.startNanos()).toString(), scales.price(id, bar.open()),
                scales.price(id, bar.high()), scales.price(id, bar.low()), scales.price(id, bar.close()),
                scales.quantity(id, bar.volume()), Long.toString(bar.tradeCount()));
    }

    /**
     * The table of bars, oldest first.
     *
     * @param bars   the bars
     * @param scales their instrument's scales
     * @return the table
     */
    static ShellTable table(List<Bar> bars, Scales scales) {
        ShellTable table = new ShellTable();
        table.column("Start (UTC)");
        table.column("Open").alignRight();
        table.column("High").alignRight();
        table.column("Low").alignRight();
        table.column("Close").alignRight();
        table.column("Volume").alignRight();
        table.column("Trades").alignRight();
        for (Bar bar : bars) {
            table.addRow().addContent(row(bar, scales).toArray());
        }
        return table;
    }
}
