package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.Op;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic command stream modelled on exchange-core's order book benchmark: one instrument whose book holds
 * about {@code ordersPerSide} orders per side spread over {@code priceRange} ticks behind the touch, then a mix of
 * 12.6% new GTC limits, 1.8% IOC limits, 7.2% cancels, 71.2% price replaces ("moves") and 7.2% quantity reductions,
 * of which about 2% trade.
 *
 * <p>The stream is generated once (by running it through a shadow {@link MatchingEngine}, so every cancel, move and
 * reduce names a working order) and stored in primitive columns; {@link #fill} copies one command into a reusable
 * slot. The first {@link #setupSize()} commands define the instrument ({@link Op#ADD_INSTRUMENT}: tick 1, lot 1,
 * min 1, no band), the accounts ({@link Op#ADD_ACCOUNT}, self-trade prevention NONE) and fill the book; run them
 * before measuring. The same seed and sizes always give the same commands.
 */
public final class ExchangeCoreMix {

    /** The instrument id the stream trades. */
    public static final int INSTRUMENT = 0;
    /** The price (in ticks) the book starts around. */
    public static final long START_PRICE = 100_000;
    /** Default resting orders per side. */
    public static final int DEFAULT_ORDERS_PER_SIDE = 500;
    /** Default number of ticks behind the touch that orders are placed over. */
    public static final int DEFAULT_PRICE_RANGE = 125;
    /** Default number of accounts. */
    public static final int DEFAULT_ACCOUNTS = 1_000;
    /** Largest quantity of a resting order, in lots. */
    public static final int MAX_ORDER_QTY = 100;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private final long seed;
    private final int ordersPerSide;
    private final int priceRange;
    private final String[] accountNames;
    private final String symbol;

    private int size;
    private int setupSize;
    private final byte[] op;
    private final long[] orderId;
    private final int[] account;
    private final byte[] side;
    private final byte[] type;
    private final byte[] tif;
    private final long[] price;
    private final long[] qty;

    private long newOrders;
    private long iocOrders;
    private long cancels;
    private long moves;
    private long reduces;
    private long tradingCommands;
    private long trades;
    private long rejected;
    private long restingOrderSum;
    private long levelSum;

    private ExchangeCoreMix(long seed, int commands, int ordersPerSide, int priceRange, int accounts) {
        this.seed = seed;
        this.ordersPerSide = ordersPerSide;
        this.priceRange = priceRange;
        this.symbol = "XCORE";
        this.accountNames = new String[accounts];
        for (int a = 0; a < accounts; a++) {
            accountNames[a] = "acct-" + a;
        }
        int capacity = 1 + accounts + 2 * ordersPerSide + commands;
        op = new byte[capacity];
        orderId = new long[capacity];
        account = new int[capacity];
        side = new byte[capacity];
        type = new byte[capacity];
        tif = new byte[capacity];
        price = new long[capacity];
        qty = new long[capacity];
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
        if (commands <= 0 || ordersPerSide <= 0 || priceRange <= 0 || accounts <= 0) {
            throw new IllegalArgumentException("commands " + commands + ", orders per side " + ordersPerSide
                    + ", price range " + priceRange + " and accounts " + accounts + " must all be > 0");
        }
        ExchangeCoreMix mix = new ExchangeCoreMix(seed, commands, ordersPerSide, priceRange, accounts);
        new Generator(mix, new SplittableRandom(seed)).run(commands);
        return mix;
    }

    /** @return number of commands, setup included */
    public int size() {
        return size;
    }

    /** @return number of leading setup commands (definitions and the initial book) */
    public int setupSize() {
        return setupSize;
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
    public void fill(int i, Command slot) {
        slot.clear();
        slot.seq = i + 1;
        slot.timestamp = i + 1;
        byte o = op[i];
        slot.op = o;
        slot.orderId = orderId[i];
        slot.account = account[i];
        slot.instrument = INSTRUMENT;
        slot.price = price[i];
        slot.qty = qty[i];
        if (o == Op.NEW) {
            slot.side = SIDES[side[i]];
            slot.type = TYPES[type[i]];
            slot.tif = TIFS[tif[i]];
        } else if (o == Op.ADD_ACCOUNT) {
            slot.text = accountNames[account[i]];
            slot.instrument = Command.ANY;
        } else if (o == Op.ADD_INSTRUMENT) {
            // tick 1, lot 1, minimum quantity 1, no band, scales 0, no fees, the core's own book
            InstrumentCommand.encode(INSTRUMENT, symbol, 1, 1, 1, 0, 0, 0, 0, 0, 0, false, slot);
            slot.account = Command.ANY;
        }
    }

    /** @return a one-line summary of the generated mix and book shape */
    public String describe() {
        long measured = size - setupSize;
        return String.format(java.util.Locale.ROOT,
                "seed %d: %d commands after %d setup; new GTC %.1f%%, IOC %.1f%%, cancel %.1f%%, move %.1f%%, "
                        + "reduce %.1f%%; trading commands %.2f%% (%d trades); rejected %d; "
                        + "avg resting orders %.0f over %.0f levels (both sides)",
                seed, measured, setupSize, pct(newOrders, measured), pct(iocOrders, measured),
                pct(cancels, measured), pct(moves, measured), pct(reduces, measured),
                pct(tradingCommands, measured), trades, rejected, (double) restingOrderSum / measured,
                (double) levelSum / measured);
    }

    /** @return fraction of measured commands that traded */
    public double tradingFraction() {
        return (double) tradingCommands / (size - setupSize);
    }

    /** @return average resting orders (both sides) over the measured commands */
    public double averageRestingOrders() {
        return (double) restingOrderSum / (size - setupSize);
    }

    /** @return average price levels (both sides) over the measured commands */
    public double averageLevels() {
        return (double) levelSum / (size - setupSize);
    }

    /** @return commands the shadow engine rejected while generating (0 for a sound stream) */
    public long rejected() {
        return rejected;
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

    /** Generation state: a shadow engine and the set of working orders. */
    private static final class Generator {
        private final ExchangeCoreMix mix;
        private final SplittableRandom random;
        private final MatchingEngine engine = new MatchingEngine();
        private final Command slot = new Command();
        private final Long2LongHashMap index = new Long2LongHashMap(-1);
        private long[] live = new long[1024];
        private boolean[] liveBuy = new boolean[1024];
        private int liveSize;
        private long nextId = 1;

        Generator(ExchangeCoreMix mix, SplittableRandom random) {
            this.mix = mix;
            this.random = random;
        }

        void run(int commands) {
            int i = mix.add(Op.ADD_INSTRUMENT, 0, Command.ANY, 1, 1);
            apply(i, false);
            for (int a = 0; a < mix.accountNames.length; a++) {
                apply(mix.add(Op.ADD_ACCOUNT, 0, a, 0, 0), false);
            }
            for (int n = 0; n < 2 * mix.ordersPerSide; n++) {
                boolean buy = (n & 1) == 0;
                long px = buy ? START_PRICE - 1 - random.nextInt(mix.priceRange)
                        : START_PRICE + 1 + random.nextInt(mix.priceRange);
                apply(newOrder(buy, TimeInForce.GTC, px, 1 + random.nextInt(MAX_ORDER_QTY)), false);
            }
            mix.setupSize = mix.size;
            for (int n = 0; n < commands; n++) {
                int r = liveSize == 0 ? 0 : random.nextInt(1000);
                if (r < 126) {
                    newGtc();
                } else if (r < 144) {
                    ioc();
                } else if (r < 216) {
                    mix.cancels++;
                    apply(mix.add(Op.CANCEL, live[random.nextInt(liveSize)], 0, 0, 0), true);
                } else if (r < 928) {
                    move();
                } else {
                    reduce();
                }
            }
        }

        private int newOrder(boolean buy, TimeInForce timeInForce, long px, long quantity) {
            int i = mix.add(Op.NEW, nextId++, random.nextInt(mix.accountNames.length), px, quantity);
            mix.side[i] = (byte) (buy ? Side.BUY : Side.SELL).ordinal();
            mix.type[i] = (byte) OrderType.LIMIT.ordinal();
            mix.tif[i] = (byte) timeInForce.ordinal();
            return i;
        }

        private void newGtc() {
            int bids = engine.restingOrderCount(INSTRUMENT, Side.BUY);
            int asks = engine.restingOrderCount(INSTRUMENT, Side.SELL);
            boolean buy = bids == asks ? random.nextBoolean() : bids < asks;
            mix.newOrders++;
            apply(newOrder(buy, TimeInForce.GTC, passivePrice(buy), 1 + random.nextInt(MAX_ORDER_QTY)), true);
        }

        private void ioc() {
            boolean buy = random.nextBoolean();
            int opposite = engine.restingOrderCount(INSTRUMENT, buy ? Side.SELL : Side.BUY);
            int orders = Math.max(1, Math.min(10, opposite - mix.ordersPerSide + 3));
            long quantity = 0;
            for (int k = 0; k < orders; k++) {
                quantity += 1 + random.nextInt(MAX_ORDER_QTY);
            }
            long best = buy ? engine.bestAsk(INSTRUMENT) : engine.bestBid(INSTRUMENT);
            long px;
            if (best == MatchingEngine.NO_PRICE) {
                px = START_PRICE;
            } else {
                px = buy ? best + 2 + random.nextInt(8) : Math.max(1, best - 2 - random.nextInt(8));
            }
            mix.iocOrders++;
            apply(newOrder(buy, TimeInForce.IOC, px, quantity), true);
        }

        private void move() {
            int k = random.nextInt(liveSize);
            boolean buy = liveBuy[k];
            long px = passivePrice(buy);
            if (random.nextInt(1000) < 3) {
                long best = buy ? engine.bestAsk(INSTRUMENT) : engine.bestBid(INSTRUMENT);
                if (best != MatchingEngine.NO_PRICE) {
                    px = buy ? best + random.nextInt(3) : Math.max(1, best - random.nextInt(3));
                }
            }
            mix.moves++;
            apply(mix.add(Op.REPLACE, live[k], 0, px, Command.UNCHANGED), true);
        }

        private void reduce() {
            long id = live[random.nextInt(liveSize)];
            long open = engine.openQty(id);
            long quantity = open > 1 ? 1 + random.nextInt((int) Math.min(open - 1, Integer.MAX_VALUE - 1)) : 1;
            mix.reduces++;
            apply(mix.add(Op.REDUCE, id, 0, 0, quantity), true);
        }

        /** A price within priceRange ticks behind the opposite touch (never crossing). */
        private long passivePrice(boolean buy) {
            long none = MatchingEngine.NO_PRICE;
            long bid = engine.bestBid(INSTRUMENT);
            long ask = engine.bestAsk(INSTRUMENT);
            if (buy) {
                long top = ask != none ? ask : bid != none ? bid + 1 : START_PRICE;
                return Math.max(1, top - 1 - random.nextInt(mix.priceRange));
            }
            long bottom = bid != none ? bid : ask != none ? ask - 1 : START_PRICE;
            return bottom + 1 + random.nextInt(mix.priceRange);
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
            long id = slot.orderId;
            if (slot.op == Op.NEW && engine.isWorking(id) && index.get(id) < 0) {
                addLive(id, slot.side == Side.BUY);
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
            if (liveSize == live.length) {
                live = Arrays.copyOf(live, liveSize * 2);
                liveBuy = Arrays.copyOf(liveBuy, liveSize * 2);
            }
            index.put(id, liveSize);
            live[liveSize] = id;
            liveBuy[liveSize] = buy;
            liveSize++;
        }

        private void removeLive(long id) {
            long k = index.remove(id);
            if (k < 0) {
                return;
            }
            int last = --liveSize;
            if (k != last) {
                live[(int) k] = live[last];
                liveBuy[(int) k] = liveBuy[last];
                index.put(live[(int) k], k);
            }
        }
    }
}
