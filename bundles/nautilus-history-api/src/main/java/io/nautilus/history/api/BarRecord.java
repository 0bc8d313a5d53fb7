package io.nautilus.history.api;

import io.nautilus.api.marketdata.Bar;

import java.util.Objects;

/**
 * One completed bar as the store keeps it, with the scales its prices and volume were stored at.
 *
 * @param bar           the bar (instrument, interval, open/high/low/close, volume, trade count)
 * @param priceScale    decimals of the prices, or {@link OrderEvent#UNKNOWN_SCALE}
 * @param quantityScale decimals of the volume, or {@link OrderEvent#UNKNOWN_SCALE}
 * @param spec          the bar setting it was cut by, as written in {@code etc/io.nautilus.marketdata.cfg} (e.g.
 *                      {@code 1m}, {@code ticks:100}), or {@code null} if unknown: an instrument has one series of
 *                      bars per setting
 */
public record BarRecord(Bar bar, int priceScale, int quantityScale, String spec) {

    /**
     * A bar whose setting is unknown.
     *
     * @param bar           the bar
     * @param priceScale    decimals of the prices
     * @param quantityScale decimals of the volume
     */
    public BarRecord(Bar bar, int priceScale, int quantityScale) {
        this(bar, priceScale, quantityScale, null);
    }

    /**
     * Checks the bar.
     *
     * @throws NullPointerException if the bar is null
     */
    public BarRecord {
        Objects.requireNonNull(bar, "bar");
    }
}
