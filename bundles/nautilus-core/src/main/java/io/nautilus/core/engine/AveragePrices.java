package io.nautilus.core.engine;

import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Snapshotable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

import org.agrona.collections.Long2LongHashMap;

/**
 * Cumulative filled quantity and notional of every order with fills that is still open, so execution reports carry
 * the order's average fill price; entries go when the order finishes. Writer thread only, no allocation per trade.
 * The average is the volume-weighted mean of fill prices, rounded half up to the price scale.
 */
final class AveragePrices implements Snapshotable {

    private static final long NONE = Long.MIN_VALUE;

    private final Long2LongHashMap quantity = new Long2LongHashMap(NONE);
    private final Long2LongHashMap notional = new Long2LongHashMap(NONE);

    /**
     * Updates the averages from a processed command's events and writes them into the events.
     *
     * @param c the processed command
     */
    void apply(Command c) {
        Events e = c.events;
        for (int i = 0, n = e.size(); i < n; i++) {
            switch (e.type(i)) {
                case Events.TRADE -> {
                    // a venue fill has one platform order: the other side is order 0
                    long taker = e.orderId(i) > 0 ? fill(e.orderId(i), e.price(i), e.qty(i)) : 0;
                    long maker = e.counterOrderId(i) > 0 ? fill(e.counterOrderId(i), e.price(i), e.qty(i)) : 0;
                    e.setAverages(i, taker, maker);
                    if (e.leaves(i) == 0) {
                        forget(e.orderId(i));
                    }
                    if (e.counterLeaves(i) == 0) {
                        forget(e.counterOrderId(i));
                    }
                }
                case Events.CANCELED, Events.EXPIRED -> {
                    if (report(e, i)) {
                        forget(e.orderId(i));
                    }
                }
                case Events.REPLACED -> {
                    // qty = the new total, leaves = new total - filled: equal if the order has no fills, whose
                    // averages stay 0 as the event was written (no look-up: most commands of a busy book are moves)
                    if (e.qty(i) != e.leaves(i)) {
                        report(e, i);
                    }
                }
                default -> report(e, i);
            }
        }
    }

    private long fill(long orderId, long price, long qty) {
        long q = quantity.get(orderId);
        long v = notional.get(orderId);
        q = (q == NONE ? 0 : q) + qty;
        v = (v == NONE ? 0 : v) + price * qty;
        quantity.put(orderId, q);
        notional.put(orderId, v);
        return (v + q / 2) / q;
    }

    /**
     * Writes the order's average and cumulative filled quantity into event i (0 and 0 without fills).
     *
     * @return true if the order has fills
     */
    private boolean report(Events e, int i) {
        long orderId = e.orderId(i);
        long q = quantity.get(orderId);
        if (q == NONE) {
            e.setAverages(i, 0, 0);
            e.setCumulative(i, 0);
            return false;
        }
        e.setAverages(i, q == 0 ? 0 : (notional.get(orderId) + q / 2) / q, 0);
        e.setCumulative(i, q);
        return true;
    }

    private void forget(long orderId) {
        quantity.remove(orderId);
        notional.remove(orderId);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        long[] ids = new long[quantity.size()];
        int n = 0;
        Long2LongHashMap.KeyIterator it = quantity.keySet().iterator();
        while (it.hasNext()) {
            ids[n++] = it.nextValue();
        }
        Arrays.sort(ids, 0, n);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeLong(ids[i]);
            out.writeLong(quantity.get(ids[i]));
            out.writeLong(notional.get(ids[i]));
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        quantity.clear();
        notional.clear();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative order count " + n);
        }
        for (int i = 0; i < n; i++) {
            long id = in.readLong();
            quantity.put(id, in.readLong());
            notional.put(id, in.readLong());
        }
    }
}
