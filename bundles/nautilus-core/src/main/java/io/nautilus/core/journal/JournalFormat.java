package io.nautilus.core.journal;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Binary layout of journal segments and records (all integers little-endian).
 *
 * <pre>
 * segment header (16 bytes): int magic "NJRN" (0x4E4A524E) | int format version (1) | long seq of first record
 * record:                    int payload length | int CRC32C of the payload | payload
 * payload (92 bytes + text):
 *   0 long seq            8 long timestamp      16 long orderId     24 long price       32 long qty
 *  40 long stopPrice     48 long displayQty     56 long expiry      64 long clientOrderId
 *  72 int account        76 int instrument      80 int flags
 *  84 byte op            85 byte side           86 byte type        87 byte tif
 *  88 int text length in bytes (-1 = null)      92 text, UTF-8
 * </pre>
 * Side, order type and time in force are stored as their FIX code characters ({@code '1'} buy, {@code '2'} limit,
 * {@code '0'} day, ...), 0 for null: stable even if the enums are reordered.
 */
final class JournalFormat {

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    static final int MAGIC = 0x4E4A524E;
    static final int VERSION = 1;
    static final int SEGMENT_HEADER = 16;

    static final int RECORD_HEADER = 8;

    static final int SEQ = 0;
    static final int TIMESTAMP = 8;
    static final int ORDER_ID = 16;
    static final int PRICE = 24;
    static final int QTY = 32;
    static final int STOP_PRICE = 40;
    static final int DISPLAY_QTY = 48;
    static final int EXPIRY = 56;
    static final int CLIENT_ORDER_ID = 64;
    static final int ACCOUNT = 72;
    static final int INSTRUMENT = 76;
    static final int FLAGS = 80;
    static final int OP = 84;
    static final int SIDE = 85;
    static final int TYPE = 86;
    static final int TIF = 87;
    static final int TEXT_LENGTH = 88;
    static final int TEXT = 92;
    static final int FIXED_PAYLOAD = TEXT;

    /** Longest text journaled, in chars (UTF-8: at most 3 bytes a char). */
    static final int MAX_TEXT_CHARS = 65_536;
    static final int MAX_PAYLOAD = FIXED_PAYLOAD + 3 * MAX_TEXT_CHARS;
    static final int MAX_RECORD = RECORD_HEADER + MAX_PAYLOAD;

    private JournalFormat() {
    }

    static byte encode(Side side) {
        return side == null ? 0 : (byte) side.fixCode();
    }

    static byte encode(OrderType type) {
        return type == null ? 0 : (byte) type.fixCode();
    }

    static byte encode(TimeInForce tif) {
        return tif == null ? 0 : (byte) tif.fixCode();
    }

    static Side side(byte code) {
        return switch (code) {
            case 0 -> null;
            case '1' -> Side.BUY;
            case '2' -> Side.SELL;
            default -> throw new IllegalArgumentException("unknown side code " + code);
        };
    }

    static OrderType type(byte code) {
        return switch (code) {
            case 0 -> null;
            case '1' -> OrderType.MARKET;
            case '2' -> OrderType.LIMIT;
            case '3' -> OrderType.STOP;
            case '4' -> OrderType.STOP_LIMIT;
            default -> throw new IllegalArgumentException("unknown order type code " + code);
        };
    }

    static TimeInForce tif(byte code) {
        return switch (code) {
            case 0 -> null;
            case '1' -> TimeInForce.GTC;
            case '3' -> TimeInForce.IOC;
            case '4' -> TimeInForce.FOK;
            case '0' -> TimeInForce.DAY;
            case '6' -> TimeInForce.GTD;
            default -> throw new IllegalArgumentException("unknown time in force code " + code);
        };
    }

    /**
     * UTF-8 length of a text, counting malformed surrogates as one byte ('?'), as {@link #putUtf8} writes them.
     *
     * @param text the text
     * @return bytes
     */
    static int utf8Length(String text) {
        int n = text.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                bytes++;
            } else if (ch < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(ch)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Writes a text as UTF-8 without allocating (malformed surrogates become '?', as {@link String#getBytes} does).
     *
     * @param buffer the buffer
     * @param index where to start
     * @param text the text
     * @return the index after the text
     */
    static int putUtf8(ByteBuffer buffer, int index, String text) {
        int n = text.length();
        int at = index;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                buffer.put(at++, (byte) ch);
            } else if (ch < 0x800) {
                buffer.put(at++, (byte) (0xC0 | (ch >> 6)));
                buffer.put(at++, (byte) (0x80 | (ch & 0x3F)));
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, text.charAt(++i));
                buffer.put(at++, (byte) (0xF0 | (cp >> 18)));
                buffer.put(at++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
                buffer.put(at++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
                buffer.put(at++, (byte) (0x80 | (cp & 0x3F)));
            } else if (Character.isSurrogate(ch)) {
                buffer.put(at++, (byte) '?');
            } else {
                buffer.put(at++, (byte) (0xE0 | (ch >> 12)));
                buffer.put(at++, (byte) (0x80 | ((ch >> 6) & 0x3F)));
                buffer.put(at++, (byte) (0x80 | (ch & 0x3F)));
            }
        }
        return at;
    }

    /**
     * Encodes a command's input fields as a payload.
     *
     * @param buffer the buffer
     * @param p index of the payload
     * @param c the command
     * @param textBytes UTF-8 length of the text, or -1 if none
     */
    static void putPayload(ByteBuffer buffer, int p, Command c, int textBytes) {
        buffer.putLong(p + SEQ, c.seq);
        buffer.putLong(p + TIMESTAMP, c.timestamp);
        buffer.putLong(p + ORDER_ID, c.orderId);
        buffer.putLong(p + PRICE, c.price);
        buffer.putLong(p + QTY, c.qty);
        buffer.putLong(p + STOP_PRICE, c.stopPrice);
        buffer.putLong(p + DISPLAY_QTY, c.displayQty);
        buffer.putLong(p + EXPIRY, c.expiry);
        buffer.putLong(p + CLIENT_ORDER_ID, c.clientOrderId);
        buffer.putInt(p + ACCOUNT, c.account);
        buffer.putInt(p + INSTRUMENT, c.instrument);
        buffer.putInt(p + FLAGS, c.flags);
        buffer.put(p + OP, c.op);
        buffer.put(p + SIDE, encode(c.side));
        buffer.put(p + TYPE, encode(c.type));
        buffer.put(p + TIF, encode(c.tif));
        buffer.putInt(p + TEXT_LENGTH, textBytes);
        if (textBytes > 0) {
            putUtf8(buffer, p + TEXT, c.text);
        }
    }

    /**
     * Decodes a payload into a command (all input fields; attachment null; outcome cleared).
     *
     * @param buffer the buffer
     * @param p index of the payload
     * @param length payload length
     * @param into the command
     * @throws IllegalArgumentException if a field holds an unknown code
     */
    static void getPayload(ByteBuffer buffer, int p, int length, Command into) {
        into.clear();
        into.seq = buffer.getLong(p + SEQ);
        into.timestamp = buffer.getLong(p + TIMESTAMP);
        into.orderId = buffer.getLong(p + ORDER_ID);
        into.price = buffer.getLong(p + PRICE);
        into.qty = buffer.getLong(p + QTY);
        into.stopPrice = buffer.getLong(p + STOP_PRICE);
        into.displayQty = buffer.getLong(p + DISPLAY_QTY);
        into.expiry = buffer.getLong(p + EXPIRY);
        into.clientOrderId = buffer.getLong(p + CLIENT_ORDER_ID);
        into.account = buffer.getInt(p + ACCOUNT);
        into.instrument = buffer.getInt(p + INSTRUMENT);
        into.flags = buffer.getInt(p + FLAGS);
        into.op = buffer.get(p + OP);
        into.side = side(buffer.get(p + SIDE));
        into.type = type(buffer.get(p + TYPE));
        into.tif = tif(buffer.get(p + TIF));
        int textBytes = buffer.getInt(p + TEXT_LENGTH);
        if (textBytes != -1 && (textBytes < 0 || FIXED_PAYLOAD + textBytes != length)) {
            throw new IllegalArgumentException("text length " + textBytes + " does not match record length " + length);
        }
        if (textBytes == -1 && length != FIXED_PAYLOAD) {
            throw new IllegalArgumentException("record length " + length + " without text");
        }
        if (textBytes >= 0) {
            byte[] bytes = new byte[textBytes];
            buffer.get(p + TEXT, bytes);
            into.text = new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
