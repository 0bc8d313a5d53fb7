package io.nautilus.backtest.engine;

import io.nautilus.api.Side;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.VenueReport;
import io.nautilus.core.embedded.EmbeddedCore;
import io.nautilus.data.MarketEvent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A minimal exchange for the engine's unit tests: orders reach the core after a fixed latency, market orders fill
 * whole at the ask (BUY) or bid (SELL) of the next quote, cancels take effect at once.
 */
final class QuoteExchange implements Exchange {

    private record Working(NewOrder order, long orderId) {
    }

    private final EmbeddedCore core;
    private final Scheduler scheduler;
    private final Consumer<CommandResult> results;
    private final long latencyNanos;
    private final List<Working> working = new ArrayList<>();

    QuoteExchange(EmbeddedCore core, Scheduler scheduler, Consumer<CommandResult> results, long latencyNanos) {
        this.core = core;
        this.scheduler = scheduler;
        this.results = results;
        this.latencyNanos = latencyNanos;
    }

    static Exchange.Factory factory(long latencyNanos) {
        return (core, data, scheduler, results) -> new QuoteExchange(core, scheduler, results, latencyNanos);
    }

    @Override
    public void submit(NewOrder order) {
        scheduler.at(scheduler.now() + latencyNanos, () -> {
            CommandResult r = core.submit(order, scheduler.now());
            results.accept(r);
            if (r.accepted()) {
                results.accept(core.venueReport(new VenueReport(r.orderId(), VenueReport.Kind.ACK, 0, 0, false, ""),
                        scheduler.now()));
                working.add(new Working(order, r.orderId()));
            }
        });
    }

    @Override
    public void cancel(long clientOrderId) {
        for (Iterator<Working> it = working.iterator(); it.hasNext(); ) {
            Working w = it.next();
            if (w.order.clientOrderId() == clientOrderId) {
                it.remove();
                results.accept(core.cancel(w.orderId, scheduler.now()));
                results.accept(core.venueReport(new VenueReport(w.orderId, VenueReport.Kind.CANCELED, 0, 0, false,
                        ""), scheduler.now()));
            }
        }
    }

    @Override
    public void replace(long clientOrderId, long price, long quantity) {
        throw new UnsupportedOperationException("replace");
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        if (event.kind != MarketEvent.QUOTE || working.isEmpty()) {
            return;
        }
        List<Working> now = new ArrayList<>(working);
        working.clear();
        for (Working w : now) {
            long price = w.order.side() == Side.BUY ? event.askPrice : event.bidPrice;
            results.accept(core.venueReport(new VenueReport(w.orderId, VenueReport.Kind.FILL, price,
                    w.order.quantity(), false, "fill-" + w.orderId), event.timestamp));
        }
    }

    @Override
    public void finish() {
        for (Working w : working) {
            results.accept(core.venueReport(new VenueReport(w.orderId, VenueReport.Kind.CANCELED, 0, 0, false,
                    "end of data"), scheduler.now()));
        }
        working.clear();
    }
}
