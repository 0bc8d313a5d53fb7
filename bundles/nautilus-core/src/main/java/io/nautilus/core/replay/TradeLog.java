package io.nautilus.core.replay;

import io.nautilus.core.Command;
import io.nautilus.core.Events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * The trades of a replay, recorded in the order the engine made them into growable primitive columns (so recording
 * costs an array store, not an allocation), written out after the timed run.
 *
 * <p>Output format: header {@code seq,takerOrderId,makerOrderId,price,qty}, one row per fill; price is the maker's
 * (resting) price, seq is the seq of the command that caused the fill.
 */
public final class TradeLog {

    /** Header line of the trades CSV. */
    public static final String HEADER = "seq,takerOrderId,makerOrderId,price,qty";

    private int size;
    private long[] seq = new long[1 << 16];
    private long[] taker = new long[1 << 16];
    private long[] maker = new long[1 << 16];
    private long[] price = new long[1 << 16];
    private long[] qty = new long[1 << 16];

    /**
     * Records the trades among a processed command's events.
     *
     * @param command a processed command
     * @param commandSeq the seq to record for its trades
     */
    public void record(Command command, long commandSeq) {
        Events e = command.events;
        for (int i = 0, n = e.size(); i < n; i++) {
            if (e.type(i) == Events.TRADE) {
                if (size == seq.length) {
                    grow();
                }
                seq[size] = commandSeq;
                taker[size] = e.orderId(i);
                maker[size] = e.counterOrderId(i);
                price[size] = e.price(i);
                qty[size] = e.qty(i);
                size++;
            }
        }
    }

    private void grow() {
        int n = seq.length * 2;
        seq = Arrays.copyOf(seq, n);
        taker = Arrays.copyOf(taker, n);
        maker = Arrays.copyOf(maker, n);
        price = Arrays.copyOf(price, n);
        qty = Arrays.copyOf(qty, n);
    }

    /** @return number of trades */
    public int size() {
        return size;
    }

    /**
     * @param i trade index
     * @return the CSV row of trade i, without line end
     */
    public String row(int i) {
        return seq[i] + "," + taker[i] + "," + maker[i] + "," + price[i] + "," + qty[i];
    }

    /**
     * Writes the trades CSV ({@code .gz} names are compressed).
     *
     * @param file the output file
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < size; i++) {
                sb.setLength(0);
                sb.append(seq[i]).append(',').append(taker[i]).append(',').append(maker[i]).append(',')
                        .append(price[i]).append(',').append(qty[i]).append('\n');
                w.append(sb);
            }
        }
    }
}
