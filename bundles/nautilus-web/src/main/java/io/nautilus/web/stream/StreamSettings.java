package io.nautilus.web.stream;

/**
 * The hub's limits.
 *
 * @param replay         frames each never-dropped topic ({@code executions}, {@code alerts}, {@code bars:<instrument>})
 *                       keeps for clients resuming with {@code from}; at least 1
 * @param maxPending     never-dropped frames (and replies) a client may have waiting before it is closed with
 *                       {@link StreamHub#CLOSE_TOO_SLOW}; at least 1
 * @param stallMillis    how long a client's connection may stay unwritable, with frames waiting, before it is closed
 *                       with {@link StreamHub#CLOSE_TOO_SLOW}; at least 1
 * @param maxTopics      topics one client may subscribe to; at least 1
 * @param maxClients     connections the hub accepts; more are closed with 1013 (try again later); at least 1
 */
public record StreamSettings(int replay, int maxPending, long stallMillis, int maxTopics, int maxClients) {

    /** The defaults of the {@code io.nautilus.web} configuration's {@code stream.*} keys. */
    public static final StreamSettings DEFAULTS = new StreamSettings(4096, 1024, 5000, 256, 10_000);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException naming the first limit out of range
     */
    public StreamSettings {
        check("stream.replay", replay);
        check("stream.maxPending", maxPending);
        check("stream.stallMillis", stallMillis);
        check("stream.maxTopics", maxTopics);
        check("stream.maxClients", maxClients);
    }

    private static void check(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " = " + value + ": must be at least 1");
        }
    }
}
