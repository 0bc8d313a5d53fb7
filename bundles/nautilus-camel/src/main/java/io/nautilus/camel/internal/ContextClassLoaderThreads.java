package io.nautilus.camel.internal;

import java.util.concurrent.ThreadFactory;

import org.apache.camel.spi.ExecutorServiceManager;

/**
 * Gives every thread Camel creates the bundle's class loader as its thread context class loader, so libraries
 * that look services up through the context class loader (JavaMail/Activation, Vert.x, Jackson modules, Kafka)
 * find them in the embedded jars when they run on Camel's consumer and pool threads.
 */
final class ContextClassLoaderThreads implements ExecutorServiceManager.ThreadFactoryListener {

    private final ClassLoader classLoader;

    ContextClassLoaderThreads(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public ThreadFactory onNewThreadFactory(Object source, ThreadFactory factory) {
        return runnable -> {
            Thread thread = factory.newThread(runnable);
            thread.setContextClassLoader(classLoader);
            return thread;
        };
    }
}
