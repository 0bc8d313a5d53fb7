package io.nautilus.benchmarks.xc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Trades in the order exchange-core made them, in growable primitive columns, written in the replay tool's trades
 * format ({@code seq,takerOrderId,makerOrderId,price,qty}; seq is the command's row in the command file, price the
 * maker's) so that the two files can be compared byte for byte.
 */
final class TradeRecorder {

    private int size;
    private long[] seq = new long[1 << 16];
    private long[] taker = new long[1 << 16];
    private long[] maker = new long[1 << 16];
    private long[] price = new long[1 << 16];
    private long[] qty = new long[1 << 16];

    void add(long row, long takerOrderId, long makerOrderId, long tradePrice, long tradeQty) {
        if (size == seq.length) {
            int n = size * 2;
            seq = Arrays.copyOf(seq, n);
            taker = Arrays.copyOf(taker, n);
            maker = Arrays.copyOf(maker, n);
            price = Arrays.copyOf(price, n);
            qty = Arrays.copyOf(qty, n);
        }
        seq[size] = row;
        taker[size] = takerOrderId;
        maker[size] = makerOrderId;
        price[size] = tradePrice;
        qty[size] = tradeQty;
        size++;
    }

    void clear() {
        size = 0;
    }

    void write(Path file) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII),
                1 << 16)) {
            w.write("seq,takerOrderId,makerOrderId,price,qty\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < size; i++) {
                line.setLength(0);
                line.append(seq[i]).append(',').append(taker[i]).append(',').append(maker[i]).append(',')
                        .append(price[i]).append(',').append(qty[i]).append('\n');
                w.append(line);
            }
        }
    }
}
