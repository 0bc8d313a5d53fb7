package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationReason;

import java.util.List;
import java.util.Objects;

/**
 * What happens to one normalised tick, shared by the live engine's ring handler ({@link MarketDataEngine}) and the
 * backtest's {@link io.nautilus.marketdata.pipeline.TickPipeline}: validation ({@link TickValidator} against a
 * feed's state), the last quote and trade ({@link LastValueCache}), the passed-on record handed to the
 * {@link Output}, then bars ({@link BarAggregator}, built from trades). Single-threaded: every method is called by
 * one thread, the live engine's or the backtest's. One Quote/Trade/BookLevel record per passed-on tick and one Bar
 * per completed bar are allocated; nothing else.
 *
 * <p>Public for the pipeline package of this bundle only; the package is not exported.
 */
public final class TickHandler {

    /** Receives what the handler passes on, on the handler's thread. */
    public interface Output {

        /**
         * A quote passed on.
         *
         * @param instrument the instrument's index
         * @param quote      the quote
         * @param flag       the first reason it was flagged for, or null
         */
        void quote(int instrument, Quote quote, ValidationReason flag);

        /**
         * A trade passed on; bars it completes follow.
         *
         * @param instrument the instrument's index
         * @param trade      the trade
         * @param flag       the first reason it was flagged for, or null
         */
        void trade(int instrument, Trade trade, ValidationReason flag);

        /**
         * A book level passed on.
         *
         * @param instrument the instrument's index
         * @param level      the level
         * @param flag       the first reason it was flagged for, or null
         */
        void book(int instrument, BookLevel level, ValidationReason flag);

        /**
         * A completed bar.
         *
         * @param instrument the instrument's index
         * @param specIndex  the spec's index in the configured bars
         * @param spec       the spec that cut it
         * @param bar        the bar
         */
        void bar(int instrument, int specIndex, BarSpec spec, Bar bar);
    }

    private final InstrumentTable instruments;
    private final LastValueCache lastValues;
    private final TickValidator validator;
    /** [instrument][spec]. */
    private final BarAggregator[][] aggregators;
    private final Output output;
    /** The slot the single-feed entry points fill and validate, reused for every tick. */
    private final MarketDataEvent scratch = new MarketDataEvent();
    private final FeedCounters single;

    /**
     * A handler over the given instruments (index = list position).
     *
     * @param instruments the instruments; ids must be unique
     * @param config      validation settings and bar specs (ring and subscriber settings are not used)
     * @param output      receives what is passed on
     * @throws IllegalArgumentException if an instrument id repeats or a symbol names two instruments
     */
    public TickHandler(List<Instrument> instruments, MarketDataConfig config, Output output) {
        this(new InstrumentTable(instruments), config, output);
    }

    TickHandler(InstrumentTable instruments, MarketDataConfig config, Output output) {
        this.instruments = instruments;
        this.output = Objects.requireNonNull(output, "output");
        this.lastValues = new LastValueCache(instruments);
        this.validator = new TickValidator(Objects.requireNonNull(config, "config"));
        this.single = new FeedCounters("pipeline", instruments.size());
        List<BarSpec> specs = config.bars();
        this.aggregators = new BarAggregator[instruments.size()][specs.size()];
        for (int i = 0; i < instruments.size(); i++) {
            int index = i;
            for (int s = 0; s < specs.size(); s++) {
                int specIndex = s;
                aggregators[i][s] = new BarAggregator(instruments.get(i).id(), specs.get(s),
                        (spec, bar) -> output.bar(index, specIndex, spec, bar));
            }
        }
    }

    /**
     * Validates a quote of the handler's own single feed (no sequence, no arrival time) and passes it on.
     *
     * @param instrument     the instrument's index
     * @param bid            fixed point, or {@link FixedPoint#NULL} for no bid
     * @param bidSize        fixed point; ignored without a bid
     * @param ask            fixed point, or NULL for no ask
     * @param askSize        fixed point; ignored without an ask
     * @param timestampNanos exchange time
     * @return null if passed on (possibly flagged), else the reason it was rejected
     */
    public ValidationReason quote(int instrument, long bid, long bidSize, long ask, long askSize,
                                  long timestampNanos) {
        MarketDataEvent event = fill(MarketDataEvent.QUOTE, instrument, timestampNanos);
        event.price1 = bid;
        event.size1 = bid == FixedPoint.NULL ? 0 : bidSize;
        event.price2 = ask;
        event.size2 = ask == FixedPoint.NULL ? 0 : askSize;
        return handleSingle(event);
    }

    /**
     * Validates a trade of the handler's own single feed (no sequence, no arrival time) and passes it on.
     *
     * @param instrument     the instrument's index
     * @param price          fixed point
     * @param size           fixed point
     * @param aggressor      the aggressor side, or null if unknown
     * @param timestampNanos exchange time
     * @return null if passed on (possibly flagged), else the reason it was rejected
     */
    public ValidationReason trade(int instrument, long price, long size, Side aggressor, long timestampNanos) {
        MarketDataEvent event = fill(MarketDataEvent.TRADE, instrument, timestampNanos);
        event.price1 = price;
        event.size1 = size;
        event.side = aggressor;
        return handleSingle(event);
    }

    private MarketDataEvent fill(byte kind, int instrument, long timestampNanos) {
        MarketDataEvent event = scratch;
        event.clear();
        event.kind = kind;
        event.instrument = instrument;
        event.timestampNanos = timestampNanos;
        event.receivedNanos = timestampNanos;
        return event;
    }

    private ValidationReason handleSingle(MarketDataEvent event) {
        if (event.instrument < 0 || event.instrument >= instruments.size()) {
            single.rejected(ValidationReason.UNKNOWN_INSTRUMENT);
            return ValidationReason.UNKNOWN_INSTRUMENT;
        }
        if (event.timestampNanos < 0) {
            single.rejected(ValidationReason.INVALID_VALUE);
            return ValidationReason.INVALID_VALUE;
        }
        return handle(event, single) ? null : event.rejectReason;
    }

    /**
     * Validates a normalised tick against its feed's state and, if it passes, publishes it as the last value,
     * hands it to the output and (trades) to the instrument's bar aggregators.
     *
     * @param event    a QUOTE, TRADE or BOOK event with a known instrument and no pre-validation failure
     * @param counters the event's feed
     * @return true if passed on (possibly flagged)
     */
    boolean handle(MarketDataEvent event, FeedCounters counters) {
        if (!validator.validate(event, counters)) {
            return false;
        }
        int index = event.instrument;
        InstrumentId id = instruments.get(index).id();
        switch (event.kind) {
            case MarketDataEvent.QUOTE -> {
                Quote quote = new Quote(id, event.price1, event.size1, event.price2, event.size2,
                        event.timestampNanos);
                lastValues.publish(index, quote);
                output.quote(index, quote, event.flagReason);
            }
            case MarketDataEvent.TRADE -> {
                Trade trade = new Trade(id, event.price1, event.size1, event.side, event.tradeId,
                        event.timestampNanos);
                lastValues.publish(index, trade);
                output.trade(index, trade, event.flagReason);
                BarAggregator[] perInstrument = aggregators[index];
                for (int s = 0; s < perInstrument.length; s++) {
                    perInstrument[s].onTrade(event.price1, event.size1, event.timestampNanos);
                }
            }
            case MarketDataEvent.BOOK -> {
                BookLevel level = new BookLevel(id, event.side, event.level, event.price1, event.size1,
                        event.size1 == 0 ? 0 : event.orderCount, event.timestampNanos);
                output.book(index, level, event.flagReason);
            }
            default -> throw new IllegalStateException("not a tick: kind " + event.kind);
        }
        return true;
    }

    /**
     * Advances event time: completes every open time bar whose interval ended at or before {@code nowNanos}.
     *
     * @param nowNanos event time
     */
    public void clock(long nowNanos) {
        for (BarAggregator[] perInstrument : aggregators) {
            for (BarAggregator aggregator : perInstrument) {
                aggregator.onClock(nowNanos);
            }
        }
    }

    /**
     * The last passed-on quote of an instrument.
     *
     * @param instrument the instrument's index
     * @return the quote, or null if none yet
     */
    public Quote lastQuote(int instrument) {
        return lastValues.quote(instrument);
    }

    /**
     * The last passed-on trade of an instrument.
     *
     * @param instrument the instrument's index
     * @return the trade, or null if none yet
     */
    public Trade lastTrade(int instrument) {
        return lastValues.trade(instrument);
    }

    InstrumentTable instruments() {
        return instruments;
    }

    LastValueCache lastValues() {
        return lastValues;
    }
}
