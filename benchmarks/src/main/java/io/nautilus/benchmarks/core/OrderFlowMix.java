package io.nautilus.benchmarks.core;

import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.matching.ColumnarStream;
import io.nautilus.core.matching.MatchingEngine;

import java.util.Locale;

/**
 * A deterministic order flow on one instrument with configurable shares of passive limits, crossing limits, IOCs,
 * cancels, price replaces and reductions: a {@link ColumnarStream} (instrument {@value #SYMBOL}, generated once
 * through a shadow {@link MatchingEngine} and kept in primitive columns), like
 * {@link io.nautilus.core.matching.ExchangeCoreMix}.
 *
 * <p>The book starts with {@value #ORDERS_PER_SIDE} orders per side within {@value #PRICE_RANGE} ticks of
 * {@value #START_PRICE}; passive orders go to the smaller side, and the size of crossing orders grows with the
 * opposite side's excess over {@value #ORDERS_PER_SIDE}, so the book stays around that depth.
 */
public final class OrderFlowMix extends ColumnarStream implements CommandStream {

    /** The instrument's symbol in the ADD_INSTRUMENT command. */
    public static final String SYMBOL = "FLOW";
    /** Resting orders per side the book is kept around. */
    public static final int ORDERS_PER_SIDE = 500;
    /** Ticks behind the touch over which passive orders are placed. */
    public static final int PRICE_RANGE = 125;
    /** Number of accounts. */
    public static final int ACCOUNTS = 1_000;
    /** Most resting orders' worth of quantity one crossing order is sized to take. */
    public static final int MAX_CROSSED_ORDERS = 30;

    /**
     * Shares of the flow, per mille of commands (they add up to 1000).
     *
     * @param passive new GTC limits behind the touch
     * @param crossing new GTC limits through the opposite touch (trade, then rest any remainder)
     * @param ioc new IOC limits through the opposite touch
     * @param cancel cancels of a random working order
     * @param move price replaces of a random working order to a passive price (time priority lost)
     * @param reduce quantity reductions of a random working order
     * @param alternate true: strictly alternate a passive new and a cancel (only passive and cancel may be set)
     */
    public record Shares(int passive, int crossing, int ioc, int cancel, int move, int reduce, boolean alternate) {

        /** 50% passive new limits, 50% cancels, alternating: no trades, constant book depth. */
        public static final Shares NEW_CANCEL = new Shares(500, 0, 0, 500, 0, 0, true);
        /** 35% passive, 10% crossing, 10% IOC, 8% cancel, 30% move, 7% reduce: about 20% of commands trade. */
        public static final Shares AGGRESSIVE = new Shares(350, 100, 100, 80, 300, 70, false);

        /** Checks the shares add up to 1000 and are not negative. */
        public Shares {
            if (passive < 0 || crossing < 0 || ioc < 0 || cancel < 0 || move < 0 || reduce < 0
                    || passive + crossing + ioc + cancel + move + reduce != 1000) {
                throw new IllegalArgumentException("shares " + passive + "/" + crossing + "/" + ioc + "/" + cancel
                        + "/" + move + "/" + reduce + " must be >= 0 and add up to 1000 per mille");
            }
            if (alternate && passive + cancel != 1000) {
                throw new IllegalArgumentException("alternate shares take passive and cancel only");
            }
        }
    }

    private final Shares shares;

    private OrderFlowMix(int commands, Shares shares) {
        super(SYMBOL, commands, ORDERS_PER_SIDE, PRICE_RANGE, ACCOUNTS);
        this.shares = shares;
    }

    /**
     * Generates a stream.
     *
     * @param seed random seed
     * @param commands flow commands after the setup, &gt; 0
     * @param shares the flow's composition
     * @return the stream
     */
    public static OrderFlowMix generate(long seed, int commands, Shares shares) {
        OrderFlowMix mix = new OrderFlowMix(commands, shares);
        new Flow(mix, seed).run(commands);
        return mix;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%d commands after %d setup; passive %.1f%%, crossing %.1f%%, IOC %.1f%%, "
                        + "cancel %.1f%%, move %.1f%%, reduce %.1f%%; ", size() - setupSize(), setupSize(),
                share(PASSIVE), share(CROSSING), share(IOC), share(CANCEL), share(MOVE), share(REDUCE)) + outcome();
    }

    /** @return the shares the stream was generated with */
    public Shares shares() {
        return shares;
    }

    /** The choice of the next command by the shares. */
    private static final class Flow extends Shadow {
        private final Shares s;

        Flow(OrderFlowMix mix, long seed) {
            super(mix, seed);
            this.s = mix.shares;
        }

        @Override
        protected void next(int n) {
            int r;
            if (s.alternate()) {
                r = (n & 1) == 0 || liveCount() == 0 ? 0 : s.passive() + s.crossing() + s.ioc();
            } else {
                r = liveCount() == 0 ? 0 : random.nextInt(1000);
            }
            if ((r -= s.passive()) < 0) {
                passive();
            } else if ((r -= s.crossing()) < 0) {
                crossing(TimeInForce.GTC, 1);
            } else if ((r -= s.ioc()) < 0) {
                crossing(TimeInForce.IOC, 2);
            } else if ((r -= s.cancel()) < 0) {
                cancel();
            } else if ((r -= s.move()) < 0) {
                int k = random.nextInt(liveCount());
                move(k, passivePrice(isBuy(k)));
            } else {
                reduce();
            }
        }

        /** A limit through the opposite touch sized to take out a few orders, more when that side is deep. */
        private void crossing(TimeInForce timeInForce, int baseOrders) {
            int bids = resting(Side.BUY);
            int asks = resting(Side.SELL);
            boolean buy = bids == asks ? random.nextBoolean() : asks > bids;
            int opposite = buy ? asks : bids;
            long quantity = quantityOf(Math.max(1, Math.min(MAX_CROSSED_ORDERS, opposite - ORDERS_PER_SIDE
                    + baseOrders)));
            boolean ioc = timeInForce == TimeInForce.IOC;
            long px = ioc ? throughTouch(buy, 2, 8) : throughTouch(buy, 0, 3);
            order(ioc ? IOC : CROSSING, buy, timeInForce, px, quantity);
        }
    }
}
