package io.nautilus.web.stream;

import io.nautilus.api.alert.Alert;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.backtest.api.BacktestInfo;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.Notification;
import io.nautilus.web.json.Wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of the topics that only the streams have: camelCase keys, decimals as strings at the instrument's
 * scales, times as ISO-8601 UTC with nanoseconds ({@link Wire}), absent values null. Executions, positions and
 * P&amp;L are the REST API's records in {@link io.nautilus.web.json}.
 */
final class StreamData {

    private StreamData() {
    }

    /** {@code quotes:<instrument>}: the top of the book. */
    record QuoteJson(String instrument, String bidPrice, String bidSize, String askPrice, String askSize,
                     String time) {
        static QuoteJson of(Quote q, Instrument i) {
            int ps = Wire.priceScale(i);
            int qs = Wire.quantityScale(i);
            return new QuoteJson(q.instrument().value(), q.hasBid() ? Wire.decimal(q.bidPrice(), ps) : null,
                    q.hasBid() ? Wire.decimal(q.bidSize(), qs) : null,
                    q.hasAsk() ? Wire.decimal(q.askPrice(), ps) : null,
                    q.hasAsk() ? Wire.decimal(q.askSize(), qs) : null, Wire.time(q.timestampNanos()));
        }
    }

    /** {@code bars:<instrument>}: one finished bar. */
    record BarJson(String instrument, String spec, String start, String end, String open, String high, String low,
                   String close, String volume, long trades) {
        static BarJson of(BarSpec spec, Bar b, Instrument i) {
            int ps = Wire.priceScale(i);
            int qs = Wire.quantityScale(i);
            return new BarJson(b.instrument().value(), spec == null ? null : spec.label(),
                    Wire.time(b.startNanos()), Wire.time(b.endNanos()), Wire.decimal(b.open(), ps),
                    Wire.decimal(b.high(), ps), Wire.decimal(b.low(), ps), Wire.decimal(b.close(), ps),
                    Wire.decimal(b.volume(), qs), b.tradeCount());
        }
    }

    /** One alert of an {@code alerts} notification. */
    record AlertJson(long id, String key, String severity, String source, String text, String state,
                     Map<String, String> labels, long count, String firstTime, String time, String acknowledgedBy,
                     String resolvedBy, String comment) {
        static AlertJson of(AlertView v) {
            Alert a = v.alert();
            return new AlertJson(v.id(), a.key(), a.severity().name(), a.source(), a.text(), v.state().name(),
                    a.labels(), v.count(), Wire.time(v.firstNanos()), Wire.time(a.timestampNanos()), v.acknowledgedBy(),
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
                    Wire.time(n.timestampNanos()));
        }
    }

    /** {@code backtests}: a run's state and progress. */
    record BacktestJson(String id, String state, double progress, long events, long fills, double eventsPerSecond,
                        String submitted, String started, String finished, String error) {
        static BacktestJson of(BacktestInfo b) {
            return new BacktestJson(b.id(), b.state().name(), b.progress(), b.events(), b.fills(),
                    Double.isFinite(b.eventsPerSecond()) ? b.eventsPerSecond() : 0, Wire.time(b.submitted()),
                    Wire.time(b.started()), Wire.time(b.finished()), b.error());
        }
    }
}
