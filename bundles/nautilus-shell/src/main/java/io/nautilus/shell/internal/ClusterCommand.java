package io.nautilus.shell.internal;

import io.nautilus.cluster.api.ClusterAdminService;
import io.nautilus.cluster.api.ClusterStatus;
import io.nautilus.cluster.api.MemberStatus;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code nautilus:cluster}: the cluster that spreads parameter sweeps over platform nodes — its name and state,
 * this node, and per member its address, the runs it takes at once and the sweep runs it is running and has done.
 */
@Command(scope = "nautilus", name = "cluster",
        description = "The sweep cluster (etc/io.nautilus.cluster.cfg): its state, this node, and each member's"
                + " address, runs at once, sweep runs running and done.")
@Service
public final class ClusterCommand implements Action {

    /** The line printed when the cluster bundle is not running. */
    static final String NOT_RUNNING = "nautilus: the cluster service is not running";

    @Reference(optional = true)
    ClusterAdminService cluster;

    @Override
    public Object execute() throws Exception {
        if (cluster == null) {
            throw new CommandException(NOT_RUNNING);
        }
        print(cluster.status(), System.out);
        return null;
    }

    /**
     * Prints the status.
     *
     * @param status the cluster as this node sees it
     * @param out    where to print
     */
    static void print(ClusterStatus status, PrintStream out) {
        if (!status.enabled()) {
            out.println("cluster: off (enabled = false in etc/io.nautilus.cluster.cfg); sweeps run on this node only");
            return;
        }
        if (status.members().isEmpty()) {
            out.println("cluster: " + status.state());
            return;
        }
        out.println("cluster '" + status.clusterName() + "' " + status.state() + ", " + status.members().size()
                + " member(s); this node: " + status.localMember());
        ShellTable table = new ShellTable();
        table.column("MEMBER");
        table.column("ADDRESS");
        table.column("THIS");
        table.column("RUNS AT ONCE").alignRight();
        table.column("RUNNING").alignRight();
        table.column("DONE").alignRight();
        for (MemberStatus member : status.members()) {
            table.addRow().addContent(member.name(), member.address(), member.local() ? "*" : "",
                    member.processors(), count(member.running()), count(member.done()));
        }
        table.print(out);
    }

    private static String count(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }
}
