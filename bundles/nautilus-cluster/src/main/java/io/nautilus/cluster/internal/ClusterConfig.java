package io.nautilus.cluster.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Nautilus cluster", description = "Platform nodes that spread parameter sweeps over"
        + " each other (Hazelcast, TCP join to the members named here). Saving a change restarts this node's member.")
@interface ClusterConfig {

    @AttributeDefinition(name = "Enabled", description = "true to join the cluster; a single node needs none.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Cluster name", description = "Nodes with another name never join this cluster.")
    String cluster_name() default "nautilus";

    @AttributeDefinition(name = "Member name", description = "This node's name in nautilus:cluster and in sweep"
            + " outcomes; empty for the host name.")
    String member_name() default "";

    @AttributeDefinition(name = "Bind address", description = "The address this node listens on and is reached at.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "The TCP port it listens on.", min = "1", max = "65535")
    int port() default 5701;

    @AttributeDefinition(name = "Port count", description = "How many ports from Port it may try when one is taken,"
            + " 1 to 100.", min = "1", max = "100")
    int port_count() default 1;

    @AttributeDefinition(name = "Members", description = "The other nodes, host:port separated by commas.")
    String members() default "";

    @AttributeDefinition(name = "Processors", description = "Sweep runs this node takes at once, 0 for its available"
            + " processors.", min = "0")
    int processors() default 0;
}
