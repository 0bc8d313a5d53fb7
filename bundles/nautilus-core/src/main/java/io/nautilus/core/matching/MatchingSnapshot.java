package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.SelfTradePrevention;
import org.agrona.collections.Int2IntHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The snapshot codec of a {@link MatchingEngine}: writes its books, stops, accounts, used ids and venue orders, and
 * reads them back into it (validating every value; a corrupt snapshot is an {@link IOException} naming it).
 */
final class MatchingSnapshot {

    private static final int MAGIC_V1 = 0x4E4D4531; // "NME1"
    /** Version 2 adds external instruments and the orders working at their venues after the used ids. */
    private static final int MAGIC = 0x4E4D4532; // "NME2"
    private static final int STP_MODES = SelfTradePrevention.values().length;
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    private final MatchingEngine engine;

    MatchingSnapshot(MatchingEngine engine) {
        this.engine = engine;
    }

    /**
     * Writes instruments (ascending id) with their books (each side worst level first, each level in queue order)
     * and stop lists (arrival order), accounts (ascending id), the used order ids, then the external instruments,
     * the venue names and the orders working at venues (ascending id).
     */
    void write(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(engine.instrumentIds.length);
        for (int id : engine.instrumentIds) {
            OrderBook b = engine.books.get(id);
            out.writeInt(b.instrument);
            out.writeLong(b.tickSize);
            out.writeLong(b.lotSize);
            out.writeLong(b.minQty);
            out.writeLong(b.bandBps);
            out.writeLong(b.referencePrice);
            out.writeLong(b.marketReference);
            out.writeLong(b.lastTradePrice);
            writeSide(out, b.bids);
            writeSide(out, b.asks);
            out.writeInt(b.stopCount);
            for (Order o = b.stopHead; o != null; o = o.next) {
                writeOrder(out, o);
            }
        }
        int[] accountIds = new int[engine.accounts.size()];
        int n = 0;
        for (Int2IntHashMap.KeyIterator it = engine.accounts.keySet().iterator(); it.hasNext(); ) {
            accountIds[n++] = it.nextValue();
        }
        Arrays.sort(accountIds);
        out.writeInt(n);
        for (int id : accountIds) {
            out.writeInt(id);
            out.writeByte(engine.accounts.get(id));
        }
        engine.usedIds.write(out);
        int external = 0;
        for (int id : engine.instrumentIds) {
            if (engine.books.get(id).external) {
                external++;
            }
        }
        out.writeInt(external);
        for (int id : engine.instrumentIds) {
            if (engine.books.get(id).external) {
                out.writeInt(id);
            }
        }
        int venueOrders = engine.venue.sortedIds();
        long[] ids = engine.scratchIds;
        String[] names = engine.venue.names();
        out.writeInt(names.length);
        for (String name : names) {
            out.writeUTF(name);
        }
        out.writeInt(venueOrders);
        for (int i = 0; i < venueOrders; i++) {
            Order o = engine.orders.get(ids[i]);
            out.writeInt(o.instrument);
            out.writeInt(o.venue);
            writeOrder(out, o);
            out.writeBoolean(o.venueAcked);
            out.writeBoolean(o.pendingCancel);
            out.writeBoolean(o.pendingReplace);
            out.writeLong(o.pendingPrice);
            out.writeLong(o.pendingQty);
        }
    }

    private static void writeSide(DataOutput out, BookSide side) throws IOException {
        out.writeInt(side.orders);
        for (int i = 0; i < side.size; i++) {
            for (Order o = side.levels[i].head; o != null; o = o.next) {
                writeOrder(out, o);
            }
        }
    }

    private static void writeOrder(DataOutput out, Order o) throws IOException {
        out.writeLong(o.id);
        out.writeLong(o.clientOrderId);
        out.writeInt(o.account);
        out.writeByte(o.side.ordinal());
        out.writeByte(o.type.ordinal());
        out.writeByte(o.tif.ordinal());
        out.writeLong(o.price);
        out.writeLong(o.stopPrice);
        out.writeLong(o.originalQty);
        out.writeLong(o.qty);
        out.writeLong(o.open);
        out.writeLong(o.filled);
        out.writeLong(o.displayQty);
        out.writeLong(o.visible);
        out.writeInt(o.flags);
        out.writeLong(o.expiry);
    }

    /** Replaces the engine's state with a snapshot's (version 1 or 2). */
    void read(DataInput in) throws IOException {
        engine.reset();
        int magic = in.readInt();
        if (magic != MAGIC && magic != MAGIC_V1) {
            throw new IOException("not a matching engine snapshot: magic 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(MAGIC));
        }
        int instruments = count(in, "instruments");
        for (int i = 0; i < instruments; i++) {
            int id = in.readInt();
            long tick = in.readLong();
            long lot = in.readLong();
            long minQty = in.readLong();
            long bps = in.readLong();
            long ref = in.readLong();
            String problem = MatchingEngine.instrumentProblem(id, tick, lot, minQty, bps, ref);
            if (problem != null) {
                throw new IOException("corrupt snapshot: " + problem);
            }
            engine.defineInstrument(id, tick, lot, minQty, bps, ref);
            OrderBook b = engine.books.get(id);
            b.marketReference = in.readLong();
            b.lastTradePrice = in.readLong();
            readSide(in, b, true);
            readSide(in, b, false);
            int stops = count(in, "stop orders");
            for (int s = 0; s < stops; s++) {
                Order o = readOrder(in, b);
                o.state = Order.STOP_PENDING;
                b.appendStop(o);
            }
        }
        int accountCount = count(in, "accounts");
        for (int i = 0; i < accountCount; i++) {
            int id = in.readInt();
            int stp = in.readByte();
            if (id < 0 || stp < 0 || stp >= STP_MODES) {
                throw new IOException("corrupt snapshot: account " + id + " with self-trade mode " + stp);
            }
            engine.putAccount(id, stp);
        }
        engine.usedIds.read(in);
        if (magic == MAGIC_V1) {
            return;
        }
        int external = count(in, "external instruments");
        for (int i = 0; i < external; i++) {
            int id = in.readInt();
            OrderBook b = engine.books.get(id);
            if (b == null) {
                throw new IOException("corrupt snapshot: external instrument " + id + " is not defined");
            }
            b.external = true;
        }
        int nameCount = count(in, "venue names");
        String[] names = new String[nameCount];
        for (int i = 0; i < nameCount; i++) {
            names[i] = in.readUTF();
        }
        engine.venue.names(names);
        int venueOrders = count(in, "venue orders");
        for (int i = 0; i < venueOrders; i++) {
            int instrument = in.readInt();
            int venue = in.readInt();
            if (venue < -1 || venue >= nameCount) {
                throw new IOException("corrupt snapshot: venue code " + venue);
            }
            OrderBook b = engine.books.get(instrument);
            if (b == null) {
                throw new IOException("corrupt snapshot: venue order of undefined instrument " + instrument);
            }
            Order o = readOrder(in, b);
            if (o.tif == TimeInForce.GTD) {
                engine.gtdOrders--; // readOrder counted it; its venue expires it
            } else if (o.tif == TimeInForce.DAY) {
                engine.dayOrders--;
            }
            o.state = Order.VENUE;
            o.venue = venue;
            o.venueAcked = in.readBoolean();
            o.pendingCancel = in.readBoolean();
            o.pendingReplace = in.readBoolean();
            o.pendingPrice = in.readLong();
            o.pendingQty = in.readLong();
        }
    }

    private static int count(DataInput in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt snapshot: " + n + " " + what);
        }
        return n;
    }

    private void readSide(DataInput in, OrderBook b, boolean buy) throws IOException {
        int n = count(in, "resting orders");
        BookSide side = b.side(buy);
        for (int i = 0; i < n; i++) {
            Order o = readOrder(in, b);
            if (o.buy != buy || o.price <= 0) {
                throw new IOException("corrupt snapshot: order " + o.id + " on the wrong side or without price");
            }
            Level level = side.get(o.price);
            if (level == null) {
                level = engine.newLevel(o.price);
                if (side.size > 0 && side.key(o.price) < side.keys[side.size - 1]) {
                    throw new IOException("corrupt snapshot: levels out of order at price " + o.price);
                }
                side.insert(level);
            }
            o.state = Order.RESTING;
            level.append(o);
            side.orders++;
        }
    }

    private Order readOrder(DataInput in, OrderBook b) throws IOException {
        Order o = engine.newOrder();
        o.id = in.readLong();
        o.clientOrderId = in.readLong();
        o.account = in.readInt();
        o.instrument = b.instrument;
        o.book = b;
        o.side = SIDES[index(in.readByte(), SIDES.length, "side")];
        o.buy = o.side == Side.BUY;
        o.type = TYPES[index(in.readByte(), TYPES.length, "order type")];
        o.tif = TIFS[index(in.readByte(), TIFS.length, "time in force")];
        o.price = in.readLong();
        o.stopPrice = in.readLong();
        o.originalQty = in.readLong();
        o.qty = in.readLong();
        o.open = in.readLong();
        o.filled = in.readLong();
        o.displayQty = in.readLong();
        o.visible = in.readLong();
        o.flags = in.readInt();
        o.expiry = in.readLong();
        if (o.id <= 0 || o.open <= 0 || o.visible < 0 || o.visible > o.open || engine.orders.get(o.id) != null) {
            throw new IOException("corrupt snapshot: order " + o.id + " (open " + o.open + ", visible " + o.visible
                    + ")");
        }
        engine.orders.put(o);
        if (o.tif == TimeInForce.GTD) {
            engine.gtdOrders++;
            engine.earliestExpiry = Math.min(engine.earliestExpiry, o.expiry);
        } else if (o.tif == TimeInForce.DAY) {
            engine.dayOrders++;
        }
        return o;
    }

    private static int index(int value, int length, String what) throws IOException {
        if (value < 0 || value >= length) {
            throw new IOException("corrupt snapshot: " + what + " code " + value);
        }
        return value;
    }
}
