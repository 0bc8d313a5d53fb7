package io.nautilus.marketdata.internal.camel;

import io.nautilus.camel.json.Json;
import io.nautilus.api.Side;
import io.nautilus.marketdata.api.MarketDataIngest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Turns one feed message (a parsed JSON object or a {@code Map}) into a {@link MarketDataIngest} call, following
 * the field mapping of a {@code nautilus-md} endpoint. Field names are plain names or JSON pointers
 * ({@code /data/p}). Throws {@link BadMessageException} naming the field for a message it cannot map; values the
 * engine can judge (scales, crossed quotes, sequences) are passed on for the engine to reject and count.
 */
final class TickMapper {

    private final MarketDataEndpoint config;

    TickMapper(MarketDataEndpoint config) {
        this.config = config;
    }

    /**
     * Maps and hands over one message.
     *
     * @param message       the message
     * @param ingest        the engine
     * @param feedId        the feed
     * @param receivedNanos arrival time used when the message carries none
     * @throws BadMessageException when the message cannot be mapped
     */
    void map(Object message, MarketDataIngest ingest, String feedId, long receivedNanos) {
        String type = text(message, config.getTypeField());
        if (type == null) {
            type = config.getType();
        }
        if (type == null) {
            throw new BadMessageException("no type (field '" + config.getTypeField() + "', no endpoint default)");
        }
        String instrument = text(message, config.getInstrumentField());
        if (instrument == null) {
            instrument = config.getInstrument();
        }
        long timeNanos = time(message, config.getTimeField(), receivedNanos);
        long received = time(message, config.getReceivedField(), receivedNanos);
        if (type.equalsIgnoreCase("clock")) {
            ingest.clock(timeNanos);
            return;
        }
        if (instrument == null) {
            throw new BadMessageException("no instrument (field '" + config.getInstrumentField() + "')");
        }
        long seq = sequence(message);
        switch (type.toLowerCase(Locale.ROOT)) {
            case "quote" -> {
                String bid = text(message, config.getBidField());
                String ask = text(message, config.getAskField());
                if (bid == null && ask == null) {
                    throw new BadMessageException("quote without bid and ask (fields '" + config.getBidField()
                            + "', '" + config.getAskField() + "')");
                }
                ingest.quote(feedId, instrument, seq, bid, bid == null ? null : required(message,
                                config.getBidSizeField(), "bid size"), ask,
                        ask == null ? null : required(message, config.getAskSizeField(), "ask size"),
                        timeNanos, received);
            }
            case "trade" -> ingest.trade(feedId, instrument, seq, required(message, config.getPriceField(), "price"),
                    required(message, config.getSizeField(), "size"), side(message, false),
                    text(message, config.getTradeIdField()), timeNanos, received);
            case "book" -> {
                String levelText = text(message, config.getLevelField());
                int level;
                try {
                    level = levelText == null ? 0 : Integer.parseInt(levelText);
                } catch (NumberFormatException e) {
                    throw new BadMessageException("level '" + levelText + "' is not an integer");
                }
                String orders = text(message, config.getOrdersField());
                int orderCount;
                try {
                    orderCount = orders == null ? 0 : Integer.parseInt(orders);
                } catch (NumberFormatException e) {
                    throw new BadMessageException("orders '" + orders + "' is not an integer");
                }
                ingest.bookLevel(feedId, instrument, seq, side(message, true), level,
                        required(message, config.getPriceField(), "price"),
                        required(message, config.getSizeField(), "size"), orderCount, timeNanos, received);
            }
            default -> throw new BadMessageException("type '" + type + "' is not quote, trade, book or clock");
        }
    }

    private long sequence(Object message) {
        String seq = text(message, config.getSeqField());
        if (seq == null) {
            return 0;
        }
        try {
            return new BigDecimal(seq).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new BadMessageException("sequence '" + seq + "' is not an integer");
        }
    }

    private Side side(Object message, boolean required) {
        String side = text(message, config.getSideField());
        if (side == null) {
            if (required) {
                throw new BadMessageException("no side (field '" + config.getSideField() + "')");
            }
            return null;
        }
        return switch (side.toUpperCase(Locale.ROOT)) {
            case "BUY", "B", "BID" -> Side.BUY;
            case "SELL", "S", "ASK", "OFFER" -> Side.SELL;
            default -> throw new BadMessageException("side '" + side + "' is not BUY/SELL/B/S/BID/ASK");
        };
    }

    private long time(Object message, String field, long fallbackNanos) {
        String time = text(message, field);
        if (time == null) {
            return fallbackNanos;
        }
        try {
            return parseTime(time, config.getTimeUnit());
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(field + " '" + time + "': " + e.getMessage());
        }
    }

    /**
     * Parses a time: a number in {@code unit} since the epoch, or an ISO-8601 instant.
     *
     * @param time the text
     * @param unit the unit of numeric times
     * @return nanoseconds since the epoch
     * @throws IllegalArgumentException when the text is neither
     */
    static long parseTime(String time, TimeUnit unit) {
        char first = time.isEmpty() ? ' ' : time.charAt(0);
        if (first == '-' || (first >= '0' && first <= '9')) {
            try {
                BigDecimal value = new BigDecimal(time);
                return value.multiply(BigDecimal.valueOf(unit.toNanos(1))).longValue();
            } catch (NumberFormatException e) {
                // an ISO date starts with a digit too
            }
        }
        try {
            Instant instant = Instant.parse(time);
            return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a number of " + unit.name().toLowerCase(Locale.ROOT)
                    + " since the epoch nor an ISO-8601 instant");
        }
    }

    private static String required(Object message, String field, String what) {
        String value = text(message, field);
        if (value == null) {
            throw new BadMessageException("no " + what + " (field '" + field + "')");
        }
        return value;
    }

    /** The field's value as text: numbers as plain decimals, blank text as absent. */
    static String text(Object message, String field) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        Object value = Json.at(message, field);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new BadMessageException("field '" + field + "' is " + d);
            }
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw new BadMessageException("field '" + field + "' is not a value");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
