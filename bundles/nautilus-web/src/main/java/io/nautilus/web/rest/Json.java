package io.nautilus.web.rest;

import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.web.json.ExecutionJson;
import io.nautilus.web.json.Wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the core's resources that only the REST API has: camelCase keys, decimals as strings at the
 * instrument's scales (positions, P&amp;L and execution reports are in {@link io.nautilus.web.json}, shared with the
 * streams).
 */
final class Json {

    private Json() {
    }

    /** {@code GET /status}. */
    record StatusJson(Instant time, String user, String role, boolean coreRunning, int instruments, int accounts,
                      int workingOrders, List<EngineJson> engines) {
    }

    /** A platform bundle in the status. */
    record EngineJson(String bundle, String version, String state) {
    }

    /** An instrument. */
    record InstrumentJson(String id, String symbol, String venue, String tickSize, String lotSize,
                          String minQuantity, int priceScale, int quantityScale, String currency) {
        static InstrumentJson of(Instrument i) {
            return new InstrumentJson(i.id().value(), i.symbol(), i.venue().value(), i.formatPrice(i.tickSize()),
                    i.formatQuantity(i.lotSize()), i.formatQuantity(i.minQuantity()), i.priceScale(),
                    i.quantityScale(), i.currency());
        }
    }

    /** An account. */
    record AccountJson(String id, String selfTradePrevention, String state) {
    }

    /** One book level. */
    record LevelJson(String price, String quantity, int orders) {
    }

    /** An instrument's book. */
    record BookJson(String instrument, List<LevelJson> bids, List<LevelJson> asks, String lastTradePrice,
                    String lastTradeQuantity) {
        static BookJson of(BookView book, Instrument i) {
            return new BookJson(book.instrument().value(), levels(book.bids(), i), levels(book.asks(), i),
                    book.lastTradePrice() == 0 ? null : i.formatPrice(book.lastTradePrice()),
                    book.lastTradeQuantity() == 0 ? null : i.formatQuantity(book.lastTradeQuantity()));
        }

        private static List<LevelJson> levels(List<BookView.Level> levels, Instrument i) {
            List<LevelJson> list = new ArrayList<>(levels.size());
            for (BookView.Level level : levels) {
                list.add(new LevelJson(i.formatPrice(level.price()), i.formatQuantity(level.quantity()),
                        level.orders()));
            }
            return list;
        }
    }

    /** An order from the core's order memory. */
    record OrderJson(long orderId, long clientOrderId, String account, String instrument, String side, String type,
                     String timeInForce, String price, String stopPrice, String quantity, String state,
                     String filledQuantity, String averagePrice, String reason, List<ExecutionJson> reports) {
        static OrderJson of(OrderHistory o, Instrument i, boolean withReports) {
            int ps = Wire.priceScale(i);
            int qs = Wire.quantityScale(i);
            List<ExecutionJson> reports = null;
            if (withReports) {
                reports = new ArrayList<>(o.reports().size());
                for (ExecutionReport r : o.reports()) {
                    reports.add(ExecutionJson.of(null, r, i));
                }
            }
            return new OrderJson(o.orderId(), o.clientOrderId(), o.account().value(), o.instrument().value(),
                    o.side().name(), o.type() == null ? null : o.type().name(),
                    o.timeInForce() == null ? null : o.timeInForce().name(),
                    o.type() != null && o.type().hasLimitPrice() ? Wire.decimal(o.price(), ps) : null,
                    o.type() != null && o.type().hasStopPrice() ? Wire.decimal(o.stopPrice(), ps) : null,
                    Wire.nonZero(o.quantity(), qs), o.state().name(),
                    Wire.decimal(o.cumulativeQuantity(), qs), Wire.decimal(o.averagePrice(), ps), o.reason(), reports);
        }
    }
}
