package io.nautilus.events.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.CommandResultListener;
import io.nautilus.events.EventEndpointStats;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.MarketDataSubscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The fan-out from the platform's publishers to the running {@code nautilus-events} consumers: the core's results
 * (as its {@link CommandResultListener}) and the market-data engine's bars (as a {@link MarketDataSubscriber}). On
 * the publishers' threads it only offers each event to the hand-off of every consumer of its stream, which never
 * blocks (a full hand-off drops and counts); with no consumer it does nothing.
 *
 * <p>It also knows the instruments' scales, for the consumers' JSON: instruments the core defined while it
 * listened, else what the lookup (the trading core's {@code instrument(id)}) says.
 */
public final class EventHub implements CommandResultListener, MarketDataSubscriber {

    private final List<EventsConsumer> executions = new CopyOnWriteArrayList<>();
    private final List<EventsConsumer> fills = new CopyOnWriteArrayList<>();
    private final List<EventsConsumer> bars = new CopyOnWriteArrayList<>();
    private final List<EventsConsumer> all = new CopyOnWriteArrayList<>();
    private final Map<InstrumentId, Instrument> defined = new ConcurrentHashMap<>();
    private volatile Function<InstrumentId, Optional<Instrument>> lookup = id -> Optional.empty();

    /** Creates a hub with no consumers and no instrument lookup. */
    public EventHub() {
    }

    /**
     * Sets where instrument definitions come from when the core did not announce them to this hub.
     *
     * @param lookup e.g. the trading core's {@code instrument(id)}; null for none
     */
    public void setInstrumentLookup(Function<InstrumentId, Optional<Instrument>> lookup) {
        this.lookup = lookup == null ? id -> Optional.empty() : lookup;
    }

    @Override
    public void onCommandResult(CommandResult result) {
        if (executions.isEmpty() && fills.isEmpty()) {
            return;
        }
        List<ExecutionReport> reports = result.reports();
        for (int i = 0; i < reports.size(); i++) {
            ExecutionReport report = reports.get(i);
            QueuedEvent event = new QueuedEvent(result.seq(), report, null, null);
            offer(executions, event);
            if (report.isFill()) {
                offer(fills, event);
            }
        }
    }

    @Override
    public void onInstrumentDefined(long seq, long timestampNanos, Instrument instrument) {
        defined.put(instrument.id(), instrument);
    }

    @Override
    public void onBar(BarSpec spec, Bar bar) {
        if (!bars.isEmpty()) {
            offer(bars, new QueuedEvent(0, null, spec, bar));
        }
    }

    @Override
    public void onBar(Bar bar) {
        onBar(null, bar);
    }

    private static void offer(List<EventsConsumer> consumers, QueuedEvent event) {
        for (EventsConsumer consumer : consumers) {
            consumer.offer(event);
        }
    }

    /**
     * The definition of an instrument, for its scales.
     *
     * @param id the instrument
     * @return the definition, or null if neither the core's announcements nor the lookup know it
     */
    Instrument instrument(InstrumentId id) {
        Instrument instrument = defined.get(id);
        return instrument != null ? instrument : lookup.apply(id).orElse(null);
    }

    void add(EventsConsumer consumer) {
        switch (consumer.kind()) {
            case EXECUTIONS -> executions.add(consumer);
            case FILLS -> fills.add(consumer);
            case BARS -> bars.add(consumer);
        }
        all.add(consumer);
    }

    void remove(EventsConsumer consumer) {
        executions.remove(consumer);
        fills.remove(consumer);
        bars.remove(consumer);
        all.remove(consumer);
    }

    /**
     * The counts of every running consumer.
     *
     * @return one entry per consumer, in the order they started
     */
    public List<EventEndpointStats> stats() {
        List<EventEndpointStats> stats = new ArrayList<>();
        for (EventsConsumer consumer : all) {
            stats.add(consumer.stats());
        }
        return stats;
    }
}
