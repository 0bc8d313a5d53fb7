package io.nautilus.api.platform;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last load of one route file.
 *
 * @param fileName  the file's name inside the route folder
 * @param state     whether the file's routes are running
 * @param routeIds  ids of the routes the file defines and that are running; empty when the load failed
 * @param error     a one-line description of why the load failed, naming the file and line; {@code null} when
 *                  loaded
 * @param errorLine line of the file the error points at (1-based), or 0 when unknown or loaded
 * @param loadedAt  when the file was last (re)loaded or tried
 */
public record RouteFile(String fileName, State state, List<String> routeIds, String error, int errorLine,
                        Instant loadedAt) {

    /** Whether a route file's routes run. */
    public enum State {
        /** Every route of the file was added and started. */
        LOADED,
        /** The file could not be parsed or one of its routes could not start; none of its routes run. */
        FAILED
    }

    /**
     * Copies the route ids so the record stays immutable.
     */
    public RouteFile {
        routeIds = List.copyOf(routeIds);
    }
}
