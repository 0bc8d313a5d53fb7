package io.nautilus.benchmarks.core;

import io.nautilus.core.Command;
import io.nautilus.core.Op;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a generated command {@link Mix} as a replay command file (the CSV of
 * {@link io.nautilus.core.replay.CommandFile}: {@code seq,op,orderId,account,instrument,side,type,tif,price,qty}),
 * gzip-compressed when the name ends in {@code .gz}, so that {@code bin/nautilus-replay --commands FILE} (matching
 * alone) and {@code --pipeline} run the same stream as the {@link LoadGenerator}.
 *
 * <p>The stream's ADD_INSTRUMENT/ADD_ACCOUNT commands are not written: the replay tool creates accounts and
 * instruments on first use, with the same definitions (tick 1, lot 1, minimum 1, no band, self-trade prevention
 * as given to the tool, NONE by default). Accounts are written as {@code A<id>}, the instrument as {@value #SYMBOL}.
 * Rows: NEW with side, LIMIT, tif, price and qty; CANCEL with the order id only; REPLACE with the new price (qty
 * empty = unchanged) or the new total qty; REDUCE with the qty to take off.
 *
 * <p>Usage: {@code StreamGenerator --out FILE [--mix exchange-core|new-cancel|aggressive] [--commands N]
 * [--seed N]}; prints a summary line, then one JSON line.
 */
public final class StreamGenerator {

    /** The instrument name written for every row. */
    public static final String SYMBOL = "X";
    /** The CSV header. */
    public static final String HEADER = "seq,op,orderId,account,instrument,side,type,tif,price,qty";

    private static final String USAGE = """
            usage: StreamGenerator --out FILE [--mix exchange-core|new-cancel|aggressive] [--commands N] [--seed N]
              --out FILE      the command file; a name ending in .gz is gzip-compressed
              --mix           command mix (default exchange-core)
              --commands N    flow commands after the initial book (default 1000000); the file also holds the
                              orders that build the initial book
              --seed N        stream seed (default 1)
            """;

    private StreamGenerator() {
    }

    /**
     * Entry point.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        Path outFile = null;
        Mix mix = Mix.EXCHANGE_CORE;
        int commands = 1_000_000;
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--out" -> outFile = Path.of(need(v, a));
                    case "--mix" -> mix = Mix.parse(need(v, a));
                    case "--commands" -> commands = Integer.parseInt(need(v, a).replace("_", ""));
                    case "--seed" -> seed = Long.parseLong(need(v, a));
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
                i++;
            }
            if (outFile == null) {
                throw new IllegalArgumentException("--out FILE is required");
            }
            if (commands <= 0) {
                throw new IllegalArgumentException("--commands " + commands + " must be > 0");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("StreamGenerator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            long began = System.nanoTime();
            CommandStream stream = mix.generate(seed, commands);
            long rows = write(stream, outFile);
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.println(mix.label() + ": " + stream.describe());
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"stream\",\"mix\":\"%s\",\"seed\":%d,\"rows\":%d,"
                    + "\"bytes\":%d,\"seconds\":%.1f,\"file\":\"%s\"}%n", mix.label(), seed, rows,
                    Files.size(outFile), seconds, outFile.toString().replace("\\", "\\\\").replace("\"", "\\\""));
        } catch (IOException e) {
            System.err.println("StreamGenerator: cannot write " + outFile + ": " + e);
            System.exit(1);
        }
    }

    private static String need(String value, String option) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /**
     * Writes a stream as a replay command file (definitions skipped).
     *
     * @param stream the stream
     * @param file the file; gzip-compressed if its name ends in .gz
     * @return number of rows written
     * @throws IOException if writing fails
     */
    public static long write(CommandStream stream, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream o = gzip ? new FastGzip(raw) : raw;
             Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.US_ASCII), 1 << 16)) {
            w.write(HEADER);
            w.write('\n');
            Command c = new Command();
            StringBuilder line = new StringBuilder(96);
            long seq = 0;
            for (int i = stream.definitions(); i < stream.size(); i++) {
                stream.fill(i, c);
                line.setLength(0);
                line.append(++seq).append(',');
                row(c, line);
                line.append('\n');
                w.append(line);
            }
            return seq;
        }
    }

    /** Appends a command's columns from op on: op,orderId,account,instrument,side,type,tif,price,qty. */
    static void row(Command c, StringBuilder line) {
        switch (c.op) {
            case Op.NEW -> line.append("NEW,").append(c.orderId).append(",A").append(c.account).append(',')
                    .append(SYMBOL).append(',').append(c.side).append(',').append(c.type).append(',').append(c.tif)
                    .append(',').append(c.price).append(',').append(c.qty);
            case Op.CANCEL -> line.append("CANCEL,").append(c.orderId).append(",,,,,,,");
            case Op.REPLACE -> {
                line.append("REPLACE,").append(c.orderId).append(",,,,,,");
                if (c.price != Command.UNCHANGED) {
                    line.append(c.price);
                }
                line.append(',');
                if (c.qty != Command.UNCHANGED) {
                    line.append(c.qty);
                }
            }
            case Op.REDUCE -> line.append("REDUCE,").append(c.orderId).append(",,,,,,,").append(c.qty);
            default -> throw new IllegalArgumentException("the replay format has no " + Op.name(c.op) + " row: " + c);
        }
    }

    /** gzip at the fastest level: the file is written once and read many times, size matters little. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
