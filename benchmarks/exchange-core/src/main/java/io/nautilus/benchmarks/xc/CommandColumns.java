package io.nautilus.benchmarks.xc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A replay command file (the CSV that {@code io.nautilus.benchmarks.core.StreamGenerator} writes:
 * {@code seq,op,orderId,account,instrument,side,type,tif,price,qty}) read into primitive columns, with each order's
 * owner resolved so that cancels, moves and reductions can name it as exchange-core requires.
 *
 * <p>Only what exchange-core's order book mix uses is accepted: NEW limit orders (GTC or IOC), CANCEL, REPLACE of the
 * price alone (exchange-core's move) and REDUCE; one instrument. Anything else is refused with the row named.
 * A REPLACE to the price the order already has becomes {@link #KEEP}.
 */
final class CommandColumns {

    /** Row kinds. */
    static final byte PLACE = 0;
    static final byte CANCEL = 1;
    static final byte MOVE = 2;
    static final byte REDUCE = 3;
    /**
     * A REPLACE to the order's current price: Nautilus keeps the order's place in the queue and changes nothing,
     * where exchange-core's move would queue it again behind its level. Sent to exchange-core as a reduction by 0
     * lots, which it refuses ({@code MATCHING_REDUCE_FAILED_WRONG_SIZE}) without a change.
     */
    static final byte KEEP = 4;

    private int size;
    byte[] op = new byte[1 << 16];
    long[] orderId = new long[1 << 16];
    /** exchange-core user id: the file's account {@code A<n>} plus one. */
    long[] uid = new long[1 << 16];
    boolean[] buy = new boolean[1 << 16];
    boolean[] ioc = new boolean[1 << 16];
    /** limit price (PLACE) or new price (MOVE), in ticks. */
    long[] price = new long[1 << 16];
    /** order quantity (PLACE) or quantity to take off (REDUCE), in lots. */
    long[] qty = new long[1 << 16];

    private long[] owner = new long[1 << 16];
    private boolean[] ownerBuy = new boolean[1 << 16];
    private long[] ownerPrice = new long[1 << 16];
    private int keeps;
    private int accounts;

    private CommandColumns() {
    }

    /** @return number of rows */
    int size() {
        return size;
    }

    /** @return number of {@link #KEEP} rows (replaces to the current price) */
    int keeps() {
        return keeps;
    }

    /** @return number of accounts (the highest {@code A<n>} plus one) */
    int accounts() {
        return accounts;
    }

    /**
     * Reads a command file.
     *
     * @param file the file, gzip-compressed if its name ends in {@code .gz}
     * @return its columns
     * @throws IOException if reading fails
     * @throws IllegalArgumentException naming the first row that is malformed or outside the mix
     */
    static CommandColumns load(Path file) throws IOException {
        CommandColumns c = new CommandColumns();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("seq,op,orderId")) {
                throw new IllegalArgumentException(file + ": not a replay command file (header " + header + ")");
            }
            String line;
            long row = 1;
            while ((line = r.readLine()) != null) {
                row++;
                if (!line.isEmpty()) {
                    try {
                        c.add(line.split(",", -1));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(file + " line " + row + " '" + line + "': " + e.getMessage());
                    }
                }
            }
        }
        return c;
    }

    private void add(String[] f) {
        if (f.length != 10) {
            throw new IllegalArgumentException("expected 10 columns, got " + f.length);
        }
        if (size == op.length) {
            grow();
        }
        int i = size;
        long id = Long.parseLong(f[2]);
        orderId[i] = id;
        switch (f[1]) {
            case "NEW" -> {
                if (!"LIMIT".equals(f[6])) {
                    throw new IllegalArgumentException("only LIMIT orders are converted");
                }
                op[i] = PLACE;
                if (!f[3].startsWith("A")) {
                    throw new IllegalArgumentException("account '" + f[3] + "' is not A<number>");
                }
                int account = Integer.parseInt(f[3].substring(1));
                accounts = Math.max(accounts, account + 1);
                uid[i] = account + 1L;
                buy[i] = switch (f[5]) {
                    case "BUY" -> true;
                    case "SELL" -> false;
                    default -> throw new IllegalArgumentException("side '" + f[5] + "'");
                };
                ioc[i] = switch (f[7]) {
                    case "GTC" -> false;
                    case "IOC" -> true;
                    default -> throw new IllegalArgumentException("time in force '" + f[7] + "' (GTC or IOC)");
                };
                price[i] = Long.parseLong(f[8]);
                qty[i] = Long.parseLong(f[9]);
                setOwner(id, uid[i], buy[i], price[i]);
            }
            case "CANCEL" -> {
                op[i] = CANCEL;
                ownedBy(i, id);
            }
            case "REPLACE" -> {
                if (f[8].isEmpty() || !f[9].isEmpty()) {
                    throw new IllegalArgumentException("only price-only replaces (exchange-core's move) are converted");
                }
                price[i] = Long.parseLong(f[8]);
                ownedBy(i, id);
                if (ownerPrice[(int) id] == price[i]) {
                    op[i] = KEEP;
                    keeps++;
                } else {
                    op[i] = MOVE;
                    ownerPrice[(int) id] = price[i];
                }
            }
            case "REDUCE" -> {
                op[i] = REDUCE;
                qty[i] = Long.parseLong(f[9]);
                ownedBy(i, id);
            }
            default -> throw new IllegalArgumentException("op '" + f[1] + "' is not converted");
        }
        size++;
    }

    private void setOwner(long id, long user, boolean side, long px) {
        if (id <= 0 || id > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("order id " + id + " out of 1.." + (Integer.MAX_VALUE - 1));
        }
        while (id >= owner.length) {
            owner = Arrays.copyOf(owner, owner.length * 2);
            ownerBuy = Arrays.copyOf(ownerBuy, ownerBuy.length * 2);
            ownerPrice = Arrays.copyOf(ownerPrice, ownerPrice.length * 2);
        }
        owner[(int) id] = user;
        ownerBuy[(int) id] = side;
        ownerPrice[(int) id] = px;
    }

    private void ownedBy(int i, long id) {
        if (id <= 0 || id >= owner.length || owner[(int) id] == 0) {
            throw new IllegalArgumentException("order " + id + " was never placed");
        }
        uid[i] = owner[(int) id];
        buy[i] = ownerBuy[(int) id];
    }

    private void grow() {
        int n = op.length * 2;
        op = Arrays.copyOf(op, n);
        orderId = Arrays.copyOf(orderId, n);
        uid = Arrays.copyOf(uid, n);
        buy = Arrays.copyOf(buy, n);
        ioc = Arrays.copyOf(ioc, n);
        price = Arrays.copyOf(price, n);
        qty = Arrays.copyOf(qty, n);
    }
}
