package io.nautilus.cluster.api;

/**
 * What operators see of the cluster that spreads parameter sweeps over platform nodes ({@code nautilus:cluster}).
 */
public interface ClusterAdminService {

    /**
     * Reads the cluster's members and the sweep runs each of them is running and has done; a member that does not
     * answer within a second shows its counts as unknown ({@code -1}).
     *
     * @return the status now; {@link ClusterStatus#enabled()} false when {@code etc/io.nautilus.cluster.cfg} leaves
     *         the cluster off
     */
    ClusterStatus status();
}
