package io.nautilus.web.stream;

/**
 * A {@link StreamModule} started with the default settings, as its component starts it, for tests of other packages
 * that mount every module (the route test); closed by the test.
 */
public final class StartedStreams implements AutoCloseable {

    private final StreamModule module = new StreamModule();

    /** Starts the module's hub and endpoint. */
    public StartedStreams() {
        module.start(StreamSettings.DEFAULTS, 65_536, 60_000);
    }

    /** @return the started module, to mount */
    public StreamModule module() {
        return module;
    }

    /** @return WebSocket clients connected to the hub now */
    public int clients() {
        return module.hub().clients();
    }

    @Override
    public void close() {
        module.deactivate();
    }
}
