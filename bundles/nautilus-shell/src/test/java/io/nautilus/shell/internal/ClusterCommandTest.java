package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.cluster.api.ClusterStatus;
import io.nautilus.cluster.api.MemberStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/** {@code nautilus:cluster} against given statuses. */
class ClusterCommandTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void printsTheMembersWithThisNodeMarkedAndUnknownCountsAsQuestionMarks() {
        ClusterCommand.print(new ClusterStatus(true, "nautilus", "ACTIVE", "node-a", List.of(
                new MemberStatus("node-a", "10.0.0.1:5701", true, 2, 1, 17),
                new MemberStatus("node-b", "10.0.0.2:5701", false, 8, -1, -1))), out);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("cluster 'nautilus' ACTIVE, 2 member(s); this node: node-a");
        assertThat(text.lines()).anySatisfy(l -> assertThat(l).matches("node-a\\s*\\|\\s*10.0.0.1:5701\\s*\\|\\s*\\*"
                + "\\s*\\|\\s*2\\s*\\|\\s*1\\s*\\|\\s*17"));
        assertThat(text.lines()).anySatisfy(l -> assertThat(l).matches("node-b\\s*\\|\\s*10.0.0.2:5701\\s*\\|\\s*"
                + "\\|\\s*8\\s*\\|\\s*\\?\\s*\\|\\s*\\?"));
    }

    @Test
    void saysWhenTheClusterIsOffOrFailedToStart() {
        ClusterCommand.print(ClusterStatus.off(), out);
        ClusterCommand.print(new ClusterStatus(true, "", "FAILED: etc/io.nautilus.cluster.cfg: port must be 1..65535,"
                + " was 0", "", List.of()), out);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("cluster: off (enabled = false in"
                + " etc/io.nautilus.cluster.cfg); sweeps run on this node only\ncluster: FAILED:"
                + " etc/io.nautilus.cluster.cfg: port must be 1..65535, was 0\n");
    }

    @Test
    void withoutTheClusterBundleTheCommandFailsWithOneLine() {
        assertThatThrownBy(() -> new ClusterCommand().execute()).isInstanceOf(CommandException.class)
                .hasMessage(ClusterCommand.NOT_RUNNING);
    }
}
