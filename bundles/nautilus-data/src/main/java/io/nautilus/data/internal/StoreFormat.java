package io.nautilus.data.internal;

import io.nautilus.data.DataFormatException;
import io.nautilus.data.MarketEvent;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The store's layout: {@code <root>/<instrument>/<yyyy-MM-dd>/} holds, per kind present, one file per column
 * ({@code quotes.timestamp}, {@code quotes.bidPrice}, ...: little-endian longs; {@code trades.aggressor}: one byte,
 * 0 none, 1 BUY, 2 SELL) and {@code <kind>.meta} (written last: a kind is present once its meta file is).
 */
public final class StoreFormat {

    /** Format version written into every meta file. */
    public static final int VERSION = 1;
    /** A day folder's name. */
    public static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final String[] QUOTE_COLUMNS = {"timestamp", "bidPrice", "bidSize", "askPrice", "askSize"};
    private static final String[] TRADE_COLUMNS = {"timestamp", "price", "size", "aggressor"};
    private static final String[] BAR_COLUMNS = {"timestamp", "open", "high", "low", "close", "volume"};

    private StoreFormat() {
    }

    /**
     * @param kind a {@link MarketEvent} kind
     * @return its name in the store: quotes, trades or bars
     */
    public static String kindName(byte kind) {
        return switch (kind) {
            case MarketEvent.QUOTE -> "quotes";
            case MarketEvent.TRADE -> "trades";
            case MarketEvent.BAR -> "bars";
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /**
     * @param kind a {@link MarketEvent} kind
     * @return its column names, timestamp first
     */
    public static String[] columns(byte kind) {
        return switch (kind) {
            case MarketEvent.QUOTE -> QUOTE_COLUMNS;
            case MarketEvent.TRADE -> TRADE_COLUMNS;
            case MarketEvent.BAR -> BAR_COLUMNS;
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /** The kinds in store order. */
    public static final byte[] KINDS = {MarketEvent.BAR, MarketEvent.QUOTE, MarketEvent.TRADE};

    /**
     * A kind's metadata in a day folder.
     *
     * @param rows           number of rows
     * @param first          first timestamp, nanoseconds
     * @param last           last timestamp, nanoseconds
     * @param priceScale     the instrument's price scale at import
     * @param quantityScale  the instrument's quantity scale at import
     * @param barInterval    bar interval in nanoseconds (bars), else 0
     */
    public record Meta(long rows, long first, long last, int priceScale, int quantityScale, long barInterval) {

        /**
         * Writes the meta file.
         *
         * @param file the file
         * @throws IOException if it cannot be written
         */
        public void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("formatVersion", Integer.toString(VERSION));
            p.setProperty("rows", Long.toString(rows));
            p.setProperty("firstTimestamp", Long.toString(first));
            p.setProperty("lastTimestamp", Long.toString(last));
            p.setProperty("priceScale", Integer.toString(priceScale));
            p.setProperty("quantityScale", Integer.toString(quantityScale));
            p.setProperty("barIntervalNanos", Long.toString(barInterval));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
                p.store(w, "nautilus market data store");
            }
        }

        /**
         * Reads a meta file.
         *
         * @param file the file
         * @return its content
         * @throws DataFormatException if a key is missing or the version is not {@link #VERSION}
         * @throws IOException         if it cannot be read
         */
        public static Meta read(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                p.load(r);
            }
            try {
                int version = Integer.parseInt(p.getProperty("formatVersion", "-1"));
                if (version != VERSION) {
                    throw new DataFormatException(file.toString(), 0, "store format version " + version
                            + " is not " + VERSION);
                }
                return new Meta(Long.parseLong(p.getProperty("rows")), Long.parseLong(p.getProperty("firstTimestamp")),
                        Long.parseLong(p.getProperty("lastTimestamp")), Integer.parseInt(p.getProperty("priceScale")),
                        Integer.parseInt(p.getProperty("quantityScale")),
                        Long.parseLong(p.getProperty("barIntervalNanos", "0")));
            } catch (NumberFormatException | NullPointerException e) {
                throw new DataFormatException(file.toString(), 0, "bad store metadata: " + e);
            }
        }
    }
}
