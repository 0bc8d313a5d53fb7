package io.nautilus.marketdata.api;

import java.util.List;

/**
 * What operators see of the market-data engine: per-feed validation counters and per-subscriber delivery.
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
}
