package io.nautilus.api.marketdata;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import org.junit.jupiter.api.Test;

import static io.nautilus.api.instrument.FixedPoint.NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarketDataEventsTest {

    private static final InstrumentId BTC = InstrumentId.of("BTC-USD.COINBASE");

    @Test
    void quoteReportsSpreadAndCrossing() {
        Quote quote = new Quote(BTC, 6_400_000, 50_000_000, 6_400_001, 20_000_000, 1L);
        assertThat(quote.spread()).isEqualTo(1);
        assertThat(quote.isCrossed()).isFalse();
        assertThat(new Quote(BTC, 6_400_001, 1, 6_400_001, 1, 1L).isCrossed()).isTrue();
    }

    @Test
    void quoteWithAnEmptySideHasNoSpread() {
        Quote oneSided = new Quote(BTC, 6_400_000, 5, NULL, 0, 1L);
        assertThat(oneSided.hasBid()).isTrue();
        assertThat(oneSided.hasAsk()).isFalse();
        assertThat(oneSided.spread()).isEqualTo(NULL);
        assertThat(oneSided.isCrossed()).isFalse();
    }

    @Test
    void quoteSideNeedsBothPriceAndSizeOrNeither() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(BTC, 6_400_000, 0, NULL, 0, 1L))
                .withMessage("quote BTC-USD.COINBASE: bid needs both a price and a size greater than zero, or neither;"
                        + " got size 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Quote(BTC, NULL, 0, 6_400_000, -3, 1L))
                .withMessage("quote BTC-USD.COINBASE: ask size -3 must not be negative");
    }

    @Test
    void tradeNeedsAPositiveSizeAndAPrice() {
        assertThat(new Trade(BTC, 6_400_000, 1, Side.BUY, "t-1", 1L).aggressor()).isEqualTo(Side.BUY);
        assertThatIllegalArgumentException().isThrownBy(() -> new Trade(BTC, 6_400_000, 0, null, null, 1L))
                .withMessage("trade BTC-USD.COINBASE: size 0 must be greater than zero");
        assertThatIllegalArgumentException().isThrownBy(() -> new Trade(BTC, NULL, 1, null, null, 1L))
                .withMessage("trade BTC-USD.COINBASE: price is missing");
    }

    @Test
    void bookLevelWithZeroSizeRemovesTheLevel() {
        assertThat(new BookLevel(BTC, Side.SELL, 0, 6_400_001, 0, 0, 1L).isRemoval()).isTrue();
        assertThat(new BookLevel(BTC, Side.SELL, 2, 6_400_003, 7, 3, 1L).isRemoval()).isFalse();
    }

    @Test
    void bookLevelRejectsInconsistentValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BookLevel(BTC, Side.BUY, -1, 100, 5, 1, 1L))
                .withMessage("book level BTC-USD.COINBASE BUY -1: level must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new BookLevel(BTC, Side.BUY, 0, 100, 0, 2, 1L))
                .withMessage("book level BTC-USD.COINBASE BUY 0: a removed level has no orders, got 2");
    }

    @Test
    void listenerMethodsDefaultToDoingNothing() {
        MarketDataListener listener = new MarketDataListener() {
        };
        listener.onQuote(new Quote(BTC, NULL, 0, NULL, 0, 0L));
        listener.onBar(new Bar(BTC, 0, 1, 1, 1, 1, 1, 0, 0));
        assertThat(listener).isNotNull();
    }
}
