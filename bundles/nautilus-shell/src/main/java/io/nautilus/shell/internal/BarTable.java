package io.nautilus.shell.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.marketdata.api.BarSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.support.table.ShellTable;

/** The bars of {@code nautilus:md --bars}: one row per completed bar, prices and volume at the instrument's scales. */
final class BarTable {

    private BarTable() {
    }

    /**
     * The short name of a spec, as {@code --spec} takes it: {@code 1s}, {@code 250ms}, {@code 1m}, {@code 1h} for time
     * bars, {@code ticks:100} and {@code volume:500} for the others (the forms of {@code etc/io.nautilus.marketdata.cfg},
     * where time bars are written {@code time:1m}).
     *
     * @param spec the spec
     * @return its name
     */
    static String label(BarSpec spec) {
        return switch (spec.type()) {
            case TIME -> duration(spec.size());
            case TICK -> "ticks:" + spec.size();
            case VOLUME -> "volume:" + spec.size();
        };
    }

    private static String duration(long nanos) {
        long[] units = {TimeUnit.HOURS.toNanos(1), TimeUnit.MINUTES.toNanos(1), TimeUnit.SECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)};
        String[] names = {"h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    /**
     * Picks a configured spec by name.
     *
     * @param specs the engine's specs
     * @param text  a name as {@link #label} gives it, also {@code time:1s}; null for the first spec
     * @return the spec
     * @throws IllegalArgumentException if none is configured or none has that name; the message lists the names
     */
    static BarSpec find(List<BarSpec> specs, String text) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the market-data engine builds no bars (set bars in"
                    + " etc/io.nautilus.marketdata.cfg, e.g. bars = time:1m,ticks:100)");
        }
        if (text == null) {
            return specs.get(0);
        }
        String wanted = text.strip();
        List<String> names = new ArrayList<>();
        for (BarSpec spec : specs) {
            String label = label(spec);
            if (label.equals(wanted) || ("time:" + label).equals(wanted)) {
                return spec;
            }
            names.add(label);
        }
        throw new IllegalArgumentException("no bar spec '" + wanted + "'; the engine builds " + String.join(", ", names));
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
