package io.nautilus.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of {@code etc/io.nautilus.cluster.cfg}'s values, and the members list as written in the file. */
class ClusterSettingsTest {

    static ClusterSettings settings(int port, int portCount, List<String> members) {
        return new ClusterSettings("nautilus", "node-a", "127.0.0.1", port, portCount, members, 2);
    }

    @Test
    void membersAreSplitOnCommasAndSpacesAndAHostAloneGetsPort5701() {
        List<String> parsed = ClusterSettings.parseMembers(" 10.0.0.2:5702, 10.0.0.3  node-c ");

        assertThat(settings(5701, 1, parsed).members()).containsExactly("10.0.0.2:5702", "10.0.0.3:5701",
                "node-c:5701");
        assertThat(ClusterSettings.parseMembers("  ")).isEmpty();
        assertThat(ClusterSettings.parseMembers(null)).isEmpty();
    }

    @Test
    void aBadValueFailsWithOneLineNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> settings(0, 1, List.of())).hasMessage("port must be 1..65535, was 0");
        assertThatThrownBy(() -> settings(5701, 101, List.of())).hasMessage("port.count must be 1..100, was 101");
        assertThatThrownBy(() -> settings(5701, 1, List.of("10.0.0.2:http")))
                .hasMessage("members: '10.0.0.2:http' is not host:port (port 1..65535)");
        assertThatThrownBy(() -> settings(5701, 1, List.of(":5701")))
                .hasMessage("members: ':5701' is not host:port (port 1..65535)");
        assertThatThrownBy(() -> new ClusterSettings(" ", "a", "127.0.0.1", 5701, 1, List.of(), 1))
                .hasMessage("cluster.name must not be empty");
        assertThatThrownBy(() -> new ClusterSettings("n", "a", "127.0.0.1", 5701, 1, List.of(), 0))
                .hasMessage("processors must be at least 1, was 0");
    }
}
