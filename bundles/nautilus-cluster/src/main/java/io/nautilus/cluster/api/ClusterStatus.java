package io.nautilus.cluster.api;

import java.util.List;
import java.util.Objects;

/**
 * The cluster as one node sees it.
 *
 * @param enabled     false when the cluster is off ({@code enabled = false}): the node runs sweeps alone
 * @param clusterName the cluster's name, or empty when off
 * @param state       Hazelcast's cluster state ({@code ACTIVE}, {@code PASSIVE}, ...), {@code OFF} or
 *                    {@code STOPPED}
 * @param localMember this node's member name, or empty when off
 * @param members     the members, this node included, oldest first
 */
public record ClusterStatus(boolean enabled, String clusterName, String state, String localMember,
                            List<MemberStatus> members) {

    /** Checks the parts and copies the list. */
    public ClusterStatus {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(localMember, "localMember");
        members = List.copyOf(members);
    }

    /** @return the status of a node whose cluster is off */
    public static ClusterStatus off() {
        return new ClusterStatus(false, "", "OFF", "", List.of());
    }
}
