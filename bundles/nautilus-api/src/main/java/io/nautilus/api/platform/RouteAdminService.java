package io.nautilus.api.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * Administration of the integrators' Camel routes: the YAML route files dropped into the platform's
 * {@code camel-routes/} folder and every route running in the platform's Camel context.
 *
 * <p>Route files are hot-loaded: creating or modifying a file (re)loads only that file's routes, deleting it
 * removes only its routes. A file that fails to load leaves every other route untouched.
 */
public interface RouteAdminService {

    /**
     * The folder watched for route files.
     *
     * @return absolute path of the route folder
     */
    Path routeDirectory();

    /**
     * Every route in the platform's Camel context, those from route files and those added by bundles.
     *
     * @return routes ordered by route id
     */
    List<RouteInfo> routes();

    /**
     * Every route file seen in the route folder with the outcome of its last load.
     *
     * @return files ordered by file name
     */
    List<RouteFile> routeFiles();

    /**
     * Loads (or reloads) one route file from the route folder now.
     *
     * @param fileName the file's name inside the route folder, e.g. {@code heartbeat.yaml}
     * @return the outcome of the load; a failed load is reported in the result, not thrown
     * @throws IllegalArgumentException if no such file is in the route folder or the name leaves the folder
     */
    RouteFile reload(String fileName);

    /**
     * Reloads every route file in the route folder and removes the routes of files no longer there.
     *
     * @return the outcome for each file, ordered by file name
     */
    List<RouteFile> reloadAll();
}
