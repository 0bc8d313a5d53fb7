package io.nautilus.core.journal;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.CommandProcessor;
import io.nautilus.core.Op;
import io.nautilus.core.Snapshotable;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deterministic test processor whose state is an order-sensitive digest of every input field it saw.
 */
public final class Accumulator implements CommandProcessor, Snapshotable {

    /** The state, comparable with equals. */
    public record State(long count, long digest, long qtySum, List<Long> perAccount, long lastSeq) {
    }

    private long count;
    private long digest;
    private long qtySum;
    private final long[] perAccount = new long[8];
    private long lastSeq;

    /** Seq on which process throws (state untouched), -1 = never. */
    public volatile long throwOnSeq = -1;
    /** Seqs processed, in order, if tracking. */
    public final List<Long> seen = new ArrayList<>();
    /** Threads that processed, if tracking. */
    public volatile String lastThread;
    private final boolean track;

    public Accumulator() {
        this(false);
    }

    public Accumulator(boolean track) {
        this.track = track;
    }

    @Override
    public void process(Command c) {
        if (c.seq == throwOnSeq) {
            throw new IllegalStateException("boom at seq " + c.seq);
        }
        if (track) {
            seen.add(c.seq);
            lastThread = Thread.currentThread().getName();
        }
        if (c.op == Op.CANCEL && c.qty < 0) {
            c.reject(RejectReason.INVALID_ORDER, "negative", 0, c.qty);
            return;
        }
        count++;
        digest = digest * 31 + mix(c);
        qtySum += c.qty;
        perAccount[c.account & 7] += c.price;
        lastSeq = c.seq;
        c.events.accepted(c.orderId, c.account, c.instrument, c.side, c.price, c.qty, c.qty);
    }

    static long mix(Command c) {
        long h = c.seq;
        h = h * 1_000_003 ^ c.timestamp;
        h = h * 1_000_003 ^ c.op;
        h = h * 1_000_003 ^ c.orderId;
        h = h * 1_000_003 ^ c.account;
        h = h * 1_000_003 ^ c.instrument;
        h = h * 1_000_003 ^ (c.side == null ? -1 : c.side.ordinal());
        h = h * 1_000_003 ^ (c.type == null ? -1 : c.type.ordinal());
        h = h * 1_000_003 ^ (c.tif == null ? -1 : c.tif.ordinal());
        h = h * 1_000_003 ^ c.price;
        h = h * 1_000_003 ^ c.qty;
        h = h * 1_000_003 ^ c.stopPrice;
        h = h * 1_000_003 ^ c.displayQty;
        h = h * 1_000_003 ^ c.flags;
        h = h * 1_000_003 ^ c.expiry;
        h = h * 1_000_003 ^ c.clientOrderId;
        h = h * 1_000_003 ^ (c.text == null ? -7 : c.text.hashCode());
        return h;
    }

    /** @return a copy of the state */
    public State state() {
        return new State(count, digest, qtySum, Arrays.stream(perAccount).boxed().toList(), lastSeq);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeLong(digest);
        out.writeLong(qtySum);
        for (long v : perAccount) {
            out.writeLong(v);
        }
        out.writeLong(lastSeq);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        count = in.readLong();
        digest = in.readLong();
        qtySum = in.readLong();
        for (int i = 0; i < perAccount.length; i++) {
            perAccount[i] = in.readLong();
        }
        lastSeq = in.readLong();
    }
}
