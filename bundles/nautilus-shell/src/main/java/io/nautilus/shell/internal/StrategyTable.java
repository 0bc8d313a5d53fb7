package io.nautilus.shell.internal;

import io.nautilus.api.strategy.admin.StrategyInstanceInfo;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The tables of {@code nautilus:strategies}. */
final class StrategyTable {

    private StrategyTable() {
    }

    /**
     * One row per instance.
     *
     * @param instances the instances
     * @return the table
     */
    static ShellTable list(List<StrategyInstanceInfo> instances) {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("STRATEGY");
        table.column("VER").alignRight();
        table.column("STATE");
        table.column("ACCOUNT");
        table.column("INSTRUMENTS");
        table.column("EVENTS").alignRight();
        table.column("QUEUED").alignRight();
        table.column("LAG").alignRight();
        table.column("ORDERS").alignRight();
        table.column("REALISED").alignRight();
        table.column("UNREALISED").alignRight();
        table.column("CONFIG ERROR");
        for (StrategyInstanceInfo info : instances) {
            table.addRow().addContent(info.id(), strategy(info), info.version(), info.state(), info.account(),
                    info.instruments().isEmpty() ? "all" : String.join(",", info.instruments()),
                    info.deliveredEvents(), info.queuedEvents(), lag(info.lagMicros()), info.workingOrders(),
                    money(info.realisedPnl()), money(info.unrealisedPnl()),
                    info.configError().isEmpty() ? "-" : firstLine(info.configError()));
        }
        table.emptyTableText("no strategy instances (configure one in etc/, e.g."
                + " etc/io.nautilus.strategy.marketmaker-demo.cfg)");
        return table;
    }

    /**
     * Everything about one instance.
     *
     * @param info the instance
     * @param out  where to print
     */
    static void details(StrategyInstanceInfo info, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("FIELD");
        table.column("VALUE");
        table.addRow().addContent("id", info.id());
        table.addRow().addContent("state", info.state());
        if (!info.failure().isEmpty()) {
            table.addRow().addContent("failure", info.failure());
        }
        for (String line : info.configError().lines().toList()) {
            table.addRow().addContent("config error", line);
        }
        table.addRow().addContent("strategy", info.implementation().isEmpty() ? "-" : info.implementation());
        table.addRow().addContent("bundle", info.bundle().isEmpty() ? "-" : info.bundle());
        table.addRow().addContent("version", info.version() + " (1 + hand-overs: hot swaps, updates, parameter"
                + " changes)");
        table.addRow().addContent("account", info.account());
        table.addRow().addContent("instruments", info.instruments().isEmpty() ? "all"
                : String.join(",", info.instruments()));
        table.addRow().addContent("configuration", info.configuration().isEmpty() ? "-" : info.configuration());
        table.addRow().addContent("events delivered", info.deliveredEvents());
        table.addRow().addContent("events queued", info.queuedEvents());
        table.addRow().addContent("events rejected", info.rejectedEvents());
        table.addRow().addContent("event lag", lag(info.lagMicros()));
        table.addRow().addContent("working orders", info.workingOrders());
        if (!info.swapPausesMicros().isEmpty()) {
            long max = info.swapPausesMicros().stream().mapToLong(Long::longValue).max().orElse(0);
            table.addRow().addContent("hand-over pauses", info.swapPausesMicros().size() + ", last "
                    + lag(info.swapPausesMicros().get(info.swapPausesMicros().size() - 1)) + ", max " + lag(max));
        }
        table.addRow().addContent("realised P&L", money(info.realisedPnl()));
        table.addRow().addContent("unrealised P&L", money(info.unrealisedPnl()));
        for (Map.Entry<String, String> parameter : new java.util.TreeMap<>(info.parameters()).entrySet()) {
            table.addRow().addContent("param " + parameter.getKey(), parameter.getValue());
        }
        table.print(out);
    }

    private static String firstLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(0).strip() + (lines.size() > 1 ? " (+" + (lines.size() - 1) + " more: nautilus:strategies <id>)"
                : "");
    }

    private static String strategy(StrategyInstanceInfo info) {
        String name = info.implementation();
        int dot = name.lastIndexOf('.');
        return name.isEmpty() ? "-" : name.substring(dot + 1);
    }

    /**
     * Formats an event lag.
     *
     * @param micros microseconds, or -1 for none yet
     * @return e.g. {@code 850us}, {@code 12.3ms}, {@code 2.0s}, or {@code -}
     */
    static String lag(long micros) {
        if (micros < 0) {
            return "-";
        }
        if (micros < 1_000) {
            return micros + "us";
        }
        if (micros < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1fms", micros / 1_000.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", micros / 1_000_000.0);
    }

    private static String money(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }
}
