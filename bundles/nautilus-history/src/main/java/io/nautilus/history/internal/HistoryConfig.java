package io.nautilus.history.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Nautilus history store", description = "Where the history store keeps the core's"
        + " results, bars, position snapshots and alerts, and how it writes them. Saving a change restarts the store;"
        + " what the core publishes meanwhile is caught up from its journal.")
@interface HistoryConfig {

    @AttributeDefinition(name = "Enabled", description = "false switches the store off (queries answer that it is"
            + " DISABLED; the journal is no longer held for it).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Folder", description = "Folder of the embedded H2 database (used when the JDBC URL is"
            + " empty); a relative path starts at the Karaf base folder.")
    String folder() default "data/nautilus/history";

    @AttributeDefinition(name = "JDBC URL", description = "An external database, e.g."
            + " jdbc:postgresql://db:5432/nautilus; empty = the embedded H2 database in the folder.", required = false)
    String url() default "";

    @AttributeDefinition(name = "User", description = "Database user (external database only).", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", description = "Database password (external database only); kept in"
            + " Config Admin, never in the repository.", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Pool size", description = "Connections the PostgreSQL pool holds at most (the"
            + " writer takes one, queries the others), 1 to 64; not used by H2.", min = "1", max = "64")
    int poolSize() default 4;

    @AttributeDefinition(name = "Queue capacity", description = "Items the hand-off holds before it drops (dropped"
            + " results are caught up from the journal), 1 or more.", min = "1")
    int queue_capacity() default 65536;

    @AttributeDefinition(name = "Batch size", description = "Items written per transaction at most, 1 or more.",
            min = "1")
    int batch_size() default 1024;

    @AttributeDefinition(name = "Position snapshot interval (s)", description = "How often the core's positions are"
            + " sampled into position_snapshots; 0 = never.", min = "0")
    int positions_snapshot_interval_seconds() default 60;
}
