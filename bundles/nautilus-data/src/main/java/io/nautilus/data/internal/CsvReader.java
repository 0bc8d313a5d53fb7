package io.nautilus.data.internal;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.data.DataFormatException;
import io.nautilus.data.MarketEvent;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads one CSV file of quotes, trades or bars (told apart by the header line; {@code .gz} decompressed) row by row
 * into a {@link MarketEvent}, streamed. Numbers become fixed-point longs at the instrument's scales without
 * allocation; rows must be in time order within the file. {@link MarketEvent#instrument} is the index of the row's
 * instrument in {@link #instruments()} (the order this file first names them); bars get no
 * {@link MarketEvent#barStart} (the interval is known only after the file: {@link #barInterval}).
 */
public final class CsvReader implements Closeable {

    /** Expected header of each layout, for messages. */
    public static final String LAYOUTS = "quotes 'timestamp,instrument,bidPrice,bidSize,askPrice,askSize', "
            + "trades 'timestamp,instrument,price,size[,aggressor]', "
            + "bars 'timestamp,instrument,open,high,low,close,volume'";

    private static final int BUFFER = 1 << 20;

    private final String name;
    private final Map<String, Instrument> known;
    private final CountingStream counting;
    private final InputStream in;
    private final byte kind;

    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line;

    private final int[] columns;
    private final int fieldCount;
    private final int[] starts;
    private final int[] ends;

    private final List<Instrument> instruments = new ArrayList<>();
    private byte[][] symbols = new byte[8][];
    private long[] lastBar = new long[8];
    private long[] minGap = new long[8];
    private long[] bars = new long[8];
    private int lastInstrument = -1;
    private long previous = Long.MIN_VALUE;

    /**
     * Opens the file and reads its header.
     *
     * @param file        the file ({@code .gz}: gzip)
     * @param instruments instruments by the name the files use
     * @throws DataFormatException if the header is not one of the layouts (line 1)
     * @throws IOException         if it cannot be read
     */
    public CsvReader(Path file, Map<String, Instrument> instruments) throws IOException {
        this.name = file.toString();
        this.known = instruments;
        this.counting = new CountingStream(Files.newInputStream(file));
        InputStream stream = counting;
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                stream = new GZIPInputStream(counting, 1 << 16);
            }
        } catch (IOException e) {
            counting.close();
            throw new DataFormatException(name, 0, "not a gzip file: " + e.getMessage());
        }
        this.in = stream;
        try {
            int headerEnd = nextLine();
            if (headerEnd < 0) {
                throw new DataFormatException(name, 1, "empty file (expected a header: " + LAYOUTS + ")");
            }
            String header = new String(buf, pos, headerEnd - pos, StandardCharsets.UTF_8).trim();
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            pos = skipEol(headerEnd);
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                names[i] = names[i].trim().toLowerCase(Locale.ROOT);
            }
            List<String> list = Arrays.asList(names);
            String[] wanted;
            if (list.contains("bidprice") || list.contains("askprice")) {
                kind = MarketEvent.QUOTE;
                wanted = new String[] {"timestamp", "instrument", "bidprice", "bidsize", "askprice", "asksize"};
            } else if (list.contains("open") || list.contains("close")) {
                kind = MarketEvent.BAR;
                wanted = new String[] {"timestamp", "instrument", "open", "high", "low", "close", "volume"};
            } else if (list.contains("price")) {
                kind = MarketEvent.TRADE;
                wanted = new String[] {"timestamp", "instrument", "price", "size", "aggressor"};
            } else {
                throw new DataFormatException(name, 1, "unknown header '" + header + "' (expected " + LAYOUTS + ")");
            }
            columns = new int[wanted.length];
            int max = 0;
            for (int i = 0; i < wanted.length; i++) {
                columns[i] = list.indexOf(wanted[i]);
                boolean optional = (kind == MarketEvent.TRADE && i == 4) || (kind == MarketEvent.BAR && i == 6);
                if (columns[i] < 0 && !optional) {
                    throw new DataFormatException(name, 1, "unknown header '" + header + "': no column '"
                            + wanted[i] + "' (expected " + LAYOUTS + ")");
                }
                max = Math.max(max, columns[i]);
            }
            fieldCount = max + 1;
            starts = new int[fieldCount];
            ends = new int[fieldCount];
            line = 1;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** @return {@link MarketEvent#QUOTE}, {@link MarketEvent#TRADE} or {@link MarketEvent#BAR} */
    public byte kind() {
        return kind;
    }

    /** @return the file name used in messages */
    public String name() {
        return name;
    }

    /** @return the instruments this file named so far, in first-seen order */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** @return the line number of the last row read (1 = header) */
    public long line() {
        return line;
    }

    /** @return bytes of the file (compressed, if gzip) read so far */
    public long bytesRead() {
        return counting.count;
    }

    /**
     * The bar interval of an instrument in this file so far: the smallest positive gap between its consecutive bar
     * timestamps, 60 s if it has had one bar only.
     *
     * @param local index in {@link #instruments()}
     * @return nanoseconds, 0 if it has no bars
     */
    public long barInterval(int local) {
        if (bars[local] == 0) {
            return 0;
        }
        return minGap[local] == Long.MAX_VALUE ? 60_000_000_000L : minGap[local];
    }

    /**
     * Reads the next row. A bad row throws after it was consumed, so the caller may skip it and go on.
     *
     * @param into filled with the row (instrument = index in {@link #instruments()})
     * @return false at the end of the file
     * @throws BadRowException if the row is bad (file and line named)
     * @throws IOException     if the file cannot be read
     */
    public boolean next(MarketEvent into) throws IOException {
        while (true) {
            int end = nextLine();
            if (end < 0) {
                return false;
            }
            line++;
            int from = pos;
            int stop = end > from && buf[end - 1] == '\r' ? end - 1 : end;
            pos = skipEol(end);
            if (stop == from) {
                continue;
            }
            parse(from, stop, into);
            return true;
        }
    }

    private void parse(int from, int to, MarketEvent e) throws BadRowException {
        int f = 0;
        int s = from;
        for (int i = from; i < to && f < fieldCount; i++) {
            if (buf[i] == ',') {
                starts[f] = s;
                ends[f] = i;
                f++;
                s = i + 1;
            }
        }
        if (f < fieldCount) {
            starts[f] = s;
            ends[f] = to;
            f++;
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] >= f) {
                throw bad("missing field", "missing field " + (columns[i] + 1) + " (the row has " + f + ")");
            }
        }
        int local = instrument(starts[columns[1]], ends[columns[1]]);
        Instrument instrument = instruments.get(local);
        long ts = Text.timestamp(buf, starts[columns[0]], ends[columns[0]]);
        if (ts == Text.NOT_A_TIME) {
            throw bad("bad timestamp", "bad timestamp '" + field(columns[0])
                    + "' (expected ISO-8601 UTC like 2024-01-02T09:30:00.123456789Z, a date, or epoch nanoseconds)");
        }
        if (ts < previous) {
            throw bad("out of time order", "out of time order: " + field(columns[0])
                    + " is before the previous row's timestamp");
        }
        int ps = instrument.priceScale();
        int qs = instrument.quantityScale();
        e.kind = kind;
        e.instrument = local;
        e.timestamp = ts;
        switch (kind) {
            case MarketEvent.QUOTE -> {
                e.bidPrice = optionalPrice(2, ps, instrument);
                e.bidSize = size(3, qs, instrument);
                e.askPrice = optionalPrice(4, ps, instrument);
                e.askSize = size(5, qs, instrument);
            }
            case MarketEvent.TRADE -> {
                e.price = price(2, ps, instrument);
                e.size = size(3, qs, instrument);
                e.aggressor = aggressor();
            }
            default -> {
                e.open = price(2, ps, instrument);
                e.high = price(3, ps, instrument);
                e.low = price(4, ps, instrument);
                e.close = price(5, ps, instrument);
                e.volume = columns[6] < 0 || starts[columns[6]] == ends[columns[6]] ? 0 : size(6, qs, instrument);
                if (e.low > e.open || e.low > e.close || e.high < e.open || e.high < e.close) {
                    throw bad("bar invariant", "bar invariant broken: needs low <= open, close <= high (open "
                            + field(columns[2]) + " high " + field(columns[3]) + " low " + field(columns[4])
                            + " close " + field(columns[5]) + ")");
                }
                if (bars[local]++ > 0) {
                    long gap = ts - lastBar[local];
                    if (gap > 0 && gap < minGap[local]) {
                        minGap[local] = gap;
                    }
                }
                lastBar[local] = ts;
            }
        }
        previous = ts;
    }

    private long optionalPrice(int column, int scale, Instrument instrument) throws BadRowException {
        int c = columns[column];
        if (starts[c] == ends[c]) {
            return FixedPoint.NULL;
        }
        return price(column, scale, instrument);
    }

    private long price(int column, int scale, Instrument instrument) throws BadRowException {
        int c = columns[column];
        long v = Text.decimal(buf, starts[c], ends[c], scale);
        if (v == Text.NOT_A_NUMBER) {
            throw bad("bad number", "bad number '" + field(c) + "' in column " + (c + 1));
        }
        if (v == Text.TOO_MANY_DECIMALS) {
            throw bad("off the price scale", "price " + field(c) + " of " + instrument.id()
                    + " has more decimals than its price scale " + scale);
        }
        return v;
    }

    private long size(int column, int scale, Instrument instrument) throws BadRowException {
        int c = columns[column];
        if (starts[c] == ends[c]) {
            return 0;
        }
        long v = Text.decimal(buf, starts[c], ends[c], scale);
        if (v == Text.TOO_MANY_DECIMALS) {
            throw bad("off the quantity scale", "size " + field(c) + " of " + instrument.id()
                    + " has more decimals than its quantity scale " + scale);
        }
        if (v == Text.NOT_A_NUMBER) {
            throw bad("bad number", "bad number '" + field(c) + "' in column " + (c + 1));
        }
        if (v < 0) {
            throw bad("bad number", "negative size '" + field(c) + "' in column " + (c + 1));
        }
        return v;
    }

    private Side aggressor() throws BadRowException {
        int c = columns[4];
        if (c < 0) {
            return null;
        }
        int n = ends[c] - starts[c];
        if (n == 0) {
            return null;
        }
        if (n == 3 && (buf[starts[c]] | 0x20) == 'b' && (buf[starts[c] + 1] | 0x20) == 'u'
                && (buf[starts[c] + 2] | 0x20) == 'y') {
            return Side.BUY;
        }
        if (n == 4 && (buf[starts[c]] | 0x20) == 's' && (buf[starts[c] + 1] | 0x20) == 'e'
                && (buf[starts[c] + 2] | 0x20) == 'l' && (buf[starts[c] + 3] | 0x20) == 'l') {
            return Side.SELL;
        }
        throw bad("bad aggressor", "bad aggressor '" + field(c) + "' (expected BUY, SELL or empty)");
    }

    private int instrument(int from, int to) throws BadRowException {
        if (lastInstrument >= 0 && same(symbols[lastInstrument], from, to)) {
            return lastInstrument;
        }
        for (int i = 0; i < instruments.size(); i++) {
            if (same(symbols[i], from, to)) {
                lastInstrument = i;
                return i;
            }
        }
        String symbol = new String(buf, from, to - from, StandardCharsets.UTF_8).trim();
        Instrument instrument = known.get(symbol);
        if (instrument == null) {
            throw bad("unknown instrument", "unknown instrument '" + symbol + "'");
        }
        int i = instruments.size();
        if (i == symbols.length) {
            symbols = Arrays.copyOf(symbols, i * 2);
            lastBar = Arrays.copyOf(lastBar, i * 2);
            minGap = Arrays.copyOf(minGap, i * 2);
            bars = Arrays.copyOf(bars, i * 2);
        }
        instruments.add(instrument);
        symbols[i] = Arrays.copyOfRange(buf, from, to);
        minGap[i] = Long.MAX_VALUE;
        lastInstrument = i;
        return i;
    }

    private boolean same(byte[] symbol, int from, int to) {
        if (symbol.length != to - from) {
            return false;
        }
        for (int i = 0; i < symbol.length; i++) {
            if (symbol[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }

    private String field(int column) {
        return new String(buf, starts[column], ends[column] - starts[column], StandardCharsets.UTF_8);
    }

    private BadRowException bad(String reason, String problem) {
        return new BadRowException(name, line, reason, problem);
    }

    /** @return the index of the next '\n' (or the end of the data) at or after pos, -1 at the end */
    private int nextLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            if (eof) {
                return pos < limit ? limit : -1;
            }
            scanFrom = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            } else if (limit == buf.length) {
                if (buf.length >= 64 << 20) {
                    throw new DataFormatException(name, line + 1, "line longer than 64 MB");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.readNBytes(buf, limit, buf.length - limit);
            if (n <= 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    private int skipEol(int end) {
        return end < limit ? end + 1 : end;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
