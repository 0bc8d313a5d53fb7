package io.nautilus.marketdata.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;

/**
 * Checks one normalised tick against its feed's per-instrument state and writes the outcome into the event:
 * {@link MarketDataEvent#rejectReason} for the first failed check whose action is REJECT, else
 * {@link MarketDataEvent#flagReason} for the first failed check whose action is FLAG. A rejected event is
 * counted once, under its reject reason; an event passed on is counted under each reason it was flagged for,
 * or as accepted. Engine thread only; allocation-free.
 *
 * <p>Checks, in order: non-positive price, non-positive size, crossed quote, stale, duplicate or out-of-order
 * sequence, price jump. Book levels skip the crossed and price-jump checks. State (last sequence, last good
 * price) advances only for events passed on.
 */
final class TickValidator {

    private static final ValidationReason[] REASONS = ValidationReason.values();

    private final MarketDataConfig config;
    private final ValidationAction[] actions;
    private int flagMask;

    TickValidator(MarketDataConfig config) {
        this.config = config;
        ValidationReason[] reasons = ValidationReason.values();
        this.actions = new ValidationAction[reasons.length];
        for (ValidationReason reason : reasons) {
            actions[reason.ordinal()] = config.actionFor(reason);
        }
    }

    /**
     * Validates the event and, if it passes on, advances the feed's state.
     *
     * @param event    a QUOTE, TRADE or BOOK event with a known instrument
     * @param counters the event's feed
     * @return true if the event passes on (possibly flagged)
     */
    boolean validate(MarketDataEvent event, FeedCounters counters) {
        event.rejectReason = null;
        event.flagReason = null;
        int instrument = event.instrument;
        long reference = FixedPoint.NULL;
        switch (event.kind) {
            case MarketDataEvent.QUOTE -> {
                boolean hasBid = event.price1 != FixedPoint.NULL;
                boolean hasAsk = event.price2 != FixedPoint.NULL;
                if ((hasBid && event.price1 <= 0) || (hasAsk && event.price2 <= 0)) {
                    fail(event, ValidationReason.NON_POSITIVE_PRICE);
                }
                if ((hasBid && event.size1 <= 0) || (hasAsk && event.size2 <= 0)) {
                    fail(event, ValidationReason.NON_POSITIVE_SIZE);
                }
                if (hasBid && hasAsk && event.price1 >= event.price2) {
                    fail(event, ValidationReason.CROSSED_QUOTE);
                }
                if (hasBid && hasAsk) {
                    reference = (event.price1 >> 1) + (event.price2 >> 1) + (event.price1 & event.price2 & 1);
                } else if (hasBid || hasAsk) {
                    reference = hasBid ? event.price1 : event.price2;
                }
            }
            case MarketDataEvent.TRADE -> {
                if (event.price1 <= 0) {
                    fail(event, ValidationReason.NON_POSITIVE_PRICE);
                }
                if (event.size1 <= 0) {
                    fail(event, ValidationReason.NON_POSITIVE_SIZE);
                }
                reference = event.price1;
            }
            case MarketDataEvent.BOOK -> {
                if (event.price1 <= 0) {
                    fail(event, ValidationReason.NON_POSITIVE_PRICE);
                }
                if (event.size1 < 0) {
                    fail(event, ValidationReason.NON_POSITIVE_SIZE);
                }
            }
            default -> throw new IllegalStateException("not a tick: kind " + event.kind);
        }
        if (config.maxAgeNanos() > 0 && event.receivedNanos - event.timestampNanos > config.maxAgeNanos()) {
            fail(event, ValidationReason.STALE);
        }
        long last = counters.lastSequence[instrument];
        if (event.sequence != 0 && last != 0) {
            if (event.sequence == last) {
                fail(event, ValidationReason.DUPLICATE);
            } else if (event.sequence < last) {
                fail(event, ValidationReason.OUT_OF_ORDER);
            }
        }
        long lastGood = counters.lastGoodPrice[instrument];
        if (config.priceBandBps() > 0 && event.kind != MarketDataEvent.BOOK && reference != FixedPoint.NULL
                && lastGood != FixedPoint.NULL && lastGood > 0) {
            long move = Math.abs(reference - lastGood);
            if (exceedsBand(move, lastGood, config.priceBandBps())) {
                fail(event, ValidationReason.PRICE_JUMP);
            }
        }
        if (event.rejectReason != null) {
            counters.rejected(event.rejectReason);
            flagMask = 0;
            return false;
        }
        if (flagMask != 0) {
            for (ValidationReason reason : REASONS) {
                if ((flagMask & (1 << reason.ordinal())) != 0) {
                    counters.flagged(reason);
                }
            }
            flagMask = 0;
        }
        if (event.sequence > last) {
            counters.lastSequence[instrument] = event.sequence;
        }
        if (reference != FixedPoint.NULL && event.kind != MarketDataEvent.BOOK) {
            counters.lastGoodPrice[instrument] = reference;
        }
        if (event.flagReason == null) {
            counters.accepted();
        }
        return true;
    }

    /** Whether {@code move / reference > bandBps / 10_000}, compared exactly in 128 bits; all non-negative. */
    static boolean exceedsBand(long move, long reference, long bandBps) {
        long highMove = Math.multiplyHigh(move, 10_000L);
        long lowMove = move * 10_000L;
        long highLimit = Math.multiplyHigh(reference, bandBps);
        long lowLimit = reference * bandBps;
        return highMove != highLimit ? highMove > highLimit : Long.compareUnsigned(lowMove, lowLimit) > 0;
    }

    private void fail(MarketDataEvent event, ValidationReason reason) {
        if (actions[reason.ordinal()] == ValidationAction.REJECT) {
            if (event.rejectReason == null) {
                event.rejectReason = reason;
            }
        } else {
            flagMask |= 1 << reason.ordinal();
            if (event.flagReason == null) {
                event.flagReason = reason;
            }
        }
    }
}
