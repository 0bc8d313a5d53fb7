package io.nautilus.core.matching;

/**
 * An immutable copy of one price level.
 *
 * @param price the level price
 * @param qty total displayed quantity (iceberg hidden quantity excluded)
 * @param orders number of orders at the level
 */
public record LevelView(long price, long qty, int orders) {
}
