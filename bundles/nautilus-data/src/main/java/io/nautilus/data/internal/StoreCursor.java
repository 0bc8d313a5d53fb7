package io.nautilus.data.internal;

import io.nautilus.api.Side;
import io.nautilus.data.DataFormatException;
import io.nautilus.data.MarketEvent;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The events of one instrument and kind in a store, day after day: each day's column files are memory-mapped in
 * segments of {@value #SEGMENT_ROWS} rows and unmapped as soon as the read moves on, so resident memory stays flat
 * whatever the size of the data. Events before {@code from} are skipped by a binary search on the timestamp
 * column.
 */
public final class StoreCursor extends Cursor {

    /** Rows per mapped segment (16 MB of a long column). */
    public static final int SEGMENT_ROWS = 1 << 21;

    private static final Method INVOKE_CLEANER;
    private static final Object UNSAFE;

    static {
        Method m = null;
        Object u = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            u = f.get(null);
            m = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            m = null;
        }
        INVOKE_CLEANER = m;
        UNSAFE = u;
    }

    /**
     * A day of the cursor.
     *
     * @param dir  the day folder
     * @param meta its meta file for this kind
     */
    public record Day(Path dir, StoreFormat.Meta meta) {
    }

    private final byte kind;
    private final int instrument;
    private final List<Day> days;
    private final long from;
    private final long to;
    private final String[] columns;
    private final FileChannel[] channels;
    private final MappedByteBuffer[] segment;
    private final int segmentLimit;

    private int dayIndex = -1;
    private long barInterval;
    private long dayRows;
    private long row;
    private long segmentStart;
    private int segmentRows;
    private int inSegment;

    /**
     * @param kind       a {@link MarketEvent} kind
     * @param instrument the instrument's index in the merge
     * @param days       the days, in date order
     * @param from       first timestamp wanted (inclusive)
     * @param to         end of the wanted time (exclusive)
     */
    public StoreCursor(byte kind, int instrument, List<Day> days, long from, long to) {
        this(kind, instrument, days, from, to, SEGMENT_ROWS);
    }

    /**
     * @param kind        a {@link MarketEvent} kind
     * @param instrument  the instrument's index in the merge
     * @param days        the days, in date order
     * @param from        first timestamp wanted (inclusive)
     * @param to          end of the wanted time (exclusive)
     * @param segmentRows rows mapped at a time
     */
    public StoreCursor(byte kind, int instrument, List<Day> days, long from, long to, int segmentRows) {
        this.segmentLimit = segmentRows;
        this.kind = kind;
        this.instrument = instrument;
        this.days = days;
        this.from = from;
        this.to = to;
        this.columns = StoreFormat.columns(kind);
        this.channels = new FileChannel[columns.length];
        this.segment = new MappedByteBuffer[columns.length];
        head.kind = kind;
        head.instrument = instrument;
    }

    /**
     * Counts the events of days in [from, to), exactly (binary search on the boundary days).
     *
     * @param days the days
     * @param kind the kind
     * @param from inclusive
     * @param to   exclusive
     * @return the number of events
     * @throws IOException if a timestamp file cannot be read
     */
    public static long count(List<Day> days, byte kind, long from, long to) throws IOException {
        long n = 0;
        for (Day d : days) {
            StoreFormat.Meta m = d.meta();
            if (m.rows() == 0 || m.last() < from || m.first() >= to) {
                continue;
            }
            if (m.first() >= from && m.last() < to) {
                n += m.rows();
                continue;
            }
            try (FileChannel ts = FileChannel.open(d.dir().resolve(StoreFormat.kindName(kind) + ".timestamp"))) {
                n += lowerBound(ts, m.rows(), to) - lowerBound(ts, m.rows(), from);
            }
        }
        return n;
    }

    private static long lowerBound(FileChannel ts, long rows, long t) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        long lo = 0;
        long hi = rows;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            b.clear();
            while (b.hasRemaining()) {
                if (ts.read(b, mid * 8 + b.position()) < 0) {
                    throw new DataFormatException(ts.toString(), mid + 1, "timestamp file shorter than its meta");
                }
            }
            if (b.getLong(0) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean advance() throws IOException {
        while (true) {
            if (inSegment < segmentRows) {
                int i = inSegment++;
                int at = i << 3;
                long ts = segment[0].getLong(at);
                if (ts >= to) {
                    closeDay();
                    dayIndex = days.size();
                    return false;
                }
                MarketEvent e = head;
                e.timestamp = ts;
                switch (kind) {
                    case MarketEvent.QUOTE -> {
                        e.bidPrice = segment[1].getLong(at);
                        e.bidSize = segment[2].getLong(at);
                        e.askPrice = segment[3].getLong(at);
                        e.askSize = segment[4].getLong(at);
                    }
                    case MarketEvent.TRADE -> {
                        e.price = segment[1].getLong(at);
                        e.size = segment[2].getLong(at);
                        byte a = segment[3].get(i);
                        e.aggressor = a == 1 ? Side.BUY : a == 2 ? Side.SELL : null;
                    }
                    default -> {
                        e.barStart = ts - barInterval;
                        e.open = segment[1].getLong(at);
                        e.high = segment[2].getLong(at);
                        e.low = segment[3].getLong(at);
                        e.close = segment[4].getLong(at);
                        e.volume = segment[5].getLong(at);
                    }
                }
                return true;
            }
            if (row < dayRows) {
                mapSegment();
                continue;
            }
            if (!nextDay()) {
                return false;
            }
        }
    }

    private boolean nextDay() throws IOException {
        closeDay();
        while (++dayIndex < days.size()) {
            Day d = days.get(dayIndex);
            StoreFormat.Meta m = d.meta();
            if (m.rows() == 0 || m.last() < from) {
                continue;
            }
            if (m.first() >= to) {
                dayIndex = days.size();
                return false;
            }
            String prefix = StoreFormat.kindName(kind) + ".";
            for (int c = 0; c < columns.length; c++) {
                Path file = d.dir().resolve(prefix + columns[c]);
                if (!Files.isRegularFile(file)) {
                    throw new DataFormatException(file.toString(), 0, "missing column file of the store");
                }
                channels[c] = FileChannel.open(file, StandardOpenOption.READ);
                long width = "aggressor".equals(columns[c]) ? 1 : 8;
                if (channels[c].size() != m.rows() * width) {
                    throw new DataFormatException(file.toString(), 0, "column file has " + channels[c].size()
                            + " bytes, the meta file says " + m.rows() + " rows (" + m.rows() * width + " bytes)");
                }
            }
            dayRows = m.rows();
            barInterval = m.barInterval();
            row = m.first() >= from ? 0 : lowerBound(channels[0], dayRows, from);
            segmentRows = 0;
            inSegment = 0;
            if (row < dayRows) {
                return true;
            }
        }
        return false;
    }

    private void mapSegment() throws IOException {
        unmapSegment();
        int n = (int) Math.min(segmentLimit, dayRows - row);
        for (int c = 0; c < columns.length; c++) {
            long width = "aggressor".equals(columns[c]) ? 1 : 8;
            MappedByteBuffer b = channels[c].map(FileChannel.MapMode.READ_ONLY, row * width, n * width);
            b.order(ByteOrder.LITTLE_ENDIAN);
            segment[c] = b;
        }
        segmentStart = row;
        segmentRows = n;
        inSegment = 0;
        row += n;
    }

    private void unmapSegment() {
        for (int c = 0; c < segment.length; c++) {
            MappedByteBuffer b = segment[c];
            segment[c] = null;
            if (b != null && INVOKE_CLEANER != null) {
                try {
                    INVOKE_CLEANER.invoke(UNSAFE, b);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // left to the garbage collector
                }
            }
        }
        segmentRows = 0;
        inSegment = 0;
    }

    private void closeDay() throws IOException {
        unmapSegment();
        IOException failure = null;
        for (int c = 0; c < channels.length; c++) {
            if (channels[c] != null) {
                try {
                    channels[c].close();
                } catch (IOException e) {
                    failure = e;
                }
                channels[c] = null;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** @return the row index of the head event within its day (for messages) */
    public long rowInDay() {
        return segmentStart + inSegment;
    }

    @Override
    public void close() throws IOException {
        closeDay();
    }
}
