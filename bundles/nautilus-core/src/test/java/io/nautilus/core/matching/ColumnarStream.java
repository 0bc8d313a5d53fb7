package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.InstrumentCommand;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic order stream on one instrument, generated once through a shadow {@link MatchingEngine} (so every
 * cancel, replace and reduce names a working order) and kept in primitive columns; {@link #fill} copies one command
 * into a reusable slot without allocating. The base of the benchmark and test mixes ({@link ExchangeCoreMix},
 * the benchmarks' {@code OrderFlowMix}), which differ only in how they choose the next command.
 *
 * <p>The stream starts with {@link #definitions()} commands: one {@link Op#ADD_INSTRUMENT} (id {@value #INSTRUMENT},
 * tick 1, lot 1, minimum 1, no band, scales 0, no fees, the core's own book) and one {@link Op#ADD_ACCOUNT} per
 * account ({@code acct-<n>}, self-trade prevention NONE); then {@code ordersPerSide} passive GTC limits per side
 * within {@code priceRange} ticks of {@value #START_PRICE} build the initial book (up to {@link #setupSize()}); then
 * the flow. Order ids are 1, 2, 3, ... in the order the NEW commands appear.
 */
public abstract class ColumnarStream {

    /** The instrument id the stream trades. */
    public static final int INSTRUMENT = 0;
    /** The price, in ticks, the book starts around. */
    public static final long START_PRICE = 100_000;
    /** Largest quantity of a passive order, in lots. */
    public static final int MAX_ORDER_QTY = 100;

    /** Kind of a flow command, for {@link #share}: a new GTC limit behind the touch. */
    public static final int PASSIVE = 0;
    /** Kind of a flow command: a new GTC limit through the opposite touch. */
    public static final int CROSSING = 1;
    /** Kind of a flow command: a new IOC limit through the opposite touch. */
    public static final int IOC = 2;
    /** Kind of a flow command: a cancel of a working order. */
    public static final int CANCEL = 3;
    /** Kind of a flow command: a price replace of a working order. */
    public static final int MOVE = 4;
    /** Kind of a flow command: a quantity reduction of a working order. */
    public static final int REDUCE = 5;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private final String symbol;
    private final String[] accountNames;
    private final int ordersPerSide;
    private final int priceRange;

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

    private final long[] kinds = new long[REDUCE + 1];
    private long tradingCommands;
    private long trades;
    private long rejected;
    private long restingOrderSum;
    private long levelSum;

    /**
     * Allocates the columns; a subclass then fills them with {@link Shadow#run}.
     *
     * @param symbol the instrument's symbol in the ADD_INSTRUMENT command
     * @param commands flow commands after the setup, &gt; 0
     * @param ordersPerSide resting orders per side of the initial book, &gt; 0
     * @param priceRange ticks behind the touch over which passive orders are placed, &gt; 0
     * @param accounts number of accounts, &gt; 0
     * @throws IllegalArgumentException naming a non-positive size
     */
    protected ColumnarStream(String symbol, int commands, int ordersPerSide, int priceRange, int accounts) {
        if (commands <= 0 || ordersPerSide <= 0 || priceRange <= 0 || accounts <= 0) {
            throw new IllegalArgumentException("commands " + commands + ", orders per side " + ordersPerSide
                    + ", price range " + priceRange + " and accounts " + accounts + " must all be > 0");
        }
        this.symbol = symbol;
        this.ordersPerSide = ordersPerSide;
        this.priceRange = priceRange;
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

    /** @return number of commands, definitions and setup included */
    public final int size() {
        return size;
    }

    /** @return number of leading ADD_INSTRUMENT/ADD_ACCOUNT commands */
    public final int definitions() {
        return 1 + accountNames.length;
    }

    /** @return number of leading commands (definitions and the initial book) before the flow starts */
    public final int setupSize() {
        return setupSize;
    }

    /** @return resting orders per side of the initial book, the depth the flow keeps the book around */
    public final int ordersPerSide() {
        return ordersPerSide;
    }

    /**
     * Overwrites a slot with command i, allocation-free: the definitions as described above; NEW with its order
     * id, account, instrument, side, type, time in force, price and quantity; CANCEL, REPLACE (price, quantity
     * {@link Command#UNCHANGED}) and REDUCE (quantity to take off) with the order id, account and instrument
     * {@link Command#ANY}. Seq, timestamp and the outcome are cleared.
     *
     * @param i command index, 0 &lt;= i &lt; {@link #size()}
     * @param slot the slot to fill
     */
    public void fill(int i, Command slot) {
        slot.clear();
        byte o = op[i];
        if (o == Op.ADD_INSTRUMENT) {
            InstrumentCommand.encode(INSTRUMENT, symbol, 1, 1, 1, 0, 0, 0, 0, 0, 0, false, slot);
        } else if (o == Op.ADD_ACCOUNT) {
            slot.op = o;
            slot.account = account[i];
            slot.text = accountNames[account[i]];
            slot.flags = SelfTradePrevention.NONE.ordinal();
        } else {
            slot.op = o;
            slot.orderId = orderId[i];
            slot.price = price[i];
            slot.qty = qty[i];
            if (o == Op.NEW) {
                slot.account = account[i];
                slot.instrument = INSTRUMENT;
                slot.side = SIDES[side[i]];
                slot.type = TYPES[type[i]];
                slot.tif = TIFS[tif[i]];
            }
        }
    }

    /**
     * @param kind {@link #PASSIVE}, {@link #CROSSING}, {@link #IOC}, {@link #CANCEL}, {@link #MOVE} or {@link #REDUCE}
     * @return percentage of the flow commands of that kind
     */
    public final double share(int kind) {
        return pct(kinds[kind], size - setupSize);
    }

    /** @return fraction of flow commands that traded */
    public final double tradingFraction() {
        return (double) tradingCommands / (size - setupSize);
    }

    /** @return trades the flow made in the shadow engine */
    public final long trades() {
        return trades;
    }

    /** @return average resting orders (both sides) over the flow */
    public final double averageRestingOrders() {
        return (double) restingOrderSum / (size - setupSize);
    }

    /** @return average price levels (both sides) over the flow */
    public final double averageLevels() {
        return (double) levelSum / (size - setupSize);
    }

    /** @return commands the shadow engine rejected while generating (0 for a sound stream) */
    public final long rejected() {
        return rejected;
    }

    /**
     * A fingerprint of the whole stream as {@link #fill} writes it, to pin a stream so that it cannot drift: SHA-256
     * over, per command in order, seq, timestamp, ingressNanos, op, orderId, account, instrument, the ordinals of
     * side, type and time in force (-1 for none), price, qty, stopPrice, displayQty, flags, expiry, clientOrderId
     * (big-endian, at their Java widths), the text (its UTF-8 length and bytes, -1 for none), then one byte each
     * for an attachment and a reply being set.
     *
     * @return the digest in lower-case hex
     */
    public final String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        Command c = new Command();
        ByteBuffer b = ByteBuffer.allocate(1024);
        for (int i = 0; i < size; i++) {
            fill(i, c);
            b.clear();
            b.putLong(c.seq).putLong(c.timestamp).putLong(c.ingressNanos).put(c.op).putLong(c.orderId)
                    .putInt(c.account).putInt(c.instrument).putInt(c.side == null ? -1 : c.side.ordinal())
                    .putInt(c.type == null ? -1 : c.type.ordinal()).putInt(c.tif == null ? -1 : c.tif.ordinal())
                    .putLong(c.price).putLong(c.qty).putLong(c.stopPrice).putLong(c.displayQty).putInt(c.flags)
                    .putLong(c.expiry).putLong(c.clientOrderId);
            if (c.text == null) {
                b.putInt(-1);
            } else {
                byte[] text = c.text.getBytes(StandardCharsets.UTF_8);
                b.putInt(text.length).put(text);
            }
            b.put((byte) (c.attachment == null ? 0 : 1)).put((byte) (c.reply == null ? 0 : 1));
            sha.update(b.flip());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * @return the summary of the outcome shared by every mix: {@code trading commands X% (N trades); rejected N;
     *         avg resting orders N over N levels (both sides)}
     */
    protected final String outcome() {
        return String.format(Locale.ROOT, "trading commands %.2f%% (%d trades); rejected %d; "
                + "avg resting orders %.0f over %.0f levels (both sides)", 100 * tradingFraction(), trades, rejected,
                averageRestingOrders(), averageLevels());
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

    /**
     * Generation state: a shadow engine, the random source and the working orders. A subclass chooses each flow
     * command in {@link #next}; the helpers append it to the stream, run it through the shadow engine and keep the
     * statistics. Order ids are dense, so an array indexes the working orders.
     */
    protected abstract static class Shadow {
        /** The random source, drawn from in a fixed order (the stream depends on it). */
        protected final SplittableRandom random;
        /** The shadow engine, holding the book as the stream leaves it so far. */
        protected final MatchingEngine engine = new MatchingEngine();
        private final ColumnarStream stream;
        private final Command slot = new Command();
        private int[] position = new int[1024];
        private long[] live = new long[1024];
        private boolean[] liveBuy = new boolean[1024];
        private int liveSize;
        private long nextId = 1;

        /**
         * @param stream the stream to fill
         * @param seed random seed
         */
        protected Shadow(ColumnarStream stream, long seed) {
            this.stream = stream;
            this.random = new SplittableRandom(seed);
            Arrays.fill(position, -1);
        }

        /**
         * Appends the definitions, the initial book and {@code commands} flow commands.
         *
         * @param commands flow commands
         */
        public final void run(int commands) {
            ColumnarStream s = stream;
            apply(s.add(Op.ADD_INSTRUMENT, 0, Command.ANY, 0, 0), false);
            for (int a = 0; a < s.accountNames.length; a++) {
                apply(s.add(Op.ADD_ACCOUNT, 0, a, 0, 0), false);
            }
            for (int n = 0; n < 2 * s.ordersPerSide; n++) {
                boolean buy = (n & 1) == 0;
                long px = buy ? START_PRICE - 1 - random.nextInt(s.priceRange)
                        : START_PRICE + 1 + random.nextInt(s.priceRange);
                apply(newOrder(buy, TimeInForce.GTC, px, 1 + random.nextInt(MAX_ORDER_QTY)), false);
            }
            s.setupSize = s.size;
            for (int n = 0; n < commands; n++) {
                next(n);
            }
        }

        /**
         * Appends flow command n (through one of the helpers below).
         *
         * @param n index of the flow command, from 0
         */
        protected abstract void next(int n);

        /** @return number of working orders */
        protected final int liveCount() {
            return liveSize;
        }

        /** @return resting orders on one side of the shadow book */
        protected final int resting(Side side) {
            return engine.restingOrderCount(INSTRUMENT, side);
        }

        /**
         * Appends a NEW limit order (account drawn after the caller's draws) and runs it as a flow command.
         *
         * @param kind the kind counted for it
         * @param buy true for a buy
         * @param timeInForce GTC or IOC
         * @param px limit price
         * @param quantity quantity
         */
        protected final void order(int kind, boolean buy, TimeInForce timeInForce, long px, long quantity) {
            stream.kinds[kind]++;
            apply(newOrder(buy, timeInForce, px, quantity), true);
        }

        /** Appends a passive GTC limit on the smaller side (a coin toss when even) behind the touch. */
        protected final void passive() {
            int bids = resting(Side.BUY);
            int asks = resting(Side.SELL);
            boolean buy = bids == asks ? random.nextBoolean() : bids < asks;
            order(PASSIVE, buy, TimeInForce.GTC, passivePrice(buy), 1 + random.nextInt(MAX_ORDER_QTY));
        }

        /** Appends a cancel of a random working order. */
        protected final void cancel() {
            stream.kinds[CANCEL]++;
            apply(stream.add(Op.CANCEL, live[random.nextInt(liveSize)], 0, 0, 0), true);
        }

        /**
         * Appends a price replace of working order k (quantity unchanged).
         *
         * @param k index of the working order, 0 &lt;= k &lt; {@link #liveCount()}
         * @param px the new price
         */
        protected final void move(int k, long px) {
            stream.kinds[MOVE]++;
            apply(stream.add(Op.REPLACE, live[k], 0, px, Command.UNCHANGED), true);
        }

        /**
         * @param k index of a working order, 0 &lt;= k &lt; {@link #liveCount()}
         * @return true if it is a buy
         */
        protected final boolean isBuy(int k) {
            return liveBuy[k];
        }

        /** Appends a reduction of a random working order by 1 to its open quantity less 1 (1 when that is 1). */
        protected final void reduce() {
            long id = live[random.nextInt(liveSize)];
            long open = engine.openQty(id);
            long quantity = open > 1 ? 1 + random.nextInt((int) Math.min(open - 1, Integer.MAX_VALUE - 1)) : 1;
            stream.kinds[REDUCE]++;
            apply(stream.add(Op.REDUCE, id, 0, 0, quantity), true);
        }

        /**
         * @param buy true for a buy
         * @return the best price on the opposite side (the ask for a buy), or {@link MatchingEngine#NO_PRICE}
         */
        protected final long oppositeTouch(boolean buy) {
            return buy ? engine.bestAsk(INSTRUMENT) : engine.bestBid(INSTRUMENT);
        }

        /**
         * @param buy true for a buy
         * @param ticks fewest ticks through the opposite touch, &gt;= 0
         * @param spread number of distinct prices from there on, &gt; 0
         * @return a price {@code ticks} to {@code ticks + spread - 1} ticks through the opposite touch (at least 1),
         *         or {@link ColumnarStream#START_PRICE} when that side is empty
         */
        protected final long throughTouch(boolean buy, int ticks, int spread) {
            long best = oppositeTouch(buy);
            if (best == MatchingEngine.NO_PRICE) {
                return START_PRICE;
            }
            return buy ? best + ticks + random.nextInt(spread) : Math.max(1, best - ticks - random.nextInt(spread));
        }

        /**
         * @param orders number of resting orders to size for, &gt;= 1
         * @return the sum of that many random order quantities (1 to {@link ColumnarStream#MAX_ORDER_QTY} each)
         */
        protected final long quantityOf(int orders) {
            long quantity = 0;
            for (int k = 0; k < orders; k++) {
                quantity += 1 + random.nextInt(MAX_ORDER_QTY);
            }
            return quantity;
        }

        /**
         * @param buy true for a buy
         * @return a price within priceRange ticks behind the opposite touch (never crossing)
         */
        protected final long passivePrice(boolean buy) {
            long none = MatchingEngine.NO_PRICE;
            long bid = engine.bestBid(INSTRUMENT);
            long ask = engine.bestAsk(INSTRUMENT);
            if (buy) {
                long top = ask != none ? ask : bid != none ? bid + 1 : START_PRICE;
                return Math.max(1, top - 1 - random.nextInt(stream.priceRange));
            }
            long bottom = bid != none ? bid : ask != none ? ask - 1 : START_PRICE;
            return bottom + 1 + random.nextInt(stream.priceRange);
        }

        private int newOrder(boolean buy, TimeInForce timeInForce, long px, long quantity) {
            ColumnarStream s = stream;
            int i = s.add(Op.NEW, nextId++, random.nextInt(s.accountNames.length), px, quantity);
            s.side[i] = (byte) (buy ? Side.BUY : Side.SELL).ordinal();
            s.type[i] = (byte) OrderType.LIMIT.ordinal();
            s.tif[i] = (byte) timeInForce.ordinal();
            return i;
        }

        private void apply(int i, boolean measured) {
            ColumnarStream s = stream;
            s.fill(i, slot);
            engine.process(slot);
            Events ev = slot.events;
            for (int e = 0, n = ev.size(); e < n; e++) {
                byte t = ev.type(e);
                if (t == Events.TRADE) {
                    if (measured) {
                        s.trades++;
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
                    s.rejected++;
                }
                if (ev.hasTrades()) {
                    s.tradingCommands++;
                }
                s.restingOrderSum += resting(Side.BUY) + resting(Side.SELL);
                s.levelSum += engine.levelCount(INSTRUMENT, Side.BUY) + engine.levelCount(INSTRUMENT, Side.SELL);
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
