package io.nautilus.marketdata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;

import org.junit.jupiter.api.Test;

class MarkPriceTest {

    private static final InstrumentId X = InstrumentId.of("X");

    @Test
    void twoSidedQuoteMarksAtTheMidRoundedDown() {
        assertThat(MarketDataManager.markPrice(new Quote(X, 100, 5, 103, 5, 1), new Trade(X, 90, 1, Side.BUY, null, 1)))
                .isEqualTo(101);
    }

    @Test
    void oneSidedQuoteFallsBackToTheLastTrade() {
        assertThat(MarketDataManager.markPrice(new Quote(X, 100, 5, FixedPoint.NULL, 0, 1),
                new Trade(X, 99, 1, null, null, 1))).isEqualTo(99);
        assertThat(MarketDataManager.markPrice(null, new Trade(X, 98, 1, null, null, 1))).isEqualTo(98);
    }

    @Test
    void nothingToMarkWithGivesZero() {
        assertThat(MarketDataManager.markPrice(new Quote(X, FixedPoint.NULL, 0, FixedPoint.NULL, 0, 1), null))
                .isZero();
        assertThat(MarketDataManager.markPrice(null, null)).isZero();
    }
}
