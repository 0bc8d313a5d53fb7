package io.nautilus.camel.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.nautilus.api.platform.RouteAdminService;
import io.nautilus.api.platform.RouteFile;
import io.nautilus.api.platform.RouteInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot-loads the YAML route files of one folder into a CamelContext, file by file, and answers the route admin
 * service from that context.
 *
 * <p>{@link #start()} loads every route file, then a daemon thread watches the folder: a file created or modified
 * is (re)loaded once it has been quiet for the debounce period, a file deleted has its routes removed; other
 * files' routes are never touched. {@link #close()} stops watching and removes the routes of the files loaded.
 * Usable without OSGi: construct it with a started context and a folder.
 */
public final class RouteFileWatcher implements RouteAdminService, AutoCloseable {

    /** Default quiet period before a changed file is loaded, in milliseconds. */
    static final long DEFAULT_DEBOUNCE_MILLIS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileWatcher.class);
    private static final long JOIN_MILLIS = 5_000;

    private final CamelContext context;
    private final Path directory;
    private final long debounceNanos;
    private final ClassLoader classLoader;
    private final RouteFileLoader loader;
    private final RouteExchangeCounter counter = new RouteExchangeCounter();

    private WatchService watchService;
    private Thread thread;
    private volatile boolean running;

    /**
     * A watcher with the default debounce period.
     *
     * @param context   the (started) context the routes run in
     * @param directory the folder of route files; created if missing
     */
    public RouteFileWatcher(CamelContext context, Path directory) {
        this(context, directory, Duration.ofMillis(DEFAULT_DEBOUNCE_MILLIS));
    }

    /**
     * @param context   the (started) context the routes run in
     * @param directory the folder of route files; created if missing
     * @param debounce  how long a changed file must stay unchanged before it is loaded, 0 to 1.5 s
     */
    public RouteFileWatcher(CamelContext context, Path directory, Duration debounce) {
        if (debounce.isNegative() || debounce.compareTo(Duration.ofMillis(1500)) > 0) {
            throw new IllegalArgumentException("debounce " + debounce.toMillis()
                    + " ms is outside 0..1500 ms (a change must be picked up within 2 s)");
        }
        this.context = context;
        this.directory = directory.toAbsolutePath().normalize();
        this.debounceNanos = debounce.toNanos();
        ClassLoader applicationLoader = context.getApplicationContextClassLoader();
        this.classLoader = applicationLoader != null ? applicationLoader : RouteFileWatcher.class.getClassLoader();
        this.loader = new RouteFileLoader(context, this.directory, Clock.systemUTC());
    }

    /**
     * Loads every route file in the folder and starts watching it.
     *
     * @throws IOException if the folder cannot be created or watched
     */
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        Files.createDirectories(directory);
        context.getManagementStrategy().addEventNotifier(counter);
        ServiceHelper.startService(counter);
        watchService = directory.getFileSystem().newWatchService();
        directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        running = true;
        withClassLoader(this::synchronizeAll);
        thread = new Thread(this::watch, "nautilus-route-file-watcher");
        thread.setDaemon(true);
        thread.setContextClassLoader(classLoader);
        thread.start();
        LOG.info("Watching {} for YAML route files", directory);
    }

    /**
     * Stops watching and removes the routes of every route file loaded.
     */
    @Override
    public synchronized void close() {
        running = false;
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.warn("Could not close the watch service of {}", directory, e);
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        loader.unloadAll();
        context.getManagementStrategy().removeEventNotifier(counter);
        ServiceHelper.stopService(counter);
    }

    @Override
    public Path routeDirectory() {
        return directory;
    }

    @Override
    public List<RouteInfo> routes() {
        Map<String, String> sources = loader.routeSources();
        List<RouteInfo> routes = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            String id = route.getRouteId();
            ServiceStatus status = context.getRouteController().getRouteStatus(id);
            RouteExchangeCounter.Counts counts = counter.counts(id);
            boolean started = status != null && status.isStarted();
            routes.add(new RouteInfo(id, sources.get(id), status == null ? "Unknown" : status.name(),
                    started ? route.getUptimeMillis() : 0, counts.total(), counts.failed(),
                    URISupport.sanitizeUri(route.getEndpoint().getEndpointUri())));
        }
        routes.sort(Comparator.comparing(RouteInfo::id));
        return routes;
    }

    @Override
    public List<RouteFile> routeFiles() {
        return loader.files();
    }

    @Override
    public RouteFile reload(String fileName) {
        RouteFileNames.requireRouteFileName(fileName);
        Path file = directory.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no route file '" + fileName + "' in " + directory);
        }
        return withClassLoader(() -> {
            RouteFile result = synchronize(fileName, true);
            if (result == null) {
                throw new IllegalArgumentException("route file '" + fileName + "' disappeared from " + directory);
            }
            return result;
        });
    }

    @Override
    public List<RouteFile> reloadAll() {
        return withClassLoader(() -> {
            for (String fileName : listRouteFiles()) {
                synchronize(fileName, true);
            }
            for (String known : loader.fileNames()) {
                if (!Files.isRegularFile(directory.resolve(known))) {
                    loader.unload(known);
                }
            }
            return loader.files();
        });
    }

    /** Loads new and changed files and unloads files gone, e.g. at start or after lost watch events. */
    private List<RouteFile> synchronizeAll() {
        Set<String> present = listRouteFiles();
        for (String fileName : present) {
            synchronize(fileName, false);
        }
        for (String known : loader.fileNames()) {
            if (!present.contains(known)) {
                loader.unload(known);
            }
        }
        return loader.files();
    }

    /**
     * Brings one file's routes in line with the file on disk.
     *
     * @return the outcome of the load, or null when the file is gone (its routes are then removed)
     */
    private RouteFile synchronize(String fileName, boolean force) {
        Path file = directory.resolve(fileName);
        String content;
        try {
            if (!Files.isRegularFile(file)) {
                loader.unload(fileName);
                return null;
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            loader.unload(fileName);
            return null;
        } catch (CharacterCodingException e) {
            return loader.reject(fileName, LoadFailure.of(fileName, "the file is not UTF-8 text"));
        } catch (IOException e) {
            return loader.reject(fileName, LoadFailure.of(fileName, "the file could not be read: " + e));
        }
        return loader.load(fileName, content, force);
    }

    private Set<String> listRouteFiles() {
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (RouteFileNames.isRouteFile(name) && Files.isRegularFile(entry)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            LOG.error("Could not list the route folder {}", directory, e);
        }
        return names;
    }

    /** The watch loop: collects changed file names, loads each once it has been quiet for the debounce period. */
    private void watch() {
        Map<String, Long> due = new HashMap<>();
        while (running) {
            try {
                WatchKey key = due.isEmpty() ? watchService.take()
                        : watchService.poll(nanosUntilFirst(due), TimeUnit.NANOSECONDS);
                boolean rescan = false;
                if (key != null) {
                    rescan = collect(key, due);
                }
                if (rescan) {
                    LOG.warn("Route folder {}: watch events were lost, rescanning it", directory);
                    due.clear();
                    synchronizeAll();
                }
                loadDue(due);
            } catch (ClosedWatchServiceException | InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("Route folder {}: unexpected error while watching", directory, e);
            }
        }
    }

    private boolean collect(WatchKey key, Map<String, Long> due) {
        boolean overflow = false;
        long deadline = System.nanoTime() + debounceNanos;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
            } else if (event.context() instanceof Path changed) {
                String name = changed.getFileName().toString();
                if (RouteFileNames.isRouteFile(name)) {
                    due.put(name, deadline);
                }
            }
        }
        if (!key.reset()) {
            LOG.error("Route folder {} is no longer watchable (deleted?); route files are not hot-loaded any more",
                    directory);
            running = false;
        }
        return overflow;
    }

    private void loadDue(Map<String, Long> due) {
        long now = System.nanoTime();
        Iterator<Map.Entry<String, Long>> entries = due.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Long> entry = entries.next();
            if (entry.getValue() - now <= 0) {
                entries.remove();
                try {
                    synchronize(entry.getKey(), false);
                } catch (RuntimeException e) {
                    LOG.error("Route file {}: unexpected error while loading it", entry.getKey(), e);
                }
            }
        }
    }

    private static long nanosUntilFirst(Map<String, Long> due) {
        long now = System.nanoTime();
        long first = Long.MAX_VALUE;
        for (long deadline : due.values()) {
            first = Math.min(first, deadline - now);
        }
        return Math.max(first, 0);
    }

    private <T> T withClassLoader(Supplier<T> action) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(classLoader);
        try {
            return action.get();
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
