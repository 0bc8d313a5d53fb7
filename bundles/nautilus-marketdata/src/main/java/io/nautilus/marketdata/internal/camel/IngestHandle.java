package io.nautilus.marketdata.internal.camel;

import io.nautilus.marketdata.api.MarketDataIngest;

/**
 * The engine the Camel components hand ticks to. The components outlive engine restarts (a configuration change
 * restarts the market-data component): routes keep running and ticks arriving while no engine is bound are
 * dropped and counted.
 */
public final class IngestHandle {

    private volatile MarketDataIngest ingest;

    /** Creates a handle with no engine bound. */
    public IngestHandle() {
    }

    /**
     * Creates a handle bound to an engine.
     *
     * @param ingest the engine
     */
    public IngestHandle(MarketDataIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * Binds or unbinds the engine.
     *
     * @param ingest the engine, or {@code null}
     */
    public void set(MarketDataIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * The current engine.
     *
     * @return the engine, or {@code null} when none is bound
     */
    public MarketDataIngest get() {
        return ingest;
    }
}
