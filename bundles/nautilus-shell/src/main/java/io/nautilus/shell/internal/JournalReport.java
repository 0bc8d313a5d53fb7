package io.nautilus.shell.internal;

import io.nautilus.core.api.JournalInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.support.table.ShellTable;

/** The journal, snapshots, last recovery and pipeline as {@code nautilus:journal} prints them. */
final class JournalReport {

    private JournalReport() {
    }

    /**
     * The name/value pairs, in print order.
     *
     * @param info     the journal
     * @param pipeline the pipeline's one-line description
     * @return pairs of name and value
     */
    static List<List<String>> rows(JournalInfo info, String pipeline) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Directory", info.directory()));
        rows.add(List.of("Fsync policy", info.fsyncPolicy()));
        rows.add(List.of("Last seq", Long.toString(info.lastSeq())));
        rows.add(List.of("Segments", files(info.segments()) + ", " + bytes(info.totalBytes())));
        rows.add(List.of("Snapshots", info.snapshots().isEmpty() ? "none"
                : files(info.snapshots()) + ", newest includes seq " + info.lastSnapshotSeq()));
        rows.add(List.of("Recovered to seq", Long.toString(info.recoveredSeq())));
        rows.add(List.of("Processed since start", Long.toString(info.processedCommands())));
        rows.add(List.of("Ring free slots", Long.toString(info.ringRemainingCapacity())));
        rows.add(List.of("Pipeline", pipeline));
        return rows;
    }

    /**
     * @param info     the journal
     * @param pipeline the pipeline's one-line description
     * @return a two-column table without headers
     */
    static ShellTable table(JournalInfo info, String pipeline) {
        ShellTable table = new ShellTable().noHeaders();
        table.column("Name");
        table.column("Value");
        for (List<String> row : rows(info, pipeline)) {
            table.addRow().addContent(row.get(0), row.get(1));
        }
        return table;
    }

    /**
     * @param names file names, oldest first
     * @return e.g. {@code 3 files (journal-1 .. journal-3)} or {@code 1 file (journal-1)}
     */
    static String files(List<String> names) {
        if (names.isEmpty()) {
            return "0 files";
        }
        if (names.size() == 1) {
            return "1 file (" + names.get(0) + ")";
        }
        return names.size() + " files (" + names.get(0) + " .. " + names.get(names.size() - 1) + ")";
    }

    /**
     * @param bytes a size in bytes, 0 or more
     * @return e.g. {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}, {@code 2.0 GiB}
     */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
