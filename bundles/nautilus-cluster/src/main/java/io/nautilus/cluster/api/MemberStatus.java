package io.nautilus.cluster.api;

import java.util.Objects;

/**
 * One cluster member and the sweep runs it serves.
 *
 * @param name       its member name ({@code member.name} of its {@code etc/io.nautilus.cluster.cfg})
 * @param address    host:port it listens on
 * @param local      true for the node answering
 * @param processors the sweep runs it takes at once (its available processors)
 * @param running    sweep runs it is running now, or -1 if it did not answer
 * @param done       sweep runs it has finished since it started, or -1 if it did not answer
 */
public record MemberStatus(String name, String address, boolean local, int processors, long running, long done) {

    /** Checks the parts. */
    public MemberStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
