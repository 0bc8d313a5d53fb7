package io.nautilus.history.api;

import io.nautilus.api.marketdata.Bar;

import java.util.Objects;

/**
 * One completed bar as the store keeps it, with the scales its prices and volume were stored at.
 *
 * @param bar           the bar (instrument, interval, open/high/low/close, volume, trade count)
 * @param priceScale    decimals of the prices, or {@link OrderEvent#UNKNOWN_SCALE}
 * @param quantityScale decimals of the volume, or {@link OrderEvent#UNKNOWN_SCALE}
 */
public record BarRecord(Bar bar, int priceScale, int quantityScale) {

    /**
     * Checks the bar.
     *
     * @throws NullPointerException if the bar is null
     */
    public BarRecord {
        Objects.requireNonNull(bar, "bar");
    }
}
