package io.nautilus.marketdata.api;

/**
 * Delivery counters of one subscription.
 *
 * @param name      the subscriber's name
 * @param delivered updates handed to the subscriber
 * @param conflated updates replaced by a newer one for the same instrument before the subscriber took them
 * @param queued    updates waiting in the subscription's queue at the time of the snapshot
 */
public record SubscriptionStats(String name, long delivered, long conflated, int queued) {
}
