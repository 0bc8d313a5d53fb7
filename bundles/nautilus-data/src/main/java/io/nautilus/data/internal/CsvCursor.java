package io.nautilus.data.internal;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.MarketEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The events of one CSV file in a merge. Rows with equal timestamps are put in instrument order (a small buffer of
 * one timestamp's rows, reused), bars get their start from the interval found by the pre-scan, and rows outside
 * [from, to) are skipped.
 */
public final class CsvCursor extends Cursor {

    private final CsvReader reader;
    private final Map<Instrument, Integer> index;
    private final Map<Instrument, Long> intervals;
    private final long from;
    private final long to;
    private int[] global = new int[8];
    private long[] interval = new long[8];

    private MarketEvent[] run = {new MarketEvent(), new MarketEvent()};
    private int runSize;
    private int runNext;
    private final MarketEvent ahead = new MarketEvent();
    private boolean hasAhead;
    private boolean ended;

    /**
     * @param file      the file
     * @param known     instruments by the name the file uses
     * @param index     the merge's index of each instrument
     * @param intervals bar interval of each instrument in this file (from the pre-scan)
     * @param from      first timestamp wanted (inclusive)
     * @param to        end of the wanted time (exclusive)
     * @throws IOException if it cannot be opened or its header is bad
     */
    public CsvCursor(Path file, Map<String, Instrument> known, Map<Instrument, Integer> index,
                     Map<Instrument, Long> intervals, long from, long to) throws IOException {
        this.reader = new CsvReader(file, known);
        this.index = index;
        this.intervals = intervals;
        this.from = from;
        this.to = to;
    }

    @Override
    public boolean advance() throws IOException {
        if (runNext < runSize) {
            head.copyFrom(run[runNext++]);
            return true;
        }
        if (!fillRun()) {
            return false;
        }
        head.copyFrom(run[runNext++]);
        return true;
    }

    private boolean fillRun() throws IOException {
        runSize = 0;
        runNext = 0;
        if (ended) {
            return false;
        }
        if (!hasAhead && !readOne(ahead)) {
            ended = true;
            return false;
        }
        hasAhead = false;
        long ts = ahead.timestamp;
        add(ahead);
        while (true) {
            MarketEvent slot = slot();
            if (!readOne(slot)) {
                ended = true;
                break;
            }
            if (slot.timestamp != ts) {
                ahead.copyFrom(slot);
                hasAhead = true;
                break;
            }
            runSize++;
        }
        if (runSize > 1) {
            for (int i = 1; i < runSize; i++) {
                MarketEvent x = run[i];
                int j = i - 1;
                while (j >= 0 && run[j].instrument > x.instrument) {
                    run[j + 1] = run[j];
                    j--;
                }
                run[j + 1] = x;
            }
        }
        return true;
    }

    private MarketEvent slot() {
        if (runSize == run.length) {
            run = Arrays.copyOf(run, runSize * 2);
            for (int i = runSize; i < run.length; i++) {
                run[i] = new MarketEvent();
            }
        }
        return run[runSize];
    }

    private void add(MarketEvent e) {
        slot().copyFrom(e);
        runSize++;
    }

    private boolean readOne(MarketEvent e) throws IOException {
        while (true) {
            if (!reader.next(e)) {
                return false;
            }
            int local = e.instrument;
            if (local >= global.length) {
                global = Arrays.copyOf(global, local + 8);
                interval = Arrays.copyOf(interval, local + 8);
            }
            if (global[local] == 0) {
                Instrument i = reader.instruments().get(local);
                Integer g = index.get(i);
                if (g == null) {
                    throw new BadRowException(reader.name(), reader.line(), "unknown instrument",
                            "instrument " + i.id() + " was not seen by the pre-scan of the file");
                }
                global[local] = g + 1;
                Long iv = intervals.get(i);
                interval[local] = iv == null || iv == 0 ? 60_000_000_000L : iv;
            }
            e.instrument = global[local] - 1;
            if (e.kind == MarketEvent.BAR) {
                e.barStart = e.timestamp - interval[local];
            }
            if (e.timestamp < from) {
                continue;
            }
            if (e.timestamp >= to) {
                return false;
            }
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
