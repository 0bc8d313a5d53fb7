package io.nautilus.camel.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.nautilus.api.platform.RouteFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesBuilderLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds, replaces and removes the routes of one YAML route file at a time in a CamelContext, and remembers the
 * outcome of each file's last load.
 *
 * <p>A load happens in two stages. First the file is parsed and its route ids checked, without touching the
 * context: a YAML syntax error, an unknown DSL element or a route id already used by another file or a bundle
 * fails here and the file's previously loaded routes keep running untouched. Then the file's old routes are
 * removed and the new ones added; if one of them cannot be created or started (unknown component, bad endpoint
 * option), every route of the new version is removed again and the previous version, if any, is loaded back
 * from the content that last loaded, so the file's last good routes run again. Either way the file is reported
 * {@link RouteFile.State#FAILED} with the error; its {@code routeIds} then name the previous version's routes
 * that still run (empty when there was none).
 *
 * <p>Thread-safe: every method is synchronized; loads are rare and not on any hot path.
 */
final class RouteFileLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileLoader.class);

    /** The last load of one file: its outcome, the routes it runs and the content they came from. */
    private record FileState(RouteFile result, List<String> runningIds, String runningContent,
                             String triedContent) {
    }

    /** A parsed file: its builder and route definitions, not yet added to the context. */
    private record Parsed(RoutesBuilder builder, List<RouteDefinition> definitions) {
    }

    private final CamelContext context;
    private final Model model;
    private final Path directory;
    private final Clock clock;
    private final Map<String, FileState> files = new TreeMap<>();

    /**
     * @param context   the context the routes run in
     * @param directory the route folder; a route's source location is {@code file:<directory>/<fileName>}
     * @param clock     the clock stamping each load
     */
    RouteFileLoader(CamelContext context, Path directory, Clock clock) {
        this.context = context;
        this.model = (Model) context;
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /**
     * Loads or reloads one file's routes from the given content.
     *
     * @param fileName the file's name in the route folder
     * @param content  the file's content
     * @param force    reload even when the content equals the content tried last time
     * @return the outcome of this load (or of the last one, when skipped as unchanged)
     */
    synchronized RouteFile load(String fileName, String content, boolean force) {
        FileState previous = files.get(fileName);
        if (!force && previous != null && content.equals(previous.triedContent())) {
            return previous.result();
        }
        List<String> keptIds = previous == null ? List.of() : previous.runningIds();
        String keptContent = previous == null ? null : previous.runningContent();

        Parsed parsed;
        try {
            parsed = parse(fileName, content);
        } catch (Exception e) {
            return failed(fileName, LoadFailure.of(fileName, e, List.of()), keptIds, keptContent, content, "");
        }
        LoadFailure idProblem = checkRouteIds(fileName, parsed.definitions(), keptIds);
        if (idProblem != null) {
            return failed(fileName, idProblem, keptIds, keptContent, content, "");
        }

        removeRoutes(fileName, keptIds);
        try {
            List<String> ids = add(parsed);
            RouteFile result = new RouteFile(fileName, RouteFile.State.LOADED, ids, null, 0, clock.instant());
            files.put(fileName, new FileState(result, ids, content, content));
            LOG.info("Route file {} loaded: routes {}", fileName, ids);
            return result;
        } catch (Exception e) {
            LoadFailure failure = LoadFailure.of(fileName, e, parsed.definitions());
            removeRoutes(fileName, idsOf(parsed.definitions()));
            List<String> restoredIds = restore(fileName, keptContent);
            String note = keptContent == null ? ""
                    : restoredIds.isEmpty() ? "; its previous version could not be restored"
                    : "; its previous version was restored";
            return failed(fileName, failure, restoredIds, restoredIds.isEmpty() ? null : keptContent, content,
                    note);
        }
    }

    /**
     * Records that a file could not be loaded at all (e.g. unreadable); the routes of its previous version keep
     * running.
     *
     * @param fileName the file's name in the route folder
     * @param failure  why
     * @return the failed outcome
     */
    synchronized RouteFile reject(String fileName, LoadFailure failure) {
        FileState previous = files.get(fileName);
        return previous == null ? failed(fileName, failure, List.of(), null, null, "")
                : failed(fileName, failure, previous.runningIds(), previous.runningContent(), null, "");
    }

    /**
     * Removes every route of a file and forgets the file.
     *
     * @param fileName the file's name in the route folder
     * @return true if the file was known
     */
    synchronized boolean unload(String fileName) {
        FileState state = files.remove(fileName);
        if (state == null) {
            return false;
        }
        removeRoutes(fileName, state.runningIds());
        LOG.info("Route file {} removed: routes {} removed", fileName, state.runningIds());
        return true;
    }

    /** Removes the routes of every file loaded. */
    synchronized void unloadAll() {
        for (String fileName : List.copyOf(files.keySet())) {
            unload(fileName);
        }
    }

    /**
     * @return the outcome of each known file's last load, ordered by file name
     */
    synchronized List<RouteFile> files() {
        List<RouteFile> results = new ArrayList<>(files.size());
        for (FileState state : files.values()) {
            results.add(state.result());
        }
        return results;
    }

    /**
     * @return the names of the files loaded or tried
     */
    synchronized Set<String> fileNames() {
        return new LinkedHashSet<>(files.keySet());
    }

    /**
     * @return for each route id that a route file runs, the file's name
     */
    synchronized Map<String, String> routeSources() {
        Map<String, String> sources = new HashMap<>();
        files.forEach((fileName, state) -> state.runningIds().forEach(id -> sources.put(id, fileName)));
        return sources;
    }

    /**
     * The source location routes of the file carry ({@code Route.getSourceResource().getLocation()}).
     *
     * @param fileName the file's name in the route folder
     * @return {@code file:<absolute path>}
     */
    String locationOf(String fileName) {
        return "file:" + directory.resolve(fileName);
    }

    private Parsed parse(String fileName, String content) throws Exception {
        Resource resource = ResourceHelper.fromString(locationOf(fileName), content);
        // the YAML loader directly: Camel picks loaders by extension and has none registered for ".yml"
        RoutesBuilderLoader yaml = PluginHelper.getRoutesLoader(context).getRoutesLoader("yaml");
        RoutesBuilder builder = yaml.loadRoutesBuilder(resource);
        List<RouteDefinition> definitions = builder instanceof RouteBuilder routeBuilder
                ? List.copyOf(routeBuilder.configureRoutes(context).getRoutes())
                : List.of();
        return new Parsed(builder, definitions);
    }

    /** Route ids set in the file must be unique in the file and not used by another file or a bundle. */
    private LoadFailure checkRouteIds(String fileName, List<RouteDefinition> definitions, List<String> ownIds) {
        Set<String> seen = new HashSet<>();
        for (RouteDefinition definition : definitions) {
            if (!definition.hasCustomIdAssigned()) {
                continue;
            }
            String id = definition.getRouteId();
            if (!seen.add(id)) {
                return LoadFailure.at(fileName, definition.getLineNumber(),
                        "route id '" + id + "' is defined twice in this file");
            }
            if (ownIds.contains(id)) {
                continue;
            }
            if (context.getRoute(id) != null || model.getRouteDefinition(id) != null) {
                return LoadFailure.at(fileName, definition.getLineNumber(),
                        "route id '" + id + "' is already used by " + ownerOf(id) + "; route ids must be unique");
            }
        }
        return null;
    }

    private String ownerOf(String routeId) {
        for (Map.Entry<String, FileState> entry : files.entrySet()) {
            if (entry.getValue().runningIds().contains(routeId)) {
                return "route file " + entry.getKey();
            }
        }
        Route route = context.getRoute(routeId);
        if (route != null && route.getSourceResource() != null) {
            return route.getSourceResource().getLocation();
        }
        return "a route added by a bundle";
    }

    private List<String> add(Parsed parsed) throws Exception {
        if (parsed.builder() instanceof RouteConfigurationsBuilder configurations) {
            context.addRoutesConfigurations(configurations);
        }
        context.addRoutes(parsed.builder());
        return idsOf(parsed.definitions());
    }

    private List<String> restore(String fileName, String content) {
        if (content == null) {
            return List.of();
        }
        try {
            return add(parse(fileName, content));
        } catch (Exception e) {
            LOG.error("Route file {}: could not restore its previous version", fileName, e);
            removeRoutes(fileName, List.of());
            return List.of();
        }
    }

    private RouteFile failed(String fileName, LoadFailure failure, List<String> runningIds, String runningContent,
                             String triedContent, String note) {
        String error = failure.message() + note;
        RouteFile result = new RouteFile(fileName, RouteFile.State.FAILED, runningIds, error, failure.line(),
                clock.instant());
        files.put(fileName, new FileState(result, runningIds, runningContent, triedContent));
        if (runningIds.isEmpty()) {
            LOG.error("Route file {} failed to load: {}", fileName, error);
        } else {
            LOG.error("Route file {} failed to load, its previous routes {} keep running: {}", fileName,
                    runningIds, error);
        }
        return result;
    }

    /**
     * Stops and removes the given routes and every route or leftover route definition whose source is the file.
     */
    private void removeRoutes(String fileName, Collection<String> ids) {
        String location = locationOf(fileName);
        Set<String> routeIds = new LinkedHashSet<>(ids);
        for (Route route : context.getRoutes()) {
            if (route.getSourceResource() != null && location.equals(route.getSourceResource().getLocation())) {
                routeIds.add(route.getRouteId());
            }
        }
        for (String id : routeIds) {
            try {
                if (context.getRoute(id) != null) {
                    context.getRouteController().stopRoute(id);
                    context.removeRoute(id);
                }
            } catch (Exception e) {
                LOG.warn("Route file {}: could not remove route {}", fileName, id, e);
            }
        }
        for (RouteDefinition definition : List.copyOf(model.getRouteDefinitions())) {
            boolean fromFile = definition.getResource() != null
                    && location.equals(definition.getResource().getLocation());
            if (fromFile || routeIds.contains(definition.getRouteId())) {
                try {
                    model.removeRouteDefinition(definition);
                } catch (Exception e) {
                    LOG.warn("Route file {}: could not remove the definition of route {}", fileName,
                            definition.getRouteId(), e);
                }
            }
        }
    }

    private static List<String> idsOf(List<RouteDefinition> definitions) {
        List<String> ids = new ArrayList<>(definitions.size());
        for (RouteDefinition definition : definitions) {
            if (definition.getRouteId() != null) {
                ids.add(definition.getRouteId());
            }
        }
        return ids;
    }
}
