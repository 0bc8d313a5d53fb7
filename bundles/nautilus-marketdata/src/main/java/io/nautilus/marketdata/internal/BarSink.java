package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.marketdata.api.BarSpec;

/**
 * Receives completed bars from an aggregator.
 */
interface BarSink {

    /**
     * Handles a completed bar.
     *
     * @param spec the spec that cut it
     * @param bar  the bar
     */
    void onBar(BarSpec spec, Bar bar);
}
