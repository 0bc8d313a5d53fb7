package io.nautilus.web.stream;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.core.api.AccountPnl;
import io.nautilus.core.api.PositionView;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.Notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of each topic's frames: camelCase keys, decimals as strings at the instrument's scales (the
 * REST API's shapes for positions and P&amp;L), times as ISO-8601 UTC instants with nanoseconds, absent values null.
 */
final class StreamData {

    private StreamData() {
    }

    /** {@code executions}: one execution report, with the journal seq of the command that produced it. */
    record ExecutionJson(long coreSeq, long execId, long orderId, long clientOrderId, long origClientOrderId,
                         String account, String strategy, String instrument, String venue, String side,
                         String execType, String status, String rejectReason, String cancelReason, String liquidity,
                         String text, String lastPrice, String lastQuantity, String leavesQuantity,
                         String filledQuantity, String averagePrice, String fee, String transactTime,
                         String publishTime) {
        static ExecutionJson of(long coreSeq, ExecutionReport r, Instrument i) {
            int ps = i == null ? 0 : i.priceScale();
            int qs = i == null ? 0 : i.quantityScale();
            boolean fill = r.lastQuantity() != 0;
            return new ExecutionJson(coreSeq, r.execId(), r.orderId(), r.clientOrderId(), r.origClientOrderId(),
                    r.account().value(), r.strategy() == null ? null : r.strategy().value(), r.instrument().value(),
                    r.venue() == null ? null : r.venue().value(), r.side().name(), r.execType().name(),
                    r.status().name(), r.rejectReason().name().equals("NONE") ? null : r.rejectReason().name(),
                    r.cancelReason().name().equals("NONE") ? null : r.cancelReason().name(),
                    r.liquidity().name().equals("NONE") ? null : r.liquidity().name(), r.text(),
                    fill ? decimal(r.lastPrice(), ps) : null, fill ? FixedPoint.format(r.lastQuantity(), qs) : null,
                    FixedPoint.format(r.leavesQuantity(), qs), FixedPoint.format(r.cumulativeQuantity(), qs),
                    decimal(r.averagePrice(), ps), fill ? FixedPoint.format(r.fee(), ps) : null,
                    instant(r.transactTimeNanos()), instant(r.publishTimeNanos()));
        }
    }

    /** {@code positions}: one account's position in one instrument (as {@code GET /positions}). */
    record PositionJson(String account, String instrument, String quantity, String averagePrice, String markPrice,
                        String realisedPnl, String unrealisedPnl, String fees, String netPnl, String boughtQuantity,
                        String soldQuantity) {
        static PositionJson of(PositionView p, Instrument i) {
            int ps = i == null ? 0 : i.priceScale();
            int qs = i == null ? 0 : i.quantityScale();
            return new PositionJson(p.account().value(), p.instrument().value(), FixedPoint.format(p.quantity(), qs),
                    decimal(p.averagePrice(), ps), decimal(p.markPrice(), ps), FixedPoint.format(p.realisedPnl(), ps),
                    FixedPoint.format(p.unrealisedPnl(), ps), FixedPoint.format(p.fees(), ps),
                    FixedPoint.format(p.netPnl(), ps), FixedPoint.format(p.boughtQuantity(), qs),
                    FixedPoint.format(p.soldQuantity(), qs));
        }
    }

    /** {@code pnl}: one account's P&amp;L totals (as {@code GET /pnl}). */
    record PnlJson(String account, String realisedPnl, String unrealisedPnl, String fees, String netPnl,
                   String grossExposure, int openPositions, int workingOrders) {
        static PnlJson of(AccountPnl p, int scale) {
            return new PnlJson(p.account().value(), FixedPoint.format(p.realisedPnl(), scale),
                    FixedPoint.format(p.unrealisedPnl(), scale), FixedPoint.format(p.fees(), scale),
                    FixedPoint.format(p.netPnl(), scale), FixedPoint.format(p.grossExposure(), scale),
                    p.openPositions(), p.workingOrders());
        }
    }

    /** {@code quotes:<instrument>}: the top of the book. */
    record QuoteJson(String instrument, String bidPrice, String bidSize, String askPrice, String askSize,
                     String time) {
        static QuoteJson of(Quote q, Instrument i) {
            int ps = i == null ? 0 : i.priceScale();
            int qs = i == null ? 0 : i.quantityScale();
            return new QuoteJson(q.instrument().value(), q.hasBid() ? FixedPoint.format(q.bidPrice(), ps) : null,
                    q.hasBid() ? FixedPoint.format(q.bidSize(), qs) : null,
                    q.hasAsk() ? FixedPoint.format(q.askPrice(), ps) : null,
                    q.hasAsk() ? FixedPoint.format(q.askSize(), qs) : null, instant(q.timestampNanos()));
        }
    }

    /** {@code bars:<instrument>}: one finished bar. */
    record BarJson(String instrument, String spec, String start, String end, String open, String high, String low,
                   String close, String volume, long trades) {
        static BarJson of(BarSpec spec, Bar b, Instrument i) {
            int ps = i == null ? 0 : i.priceScale();
            int qs = i == null ? 0 : i.quantityScale();
            return new BarJson(b.instrument().value(), spec == null ? null : spec.type() + ":" + spec.size(),
                    instant(b.startNanos()), instant(b.endNanos()), FixedPoint.format(b.open(), ps),
                    FixedPoint.format(b.high(), ps), FixedPoint.format(b.low(), ps), FixedPoint.format(b.close(), ps),
                    FixedPoint.format(b.volume(), qs), b.tradeCount());
        }
    }

    /** One alert of an {@code alerts} notification. */
    record AlertJson(long id, String key, String severity, String source, String text, String state,
                     Map<String, String> labels, long count, String firstTime, String time, String acknowledgedBy,
                     String resolvedBy, String comment) {
        static AlertJson of(AlertView v) {
            Alert a = v.alert();
            return new AlertJson(v.id(), a.key(), a.severity().name(), a.source(), a.text(), v.state().name(),
                    a.labels(), v.count(), instant(v.firstNanos()), instant(a.timestampNanos()), v.acknowledgedBy(),
                    v.resolvedBy(), v.comment());
        }
    }

    /** {@code alerts}: one notification of the {@code ui} channel and the alerts it is about. */
    record NotificationJson(long id, String kind, String subject, String body, List<AlertJson> alerts, int rolledUp,
                            String time) {
        static NotificationJson of(Notification n) {
            List<AlertJson> alerts = new ArrayList<>(n.alerts().size());
            for (AlertView v : n.alerts()) {
                alerts.add(AlertJson.of(v));
            }
            return new NotificationJson(n.id(), n.kind().name(), n.subject(), n.body(), alerts, n.rolledUp(),
                    instant(n.timestampNanos()));
        }
    }

    /** {@code backtests}: a run's state and progress. */
    record BacktestJson(String id, String state, double progress, long events, long fills, double eventsPerSecond,
                        String submitted, String started, String finished, String error) {
        static BacktestJson of(BacktestInfo b) {
            return new BacktestJson(b.id(), b.state().name(), b.progress(), b.events(), b.fills(),
                    Double.isFinite(b.eventsPerSecond()) ? b.eventsPerSecond() : 0, text(b.submitted()),
                    text(b.started()), text(b.finished()), b.error());
        }
    }

    static String decimal(long value, int scale) {
        return value == FixedPoint.NULL ? null : FixedPoint.format(value, scale);
    }

    static String instant(long nanos) {
        return nanos == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
