package io.nautilus.strategy.marketmaker;

import io.nautilus.api.InstrumentId;

/**
 * The typed parameters of one market maker instance, validated.
 *
 * @param instrument       the instrument quoted
 * @param orderSize        quantity of each quote, in units of the quantity scale, greater than zero
 * @param halfSpreadTicks  distance of each quote from the mid before skew, in ticks, 1 or more
 * @param skewTicksPerSize how far both quotes move against the inventory per {@code orderSize} of position, in
 *                         ticks, 0 or more
 * @param maxSkewTicks     the largest skew in either direction, in ticks, 0 or more
 * @param requoteTicks     how far the mid must move from the quoted mid before the quotes are replaced, in ticks,
 *                         1 or more
 * @param maxPosition      the largest absolute position a fill of a quote may lead to, in units of the quantity
 *                         scale, 0 or more
 * @param tickSize         the tick in units of the price scale, or 0 to take it from the instrument definition
 * @param postOnly         whether quotes are sent post-only
 */
public record MarketMakerSettings(InstrumentId instrument, long orderSize, int halfSpreadTicks,
                                  long skewTicksPerSize, int maxSkewTicks, int requoteTicks, long maxPosition,
                                  long tickSize, boolean postOnly) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first parameter out of range and its value
     */
    public MarketMakerSettings {
        if (instrument == null) {
            throw new IllegalArgumentException("market maker: instrument is required");
        }
        check("orderSize", orderSize, 1);
        check("halfSpreadTicks", halfSpreadTicks, 1);
        check("skewTicksPerSize", skewTicksPerSize, 0);
        check("maxSkewTicks", maxSkewTicks, 0);
        check("requoteTicks", requoteTicks, 1);
        check("maxPosition", maxPosition, 0);
        check("tickSize", tickSize, 0);
    }

    private static void check(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("market maker: " + name + " " + value + " must be at least " + min);
        }
    }
}
