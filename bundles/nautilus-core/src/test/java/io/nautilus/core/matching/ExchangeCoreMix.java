package io.nautilus.core.matching;

import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;

import java.util.Locale;

/**
 * A deterministic command stream modelled on exchange-core's order book benchmark: one instrument whose book holds
 * about {@code ordersPerSide} orders per side spread over {@code priceRange} ticks behind the touch, then a mix of
 * 12.6% new GTC limits, 1.8% IOC limits, 7.2% cancels, 71.2% price replaces ("moves") and 7.2% quantity reductions,
 * of which about 2% trade.
 *
 * <p>A {@link ColumnarStream} (instrument {@code XCORE}): run the first {@link #setupSize()} commands before
 * measuring. Unlike the base, {@link #fill} numbers the commands (seq and timestamp {@code i + 1}) and gives
 * cancels, replaces and reductions account 0 and the instrument. The same seed and sizes always give the same
 * commands.
 */
public final class ExchangeCoreMix extends ColumnarStream {

    /** Default resting orders per side. */
    public static final int DEFAULT_ORDERS_PER_SIDE = 500;
    /** Default number of ticks behind the touch that orders are placed over. */
    public static final int DEFAULT_PRICE_RANGE = 125;
    /** Default number of accounts. */
    public static final int DEFAULT_ACCOUNTS = 1_000;

    private final long seed;

    private ExchangeCoreMix(long seed, int commands, int ordersPerSide, int priceRange, int accounts) {
        super("XCORE", commands, ordersPerSide, priceRange, accounts);
        this.seed = seed;
    }

    /**
     * Generates a stream with the default book shape (500 orders per side over 125 ticks, 1000 accounts).
     *
     * @param seed random seed
     * @param commands measured commands after the setup, &gt; 0
     * @return the stream
     */
    public static ExchangeCoreMix generate(long seed, int commands) {
        return generate(seed, commands, DEFAULT_ORDERS_PER_SIDE, DEFAULT_PRICE_RANGE, DEFAULT_ACCOUNTS);
    }

    /**
     * Generates a stream.
     *
     * @param seed random seed
     * @param commands measured commands after the setup, &gt; 0
     * @param ordersPerSide resting orders per side the book is kept around, &gt; 0
     * @param priceRange ticks behind the touch over which orders are placed, &gt; 0
     * @param accounts number of accounts orders are spread over, &gt; 0
     * @return the stream
     * @throws IllegalArgumentException naming a non-positive size
     */
    public static ExchangeCoreMix generate(long seed, int commands, int ordersPerSide, int priceRange, int accounts) {
        ExchangeCoreMix mix = new ExchangeCoreMix(seed, commands, ordersPerSide, priceRange, accounts);
        new Flow(mix, seed).run(commands);
        return mix;
    }

    /** @return the seed the stream was generated from */
    public long seed() {
        return seed;
    }

    /**
     * Overwrites a command slot with command i (input fields; the outcome is cleared); allocation-free.
     *
     * @param i command index, 0 &lt;= i &lt; {@link #size()}
     * @param slot the slot to fill
     */
    @Override
    public void fill(int i, Command slot) {
        super.fill(i, slot);
        slot.seq = i + 1;
        slot.timestamp = i + 1;
        byte o = slot.op;
        if (o == Op.CANCEL || o == Op.REPLACE || o == Op.REDUCE) {
            slot.account = 0;
            slot.instrument = INSTRUMENT;
        }
    }

    /** @return a one-line summary of the generated mix and book shape */
    public String describe() {
        return String.format(Locale.ROOT, "seed %d: %d commands after %d setup; new GTC %.1f%%, IOC %.1f%%, "
                        + "cancel %.1f%%, move %.1f%%, reduce %.1f%%; ", seed, size() - setupSize(), setupSize(),
                share(PASSIVE), share(IOC), share(CANCEL), share(MOVE), share(REDUCE)) + outcome();
    }

    /** exchange-core's choice of the next command. */
    private static final class Flow extends Shadow {
        private final int ordersPerSide;

        Flow(ExchangeCoreMix mix, long seed) {
            super(mix, seed);
            this.ordersPerSide = mix.ordersPerSide();
        }

        @Override
        protected void next(int n) {
            int r = liveCount() == 0 ? 0 : random.nextInt(1000);
            if (r < 126) {
                passive();
            } else if (r < 144) {
                ioc();
            } else if (r < 216) {
                cancel();
            } else if (r < 928) {
                move();
            } else {
                reduce();
            }
        }

        /** An IOC on a random side, 2 to 9 ticks through the touch, sized to take a few orders. */
        private void ioc() {
            boolean buy = random.nextBoolean();
            int opposite = resting(buy ? Side.SELL : Side.BUY);
            long quantity = quantityOf(Math.max(1, Math.min(10, opposite - ordersPerSide + 3)));
            order(IOC, buy, TimeInForce.IOC, throughTouch(buy, 2, 8), quantity);
        }

        /** A price replace to a passive price; 0.3% of them to within 2 ticks through the touch. */
        private void move() {
            int k = random.nextInt(liveCount());
            boolean buy = isBuy(k);
            long px = passivePrice(buy);
            if (random.nextInt(1000) < 3) {
                long best = oppositeTouch(buy);
                if (best != MatchingEngine.NO_PRICE) {
                    px = buy ? best + random.nextInt(3) : Math.max(1, best - random.nextInt(3));
                }
            }
            move(k, px);
        }
    }
}
