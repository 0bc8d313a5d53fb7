package io.nautilus.venue.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nautilus.api.AccountId;
import io.nautilus.api.OrderType;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Alpaca's wire shapes: order request bodies, decimal strings at the instrument's scales, order statuses, ids,
 * timestamps and error bodies. Stateless.
 */
final class AlpacaCodec {

    private final ObjectMapper mapper;

    AlpacaCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The venue's client order id for an order: {@code <account>-<client order id>}; unique at the venue because
     * client order ids are unique per account, and parseable back (the numeric id has no dash).
     */
    static String venueClientId(AccountId account, long clientOrderId) {
        return account.value() + "-" + clientOrderId;
    }

    /**
     * The numeric order id reported for a venue order id: the top 63 bits of Alpaca's UUID, stable across restarts;
     * a positive hash for ids that are not UUIDs.
     */
    static long orderIdOf(String venueOrderId) {
        if (venueOrderId == null || venueOrderId.isEmpty()) {
            return 0;
        }
        long id;
        try {
            id = UUID.fromString(venueOrderId).getMostSignificantBits() & Long.MAX_VALUE;
        } catch (IllegalArgumentException notUuid) {
            id = venueOrderId.hashCode() & 0x7fff_ffffL;
        }
        return id == 0 ? 1 : id;
    }

    /** The body of {@code POST /v2/orders}. */
    String newOrderBody(NewOrder order, Instrument instrument, String symbol, String venueClientId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("symbol", symbol);
        body.put("qty", decimal(order.quantity(), instrument.quantityScale()));
        body.put("side", order.side().name().toLowerCase(Locale.ROOT));
        body.put("type", order.type().name().toLowerCase(Locale.ROOT));
        body.put("time_in_force", order.timeInForce().name().toLowerCase(Locale.ROOT));
        if (order.price() != FixedPoint.NULL) {
            body.put("limit_price", decimal(order.price(), instrument.priceScale()));
        }
        if (order.stopPrice() != FixedPoint.NULL) {
            body.put("stop_price", decimal(order.stopPrice(), instrument.priceScale()));
        }
        body.put("client_order_id", venueClientId);
        return body.toString();
    }

    /** The body of {@code PATCH /v2/orders/{id}}. */
    String replaceBody(long price, long quantity, Instrument instrument, String venueClientId) {
        ObjectNode body = mapper.createObjectNode();
        if (quantity != 0) {
            body.put("qty", decimal(quantity, instrument.quantityScale()));
        }
        if (price != FixedPoint.NULL) {
            body.put("limit_price", decimal(price, instrument.priceScale()));
        }
        body.put("client_order_id", venueClientId);
        return body.toString();
    }

    /** Why the venue cannot take an order of this shape, or {@code null} if it can. */
    static String unsupported(NewOrder order) {
        if (order.timeInForce() == TimeInForce.GTD) {
            return "time in force GTD is not supported by the venue (day, gtc, ioc, fok)";
        }
        if (order.displayQuantity() != 0) {
            return "display quantity (iceberg) is not supported by the venue";
        }
        if (order.flags() != 0) {
            return "order flags " + io.nautilus.api.OrderFlags.toString(order.flags())
                    + " are not supported by the venue";
        }
        return null;
    }

    /** Plain decimal text without trailing zeros, e.g. {@code "10"} or {@code "101.25"}. */
    static String decimal(long value, int scale) {
        BigDecimal decimal = FixedPoint.toBigDecimal(value, scale).stripTrailingZeros();
        return (decimal.scale() < 0 ? decimal.setScale(0) : decimal).toPlainString();
    }

    /**
     * A quantity as the venue sends it (decimal string or number) at a scale; exact.
     *
     * @return the fixed-point value, or {@code missing} when the field is absent or null
     * @throws ArithmeticException if the value has more decimals than the scale
     */
    static long quantity(JsonNode field, int scale, long missing) {
        if (field == null || field.isNull() || field.asText().isEmpty()) {
            return missing;
        }
        return FixedPoint.fromBigDecimal(new BigDecimal(field.asText().strip()), scale);
    }

    /**
     * A price as the venue sends it at a scale, rounded half even (average prices and sub-penny fills can carry
     * more decimals than the instrument).
     *
     * @return the fixed-point value, or {@link FixedPoint#NULL} when absent or null
     */
    static long price(JsonNode field, int scale) {
        if (field == null || field.isNull() || field.asText().isEmpty()) {
            return FixedPoint.NULL;
        }
        BigDecimal value = new BigDecimal(field.asText().strip()).setScale(scale, RoundingMode.HALF_EVEN);
        return FixedPoint.fromBigDecimal(value, scale);
    }

    /** Alpaca's order status as the platform's. */
    static OrderStatus status(String alpacaStatus, long cumulative) {
        String s = alpacaStatus == null ? "" : alpacaStatus;
        return switch (s) {
            case "pending_new", "accepted_for_bidding" -> OrderStatus.PENDING_NEW;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "done_for_day" -> OrderStatus.DONE_FOR_DAY;
            case "canceled", "replaced" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            case "pending_cancel" -> OrderStatus.PENDING_CANCEL;
            case "pending_replace" -> OrderStatus.PENDING_REPLACE;
            case "rejected" -> OrderStatus.REJECTED;
            case "suspended", "held" -> OrderStatus.SUSPENDED;
            // new, accepted, stopped, calculated and anything newer: working
            default -> cumulative > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        };
    }

    /** Alpaca's order type, or {@code null} for one the platform has no name for. */
    static OrderType orderType(String type) {
        return switch (type == null ? "" : type) {
            case "market" -> OrderType.MARKET;
            case "limit" -> OrderType.LIMIT;
            case "stop" -> OrderType.STOP;
            case "stop_limit" -> OrderType.STOP_LIMIT;
            default -> null;
        };
    }

    /** Alpaca's time in force; {@code DAY} for ones the platform has no name for (opg, cls). */
    static TimeInForce timeInForce(String tif) {
        return switch (tif == null ? "" : tif) {
            case "gtc" -> TimeInForce.GTC;
            case "ioc" -> TimeInForce.IOC;
            case "fok" -> TimeInForce.FOK;
            default -> TimeInForce.DAY;
        };
    }

    /** An ISO-8601 timestamp as nanoseconds since the epoch, or {@code fallback} if absent or unreadable. */
    static long epochNanos(JsonNode field, long fallback) {
        if (field == null || field.isNull()) {
            return fallback;
        }
        String text = field.asText();
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The venue's error message from an error body ({@code {"code":..,"message":".."}}), or the body's start. */
    String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                String code = node.hasNonNull("code") ? " (code " + node.get("code").asText() + ")" : "";
                return shorten(node.get("message").asText()) + code;
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through: the raw text is the message
        }
        return shorten(body.strip());
    }

    /** At most 200 characters, for report texts and logs. */
    static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
