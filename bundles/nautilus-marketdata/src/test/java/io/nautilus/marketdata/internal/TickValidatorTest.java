package io.nautilus.marketdata.internal;

import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.marketdata.api.FeedStats;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;
import org.junit.jupiter.api.Test;

import static io.nautilus.marketdata.api.ValidationReason.CROSSED_QUOTE;
import static io.nautilus.marketdata.api.ValidationReason.DUPLICATE;
import static io.nautilus.marketdata.api.ValidationReason.NON_POSITIVE_PRICE;
import static io.nautilus.marketdata.api.ValidationReason.NON_POSITIVE_SIZE;
import static io.nautilus.marketdata.api.ValidationReason.OUT_OF_ORDER;
import static io.nautilus.marketdata.api.ValidationReason.PRICE_JUMP;
import static io.nautilus.marketdata.api.ValidationReason.STALE;
import static org.assertj.core.api.Assertions.assertThat;

class TickValidatorTest {

    private static final long MAX_AGE = 1_000;
    private static final long BAND_BPS = 500; // 5 %

    private final MarketDataConfig config = MarketDataConfig.defaults().withLimits(MAX_AGE, BAND_BPS);
    private final FeedCounters counters = new FeedCounters("feed", 1);

    private static MarketDataEvent quote(long seq, long bid, long bidSize, long ask, long askSize, long ts, long now) {
        MarketDataEvent e = new MarketDataEvent();
        e.clear();
        e.kind = MarketDataEvent.QUOTE;
        e.instrument = 0;
        e.sequence = seq;
        e.price1 = bid;
        e.size1 = bidSize;
        e.price2 = ask;
        e.size2 = askSize;
        e.timestampNanos = ts;
        e.receivedNanos = now;
        return e;
    }

    private static MarketDataEvent trade(long seq, long price, long size) {
        MarketDataEvent e = new MarketDataEvent();
        e.clear();
        e.kind = MarketDataEvent.TRADE;
        e.instrument = 0;
        e.sequence = seq;
        e.price1 = price;
        e.size1 = size;
        e.timestampNanos = 100;
        e.receivedNanos = 100;
        return e;
    }

    private boolean check(TickValidator validator, MarketDataEvent event) {
        return validator.validate(event, counters);
    }

    @Test
    void aGoodQuoteIsAcceptedAndCounted() {
        TickValidator validator = new TickValidator(config);
        assertThat(check(validator, quote(1, 10_000, 5, 10_010, 5, 100, 100))).isTrue();
        assertThat(counters.stats().accepted()).isEqualTo(1);
        assertThat(counters.stats().rejected()).isEmpty();
    }

    @Test
    void aOneSidedQuoteIsValid() {
        TickValidator validator = new TickValidator(config);
        assertThat(check(validator, quote(0, 10_000, 5, FixedPoint.NULL, 0, 100, 100))).isTrue();
    }

    @Test
    void crossedQuoteIsRejected() {
        TickValidator validator = new TickValidator(config);
        MarketDataEvent event = quote(1, 10_010, 5, 10_010, 5, 100, 100);
        assertThat(check(validator, event)).isFalse();
        assertThat(event.rejectReason).isEqualTo(CROSSED_QUOTE);
        assertThat(counters.stats().rejected(CROSSED_QUOTE)).isEqualTo(1);
    }

    @Test
    void nonPositivePriceIsRejected() {
        TickValidator validator = new TickValidator(config);
        MarketDataEvent event = trade(1, 0, 5);
        assertThat(check(validator, event)).isFalse();
        assertThat(event.rejectReason).isEqualTo(NON_POSITIVE_PRICE);
        assertThat(check(validator, quote(2, -5, 5, 10, 5, 100, 100))).isFalse();
        assertThat(counters.stats().rejected(NON_POSITIVE_PRICE)).isEqualTo(2);
    }

    @Test
    void nonPositiveSizeIsRejectedEvenWhenConfiguredToFlag() {
        TickValidator validator = new TickValidator(config.with(NON_POSITIVE_SIZE, ValidationAction.FLAG));
        MarketDataEvent event = trade(1, 100, 0);
        assertThat(check(validator, event)).isFalse();
        assertThat(event.rejectReason).isEqualTo(NON_POSITIVE_SIZE);
        assertThat(counters.stats().rejected(NON_POSITIVE_SIZE)).isEqualTo(1);
    }

    @Test
    void tickOlderThanMaxAgeIsStale() {
        TickValidator validator = new TickValidator(config);
        assertThat(check(validator, quote(1, 10_000, 5, 10_010, 5, 100, 100 + MAX_AGE))).isTrue();
        MarketDataEvent stale = quote(2, 10_000, 5, 10_010, 5, 100, 101 + MAX_AGE);
        assertThat(check(validator, stale)).isFalse();
        assertThat(stale.rejectReason).isEqualTo(STALE);
    }

    @Test
    void repeatedSequenceIsDuplicateAndLowerIsOutOfOrder() {
        TickValidator validator = new TickValidator(config);
        assertThat(check(validator, trade(5, 100, 1))).isTrue();
        MarketDataEvent duplicate = trade(5, 100, 1);
        assertThat(check(validator, duplicate)).isFalse();
        assertThat(duplicate.rejectReason).isEqualTo(DUPLICATE);
        MarketDataEvent late = trade(4, 100, 1);
        assertThat(check(validator, late)).isFalse();
        assertThat(late.rejectReason).isEqualTo(OUT_OF_ORDER);
        assertThat(check(validator, trade(6, 100, 1))).isTrue();
        FeedStats stats = counters.stats();
        assertThat(stats.rejected(DUPLICATE)).isEqualTo(1);
        assertThat(stats.rejected(OUT_OF_ORDER)).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(2);
    }

    @Test
    void sequenceZeroMeansTheFeedHasNoSequence() {
        TickValidator validator = new TickValidator(config);
        assertThat(check(validator, trade(0, 100, 1))).isTrue();
        assertThat(check(validator, trade(0, 100, 1))).isTrue();
    }

    @Test
    void priceBeyondTheBandFromTheLastGoodPriceIsAJump() {
        TickValidator validator = new TickValidator(config);
        assertThat(check(validator, trade(1, 10_000, 1))).isTrue();
        assertThat(check(validator, trade(2, 10_500, 1))).isTrue(); // exactly 5 %
        MarketDataEvent jump = trade(3, 11_026, 1); // 5.0095 % above 10 500
        assertThat(check(validator, jump)).isFalse();
        assertThat(jump.rejectReason).isEqualTo(PRICE_JUMP);
        assertThat(check(validator, trade(4, 10_000, 1))).isTrue(); // reference stayed 10 500: -4.76 %
        MarketDataEvent quoteJump = quote(5, 9_000, 1, 9_010, 1, 100, 100);
        assertThat(check(validator, quoteJump)).isFalse();
        assertThat(counters.stats().rejected(PRICE_JUMP)).isEqualTo(2);
    }

    @Test
    void flaggedReasonsPassOnMarkedCountedAndAdvanceState() {
        TickValidator validator = new TickValidator(config.with(PRICE_JUMP, ValidationAction.FLAG)
                .with(STALE, ValidationAction.FLAG));
        assertThat(check(validator, trade(1, 10_000, 1))).isTrue();
        MarketDataEvent jump = trade(2, 20_000, 1);
        jump.receivedNanos = jump.timestampNanos + MAX_AGE + 1;
        assertThat(check(validator, jump)).isTrue();
        assertThat(jump.flagReason).isEqualTo(STALE);
        assertThat(jump.rejectReason).isNull();
        assertThat(check(validator, trade(3, 20_100, 1))).isTrue(); // reference moved to the flagged price
        FeedStats stats = counters.stats();
        assertThat(stats.flagged(STALE)).isEqualTo(1);
        assertThat(stats.flagged(PRICE_JUMP)).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(2);
    }

    @Test
    void aRejectedTickIsCountedOnceUnderItsFirstRejectReason() {
        TickValidator validator = new TickValidator(config.with(STALE, ValidationAction.FLAG));
        assertThat(check(validator, trade(1, 10_000, 1))).isTrue();
        MarketDataEvent event = trade(1, 10_000, 1);
        event.receivedNanos = event.timestampNanos + MAX_AGE + 1;
        assertThat(check(validator, event)).isFalse();
        assertThat(event.rejectReason).isEqualTo(DUPLICATE);
        FeedStats stats = counters.stats();
        assertThat(stats.rejected()).containsOnlyKeys(DUPLICATE);
        assertThat(stats.flagged()).isEmpty();
    }

    @Test
    void bandComparisonIsExactForLargeValues() {
        assertThat(TickValidator.exceedsBand(Long.MAX_VALUE / 2, Long.MAX_VALUE, 5_000)).isFalse();
        assertThat(TickValidator.exceedsBand(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE, 5_000)).isTrue();
        assertThat(ValidationReason.values()).hasSizeLessThan(32);
    }
}
