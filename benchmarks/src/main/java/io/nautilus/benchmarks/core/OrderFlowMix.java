package io.nautilus.benchmarks.core;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.engine.Registry;
import io.nautilus.core.matching.MatchingEngine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic order flow on one instrument with configurable shares of passive limits, crossing limits, IOCs,
 * cancels, price replaces and reductions, built like {@link io.nautilus.core.matching.ExchangeCoreMix}: the stream
 * is generated once through a shadow {@link MatchingEngine} (so every cancel, replace and reduce names a working
 * order) and kept in primitive columns.
 *
 * <p>The book starts with {@value #ORDERS_PER_SIDE} orders per side within {@value #PRICE_RANGE} ticks of
 * {@value #START_PRICE}; passive orders go to the smaller side, and the size of crossing orders grows with the
 * opposite side's excess over {@value #ORDERS_PER_SIDE}, so the book stays around that depth.
 */
public final class OrderFlowMix implements CommandStream {

    /** The instrument id the stream trades. */
    public static final int INSTRUMENT = 0;
    /** The instrument's symbol in the ADD_INSTRUMENT command. */
    public static final String SYMBOL = "FLOW";
    /** The price, in ticks, the book starts around. */
    public static final long START_PRICE = 100_000;
    /** Resting orders per side the book is kept around. */
    public static final int ORDERS_PER_SIDE = 500;
    /** Ticks behind the touch over which passive orders are placed. */
    public static final int PRICE_RANGE = 125;
    /** Number of accounts. */
    public static final int ACCOUNTS = 1_000;
    /** Largest quantity of a passive order, in lots. */
    public static final int MAX_ORDER_QTY = 100;
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

    private static final Side[] SIDES = Side.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private final Shares shares;
    private int size;
    private int setupSize;
    private final byte[] op;
    private final long[] orderId;
    private final int[] account;
    private final byte[] side;
    private final byte[] tif;
    private final long[] price;
    private final long[] qty;

    private final long[] counts = new long[6];
    private long tradingCommands;
    private long trades;
    private long rejected;
    private long restingOrderSum;
    private long levelSum;

    private OrderFlowMix(int commands, Shares shares) {
        this.shares = shares;
        int capacity = 1 + ACCOUNTS + 2 * ORDERS_PER_SIDE + commands;
        op = new byte[capacity];
        orderId = new long[capacity];
        account = new int[capacity];
        side = new byte[capacity];
        tif = new byte[capacity];
        price = new long[capacity];
        qty = new long[capacity];
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
        if (commands <= 0) {
            throw new IllegalArgumentException("commands " + commands + " must be > 0");
        }
        OrderFlowMix mix = new OrderFlowMix(commands, shares);
        new Generator(mix, new SplittableRandom(seed)).run(commands);
        return mix;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int definitions() {
        return 1 + ACCOUNTS;
    }

    @Override
    public int setupSize() {
        return setupSize;
    }

    @Override
    public void fill(int i, Command slot) {
        slot.clear();
        byte o = op[i];
        slot.op = o;
        switch (o) {
            case Op.ADD_INSTRUMENT -> Registry.encode(new Registry.InstrumentDef(INSTRUMENT, SYMBOL, 1, 1, 1, 0, 0, 0,
                    0, 0, 0), slot);
            case Op.ADD_ACCOUNT -> Registry.encode(new Registry.AccountDef(account[i], "acct-" + account[i],
                    SelfTradePrevention.NONE), slot);
            default -> {
                slot.orderId = orderId[i];
                slot.account = account[i];
                slot.instrument = INSTRUMENT;
                slot.price = price[i];
                slot.qty = qty[i];
                if (o == Op.NEW) {
                    slot.side = SIDES[side[i]];
                    slot.type = OrderType.LIMIT;
                    slot.tif = TIFS[tif[i]];
                } else {
                    slot.account = Command.ANY;
                    slot.instrument = Command.ANY;
                }
            }
        }
    }

    @Override
    public String describe() {
        long measured = size - setupSize;
        return String.format(Locale.ROOT,
                "%d commands after %d setup; passive %.1f%%, crossing %.1f%%, IOC %.1f%%, cancel %.1f%%, "
                        + "move %.1f%%, reduce %.1f%%; trading commands %.2f%% (%d trades); rejected %d; "
                        + "avg resting orders %.0f over %.0f levels (both sides)",
                measured, setupSize, pct(counts[0], measured), pct(counts[1], measured), pct(counts[2], measured),
                pct(counts[3], measured), pct(counts[4], measured), pct(counts[5], measured),
                pct(tradingCommands, measured), trades, rejected, (double) restingOrderSum / measured,
                (double) levelSum / measured);
    }

    /** @return the shares the stream was generated with */
    public Shares shares() {
        return shares;
    }

    private static double pct(long part, long whole) {
        return 100.0 * part / whole;
    }

    private int add(byte operation, long id, int acct, long px, long quantity) {
        int i = size++;
        op[i] = operation;
        orderId[i] = id;
        account[i] = acct;
        price[i] = px;
        qty[i] = quantity;
        return i;
    }

    /** Generation state: a shadow engine and the working orders (order ids are dense, so an array indexes them). */
    private static final class Generator {
        private final OrderFlowMix mix;
        private final SplittableRandom random;
        private final MatchingEngine engine = new MatchingEngine();
        private final Command slot = new Command();
        private int[] position = new int[1024];
        private long[] live = new long[1024];
        private boolean[] liveBuy = new boolean[1024];
        private int liveSize;
        private long nextId = 1;

        Generator(OrderFlowMix mix, SplittableRandom random) {
            this.mix = mix;
            this.random = random;
            Arrays.fill(position, -1);
        }

        void run(int commands) {
            apply(mix.add(Op.ADD_INSTRUMENT, 0, Command.ANY, 0, 0), false);
            for (int a = 0; a < ACCOUNTS; a++) {
                apply(mix.add(Op.ADD_ACCOUNT, 0, a, 0, 0), false);
            }
            for (int n = 0; n < 2 * ORDERS_PER_SIDE; n++) {
                boolean buy = (n & 1) == 0;
                long px = buy ? START_PRICE - 1 - random.nextInt(PRICE_RANGE)
                        : START_PRICE + 1 + random.nextInt(PRICE_RANGE);
                apply(newOrder(buy, TimeInForce.GTC, px, 1 + random.nextInt(MAX_ORDER_QTY)), false);
            }
            mix.setupSize = mix.size;
            Shares s = mix.shares;
            for (int n = 0; n < commands; n++) {
                int r;
                if (s.alternate()) {
                    r = (n & 1) == 0 || liveSize == 0 ? 0 : s.passive() + s.crossing() + s.ioc();
                } else {
                    r = liveSize == 0 ? 0 : random.nextInt(1000);
                }
                if ((r -= s.passive()) < 0) {
                    passive();
                } else if ((r -= s.crossing()) < 0) {
                    crossing(TimeInForce.GTC, 1);
                } else if ((r -= s.ioc()) < 0) {
                    crossing(TimeInForce.IOC, 2);
                } else if ((r -= s.cancel()) < 0) {
                    mix.counts[3]++;
                    apply(mix.add(Op.CANCEL, live[random.nextInt(liveSize)], 0, 0, 0), true);
                } else if ((r -= s.move()) < 0) {
                    move();
                } else {
                    reduce();
                }
            }
        }

        private int newOrder(boolean buy, TimeInForce timeInForce, long px, long quantity) {
            int i = mix.add(Op.NEW, nextId++, random.nextInt(ACCOUNTS), px, quantity);
            mix.side[i] = (byte) (buy ? Side.BUY : Side.SELL).ordinal();
            mix.tif[i] = (byte) timeInForce.ordinal();
            return i;
        }

        private void passive() {
            int bids = engine.restingOrderCount(INSTRUMENT, Side.BUY);
            int asks = engine.restingOrderCount(INSTRUMENT, Side.SELL);
            boolean buy = bids == asks ? random.nextBoolean() : bids < asks;
            mix.counts[0]++;
            apply(newOrder(buy, TimeInForce.GTC, passivePrice(buy), 1 + random.nextInt(MAX_ORDER_QTY)), true);
        }

        /** A limit through the opposite touch sized to take out a few orders, more when that side is deep. */
        private void crossing(TimeInForce timeInForce, int baseOrders) {
            int bids = engine.restingOrderCount(INSTRUMENT, Side.BUY);
            int asks = engine.restingOrderCount(INSTRUMENT, Side.SELL);
            boolean buy = bids == asks ? random.nextBoolean() : asks > bids;
            int opposite = buy ? asks : bids;
            int orders = Math.max(1, Math.min(MAX_CROSSED_ORDERS, opposite - ORDERS_PER_SIDE + baseOrders));
            long quantity = 0;
            for (int k = 0; k < orders; k++) {
                quantity += 1 + random.nextInt(MAX_ORDER_QTY);
            }
            long best = buy ? engine.bestAsk(INSTRUMENT) : engine.bestBid(INSTRUMENT);
            long px;
            if (best == MatchingEngine.NO_PRICE) {
                px = START_PRICE;
            } else if (timeInForce == TimeInForce.IOC) {
                px = buy ? best + 2 + random.nextInt(8) : Math.max(1, best - 2 - random.nextInt(8));
            } else {
                px = buy ? best + random.nextInt(3) : Math.max(1, best - random.nextInt(3));
            }
            mix.counts[timeInForce == TimeInForce.IOC ? 2 : 1]++;
            apply(newOrder(buy, timeInForce, px, quantity), true);
        }

        private void move() {
            int k = random.nextInt(liveSize);
            boolean buy = liveBuy[k];
            mix.counts[4]++;
            apply(mix.add(Op.REPLACE, live[k], 0, passivePrice(buy), Command.UNCHANGED), true);
        }

        private void reduce() {
            long id = live[random.nextInt(liveSize)];
            long open = engine.openQty(id);
            long quantity = open > 1 ? 1 + random.nextInt((int) Math.min(open - 1, Integer.MAX_VALUE - 1)) : 1;
            mix.counts[5]++;
            apply(mix.add(Op.REDUCE, id, 0, 0, quantity), true);
        }

        /** A price within PRICE_RANGE ticks behind the opposite touch (never crossing). */
        private long passivePrice(boolean buy) {
            long none = MatchingEngine.NO_PRICE;
            long bid = engine.bestBid(INSTRUMENT);
            long ask = engine.bestAsk(INSTRUMENT);
            if (buy) {
                long top = ask != none ? ask : bid != none ? bid + 1 : START_PRICE;
                return Math.max(1, top - 1 - random.nextInt(PRICE_RANGE));
            }
            long bottom = bid != none ? bid : ask != none ? ask - 1 : START_PRICE;
            return bottom + 1 + random.nextInt(PRICE_RANGE);
        }

        private void apply(int i, boolean measured) {
            mix.fill(i, slot);
            engine.process(slot);
            Events ev = slot.events;
            for (int e = 0, n = ev.size(); e < n; e++) {
                byte t = ev.type(e);
                if (t == Events.TRADE) {
                    if (measured) {
                        mix.trades++;
                    }
                    if (ev.counterLeaves(e) == 0) {
                        removeLive(ev.counterOrderId(e));
                    }
                    if (ev.leaves(e) == 0) {
                        removeLive(ev.orderId(e));
                    }
                } else if (t == Events.CANCELED || t == Events.EXPIRED) {
                    removeLive(ev.orderId(e));
                }
            }
            if (slot.op == Op.NEW && engine.isWorking(slot.orderId)) {
                addLive(slot.orderId, slot.side == Side.BUY);
            }
            if (measured) {
                if (slot.rejected()) {
                    mix.rejected++;
                }
                if (ev.hasTrades()) {
                    mix.tradingCommands++;
                }
                mix.restingOrderSum += engine.restingOrderCount(INSTRUMENT, Side.BUY)
                        + engine.restingOrderCount(INSTRUMENT, Side.SELL);
                mix.levelSum += engine.levelCount(INSTRUMENT, Side.BUY) + engine.levelCount(INSTRUMENT, Side.SELL);
            }
        }

        private void addLive(long id, boolean buy) {
            if (id >= position.length) {
                int old = position.length;
                position = Arrays.copyOf(position, Math.max(old * 2, (int) id + 1));
                Arrays.fill(position, old, position.length, -1);
            }
            if (position[(int) id] >= 0) {
                return;
            }
            if (liveSize == live.length) {
                live = Arrays.copyOf(live, liveSize * 2);
                liveBuy = Arrays.copyOf(liveBuy, liveSize * 2);
            }
            position[(int) id] = liveSize;
            live[liveSize] = id;
            liveBuy[liveSize] = buy;
            liveSize++;
        }

        private void removeLive(long id) {
            if (id >= position.length || position[(int) id] < 0) {
                return;
            }
            int k = position[(int) id];
            position[(int) id] = -1;
            int last = --liveSize;
            if (k != last) {
                live[k] = live[last];
                liveBuy[k] = liveBuy[last];
                position[(int) live[k]] = k;
            }
        }
    }
}
