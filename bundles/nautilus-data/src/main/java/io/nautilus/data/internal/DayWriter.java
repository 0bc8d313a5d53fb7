package io.nautilus.data.internal;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the rows of one instrument, day and kind into a day folder, column by column, buffered (a small fixed
 * buffer per column: memory does not grow with the data). It can be closed and reopened (appending) as the input
 * moves between days; {@link #finish} writes the meta file.
 */
public final class DayWriter {

    private static final int BUFFER = 16 * 1024;

    private final Path dir;
    private final byte kind;
    private final Instrument instrument;
    private final String[] columns;
    private FileChannel[] channels;
    private ByteBuffer[] buffers;

    private long rows;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;
    private long barInterval;

    /**
     * @param dir        the day folder (created)
     * @param kind       a {@link MarketEvent} kind
     * @param instrument the instrument (its scales go into the meta file)
     */
    public DayWriter(Path dir, byte kind, Instrument instrument) {
        this.dir = dir;
        this.kind = kind;
        this.instrument = instrument;
        this.columns = StoreFormat.columns(kind);
    }

    /** @return the last timestamp written, {@link Long#MIN_VALUE} if none */
    public long last() {
        return last;
    }

    /** @return the rows written */
    public long rows() {
        return rows;
    }

    /**
     * Records a bar interval found in one input file; the meta file gets the smallest.
     *
     * @param nanos the interval, 0 to ignore
     */
    public void barInterval(long nanos) {
        if (nanos > 0 && (barInterval == 0 || nanos < barInterval)) {
            barInterval = nanos;
        }
    }

    /**
     * Appends a row.
     *
     * @param e the row (of this writer's kind)
     * @throws IOException if it cannot be written
     */
    public void append(MarketEvent e) throws IOException {
        if (channels == null) {
            open();
        }
        putLong(0, e.timestamp);
        switch (kind) {
            case MarketEvent.QUOTE -> {
                putLong(1, e.bidPrice);
                putLong(2, e.bidSize);
                putLong(3, e.askPrice);
                putLong(4, e.askSize);
            }
            case MarketEvent.TRADE -> {
                putLong(1, e.price);
                putLong(2, e.size);
                ByteBuffer b = buffers[3];
                if (!b.hasRemaining()) {
                    drain(3);
                }
                b.put((byte) (e.aggressor == null ? 0 : e.aggressor == Side.BUY ? 1 : 2));
            }
            default -> {
                putLong(1, e.open);
                putLong(2, e.high);
                putLong(3, e.low);
                putLong(4, e.close);
                putLong(5, e.volume);
            }
        }
        if (rows++ == 0) {
            first = e.timestamp;
        }
        last = e.timestamp;
    }

    private void putLong(int column, long value) throws IOException {
        ByteBuffer b = buffers[column];
        if (b.remaining() < 8) {
            drain(column);
        }
        b.putLong(value);
    }

    private void drain(int column) throws IOException {
        ByteBuffer b = buffers[column];
        b.flip();
        while (b.hasRemaining()) {
            channels[column].write(b);
        }
        b.clear();
    }

    private void open() throws IOException {
        Files.createDirectories(dir);
        String prefix = StoreFormat.kindName(kind) + ".";
        channels = new FileChannel[columns.length];
        buffers = new ByteBuffer[columns.length];
        try {
            for (int i = 0; i < columns.length; i++) {
                channels[i] = FileChannel.open(dir.resolve(prefix + columns[i]), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                buffers[i] = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Flushes and closes the files (a later {@link #append} reopens them).
     *
     * @throws IOException if a file cannot be written
     */
    public void close() throws IOException {
        if (channels == null) {
            return;
        }
        IOException failure = null;
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] == null) {
                continue;
            }
            try {
                drain(i);
                channels[i].close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        channels = null;
        buffers = null;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes the files and writes the meta file.
     *
     * @throws IOException if it cannot be written
     */
    public void finish() throws IOException {
        close();
        new StoreFormat.Meta(rows, first, last, instrument.priceScale(), instrument.quantityScale(),
                kind == MarketEvent.BAR ? (barInterval == 0 ? 60_000_000_000L : barInterval) : 0)
                .write(dir.resolve(StoreFormat.kindName(kind) + ".meta"));
    }

    /** @return the day folder */
    public Path dir() {
        return dir;
    }

    /** @return the kind */
    public byte kind() {
        return kind;
    }
}
