package io.nautilus.data.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketEvent;
import io.nautilus.data.MarketEventSource;

import java.io.IOException;
import java.util.List;

/**
 * A k-way merge of cursors in time order, ties broken by kind (bars, quotes, trades), instrument index and source
 * order; a binary heap of the cursors' heads, no allocation per event.
 */
public final class MergedSource implements MarketEventSource {

    private final List<Instrument> instruments;
    private final int[] kinds;
    private final long[] intervals;
    private final long estimated;
    private final Cursor[] heap;
    private int size;
    private boolean started;
    private long read;
    private Cursor last;

    /**
     * @param instruments the instruments, by index
     * @param kinds       kinds bit set per instrument
     * @param intervals   bar interval per instrument
     * @param cursors     the cursors, in source order
     * @param estimated   events expected, or -1
     */
    public MergedSource(List<Instrument> instruments, int[] kinds, long[] intervals, List<Cursor> cursors,
                        long estimated) {
        this.instruments = List.copyOf(instruments);
        this.kinds = kinds;
        this.intervals = intervals;
        this.estimated = estimated;
        this.heap = cursors.toArray(new Cursor[0]);
        for (int i = 0; i < heap.length; i++) {
            heap[i].order = i;
        }
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public int kinds(int instrument) {
        return kinds[instrument];
    }

    @Override
    public long barIntervalNanos(int instrument) {
        return intervals[instrument];
    }

    @Override
    public boolean next(MarketEvent into) throws IOException {
        if (!started) {
            started = true;
            Cursor[] all = heap.clone();
            size = 0;
            for (Cursor c : all) {
                if (c.advance()) {
                    heap[size++] = c;
                    up(size - 1);
                } else {
                    c.close();
                }
            }
        } else if (last != null) {
            if (last.advance()) {
                down(0);
            } else {
                last.close();
                heap[0] = heap[--size];
                heap[size] = null;
                if (size > 0) {
                    down(0);
                }
            }
        }
        if (size == 0) {
            last = null;
            return false;
        }
        last = heap[0];
        copy(last.head, into);
        read++;
        return true;
    }

    private static void copy(MarketEvent e, MarketEvent into) {
        into.kind = e.kind;
        into.instrument = e.instrument;
        into.timestamp = e.timestamp;
        switch (e.kind) {
            case MarketEvent.QUOTE -> {
                into.bidPrice = e.bidPrice;
                into.bidSize = e.bidSize;
                into.askPrice = e.askPrice;
                into.askSize = e.askSize;
            }
            case MarketEvent.TRADE -> {
                into.price = e.price;
                into.size = e.size;
                into.aggressor = e.aggressor;
            }
            default -> {
                into.barStart = e.barStart;
                into.open = e.open;
                into.high = e.high;
                into.low = e.low;
                into.close = e.close;
                into.volume = e.volume;
            }
        }
    }

    private static boolean less(Cursor a, Cursor b) {
        MarketEvent x = a.head;
        MarketEvent y = b.head;
        if (x.timestamp != y.timestamp) {
            return x.timestamp < y.timestamp;
        }
        int rx = Cursor.rank(x.kind);
        int ry = Cursor.rank(y.kind);
        if (rx != ry) {
            return rx < ry;
        }
        if (x.instrument != y.instrument) {
            return x.instrument < y.instrument;
        }
        return a.order < b.order;
    }

    private void up(int i) {
        Cursor c = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(c, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = c;
    }

    private void down(int i) {
        Cursor c = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], c)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = c;
    }

    @Override
    public long estimatedEvents() {
        return estimated;
    }

    @Override
    public long eventsRead() {
        return read;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Cursor c : heap) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
