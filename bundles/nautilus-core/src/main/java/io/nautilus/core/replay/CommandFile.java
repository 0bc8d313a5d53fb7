package io.nautilus.core.replay;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A replay command file loaded whole into primitive columns, so that replaying it times the engine and not the
 * parser.
 *
 * <p>Format (CSV, UTF-8, optionally gzip-compressed when the name ends in {@code .gz}): a header line starting with
 * {@code seq,op,orderId,account,instrument,side,type,tif,price,qty}, optionally followed by the columns
 * {@code stopPrice,displayQty,flags,expiry} (any subset, in any order, after the ten required ones; unknown extra
 * columns are an error). One command per row:
 * <ul>
 *   <li>{@code NEW}: orderId (positive long), account and instrument (names, created on first use), side
 *       {@code BUY}/{@code SELL}, type {@code LIMIT}/{@code MARKET}/{@code STOP}/{@code STOP_LIMIT}, tif
 *       {@code GTC}/{@code IOC}/{@code FOK}/{@code DAY}/{@code GTD}, price in ticks (empty for MARKET and STOP),
 *       qty in lots;</li>
 *   <li>{@code CANCEL}: orderId;</li>
 *   <li>{@code REPLACE}: orderId, price (new price, empty = unchanged), qty (new total quantity, empty =
 *       unchanged);</li>
 *   <li>{@code REDUCE}: orderId, qty (taken off the open quantity).</li>
 * </ul>
 * Optional columns: stopPrice in ticks, displayQty in lots (iceberg), flags ({@code POST_ONLY}, {@code REDUCE_ONLY},
 * joined with {@code |}, or an integer), expiry (GTD, epoch nanoseconds). A row that cannot be parsed stops the
 * load with an {@link IllegalArgumentException} naming the file, line and column; semantically invalid commands
 * (unknown order, bad quantity...) load fine and are rejected by the engine.
 */
public final class CommandFile {

    /** The required header columns, in order. */
    public static final List<String> REQUIRED = List.of("seq", "op", "orderId", "account", "instrument", "side",
            "type", "tif", "price", "qty");
    /** The optional columns. */
    public static final List<String> OPTIONAL = List.of("stopPrice", "displayQty", "flags", "expiry");

    private final List<String> accounts = new ArrayList<>();
    private final List<String> instruments = new ArrayList<>();
    private final Map<String, Integer> accountIds = new LinkedHashMap<>();
    private final Map<String, Integer> instrumentIds = new LinkedHashMap<>();

    private int size;
    private long[] seq = new long[1024];
    private byte[] op = new byte[1024];
    private long[] orderId = new long[1024];
    private int[] account = new int[1024];
    private int[] instrument = new int[1024];
    private byte[] side = new byte[1024];
    private byte[] type = new byte[1024];
    private byte[] tif = new byte[1024];
    private long[] price = new long[1024];
    private long[] qty = new long[1024];
    private long[] stopPrice;
    private long[] displayQty;
    private int[] flags;
    private long[] expiry;

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();

    /**
     * Loads a command file.
     *
     * @param file the CSV file ({@code .gz} is decompressed)
     * @return the loaded commands
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException on a malformed header or row, naming file, line and column
     */
    public static CommandFile load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(reader, file.toString());
        }
    }

    /**
     * Reads commands from a reader.
     *
     * @param reader the CSV text
     * @param name the name to use in error messages
     * @return the loaded commands
     * @throws IOException if reading fails
     */
    public static CommandFile read(BufferedReader reader, String name) throws IOException {
        CommandFile f = new CommandFile();
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty file, expected the header "
                    + String.join(",", REQUIRED));
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        String[] columns = header.trim().split(",", -1);
        if (columns.length < REQUIRED.size()) {
            throw new IllegalArgumentException(name + " line 1: header '" + header + "' must start with "
                    + String.join(",", REQUIRED));
        }
        for (int i = 0; i < REQUIRED.size(); i++) {
            if (!REQUIRED.get(i).equalsIgnoreCase(columns[i].trim())) {
                throw new IllegalArgumentException(name + " line 1: column " + (i + 1) + " is '" + columns[i]
                        + "', expected '" + REQUIRED.get(i) + "' (header must start with "
                        + String.join(",", REQUIRED) + ")");
            }
        }
        int[] optional = new int[columns.length];
        for (int i = REQUIRED.size(); i < columns.length; i++) {
            int which = -1;
            for (int k = 0; k < OPTIONAL.size(); k++) {
                if (OPTIONAL.get(k).equalsIgnoreCase(columns[i].trim())) {
                    which = k;
                }
            }
            if (which < 0) {
                throw new IllegalArgumentException(name + " line 1: unknown column '" + columns[i]
                        + "' (optional columns: " + String.join(",", OPTIONAL) + ")");
            }
            optional[i] = which;
        }
        f.allocateOptional(columns.length > REQUIRED.size());
        String[] cells = new String[columns.length];
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int n = split(line, cells);
            if (n != columns.length) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": " + n + " columns, expected "
                        + columns.length + ": '" + line + "'");
            }
            f.parseRow(cells, optional, name, lineNo);
        }
        return f;
    }

    private static int split(String line, String[] cells) {
        int n = 0;
        int start = 0;
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            len--;
        }
        for (int i = 0; i <= len; i++) {
            if (i == len || line.charAt(i) == ',') {
                if (n < cells.length) {
                    cells[n] = line.substring(start, i).trim();
                }
                n++;
                start = i + 1;
            }
        }
        return n;
    }

    private void allocateOptional(boolean any) {
        if (any) {
            stopPrice = new long[seq.length];
            displayQty = new long[seq.length];
            flags = new int[seq.length];
            expiry = new long[seq.length];
        }
    }

    private void parseRow(String[] c, int[] optional, String name, int lineNo) {
        grow();
        int i = size;
        seq[i] = number(c[0], "seq", name, lineNo);
        String opText = c[1].toUpperCase(Locale.ROOT);
        byte code = switch (opText) {
            case "NEW" -> Op.NEW;
            case "CANCEL" -> Op.CANCEL;
            case "REPLACE" -> Op.REPLACE;
            case "REDUCE" -> Op.REDUCE;
            default -> throw new IllegalArgumentException(name + " line " + lineNo + ": op '" + c[1]
                    + "' is not NEW, CANCEL, REPLACE or REDUCE");
        };
        op[i] = code;
        orderId[i] = number(c[2], "orderId", name, lineNo);
        account[i] = Command.ANY;
        instrument[i] = Command.ANY;
        side[i] = -1;
        type[i] = -1;
        tif[i] = -1;
        if (code == Op.NEW) {
            account[i] = id(c[3], "account", accounts, accountIds, name, lineNo);
            instrument[i] = id(c[4], "instrument", instruments, instrumentIds, name, lineNo);
            side[i] = (byte) enumIndex(c[5], SIDES, "side", name, lineNo);
            type[i] = (byte) enumIndex(c[6], TYPES, "type", name, lineNo);
            tif[i] = (byte) enumIndex(c[7], TIFS, "tif", name, lineNo);
            price[i] = c[8].isEmpty() ? 0 : number(c[8], "price", name, lineNo);
            qty[i] = number(c[9], "qty", name, lineNo);
        } else {
            price[i] = c[8].isEmpty() ? Command.UNCHANGED : number(c[8], "price", name, lineNo);
            qty[i] = c[9].isEmpty() ? Command.UNCHANGED : number(c[9], "qty", name, lineNo);
            if (code == Op.CANCEL) {
                price[i] = 0;
                qty[i] = 0;
            } else if (code == Op.REDUCE && qty[i] == Command.UNCHANGED) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": REDUCE needs qty");
            }
        }
        for (int k = REQUIRED.size(); k < c.length; k++) {
            String v = c[k];
            if (v.isEmpty()) {
                continue;
            }
            switch (optional[k]) {
                case 0 -> stopPrice[i] = number(v, "stopPrice", name, lineNo);
                case 1 -> displayQty[i] = number(v, "displayQty", name, lineNo);
                case 2 -> flags[i] = parseFlags(v, name, lineNo);
                default -> expiry[i] = number(v, "expiry", name, lineNo);
            }
        }
        size++;
    }

    private static int parseFlags(String v, String name, int lineNo) {
        if (Character.isDigit(v.charAt(0))) {
            return (int) number(v, "flags", name, lineNo);
        }
        int result = 0;
        for (String part : v.split("\\|")) {
            switch (part.trim().toUpperCase(Locale.ROOT).replace('-', '_')) {
                case "POST_ONLY" -> result |= OrderFlags.POST_ONLY;
                case "REDUCE_ONLY" -> result |= OrderFlags.REDUCE_ONLY;
                case "", "NONE" -> { }
                default -> throw new IllegalArgumentException(name + " line " + lineNo + ": flag '" + part
                        + "' is not POST_ONLY or REDUCE_ONLY");
            }
        }
        return result;
    }

    private static long number(String v, String column, String name, int lineNo) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": " + column + " '" + v
                    + "' is not an integer");
        }
    }

    private static <E extends Enum<E>> int enumIndex(String v, E[] values, String column, String name, int lineNo) {
        String key = v.toUpperCase(Locale.ROOT);
        for (E e : values) {
            if (e.name().equals(key)) {
                return e.ordinal();
            }
        }
        throw new IllegalArgumentException(name + " line " + lineNo + ": " + column + " '" + v + "' is not one of "
                + Arrays.toString(values));
    }

    private static int id(String v, String column, List<String> names, Map<String, Integer> ids, String name,
                          int lineNo) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": NEW needs " + column);
        }
        Integer id = ids.get(v);
        if (id == null) {
            id = names.size();
            names.add(v);
            ids.put(v, id);
        }
        return id;
    }

    private void grow() {
        if (size < seq.length) {
            return;
        }
        int n = seq.length * 2;
        seq = Arrays.copyOf(seq, n);
        op = Arrays.copyOf(op, n);
        orderId = Arrays.copyOf(orderId, n);
        account = Arrays.copyOf(account, n);
        instrument = Arrays.copyOf(instrument, n);
        side = Arrays.copyOf(side, n);
        type = Arrays.copyOf(type, n);
        tif = Arrays.copyOf(tif, n);
        price = Arrays.copyOf(price, n);
        qty = Arrays.copyOf(qty, n);
        if (stopPrice != null) {
            stopPrice = Arrays.copyOf(stopPrice, n);
            displayQty = Arrays.copyOf(displayQty, n);
            flags = Arrays.copyOf(flags, n);
            expiry = Arrays.copyOf(expiry, n);
        }
    }

    /** @return number of commands */
    public int size() {
        return size;
    }

    /** @return account names by dense id (the order of first use) */
    public List<String> accounts() {
        return accounts;
    }

    /** @return instrument names by dense id (the order of first use) */
    public List<String> instruments() {
        return instruments;
    }

    /**
     * @param i command index
     * @return the seq column of command i
     */
    public long seq(int i) {
        return seq[i];
    }

    /**
     * Writes command {@code i} into a slot (every input field; the outcome is cleared). Allocation free.
     *
     * @param i the command index, 0..size-1
     * @param into the slot
     */
    public void fill(int i, Command into) {
        into.clearOutcome();
        into.seq = seq[i];
        into.timestamp = 0;
        into.op = op[i];
        into.orderId = orderId[i];
        into.account = account[i];
        into.instrument = instrument[i];
        into.side = side[i] < 0 ? null : SIDES[side[i]];
        into.type = type[i] < 0 ? null : TYPES[type[i]];
        into.tif = tif[i] < 0 ? null : TIFS[tif[i]];
        into.price = price[i];
        into.qty = qty[i];
        if (stopPrice != null) {
            into.stopPrice = stopPrice[i];
            into.displayQty = displayQty[i];
            into.flags = flags[i];
            into.expiry = expiry[i];
        } else {
            into.stopPrice = 0;
            into.displayQty = 0;
            into.flags = 0;
            into.expiry = 0;
        }
        into.clientOrderId = 0;
        into.text = null;
        into.attachment = null;
    }
}
