package io.nautilus.marketdata.api;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;

import java.util.List;

/**
 * What operators see of the market-data engine: per-feed validation counters, per-subscriber delivery and the
 * recent completed bars of each instrument.
 */
public interface MarketDataAdminService {

    /**
     * Validation counters of every feed that has delivered at least one tick.
     *
     * @return one entry per feed, in order of first appearance
     */
    List<FeedStats> feedStats();

    /**
     * Delivery counters of every open subscription.
     *
     * @return one entry per subscription
     */
    List<SubscriptionStats> subscriptionStats();

    /**
     * The bar specs the engine aggregates for every instrument.
     *
     * @return in configuration order; empty when no bars are configured
     * @since 0.2.0
     */
    default List<BarSpec> barSpecs() {
        return List.of();
    }

    /**
     * The most recent completed bars of an instrument and spec. The engine keeps a bounded history per instrument
     * and spec (the last 50 bars); older bars are only in the subscribers' hands.
     *
     * @param instrument the instrument
     * @param spec       one of {@link #barSpecs()}
     * @param count      the most bars to return, not negative
     * @return up to {@code count} bars, oldest first; empty if the instrument or spec is unknown or no bar has
     *         completed yet
     * @throws IllegalArgumentException if the count is negative
     * @since 0.2.0
     */
    default List<Bar> bars(InstrumentId instrument, BarSpec spec, int count) {
        return List.of();
    }
}
