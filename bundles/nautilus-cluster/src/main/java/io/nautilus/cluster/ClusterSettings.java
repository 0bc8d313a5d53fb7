package io.nautilus.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one node joins the cluster: the keys of {@code etc/io.nautilus.cluster.cfg}, checked.
 *
 * @param clusterName the cluster's name; nodes with another name never join this one
 * @param memberName  this node's name, shown by {@code nautilus:cluster} and in each outcome's {@code node}
 * @param bindAddress the address this node listens on and is reached at, e.g. {@code 127.0.0.1}
 * @param port        the first port it tries, 1..65535
 * @param portCount   how many ports from {@code port} it may try when one is taken, 1..100 (1: that port only)
 * @param members     the other nodes as {@code host:port} ({@code host} alone means port 5701): the TCP join list
 * @param processors  how many sweep runs this node takes at once, at least 1
 */
public record ClusterSettings(String clusterName, String memberName, String bindAddress, int port, int portCount,
                              List<String> members, int processors) {

    /** The port of a members entry without one, Hazelcast's default. */
    public static final int DEFAULT_PORT = 5701;

    /** Checks the values; a bad one fails with a message naming the key and the value. */
    public ClusterSettings {
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("cluster.name must not be empty");
        }
        if (memberName == null || memberName.isBlank()) {
            throw new IllegalArgumentException("member.name must not be empty");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind.address must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (portCount < 1 || portCount > 100) {
            throw new IllegalArgumentException("port.count must be 1..100, was " + portCount);
        }
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be at least 1, was " + processors);
        }
        clusterName = clusterName.strip();
        memberName = memberName.strip();
        bindAddress = bindAddress.strip();
        List<String> checked = new ArrayList<>();
        for (String member : Objects.requireNonNull(members, "members")) {
            if (member != null && !member.isBlank()) {
                checked.add(hostPort(member.strip()));
            }
        }
        members = List.copyOf(checked);
    }

    /**
     * Parses a members list as written in the cfg file: entries separated by commas or white space.
     *
     * @param list e.g. {@code "10.0.0.2:5701, 10.0.0.3:5701"}; null or blank for none
     * @return the entries, not yet checked
     */
    public static List<String> parseMembers(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String entry : list.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                out.add(entry);
            }
        }
        return out;
    }

    private static String hostPort(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon < 0) {
            return entry + ":" + DEFAULT_PORT;
        }
        String host = entry.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(entry.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("members: '" + entry + "' is not host:port (port 1..65535)");
        }
        return entry;
    }
}
