package io.nautilus.events.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.RejectReason;
import io.nautilus.marketdata.api.BarSpec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON text of the events (documented in docs/integrator-guide.md, "Events out to Kafka"): prices and quantities
 * as decimal strings at the instrument's scales (exact, never floating point), times as UTC ISO-8601 with the
 * platform's nanosecond precision, absent values left out. One encoder per consumer thread.
 */
final class EventJson {

    private final JsonFactory factory = new JsonFactory();

    /**
     * An execution report as JSON.
     *
     * @param kind       the stream ({@link EventKind#EXECUTIONS} or {@link EventKind#FILLS}) naming the event type
     * @param coreSeq    the seq of the command that produced it
     * @param report     the report
     * @param instrument the report's instrument definition (its scales)
     * @return the JSON object text
     */
    String execution(EventKind kind, long coreSeq, ExecutionReport report, Instrument instrument) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("event", kind.eventType());
            json.writeNumberField("coreSeq", coreSeq);
            json.writeNumberField("execId", report.execId());
            json.writeNumberField("orderId", report.orderId());
            json.writeNumberField("clientOrderId", report.clientOrderId());
            if (report.origClientOrderId() != 0) {
                json.writeNumberField("origClientOrderId", report.origClientOrderId());
            }
            json.writeStringField("account", report.account().value());
            if (report.strategy() != null) {
                json.writeStringField("strategy", report.strategy().value());
            }
            json.writeStringField("instrument", report.instrument().value());
            if (report.venue() != null) {
                json.writeStringField("venue", report.venue().value());
            }
            json.writeStringField("side", report.side().name());
            json.writeStringField("execType", report.execType().name());
            json.writeStringField("status", report.status().name());
            if (report.isFill()) {
                json.writeStringField("price", instrument.formatPrice(report.lastPrice()));
                json.writeStringField("quantity", instrument.formatQuantity(report.lastQuantity()));
                json.writeStringField("liquidity", report.liquidity().name());
                json.writeStringField("fee", instrument.formatPrice(report.fee()));
            }
            json.writeStringField("leavesQuantity", instrument.formatQuantity(report.leavesQuantity()));
            json.writeStringField("cumulativeQuantity", instrument.formatQuantity(report.cumulativeQuantity()));
            if (report.averagePrice() != FixedPoint.NULL) {
                json.writeStringField("averagePrice", instrument.formatPrice(report.averagePrice()));
            }
            if (report.rejectReason() != RejectReason.NONE) {
                json.writeStringField("rejectReason", report.rejectReason().name());
            }
            if (report.cancelReason() != CancelReason.NONE) {
                json.writeStringField("cancelReason", report.cancelReason().name());
            }
            if (report.text() != null) {
                json.writeStringField("text", report.text());
            }
            json.writeStringField("transactTime", time(report.transactTimeNanos()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A completed bar as JSON.
     *
     * @param spec       how it was cut, or null if the engine did not say
     * @param bar        the bar
     * @param instrument the bar's instrument definition (its scales)
     * @return the JSON object text
     */
    String bar(BarSpec spec, Bar bar, Instrument instrument) {
        StringWriter out = new StringWriter(320);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("event", EventKind.BARS.eventType());
            json.writeStringField("instrument", bar.instrument().value());
            if (spec != null) {
                json.writeStringField("barType", spec.type().name());
                json.writeStringField("barSize", spec.type() == BarSpec.Type.VOLUME
                        ? instrument.formatQuantity(spec.size()) : Long.toString(spec.size()));
            }
            json.writeStringField("start", time(bar.startNanos()));
            json.writeStringField("end", time(bar.endNanos()));
            json.writeStringField("open", instrument.formatPrice(bar.open()));
            json.writeStringField("high", instrument.formatPrice(bar.high()));
            json.writeStringField("low", instrument.formatPrice(bar.low()));
            json.writeStringField("close", instrument.formatPrice(bar.close()));
            json.writeStringField("volume", instrument.formatQuantity(bar.volume()));
            json.writeNumberField("trades", bar.tradeCount());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * @param nanos nanoseconds since the epoch
     * @return UTC ISO-8601, e.g. {@code 2026-12-06T00:22:50.123456789Z} (trailing zero groups of the fraction left
     *         out, as {@link Instant#toString()} does)
     */
    static String time(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }
}
