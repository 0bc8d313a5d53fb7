package io.nautilus.router.api;

import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;

import java.util.Arrays;
import java.util.Objects;

/**
 * The market the router decides on: one instrument, its volatility, and per venue the average daily volume and
 * the displayed price levels of both sides, best first.
 *
 * <p>A reusable, pre-sized container: the caller {@link #reset resets} it and fills it before each
 * {@link SmartOrderRouter#route route} call, so building it allocates nothing. Not thread-safe; the router copies
 * what it keeps.
 */
public final class MarketState {

    private final int maxVenues;
    private final int maxLevels;
    private final VenueId[] venues;
    private final long[] adv;
    private final long[] bidPrices;
    private final long[] bidSizes;
    private final long[] askPrices;
    private final long[] askSizes;
    private final int[] bidCounts;
    private final int[] askCounts;
    private Instrument instrument;
    private double volatilityBps;
    private int venueCount;

    /**
     * Creates an empty market state with room for the given numbers of venues and levels per side.
     *
     * @param maxVenues venues it can hold, 1 or more
     * @param maxLevels price levels per venue and side it can hold, 1 or more
     * @throws IllegalArgumentException if a size is below 1
     */
    public MarketState(int maxVenues, int maxLevels) {
        if (maxVenues < 1 || maxLevels < 1) {
            throw new IllegalArgumentException("market state needs room for at least 1 venue and 1 level, got "
                    + maxVenues + " venues and " + maxLevels + " levels");
        }
        this.maxVenues = maxVenues;
        this.maxLevels = maxLevels;
        venues = new VenueId[maxVenues];
        adv = new long[maxVenues];
        bidPrices = new long[maxVenues * maxLevels];
        bidSizes = new long[maxVenues * maxLevels];
        askPrices = new long[maxVenues * maxLevels];
        askSizes = new long[maxVenues * maxLevels];
        bidCounts = new int[maxVenues];
        askCounts = new int[maxVenues];
    }

    /**
     * Empties the state and sets its instrument and volatility.
     *
     * @param instrument    the instrument; its scales, lot size, minimum quantity and currency apply
     * @param volatilityBps the instrument's volatility over the impact model's horizon (usually daily), in basis
     *                      points, 0 or more
     * @return this
     * @throws IllegalArgumentException if the volatility is negative or not a number
     */
    public MarketState reset(Instrument instrument, double volatilityBps) {
        Objects.requireNonNull(instrument, "instrument");
        if (!(volatilityBps >= 0) || Double.isInfinite(volatilityBps)) {
            throw new IllegalArgumentException("volatility " + volatilityBps + " bps must be 0 or more");
        }
        this.instrument = instrument;
        this.volatilityBps = volatilityBps;
        for (int i = 0; i < venueCount; i++) {
            venues[i] = null;
        }
        venueCount = 0;
        return this;
    }

    /**
     * Adds a venue with no levels.
     *
     * @param venue              the venue; each at most once
     * @param averageDailyVolume the venue's average daily volume in units of the quantity scale; 0 or less means
     *                           unknown, and the venue's impact is then taken as 0
     * @return the venue's index in this state
     * @throws IllegalStateException    if the state is full
     * @throws IllegalArgumentException if the venue is already in the state
     */
    public int addVenue(VenueId venue, long averageDailyVolume) {
        Objects.requireNonNull(venue, "venue");
        if (venueCount == maxVenues) {
            throw new IllegalStateException("market state holds at most " + maxVenues + " venues; " + venue
                    + " does not fit");
        }
        for (int i = 0; i < venueCount; i++) {
            if (venues[i].equals(venue)) {
                throw new IllegalArgumentException("venue " + venue + " is already in the market state");
            }
        }
        int v = venueCount++;
        venues[v] = venue;
        adv[v] = averageDailyVolume;
        bidCounts[v] = 0;
        askCounts[v] = 0;
        return v;
    }

    /**
     * Appends a displayed price level to one side of a venue's book; levels go best first.
     *
     * @param venueIndex the index {@link #addVenue} returned
     * @param side       {@link Side#BUY} for bids, {@link Side#SELL} for offers
     * @param price      in units of the price scale, greater than zero and worse than the previous level
     * @param size       displayed size in units of the quantity scale, greater than zero
     * @return this
     * @throws IllegalArgumentException if the price or size is out of order or range, or the side is full
     */
    public MarketState addLevel(int venueIndex, Side side, long price, long size) {
        Objects.checkIndex(venueIndex, venueCount);
        boolean bid = side == Side.BUY;
        int[] counts = bid ? bidCounts : askCounts;
        long[] prices = bid ? bidPrices : askPrices;
        int n = counts[venueIndex];
        if (n == maxLevels) {
            throw new IllegalArgumentException("venue " + venues[venueIndex] + " " + side + ": at most " + maxLevels
                    + " levels fit");
        }
        if (price <= 0 || price == FixedPoint.NULL || size <= 0) {
            throw new IllegalArgumentException("venue " + venues[venueIndex] + " " + side + " level " + n
                    + ": price " + price + " and size " + size + " must be greater than zero");
        }
        int base = venueIndex * maxLevels;
        if (n > 0) {
            long previous = prices[base + n - 1];
            if (bid ? price >= previous : price <= previous) {
                throw new IllegalArgumentException("venue " + venues[venueIndex] + " " + side + " level " + n
                        + ": price " + price + " is not worse than the previous level's " + previous);
            }
        }
        prices[base + n] = price;
        (bid ? bidSizes : askSizes)[base + n] = size;
        counts[venueIndex] = n + 1;
        return this;
    }

    /** @return the instrument, or {@code null} before the first {@link #reset} */
    public Instrument instrument() {
        return instrument;
    }

    /** @return the volatility in basis points */
    public double volatilityBps() {
        return volatilityBps;
    }

    /** @return the number of venues */
    public int venueCount() {
        return venueCount;
    }

    /** @return the largest number of venues this state holds */
    public int maxVenues() {
        return maxVenues;
    }

    /** @return the largest number of levels per venue and side this state holds */
    public int maxLevels() {
        return maxLevels;
    }

    /**
     * @param venueIndex 0 to {@link #venueCount()} - 1
     * @return the venue
     */
    public VenueId venue(int venueIndex) {
        return venues[Objects.checkIndex(venueIndex, venueCount)];
    }

    /**
     * @param venueIndex 0 to {@link #venueCount()} - 1
     * @return the venue's average daily volume in units of the quantity scale; 0 or less when unknown
     */
    public long averageDailyVolume(int venueIndex) {
        return adv[Objects.checkIndex(venueIndex, venueCount)];
    }

    /**
     * @param venueIndex 0 to {@link #venueCount()} - 1
     * @param side       {@link Side#BUY} for bids, {@link Side#SELL} for offers
     * @return the number of levels on that side
     */
    public int levelCount(int venueIndex, Side side) {
        return (side == Side.BUY ? bidCounts : askCounts)[Objects.checkIndex(venueIndex, venueCount)];
    }

    /**
     * @param venueIndex 0 to {@link #venueCount()} - 1
     * @param side       {@link Side#BUY} for bids, {@link Side#SELL} for offers
     * @param level      0 (best) to {@link #levelCount} - 1
     * @return the level's price in units of the price scale
     */
    public long price(int venueIndex, Side side, int level) {
        Objects.checkIndex(level, levelCount(venueIndex, side));
        return (side == Side.BUY ? bidPrices : askPrices)[venueIndex * maxLevels + level];
    }

    /**
     * @param venueIndex 0 to {@link #venueCount()} - 1
     * @param side       {@link Side#BUY} for bids, {@link Side#SELL} for offers
     * @param level      0 (best) to {@link #levelCount} - 1
     * @return the level's displayed size in units of the quantity scale
     */
    public long size(int venueIndex, Side side, int level) {
        Objects.checkIndex(level, levelCount(venueIndex, side));
        return (side == Side.BUY ? bidSizes : askSizes)[venueIndex * maxLevels + level];
    }

    /**
     * @param venueIndex 0 to {@link #venueCount()} - 1
     * @param side       {@link Side#BUY} for bids, {@link Side#SELL} for offers
     * @return the best price on that side, or {@link FixedPoint#NULL} if the side is empty
     */
    public long bestPrice(int venueIndex, Side side) {
        return levelCount(venueIndex, side) == 0 ? FixedPoint.NULL : price(venueIndex, side, 0);
    }

    /**
     * The best price on a side across all venues.
     *
     * @param side {@link Side#BUY} for the highest bid, {@link Side#SELL} for the lowest offer
     * @return the price, or {@link FixedPoint#NULL} if no venue shows that side
     */
    public long consolidatedBest(Side side) {
        long best = FixedPoint.NULL;
        for (int v = 0; v < venueCount; v++) {
            long p = bestPrice(v, side);
            if (p != FixedPoint.NULL && (best == FixedPoint.NULL || (side == Side.BUY ? p > best : p < best))) {
                best = p;
            }
        }
        return best;
    }

    /**
     * An independent copy holding exactly this state's venues and levels.
     *
     * @return the copy
     */
    public MarketState copy() {
        MarketState c = new MarketState(Math.max(1, venueCount), maxLevels);
        c.instrument = instrument;
        c.volatilityBps = volatilityBps;
        c.venueCount = venueCount;
        System.arraycopy(venues, 0, c.venues, 0, venueCount);
        System.arraycopy(adv, 0, c.adv, 0, venueCount);
        System.arraycopy(bidCounts, 0, c.bidCounts, 0, venueCount);
        System.arraycopy(askCounts, 0, c.askCounts, 0, venueCount);
        int n = venueCount * maxLevels;
        System.arraycopy(bidPrices, 0, c.bidPrices, 0, n);
        System.arraycopy(bidSizes, 0, c.bidSizes, 0, n);
        System.arraycopy(askPrices, 0, c.askPrices, 0, n);
        System.arraycopy(askSizes, 0, c.askSizes, 0, n);
        return c;
    }

    @Override
    public String toString() {
        return "MarketState[" + (instrument == null ? "-" : instrument.id()) + ", " + venueCount + " venues "
                + Arrays.toString(Arrays.copyOf(venues, venueCount)) + "]";
    }
}
