package io.nautilus.marketdata.internal;

import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's settings.
 *
 * @param ringSize         slots of the engine's Disruptor ring; a power of two
 * @param maxAgeNanos      a tick older than this (received time minus exchange time) is {@code STALE};
 *                         0 disables the check
 * @param priceBandBps     a price further than this from the last good price of the same feed and instrument,
 *                         in basis points, is a {@code PRICE_JUMP}; 0 disables the check
 * @param actions          what to do per reason; reasons not listed are rejected. {@code UNKNOWN_INSTRUMENT},
 *                         {@code INVALID_VALUE} and {@code NON_POSITIVE_SIZE} are always rejected (there is no
 *                         valid event to pass on)
 * @param bars             bar specs aggregated for every instrument
 * @param queueCapacity    per-subscriber queue before conflation starts; rounded up to a power of two
 * @param bookDepth        book levels per side that conflate per level; deeper levels queue without conflation
 */
public record MarketDataConfig(int ringSize, long maxAgeNanos, long priceBandBps,
                               Map<ValidationReason, ValidationAction> actions, List<BarSpec> bars,
                               int queueCapacity, int bookDepth) {

    /**
     * Validates and copies the settings.
     *
     * @throws IllegalArgumentException if a value is out of range; the message names it
     */
    public MarketDataConfig {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring size " + ringSize + " must be a power of two, at least 2");
        }
        if (maxAgeNanos < 0) {
            throw new IllegalArgumentException("max age " + maxAgeNanos + " ns must not be negative");
        }
        if (priceBandBps < 0) {
            throw new IllegalArgumentException("price band " + priceBandBps + " bps must not be negative");
        }
        if (queueCapacity < 2) {
            throw new IllegalArgumentException("subscriber queue capacity " + queueCapacity + " must be at least 2");
        }
        if (bookDepth < 0) {
            throw new IllegalArgumentException("book depth " + bookDepth + " must not be negative");
        }
        Map<ValidationReason, ValidationAction> copy = new EnumMap<>(ValidationReason.class);
        copy.putAll(Objects.requireNonNull(actions, "actions"));
        actions = Map.copyOf(copy);
        bars = List.copyOf(bars);
    }

    /**
     * Defaults: 64 Ki ring, no staleness or band check, everything rejected, no bars, 4096-slot queues, 10 levels.
     *
     * @return the default settings
     */
    public static MarketDataConfig defaults() {
        return new MarketDataConfig(1 << 16, 0, 0, Map.of(), List.of(), 4096, 10);
    }

    /**
     * A copy with other validation limits.
     *
     * @param maxAgeNanos  staleness limit, 0 to disable
     * @param priceBandBps price band, 0 to disable
     * @return the new settings
     */
    public MarketDataConfig withLimits(long maxAgeNanos, long priceBandBps) {
        return new MarketDataConfig(ringSize, maxAgeNanos, priceBandBps, actions, bars, queueCapacity, bookDepth);
    }

    /**
     * A copy with another action for one reason.
     *
     * @param reason the reason
     * @param action the action
     * @return the new settings
     */
    public MarketDataConfig with(ValidationReason reason, ValidationAction action) {
        Map<ValidationReason, ValidationAction> copy = new EnumMap<>(ValidationReason.class);
        copy.putAll(actions);
        copy.put(reason, action);
        return new MarketDataConfig(ringSize, maxAgeNanos, priceBandBps, copy, bars, queueCapacity, bookDepth);
    }

    /**
     * A copy with other bar specs.
     *
     * @param specs the specs
     * @return the new settings
     */
    public MarketDataConfig withBars(BarSpec... specs) {
        return new MarketDataConfig(ringSize, maxAgeNanos, priceBandBps, actions, List.of(specs), queueCapacity,
                bookDepth);
    }

    /**
     * A copy with another subscriber queue capacity.
     *
     * @param capacity slots per subscriber
     * @return the new settings
     */
    public MarketDataConfig withQueueCapacity(int capacity) {
        return new MarketDataConfig(ringSize, maxAgeNanos, priceBandBps, actions, bars, capacity, bookDepth);
    }

    /**
     * The action for a reason.
     *
     * @param reason the reason
     * @return FLAG only if configured so and the reason allows passing on; else REJECT
     */
    public ValidationAction actionFor(ValidationReason reason) {
        if (reason == ValidationReason.UNKNOWN_INSTRUMENT || reason == ValidationReason.INVALID_VALUE
                || reason == ValidationReason.NON_POSITIVE_SIZE) {
            return ValidationAction.REJECT;
        }
        return actions.getOrDefault(reason, ValidationAction.REJECT);
    }
}
