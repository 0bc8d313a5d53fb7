package io.nautilus.shell.internal;

import io.nautilus.core.api.JournalInfo;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code nautilus:journal}: the journal, snapshots, last recovery and the pipeline. */
@Command(scope = "nautilus", name = "journal",
        description = "Shows the trading core's journal (folder, fsync policy, last seq, segments), snapshots, what"
                + " the last recovery found, and the pipeline (wait strategy, ring, threads).")
@Service
public final class JournalCommand extends CoreCommand {

    @Override
    void run(PrintStream out) throws CommandException {
        var admin = admin();
        JournalInfo info = admin.journalInfo();
        JournalReport.table(info, admin.pipelineInfo()).print(out);
        out.println();
        out.println("Last recovery:");
        if (info.recoveryReport().isEmpty()) {
            out.println("  (nothing reported)");
        }
        for (String line : info.recoveryReport()) {
            out.println("  " + line);
        }
    }
}
