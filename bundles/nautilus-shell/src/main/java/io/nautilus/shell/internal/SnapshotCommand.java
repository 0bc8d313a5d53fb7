package io.nautilus.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code nautilus:snapshot}: takes a snapshot of the core's state now. */
@Command(scope = "nautilus", name = "snapshot",
        description = "Takes a snapshot of the trading core's state now, between two commands, and prints the"
                + " journal seq it includes (recovery replays only what follows).")
@Service
public final class SnapshotCommand extends CoreCommand {

    @Override
    void run(PrintStream out) throws CommandException {
        long seq = await(admin().snapshot(), "the snapshot");
        out.println("snapshot taken: includes seq " + seq);
    }
}
