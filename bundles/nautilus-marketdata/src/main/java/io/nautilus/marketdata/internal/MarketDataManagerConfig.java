package io.nautilus.marketdata.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Nautilus market data", description = "Validation, bars and fan-out of the "
        + "market-data engine. Saving a change restarts the engine (last values and counters start over).")
@interface MarketDataManagerConfig {

    @AttributeDefinition(name = "Ring size", description = "Slots of the engine's ring, a power of two.")
    int ring_size() default 65536;

    @AttributeDefinition(name = "Max age (ms)", description = "A tick that arrives later than this after its "
            + "exchange time is STALE; 0 = no check.")
    long max_age_ms() default 0;

    @AttributeDefinition(name = "Price band (bps)", description = "A price further than this from the feed's last "
            + "good price of the instrument is a PRICE_JUMP; 0 = no check.")
    long price_band_bps() default 0;

    @AttributeDefinition(name = "Flagged reasons", description = "Reasons whose ticks are passed on flagged rather "
            + "than rejected: CROSSED_QUOTE, NON_POSITIVE_PRICE, STALE, OUT_OF_ORDER, DUPLICATE, PRICE_JUMP. "
            + "UNKNOWN_INSTRUMENT, INVALID_VALUE and NON_POSITIVE_SIZE are always rejected.")
    String[] flag_reasons() default {};

    @AttributeDefinition(name = "Bars", description = "Bar specs built for every instrument: time:<n>ms|s|m|h, "
            + "ticks:<n>, volume:<n> (in units of the quantity scale).")
    String[] bars() default {"time:1m"};

    @AttributeDefinition(name = "Subscriber queue", description = "Updates queued per subscriber before it is "
            + "conflated (latest value per instrument).")
    int queue_capacity() default 4096;

    @AttributeDefinition(name = "Book depth", description = "Book levels per side that conflate per level.")
    int book_depth() default 10;

    @AttributeDefinition(name = "Stale alert (s)", description = "A feed that delivered ticks and passed none on for "
            + "this long raises the alert feed-stale:<feed>; 0 = never.")
    long alert_stale_s() default 60;

    @AttributeDefinition(name = "Reject burst", description = "Ticks of one feed rejected within the reject window "
            + "that raise the alert feed-rejects:<feed>; 0 = never.")
    long alert_rejects() default 100;

    @AttributeDefinition(name = "Reject window (s)", description = "The window of the reject burst, at least 1.")
    long alert_rejects_window_s() default 10;
}
