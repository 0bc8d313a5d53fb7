package io.nautilus.web.rest;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.BookView;
import io.nautilus.core.api.OrderHistory;
import io.nautilus.core.api.PositionView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the core's resources: camelCase keys, decimals as strings at the instrument's scales, times as
 * ISO-8601 UTC instants.
 */
final class Json {

    private Json() {
    }

    static String decimal(long value, int scale) {
        return value == FixedPoint.NULL ? null : FixedPoint.format(value, scale);
    }

    /** {@code GET /status}. */
    record StatusJson(Instant time, String user, String role, boolean coreRunning, int instruments, int accounts,
                      int workingOrders) {
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

    /** A position. */
    record PositionJson(String account, String instrument, String quantity, String averagePrice, String markPrice,
                        String realisedPnl, String unrealisedPnl, String fees, String netPnl, String boughtQuantity,
                        String soldQuantity) {
        static PositionJson of(PositionView p, Instrument i) {
            int ps = i == null ? 0 : i.priceScale();
            int qs = i == null ? 0 : i.quantityScale();
            return new PositionJson(p.account().value(), p.instrument().value(), FixedPoint.format(p.quantity(), qs),
                    FixedPoint.format(p.averagePrice(), ps), FixedPoint.format(p.markPrice(), ps),
                    FixedPoint.format(p.realisedPnl(), ps), FixedPoint.format(p.unrealisedPnl(), ps),
                    FixedPoint.format(p.fees(), ps), FixedPoint.format(p.netPnl(), ps),
                    FixedPoint.format(p.boughtQuantity(), qs), FixedPoint.format(p.soldQuantity(), qs));
        }
    }

    /** P&amp;L totals of an account. */
    record PnlJson(String account, String realisedPnl, String unrealisedPnl, String fees, String netPnl,
                   String grossExposure, int openPositions, int workingOrders) {
        static PnlJson of(AccountPnl p, int scale) {
            return new PnlJson(p.account().value(), FixedPoint.format(p.realisedPnl(), scale),
                    FixedPoint.format(p.unrealisedPnl(), scale), FixedPoint.format(p.fees(), scale),
                    FixedPoint.format(p.netPnl(), scale), FixedPoint.format(p.grossExposure(), scale),
                    p.openPositions(), p.workingOrders());
        }
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
                     String filledQuantity, String averagePrice, String reason, List<ReportJson> reports) {
        static OrderJson of(OrderHistory o, Instrument i, boolean withReports) {
            int ps = i == null ? 0 : i.priceScale();
            int qs = i == null ? 0 : i.quantityScale();
            List<ReportJson> reports = null;
            if (withReports) {
                reports = new ArrayList<>(o.reports().size());
                for (ExecutionReport r : o.reports()) {
                    reports.add(ReportJson.of(r, ps, qs));
                }
            }
            return new OrderJson(o.orderId(), o.clientOrderId(), o.account().value(), o.instrument().value(),
                    o.side().name(), o.type() == null ? null : o.type().name(),
                    o.timeInForce() == null ? null : o.timeInForce().name(),
                    o.type() != null && o.type().hasLimitPrice() ? FixedPoint.format(o.price(), ps) : null,
                    o.type() != null && o.type().hasStopPrice() ? FixedPoint.format(o.stopPrice(), ps) : null,
                    o.quantity() == 0 ? null : FixedPoint.format(o.quantity(), qs), o.state().name(),
                    FixedPoint.format(o.cumulativeQuantity(), qs), decimal(o.averagePrice(), ps), o.reason(), reports);
        }
    }

    /** An execution report of an order. */
    record ReportJson(long execId, String execType, String status, String lastPrice, String lastQuantity,
                      String leavesQuantity, String filledQuantity, String rejectReason, String text, Instant time) {
        static ReportJson of(ExecutionReport r, int ps, int qs) {
            return new ReportJson(r.execId(), r.execType().name(), r.status().name(),
                    r.lastQuantity() == 0 ? null : decimal(r.lastPrice(), ps),
                    r.lastQuantity() == 0 ? null : FixedPoint.format(r.lastQuantity(), qs),
                    FixedPoint.format(r.leavesQuantity(), qs), FixedPoint.format(r.cumulativeQuantity(), qs),
                    r.rejectReason() == null || r.rejectReason().name().equals("NONE") ? null
                            : r.rejectReason().name(), r.text(), epoch(r.transactTimeNanos()));
        }
    }

    static Instant epoch(long nanos) {
        return nanos == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L));
    }
}
