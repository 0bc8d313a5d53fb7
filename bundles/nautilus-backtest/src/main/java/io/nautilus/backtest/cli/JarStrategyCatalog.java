package io.nautilus.backtest.cli;

import io.nautilus.api.strategy.StrategyFactory;
import io.nautilus.backtest.engine.StrategyCatalog;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The strategies of {@code bin/nautilus-backtest}: the factories {@link ServiceLoader} finds in
 * {@value StrategyFactory#SERVICES_RESOURCE} of the class path, of the distribution's strategy jars
 * ({@code system/io/nautilus/nautilus-strategy-*}) and of the {@code --strategy-jar} files. The first factory of a
 * name wins.
 */
final class JarStrategyCatalog implements StrategyCatalog {

    private final Map<String, StrategyFactory> factories = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();

    /**
     * @param jars the jars to load, in order
     * @param parent the class loader with the Nautilus API
     */
    JarStrategyCatalog(List<Path> jars, ClassLoader parent) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--strategy-jar " + jars.get(i) + ": " + e.getMessage());
            }
        }
        ClassLoader loader = urls.length == 0 ? parent : new URLClassLoader(urls, parent);
        Iterator<StrategyFactory> it = ServiceLoader.load(StrategyFactory.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                StrategyFactory f = it.next();
                factories.putIfAbsent(f.name(), f);
            } catch (ServiceConfigurationError | LinkageError e) {
                skipped.add(String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * The distribution's strategy jars.
     *
     * @param home the distribution's folder
     * @return the jars under {@code system/io/nautilus/nautilus-strategy-*}, sorted by path
     */
    static List<Path> distributionJars(Path home) {
        Path system = home.resolve("system/io/nautilus");
        if (!Files.isDirectory(system)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(system)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> system.relativize(p).getName(0).toString().startsWith("nautilus-strategy-"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public StrategyFactory find(String name) {
        return factories.get(name);
    }

    @Override
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** @return why factories could not be loaded (one line each) */
    List<String> skipped() {
        return List.copyOf(skipped);
    }
}
