package io.nautilus.marketdata.pipeline;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;
import io.nautilus.marketdata.internal.BarSpecs;
import io.nautilus.marketdata.internal.MarketDataConfig;
import io.nautilus.marketdata.internal.TickHandler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The live market-data engine's per-tick logic on the caller's thread: validation, last quote and trade, bars
 * built from trades, and the listener called with what passes. It runs the same code as the live engine's ring
 * handler ({@code TickHandler}), as one feed with neither feed sequences nor arrival times, so the staleness and
 * sequence checks do not apply; non-positive price or size, crossed quotes and the price band do, each rejecting
 * or flagging as configured. Time bars are cut from trade timestamps and closed by a later trade or by
 * {@link #clock}; intervals without trades emit no bar.
 *
 * <p>Single-threaded and deterministic: no clock, no thread, no hash-order output. One Quote or Trade record per
 * passed-on tick and one Bar per completed bar are allocated; nothing else on the hot path.
 */
public final class TickPipeline {

    /** Receives what passes the pipeline, on the caller's thread, in order. */
    public interface Listener {

        /**
         * A quote passed on.
         *
         * @param q    the quote
         * @param flag the first reason it was flagged for, or null if it passed every check
         */
        void onQuote(Quote q, ValidationReason flag);

        /**
         * A trade passed on; the bars it completes follow it.
         *
         * @param t    the trade
         * @param flag the first reason it was flagged for, or null if it passed every check
         */
        void onTrade(Trade t, ValidationReason flag);

        /**
         * A completed bar: built from trades, or handed in by {@link #bar}.
         *
         * @param spec the spec that cut it
         * @param bar  the bar
         */
        void onBar(BarSpec spec, Bar bar);
    }

    /**
     * The pipeline's settings, named as in {@code etc/io.nautilus.marketdata.cfg}.
     *
     * @param priceBandBps a price further than this from the last passed-on price of the instrument (trade price or
     *                     quote mid), in basis points, is a {@code PRICE_JUMP}; 0 disables the check
     * @param flagReasons  reasons whose ticks are passed on flagged rather than rejected; {@code
     *                     UNKNOWN_INSTRUMENT}, {@code INVALID_VALUE} and {@code NON_POSITIVE_SIZE} always reject
     * @param bars         the bar specs built from trades for every instrument, in order
     */
    public record Settings(long priceBandBps, Set<ValidationReason> flagReasons, List<BarSpec> bars) {

        /** Key of the price band in basis points. */
        public static final String PRICE_BAND_BPS = "price.band.bps";
        /** Key of the flagged reasons: comma-separated names. */
        public static final String FLAG_REASONS = "flag.reasons";
        /** Key of the bar specs: comma-separated, e.g. {@code time:1m,ticks:100}. */
        public static final String BARS = "bars";

        /**
         * Validates and copies the settings.
         *
         * @throws IllegalArgumentException if the band is negative
         * @throws NullPointerException     if a collection is null
         */
        public Settings {
            if (priceBandBps < 0) {
                throw new IllegalArgumentException(PRICE_BAND_BPS + " " + priceBandBps + " must not be negative");
            }
            flagReasons = flagReasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flagReasons));
            bars = List.copyOf(bars);
        }

        /**
         * The settings the distribution ships in {@code etc/io.nautilus.marketdata.cfg}: a 1000 bps price band,
         * {@code PRICE_JUMP} flagged, bars {@code time:1m} and {@code ticks:100}.
         *
         * @return the defaults
         */
        public static Settings defaults() {
            return new Settings(1000, Set.of(ValidationReason.PRICE_JUMP),
                    List.of(BarSpec.time(60_000_000_000L), BarSpec.ticks(100)));
        }

        /**
         * Reads the settings from the properties of {@code etc/io.nautilus.marketdata.cfg}; other keys of that
         * file (ring size, max age, queues, book depth) do not apply and are ignored, and a missing key keeps its
         * {@link #defaults()} value.
         *
         * @param marketdataCfg the properties: values as text, numbers, or arrays/collections of text
         * @return the settings
         * @throws IllegalArgumentException naming the key and the bad value
         */
        public static Settings parse(Map<String, ?> marketdataCfg) {
            Objects.requireNonNull(marketdataCfg, "marketdataCfg");
            Settings defaults = defaults();
            long band = defaults.priceBandBps();
            Object bandValue = marketdataCfg.get(PRICE_BAND_BPS);
            if (bandValue != null) {
                try {
                    band = bandValue instanceof Number number ? number.longValue()
                            : Long.parseLong(bandValue.toString().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PRICE_BAND_BPS + ": '" + bandValue
                            + "' is not a whole number of basis points", e);
                }
                if (band < 0) {
                    throw new IllegalArgumentException(PRICE_BAND_BPS + ": " + band + " must not be negative");
                }
            }
            Set<ValidationReason> reasons = defaults.flagReasons();
            if (marketdataCfg.containsKey(FLAG_REASONS)) {
                EnumSet<ValidationReason> parsed = EnumSet.noneOf(ValidationReason.class);
                for (String name : texts(marketdataCfg.get(FLAG_REASONS))) {
                    try {
                        parsed.add(ValidationReason.valueOf(name));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(FLAG_REASONS + ": '" + name + "' is not one of "
                                + List.of(ValidationReason.values()), e);
                    }
                }
                reasons = parsed;
            }
            List<BarSpec> specs = defaults.bars();
            if (marketdataCfg.containsKey(BARS)) {
                try {
                    specs = BarSpecs.parse(texts(marketdataCfg.get(BARS)).toArray(new String[0]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(BARS + ": " + e.getMessage(), e);
                }
            }
            return new Settings(band, reasons, specs);
        }

        /** Splits a value given as comma-separated text, an array or a collection into stripped, non-blank texts. */
        private static List<String> texts(Object value) {
            List<String> out = new ArrayList<>();
            if (value == null) {
                return out;
            }
            Collection<?> items = value instanceof Collection<?> c ? c
                    : value instanceof Object[] array ? List.of(array) : List.of(value);
            for (Object item : items) {
                for (String text : String.valueOf(item).split(",")) {
                    if (!text.isBlank()) {
                        out.add(text.strip());
                    }
                }
            }
            return out;
        }

        MarketDataConfig toConfig() {
            Map<ValidationReason, ValidationAction> actions = new EnumMap<>(ValidationReason.class);
            for (ValidationReason reason : flagReasons) {
                actions.put(reason, ValidationAction.FLAG);
            }
            return new MarketDataConfig(2, 0, priceBandBps, actions, bars, 2, 0);
        }
    }

    private static final ValidationReason[] REASONS = ValidationReason.values();

    private final TickHandler handler;
    private final Listener listener;
    private final int instrumentCount;
    private final long[] rejectedByReason = new long[REASONS.length];
    private long accepted;
    private long flagged;
    private long rejected;

    /**
     * A pipeline over the given instruments.
     *
     * @param instruments the instruments; an instrument's index in the other methods is its position here
     * @param settings    validation and bars
     * @param listener    receives what passes
     * @throws IllegalArgumentException if an instrument id repeats or a symbol names two instruments
     */
    public TickPipeline(List<Instrument> instruments, Settings settings, Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.instrumentCount = instruments.size();
        this.handler = new TickHandler(instruments, settings.toConfig(), new TickHandler.Output() {
            @Override
            public void quote(int instrument, Quote quote, ValidationReason flag) {
                count(flag);
                TickPipeline.this.listener.onQuote(quote, flag);
            }

            @Override
            public void trade(int instrument, Trade trade, ValidationReason flag) {
                count(flag);
                TickPipeline.this.listener.onTrade(trade, flag);
            }

            @Override
            public void book(int instrument, BookLevel level, ValidationReason flag) {
                throw new IllegalStateException("the pipeline takes no book levels");
            }

            @Override
            public void bar(int instrument, int specIndex, BarSpec spec, Bar bar) {
                TickPipeline.this.listener.onBar(spec, bar);
            }
        });
    }

    private void count(ValidationReason flag) {
        if (flag == null) {
            accepted++;
        } else {
            flagged++;
        }
    }

    /**
     * Validates a quote and, if it passes, hands it to the listener.
     *
     * @param instrument     the instrument's index
     * @param bid            best bid at the price scale, or {@link io.nautilus.api.instrument.FixedPoint#NULL} for
     *                       an empty bid side
     * @param bidSize        at the quantity scale; ignored for an empty side
     * @param ask            best offer at the price scale, or NULL for an empty offer side
     * @param askSize        at the quantity scale; ignored for an empty side
     * @param timestampNanos exchange time, nanoseconds since the epoch
     * @return false if rejected (counted under its reason, nothing else changes)
     */
    public boolean quote(int instrument, long bid, long bidSize, long ask, long askSize, long timestampNanos) {
        return passed(handler.quote(instrument, bid, bidSize, ask, askSize, timestampNanos));
    }

    /**
     * Validates a trade and, if it passes, hands it to the listener, then adds it to the instrument's bars (the bars
     * it completes follow it).
     *
     * @param instrument     the instrument's index
     * @param price          at the price scale
     * @param size           at the quantity scale
     * @param aggressor      the aggressor's side, or null if unknown
     * @param timestampNanos exchange time, nanoseconds since the epoch
     * @return false if rejected (counted under its reason, nothing else changes)
     */
    public boolean trade(int instrument, long price, long size, Side aggressor, long timestampNanos) {
        return passed(handler.trade(instrument, price, size, aggressor, timestampNanos));
    }

    private boolean passed(ValidationReason rejectedFor) {
        if (rejectedFor == null) {
            return true;
        }
        rejected++;
        rejectedByReason[rejectedFor.ordinal()]++;
        return false;
    }

    /**
     * Hands a bar of historical data to the listener as it is: no validation, no aggregation.
     *
     * @param instrument the instrument's index
     * @param spec       the spec the bar was cut by
     * @param bar        the bar
     * @throws IndexOutOfBoundsException if the index names no instrument
     */
    public void bar(int instrument, BarSpec spec, Bar bar) {
        Objects.checkIndex(instrument, instrumentCount);
        listener.onBar(spec, bar);
    }

    /**
     * Advances event time: completes every open time bar whose interval ended at or before {@code nowNanos}.
     *
     * @param nowNanos event time, nanoseconds since the epoch
     */
    public void clock(long nowNanos) {
        handler.clock(nowNanos);
    }

    /**
     * The last quote passed on for an instrument.
     *
     * @param instrument the instrument's index
     * @return the quote, or null if none yet
     */
    public Quote lastQuote(int instrument) {
        return handler.lastQuote(instrument);
    }

    /**
     * The last trade passed on for an instrument.
     *
     * @param instrument the instrument's index
     * @return the trade, or null if none yet
     */
    public Trade lastTrade(int instrument) {
        return handler.lastTrade(instrument);
    }

    /**
     * Ticks passed on unflagged.
     *
     * @return the count since construction
     */
    public long accepted() {
        return accepted;
    }

    /**
     * Ticks passed on flagged.
     *
     * @return the count since construction
     */
    public long flagged() {
        return flagged;
    }

    /**
     * Ticks rejected.
     *
     * @return the count since construction
     */
    public long rejected() {
        return rejected;
    }

    /**
     * Rejected ticks per reason.
     *
     * @return reasons with at least one rejection, in the enum's order
     */
    public Map<ValidationReason, Long> rejectedByReason() {
        Map<ValidationReason, Long> out = new EnumMap<>(ValidationReason.class);
        for (ValidationReason reason : REASONS) {
            if (rejectedByReason[reason.ordinal()] > 0) {
                out.put(reason, rejectedByReason[reason.ordinal()]);
            }
        }
        return out;
    }

    /**
     * Parses a bar spec as written in {@code etc/io.nautilus.marketdata.cfg}'s {@code bars}: {@code
     * time:<n>ms|s|m|h}, {@code ticks:<n>} or {@code volume:<n>} (n in units of the quantity scale).
     *
     * @param text e.g. {@code time:1m}
     * @return the spec
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static BarSpec parseBarSpec(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("bar spec is empty; expected time:<n>ms|s|m|h, ticks:<n> or "
                    + "volume:<n> with n > 0");
        }
        return BarSpecs.parse(text.strip());
    }
}
