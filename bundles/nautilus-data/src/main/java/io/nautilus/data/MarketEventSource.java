package io.nautilus.data;

import io.nautilus.api.instrument.Instrument;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Historical market events in time order, streamed (memory does not grow with the data): the merge of CSV files and
 * imported stores. Events with equal timestamps come in a fixed order (bars before quotes before trades, then by
 * instrument index, then in their file order), so the same data always gives the same sequence.
 *
 * <p>Bad data is an {@link DataFormatException} naming the file and line (or store file and row); the events before
 * it were delivered.
 */
public interface MarketEventSource extends Closeable {

    /** @return the instruments that have events, indexed by {@link MarketEvent#instrument} */
    List<Instrument> instruments();

    /**
     * The kinds of event an instrument has in this data, known before the first event (from CSV headers and store
     * metadata).
     *
     * @param instrument index in {@link #instruments()}
     * @return a bit set of {@code 1 << MarketEvent.QUOTE}, {@code 1 << MarketEvent.TRADE}, {@code 1 << MarketEvent.BAR}
     */
    int kinds(int instrument);

    /**
     * The bar interval of an instrument's bars in this data, known before the first event.
     *
     * @param instrument index in {@link #instruments()}
     * @return nanoseconds, or 0 if it has no bars
     */
    long barIntervalNanos(int instrument);

    /**
     * Reads the next event.
     *
     * @param into filled in place
     * @return false at the end of the data
     * @throws DataFormatException if the data is bad (file and line named)
     * @throws IOException         if it cannot be read
     */
    boolean next(MarketEvent into) throws IOException;

    /** @return the number of events the whole read will deliver, estimated before reading (for progress), or -1 */
    long estimatedEvents();

    /** @return events delivered so far */
    long eventsRead();
}
