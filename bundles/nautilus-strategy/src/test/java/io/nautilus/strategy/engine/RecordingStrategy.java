package io.nautilus.strategy.engine;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;

import java.util.Map;

/**
 * Records every event into a {@link Recorder} (quotes by bid price, trades by price, bars by close, book levels by
 * price, reports by exec id, timers by id) and counts them as its state, which it hands over on a swap.
 */
class RecordingStrategy implements Strategy {

    final Recorder recorder;
    final int version;
    volatile boolean started;
    volatile boolean stopped;
    volatile long importedCount = -1;
    long count;
    InstanceContext context;

    RecordingStrategy(Recorder recorder, int version) {
        this.recorder = recorder;
        this.version = version;
    }

    @Override
    public void start(StrategyContext strategyContext) {
        context = (InstanceContext) strategyContext;
        started = true;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public void onQuote(Quote quote) {
        seen(quote.bidPrice());
    }

    @Override
    public void onTrade(Trade trade) {
        seen(trade.price());
    }

    @Override
    public void onBar(Bar bar) {
        seen(bar.close());
    }

    @Override
    public void onBookLevel(BookLevel level) {
        seen(level.price());
    }

    @Override
    public void onExecutionReport(ExecutionReport report) {
        seen(report.execId());
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        seen(timerId);
    }

    @Override
    public Map<String, String> exportState() {
        return Map.of("count", Long.toString(count), "version", Integer.toString(version));
    }

    @Override
    public void importState(Map<String, String> state) {
        count = Long.parseLong(state.getOrDefault("count", "0"));
        importedCount = count;
    }

    void seen(long payload) {
        count++;
        recorder.record(context.eventSequence(), payload, version);
    }
}
