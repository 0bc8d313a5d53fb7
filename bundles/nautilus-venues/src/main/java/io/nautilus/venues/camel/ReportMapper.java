package io.nautilus.venues.camel;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps a venue's report message (a Map of fields) to an {@link ExecutionReport}, with the gateway's knowledge of
 * the order filling in what the message leaves out.
 *
 * <p>Fields: {@code execType} (required: NEW, PARTIAL_FILL, FILL, CANCELED, REPLACED, REJECTED, EXPIRED,
 * ORDER_STATUS), {@code clientOrderId} (required), {@code origClientOrderId}, {@code status} (derived from the
 * exec type when absent; required for ORDER_STATUS), {@code lastPrice}, {@code lastQuantity},
 * {@code leavesQuantity}, {@code cumulativeQuantity}, {@code averagePrice} (decimals at the instrument's scales;
 * cumulative, leaves and average are computed from the fills seen when absent), {@code liquidity} (MAKER, TAKER),
 * {@code rejectReason} (a {@link RejectReason} name, or free text meaning {@code VENUE_REJECT}), {@code text},
 * {@code cancelReason}, {@code execId} and {@code orderId} (used when numeric), {@code transactTime} (epoch
 * milliseconds or ISO-8601). {@code account}, {@code instrument} and {@code side} are needed only for an order the
 * gateway did not send (for example after a restart).
 */
final class ReportMapper {

    private final CamelVenueGateway gateway;
    private final AtomicLong execIds = new AtomicLong(System.currentTimeMillis() * 1000);

    ReportMapper(CamelVenueGateway gateway) {
        this.gateway = gateway;
    }

    ExecutionReport map(Map<?, ?> message) {
        ExecType execType = execType(text(message, "execType"));
        long clientOrderId = id(message, "clientOrderId", true);
        long origClientOrderId = id(message, "origClientOrderId", false);
        CamelVenueGateway.Request request = gateway.requests.get(clientOrderId);
        if (origClientOrderId == 0 && request != null) {
            origClientOrderId = request.origClientOrderId();
        }
        CamelVenueGateway.OrderTrack known = gateway.orders.get(clientOrderId);
        if (known == null && origClientOrderId > 0) {
            known = gateway.orders.get(origClientOrderId);
        }
        CamelVenueGateway.OrderTrack track = known != null ? known : fromMessage(message, clientOrderId);
        Instrument instrument = gateway.instrument(track.instrument).orElseThrow(() -> new BadReportException(
                "clientOrderId " + clientOrderId + ": no definition of instrument " + track.instrument
                        + " (scales unknown)"));
        int ps = instrument.priceScale();
        int qs = instrument.quantityScale();
        boolean fill = execType.isFill();
        long lastPrice = fill ? decimal(message, "lastPrice", ps, FixedPoint.NULL) : FixedPoint.NULL;
        long lastQuantity = fill ? decimal(message, "lastQuantity", qs, 0) : 0;
        if (fill && (lastPrice == FixedPoint.NULL || lastQuantity <= 0)) {
            throw new BadReportException("clientOrderId " + clientOrderId + ": a " + execType
                    + " needs lastPrice and a lastQuantity greater than zero");
        }
        boolean requestReject = execType == ExecType.REJECTED && (request != null || origClientOrderId > 0);
        synchronized (track) {
            long cumulative = decimal(message, "cumulativeQuantity", qs, track.cumulative + lastQuantity);
            BigDecimal notional = fill ? track.notional.add(BigDecimal.valueOf(lastPrice)
                    .multiply(BigDecimal.valueOf(lastQuantity))) : track.notional;
            long average = decimal(message, "averagePrice", ps, FixedPoint.NULL);
            if (average == FixedPoint.NULL && cumulative > 0) {
                if (notional.signum() > 0 && cumulative == track.cumulative + lastQuantity) {
                    average = notional.divide(BigDecimal.valueOf(cumulative), 0, RoundingMode.HALF_EVEN)
                            .longValueExact();
                } else if (lastPrice != FixedPoint.NULL && cumulative == lastQuantity) {
                    average = lastPrice;
                } else {
                    throw new BadReportException("clientOrderId " + clientOrderId
                            + ": averagePrice is required with cumulativeQuantity " + FixedPoint.format(cumulative, qs));
                }
            }
            OrderStatus status = status(message, execType, cumulative, requestReject);
            long quantity = track.quantity;
            if (execType == ExecType.REPLACED && request != null && request.quantity() > 0) {
                quantity = request.quantity();
            }
            long leaves = decimal(message, "leavesQuantity", qs,
                    status.isFinished() || requestReject ? 0 : Math.max(0, quantity - cumulative));
            RejectReason rejectReason = RejectReason.NONE;
            String text = text(message, "text");
            if (execType == ExecType.REJECTED || status == OrderStatus.REJECTED
                    && execType == ExecType.ORDER_STATUS) {
                String given = text(message, "rejectReason");
                rejectReason = execType == ExecType.REJECTED ? RejectReason.VENUE_REJECT : RejectReason.UNKNOWN_ORDER;
                if (given != null) {
                    try {
                        rejectReason = RejectReason.valueOf(given.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        text = text == null ? given : given + ": " + text;
                    }
                }
            }
            CancelReason cancelReason = CancelReason.NONE;
            if (execType == ExecType.CANCELED) {
                cancelReason = enumValue(CancelReason.class, message, "cancelReason",
                        request != null && request.cancel() ? CancelReason.USER : CancelReason.VENUE);
            } else if (execType == ExecType.EXPIRED) {
                cancelReason = CancelReason.EXPIRED;
            }
            Liquidity liquidity = fill ? enumValue(Liquidity.class, message, "liquidity", Liquidity.NONE)
                    : Liquidity.NONE;
            long execId = id(message, "execId", false);
            ExecutionReport report;
            try {
                report = new ExecutionReport(execId > 0 ? execId : execIds.incrementAndGet(), clientOrderId,
                        origClientOrderId, id(message, "orderId", false), track.account, track.strategy,
                        track.instrument, gateway.venueId(), track.side, execType, status, rejectReason, cancelReason,
                        liquidity, text, lastPrice, lastQuantity, leaves, cumulative, average,
                        time(message), now());
            } catch (IllegalArgumentException e) {
                throw new BadReportException(e.getMessage());
            }
            // the report is consistent: remember what it says
            track.cumulative = cumulative;
            track.notional = cumulative == 0 ? BigDecimal.ZERO
                    : fill ? notional : BigDecimal.valueOf(average).multiply(BigDecimal.valueOf(cumulative));
            track.quantity = quantity;
            gateway.orders.putIfAbsent(clientOrderId, track);
            if (execType == ExecType.REPLACED || requestReject || execType == ExecType.CANCELED) {
                gateway.requests.remove(clientOrderId);
            }
            if (status.isFinished() && !requestReject) {
                CamelVenueGateway.OrderTrack finished = track;
                gateway.orders.values().removeIf(t -> t == finished);
                gateway.requests.entrySet().removeIf(e -> !gateway.orders.containsKey(e.getValue()
                        .origClientOrderId()));
            }
            return report;
        }
    }

    private CamelVenueGateway.OrderTrack fromMessage(Map<?, ?> message, long clientOrderId) {
        String account = text(message, "account");
        String instrument = text(message, "instrument");
        String side = text(message, "side");
        if (account == null || instrument == null || side == null) {
            throw new BadReportException("clientOrderId " + clientOrderId + " is not an order this gateway sent;"
                    + " give account, instrument and side");
        }
        try {
            return new CamelVenueGateway.OrderTrack(AccountId.of(account), null, InstrumentId.of(instrument),
                    Side.valueOf(side.toUpperCase(Locale.ROOT)), 0);
        } catch (IllegalArgumentException e) {
            throw new BadReportException("clientOrderId " + clientOrderId + ": " + e.getMessage());
        }
    }

    private static ExecType execType(String text) {
        if (text == null) {
            throw new BadReportException("execType is missing");
        }
        String name = text.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ACK" -> ExecType.NEW;
            case "PARTIAL", "PARTIALLY_FILLED" -> ExecType.PARTIAL_FILL;
            case "FILLED" -> ExecType.FILL;
            case "CANCELLED" -> ExecType.CANCELED;
            case "STATUS" -> ExecType.ORDER_STATUS;
            default -> {
                try {
                    yield ExecType.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new BadReportException("execType '" + text + "' is not NEW, PARTIAL_FILL, FILL, CANCELED,"
                            + " REPLACED, REJECTED, EXPIRED or ORDER_STATUS");
                }
            }
        };
    }

    private static OrderStatus status(Map<?, ?> message, ExecType execType, long cumulative, boolean requestReject) {
        String text = text(message, "status");
        if (text != null) {
            String name = text.toUpperCase(Locale.ROOT);
            try {
                return OrderStatus.valueOf("CANCELLED".equals(name) ? "CANCELED" : name);
            } catch (IllegalArgumentException e) {
                throw new BadReportException("status '" + text + "' is not an order status (NEW, PARTIALLY_FILLED,"
                        + " FILLED, CANCELED, REJECTED, EXPIRED, ...)");
            }
        }
        OrderStatus working = cumulative > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        return switch (execType) {
            case FILL -> OrderStatus.FILLED;
            case CANCELED -> OrderStatus.CANCELED;
            case EXPIRED -> OrderStatus.EXPIRED;
            case REJECTED -> requestReject ? working : OrderStatus.REJECTED;
            case ORDER_STATUS -> throw new BadReportException("status is required for an ORDER_STATUS report");
            default -> working;
        };
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Map<?, ?> message, String field, E fallback) {
        String text = text(message, field);
        if (text == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadReportException(field + " '" + text + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static String text(Map<?, ?> message, String field) {
        Object value = message.get(field);
        if (value == null) {
            return null;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    private static long id(Map<?, ?> message, String field, boolean required) {
        String text = text(message, field);
        if (text == null) {
            if (required) {
                throw new BadReportException(field + " is missing");
            }
            return 0;
        }
        try {
            long id = Long.parseLong(text);
            if (id <= 0 && required) {
                throw new BadReportException(field + " " + id + " must be greater than zero");
            }
            return Math.max(0, id);
        } catch (NumberFormatException e) {
            if (required) {
                throw new BadReportException(field + " '" + text + "' is not a whole number");
            }
            return 0; // a venue's own non-numeric execution or order id
        }
    }

    private static long decimal(Map<?, ?> message, String field, int scale, long fallback) {
        Object value = message.get(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return fallback;
        }
        try {
            if (value instanceof BigDecimal d) {
                return FixedPoint.fromBigDecimal(d, scale);
            }
            if (value instanceof Double || value instanceof Float) {
                return FixedPoint.parse(value.toString(), scale);
            }
            return FixedPoint.parse(String.valueOf(value), scale);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadReportException(field + " '" + value + "': " + e.getMessage());
        }
    }

    private static long time(Map<?, ?> message) {
        String text = text(message, "transactTime");
        if (text == null) {
            return now();
        }
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Math.multiplyExact(Long.parseLong(text), 1_000_000L);
            }
            Instant instant = Instant.parse(text);
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new BadReportException("transactTime '" + text + "' is neither epoch milliseconds nor ISO-8601");
        }
    }

    private static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
