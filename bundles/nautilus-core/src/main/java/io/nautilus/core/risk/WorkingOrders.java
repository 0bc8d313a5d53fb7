package io.nautilus.core.risk;

import io.nautilus.core.position.PairGrid;
import io.nautilus.core.position.PositionKeeper;
import io.nautilus.core.position.WideMath;
import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The working orders risk knows of (from ACCEPTED/TRADE/CANCELED/REDUCED/REPLACED/EXPIRED events) and their open
 * quantity per account, instrument and side. One record per slot in one array, with a free list; grows by doubling,
 * so steady state allocates nothing. The per-(account, instrument) sums live in flat arrays laid out by a
 * {@link PairGrid}, grown when an account or instrument is defined ({@link #hold}) or, outside the engine, when an
 * order of a new pair arrives.
 *
 * <p>While {@link #trackExposure tracked} (a leverage or concentration limit is configured), it also keeps,
 * incrementally, the working orders' exposure: per account and instrument the sum of {@code open * exposure price}
 * over both sides (unscaled, price scale + quantity scale), and per account the sum of those pair sums converted to
 * money ({@link PositionKeeper#notionalToMoney}), so the account total always equals the sum of its converted
 * pairs. Turning tracking on rebuilds the sums in one pass over the orders (off the order path: when limits are
 * set). An order's exposure price is its limit price (its stop price for a STOP), or the mark when it was accepted
 * if it has neither (a market order in flight to a venue; 0 without a mark).
 */
final class WorkingOrders {

    private static final int INITIAL_CAPACITY = 1024;

    private final Long2LongHashMap slotById = new Long2LongHashMap(INITIAL_CAPACITY * 2, 0.65f, -1);
    private PairGrid grid = PairGrid.EMPTY;
    private long[] buyOpen = new long[0];
    private long[] sellOpen = new long[0];
    private long[] notional = new long[0];
    private final PositionKeeper positions;
    private long[] accountExposure = new long[64];
    private boolean exposureTracked;

    /*
     * One record of STRIDE longs per slot (an order's fields on one or two cache lines, not one line in each of nine
     * arrays): id, account (high 32 bits) and instrument (low), open, filled, price, exposure price, flags (low 32
     * bits) and the buy bit.
     */
    private static final int STRIDE = 8;
    private static final int ID = 0;
    private static final int PAIR = 1;
    private static final int OPEN = 2;
    private static final int FILLED = 3;
    private static final int PRICE = 4;
    private static final int EXPOSURE_PRICE = 5;
    private static final int FLAGS = 6;
    private static final long BUY = 1L << 32;
    private long[] rec = new long[INITIAL_CAPACITY * STRIDE];
    private int[] free = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int top;
    /** The last id looked up or added and its slot (-1 = not working): a command's events mostly name its order. */
    private long lastId = Long.MIN_VALUE;
    private int lastSlot = -1;

    /** @param positions the instruments' scales and the money scale, for the working exposure in money */
    WorkingOrders(PositionKeeper positions) {
        this.positions = positions;
    }

    /**
     * Grows the per-pair sums to hold a pair (and every pair with smaller ids); a no-op when they already do.
     *
     * @return false if the pair is beyond {@link PairGrid}'s limits (nothing changed)
     */
    boolean hold(int acct, int instr) {
        if (grid.holds(acct, instr)) {
            return true;
        }
        PairGrid grown;
        try {
            grown = grid.grownFor(acct, instr);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (grown != grid) {
            buyOpen = grown.copy(buyOpen, grid);
            sellOpen = grown.copy(sellOpen, grid);
            notional = grown.copy(notional, grid);
            grid = grown;
        }
        if (grid.rows() > accountExposure.length) {
            accountExposure = Arrays.copyOf(accountExposure, grid.rows());
        }
        return true;
    }

    int slot(long orderId) {
        if (orderId == lastId) {
            return lastSlot;
        }
        int s = (int) slotById.get(orderId);
        lastId = orderId;
        lastSlot = s;
        return s;
    }

    int size() {
        return slotById.size();
    }

    int account(int slot) {
        return (int) (rec[slot * STRIDE + PAIR] >> 32);
    }

    int instrument(int slot) {
        return (int) rec[slot * STRIDE + PAIR];
    }

    boolean buy(int slot) {
        return (rec[slot * STRIDE + FLAGS] & BUY) != 0;
    }

    long open(int slot) {
        return rec[slot * STRIDE + OPEN];
    }

    long filled(int slot) {
        return rec[slot * STRIDE + FILLED];
    }

    long price(int slot) {
        return rec[slot * STRIDE + PRICE];
    }

    int flags(int slot) {
        return (int) rec[slot * STRIDE + FLAGS];
    }

    long exposurePrice(int slot) {
        return rec[slot * STRIDE + EXPOSURE_PRICE];
    }

    /**
     * Adds an order (or updates it, if the id is known); an open quantity of 0 or less, or an account or
     * instrument id outside the {@link PairGrid}'s limits (the engine refuses such definitions), adds nothing.
     *
     * @param priceForExposure price its open quantity counts at in the exposure (price scale; its absolute value
     *                         is used)
     */
    void add(long orderId, int acct, int instr, boolean isBuy, long openQty, long orderPrice, int orderFlags,
             long priceForExposure) {
        int existing = slot(orderId);
        if (existing >= 0) {
            remove(existing);
        }
        if (openQty <= 0 || !hold(acct, instr)) {
            return;
        }
        int s = freeCount > 0 ? free[--freeCount] : nextSlot();
        long[] r = rec;
        int b = s * STRIDE;
        r[b + ID] = orderId;
        r[b + PAIR] = (long) acct << 32 | (instr & 0xFFFF_FFFFL);
        r[b + OPEN] = 0;
        r[b + FILLED] = 0;
        r[b + PRICE] = orderPrice;
        r[b + EXPOSURE_PRICE] = priceForExposure == Long.MIN_VALUE ? 0 : Math.abs(priceForExposure);
        r[b + FLAGS] = (orderFlags & 0xFFFF_FFFFL) | (isBuy ? BUY : 0);
        slotById.put(orderId, s);
        lastId = orderId;
        lastSlot = s;
        setOpen(s, openQty);
    }

    private int nextSlot() {
        if (top == free.length) {
            int capacity = free.length * 2;
            rec = Arrays.copyOf(rec, capacity * STRIDE);
            free = Arrays.copyOf(free, capacity);
        }
        return top++;
    }

    /** Sets the open quantity; 0 or less removes the order. */
    void setOpen(int slot, long openQty) {
        if (openQty <= 0) {
            remove(slot);
            return;
        }
        long delta = openQty - rec[slot * STRIDE + OPEN];
        rec[slot * STRIDE + OPEN] = openQty;
        addWorking(slot, delta);
    }

    void setFilled(int slot, long cumulative) {
        rec[slot * STRIDE + FILLED] = cumulative;
    }

    /** Sets a new limit (or stop) price, which is also the price the order's exposure counts at. */
    void setPrice(int slot, long orderPrice) {
        int b = slot * STRIDE;
        rec[b + PRICE] = orderPrice;
        long newExposurePrice = orderPrice == Long.MIN_VALUE ? 0 : Math.abs(orderPrice);
        long old = rec[b + EXPOSURE_PRICE];
        rec[b + EXPOSURE_PRICE] = newExposurePrice;
        if (!exposureTracked) {
            return;
        }
        long openQty = rec[b + OPEN];
        addNotional(slot, WideMath.saturatedMultiply(openQty, newExposurePrice)
                - WideMath.saturatedMultiply(openQty, old));
    }

    void remove(int slot) {
        int b = slot * STRIDE;
        addWorking(slot, -rec[b + OPEN]);
        rec[b + OPEN] = 0;
        long orderId = rec[b + ID];
        slotById.remove(orderId);
        if (orderId == lastId) {
            lastSlot = -1;
        }
        free[freeCount++] = slot;
    }

    private void addWorking(int slot, long delta) {
        if (delta == 0) {
            return;
        }
        int b = slot * STRIDE;
        long pair = rec[b + PAIR];
        int cell = grid.index((int) (pair >> 32), (int) pair);
        if ((rec[b + FLAGS] & BUY) != 0) {
            buyOpen[cell] += delta;
        } else {
            sellOpen[cell] += delta;
        }
        if (exposureTracked) {
            long at = rec[b + EXPOSURE_PRICE];
            addNotional(slot, delta < 0 ? -WideMath.saturatedMultiply(-delta, at)
                    : WideMath.saturatedMultiply(delta, at));
        }
    }

    /**
     * Starts or stops keeping the exposure sums; starting rebuilds them from the working orders.
     *
     * @param on true while a leverage or concentration limit is configured
     */
    void trackExposure(boolean on) {
        if (on == exposureTracked) {
            return;
        }
        exposureTracked = on;
        Arrays.fill(notional, 0);
        Arrays.fill(accountExposure, 0);
        if (on) {
            for (int s = 0; s < top; s++) {
                if (open(s) > 0) {
                    addNotional(s, WideMath.saturatedMultiply(open(s), exposurePrice(s)));
                }
            }
        }
    }

    /** @return true while the exposure sums are kept */
    boolean exposureTracked() {
        return exposureTracked;
    }

    private void addNotional(int slot, long delta) {
        if (delta == 0) {
            return;
        }
        int acct = account(slot);
        int instr = instrument(slot);
        int cell = grid.index(acct, instr);
        long before = notional[cell];
        long after = WideMath.saturatedAdd(before, delta);
        notional[cell] = after;
        if (!positions.isDefined(instr)) {
            return;
        }
        if (acct >= accountExposure.length) {
            accountExposure = Arrays.copyOf(accountExposure, Math.max(acct + 1, accountExposure.length * 2));
        }
        accountExposure[acct] = WideMath.saturatedAdd(accountExposure[acct],
                positions.notionalToMoney(instr, after) - positions.notionalToMoney(instr, before));
    }

    /**
     * @return sum of open * exposure price of the account's working orders in the instrument, both sides, unscaled;
     * allocation-free while tracked, a scan otherwise
     */
    long notional(int acct, int instr) {
        if (exposureTracked) {
            return grid.holds(acct, instr) ? notional[grid.index(acct, instr)] : 0;
        }
        long sum = 0;
        for (int s = 0; s < top; s++) {
            if (open(s) > 0 && account(s) == acct && instrument(s) == instr) {
                sum = WideMath.saturatedAdd(sum, WideMath.saturatedMultiply(open(s), exposurePrice(s)));
            }
        }
        return sum;
    }

    /**
     * @return the account's working orders' exposure over all instruments, money scale; allocation-free while
     * tracked, a scan otherwise
     */
    long accountExposure(int acct) {
        if (exposureTracked) {
            return acct >= 0 && acct < accountExposure.length ? accountExposure[acct] : 0;
        }
        Long2LongHashMap byInstrument = new Long2LongHashMap(0);
        for (int s = 0; s < top; s++) {
            if (open(s) > 0 && account(s) == acct && positions.isDefined(instrument(s))) {
                byInstrument.put(instrument(s), WideMath.saturatedAdd(byInstrument.get(instrument(s)),
                        WideMath.saturatedMultiply(open(s), exposurePrice(s))));
            }
        }
        long sum = 0;
        for (Long2LongHashMap.KeyIterator it = byInstrument.keySet().iterator(); it.hasNext(); ) {
            long instr = it.nextValue();
            sum = WideMath.saturatedAdd(sum, positions.notionalToMoney((int) instr, byInstrument.get(instr)));
        }
        return sum;
    }

    /** @return open quantity of the account's working orders in the instrument on one side */
    long working(int acct, int instr, boolean isBuy) {
        if (!grid.holds(acct, instr)) {
            return 0;
        }
        return (isBuy ? buyOpen : sellOpen)[grid.index(acct, instr)];
    }

    /** @return number of working orders of the account (a scan: for queries, not the hot path) */
    int count(int acct) {
        int n = 0;
        for (int s = 0; s < top; s++) {
            if (open(s) > 0 && account(s) == acct) {
                n++;
            }
        }
        return n;
    }

    void clear() {
        slotById.clear();
        Arrays.fill(buyOpen, 0);
        Arrays.fill(sellOpen, 0);
        Arrays.fill(notional, 0);
        Arrays.fill(accountExposure, 0);
        freeCount = 0;
        top = 0;
        lastId = Long.MIN_VALUE;
        lastSlot = -1;
    }

    /** Writes the orders ascending by id (the per-side totals and exposures are derived from them on read). */
    void write(DataOutput out) throws IOException {
        long[] ids = new long[slotById.size()];
        int n = 0;
        for (int s = 0; s < top; s++) {
            if (open(s) > 0) {
                ids[n++] = rec[s * STRIDE + ID];
            }
        }
        Arrays.sort(ids, 0, n);
        out.writeInt(n);
        for (int k = 0; k < n; k++) {
            int s = slot(ids[k]);
            out.writeLong(rec[s * STRIDE + ID]);
            out.writeInt(account(s));
            out.writeInt(instrument(s));
            out.writeBoolean(buy(s));
            out.writeLong(open(s));
            out.writeLong(filled(s));
            out.writeLong(price(s));
            out.writeInt(flags(s));
            out.writeLong(exposurePrice(s));
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param withExposurePrice false for the format before exposure prices (risk snapshot RSK1): the order's price
     *                          is used
     */
    void read(DataInput in, boolean withExposurePrice) throws IOException {
        clear();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("invalid working order count " + n + " in snapshot");
        }
        for (int k = 0; k < n; k++) {
            long orderId = in.readLong();
            int acct = in.readInt();
            int instr = in.readInt();
            boolean isBuy = in.readBoolean();
            long openQty = in.readLong();
            long cumulative = in.readLong();
            long orderPrice = in.readLong();
            int orderFlags = in.readInt();
            long priceForExposure = withExposurePrice ? in.readLong() : orderPrice;
            if (openQty <= 0 || slot(orderId) >= 0) {
                throw new IOException("invalid working order " + orderId + " in snapshot");
            }
            add(orderId, acct, instr, isBuy, openQty, orderPrice, orderFlags, priceForExposure);
            setFilled(slot(orderId), cumulative);
        }
    }
}
