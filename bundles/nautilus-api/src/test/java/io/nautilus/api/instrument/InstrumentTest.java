package io.nautilus.api.instrument;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InstrumentTest {

    private static final InstrumentId ES = InstrumentId.of("ESZ4.CME");

    /** E-mini S&amp;P: tick 0.25 at price scale 2, whole contracts. */
    private static Instrument es() {
        return new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 1, 2, 0, "USD");
    }

    /** BTC-USD: tick 0.01, lot 0.0001 BTC, minimum 0.001 BTC at quantity scale 8. */
    private static Instrument btc() {
        return new Instrument(InstrumentId.of("BTC-USD.COINBASE"), "BTC-USD", VenueId.of("COINBASE"), 1, 10_000,
                100_000, 2, 8, "USD");
    }

    @Test
    void checksPricesAgainstTheTickGrid() {
        Instrument es = es();
        assertThat(es.isOnTick(es.parsePrice("5012.25"))).isTrue();
        assertThat(es.isOnTick(es.parsePrice("5012.10"))).isFalse();
        assertThat(es.isOnTick(es.parsePrice("-3.75"))).isTrue();
        assertThat(es.isOnTick(0)).isTrue();
    }

    @Test
    void roundsPricesToTickWithTheGivenMode() {
        Instrument es = es();
        long price = es.parsePrice("5012.10");
        assertThat(es.formatPrice(es.roundToTick(price, RoundingMode.FLOOR))).isEqualTo("5012.00");
        assertThat(es.formatPrice(es.roundToTick(price, RoundingMode.CEILING))).isEqualTo("5012.25");
        assertThat(es.formatPrice(es.roundToTick(price, RoundingMode.HALF_EVEN))).isEqualTo("5012.00");
        assertThat(es.formatPrice(es.roundToTick(es.parsePrice("-0.10"), RoundingMode.FLOOR))).isEqualTo("-0.25");
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> es.roundToTick(price, RoundingMode.UNNECESSARY));
    }

    @Test
    void convertsBetweenPricesAndTicks() {
        Instrument es = es();
        assertThat(es.ticks(es.parsePrice("5012.25"))).isEqualTo(20_049);
        assertThat(es.priceOfTicks(20_049)).isEqualTo(501_225);
        assertThat(es.ticks(-10)).isEqualTo(-1);
    }

    @Test
    void checksAndRoundsQuantitiesToLots() {
        Instrument btc = btc();
        assertThat(btc.isLotMultiple(btc.parseQuantity("0.0015"))).isTrue();
        assertThat(btc.isLotMultiple(btc.parseQuantity("0.00151"))).isFalse();
        assertThat(btc.formatQuantity(btc.roundToLot(btc.parseQuantity("0.00159999"), RoundingMode.DOWN)))
                .isEqualTo("0.00150000");
    }

    @Test
    void computesNotionalInCurrencyAtPriceScale() {
        Instrument btc = btc();
        long notional = btc.notional(btc.parsePrice("64000.01"), btc.parseQuantity("0.5"), RoundingMode.HALF_EVEN);
        assertThat(btc.priceToBigDecimal(notional)).isEqualByComparingTo("32000.00");
        assertThat(btc.quantityToBigDecimal(btc.parseQuantity("0.5"))).isEqualTo(new BigDecimal("0.50000000"));
    }

    @Test
    void rejectsAPriceWithMoreDecimalsThanThePriceScale() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> es().parsePrice("5012.125"))
                .withMessage("5012.125 has more decimals than scale 2");
    }

    @Test
    void rejectsNonPositiveTickSize() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 0, 1, 1, 2, 0, "USD"))
                .withMessage("instrument ESZ4.CME: tick size 0 must be greater than zero");
    }

    @Test
    void rejectsNonPositiveLotSize() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, -1, 1, 2, 0, "USD"))
                .withMessage("instrument ESZ4.CME: lot size -1 must be greater than zero");
    }

    @Test
    void rejectsMinimumQuantityThatIsNotALotMultiple() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 10, 15, 2, 0, "USD"))
                .withMessage("instrument ESZ4.CME: minimum quantity 15 must be a positive multiple of lot size 10");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 10, 0, 2, 0, "USD"));
    }

    @Test
    void rejectsScalesOutsideZeroToEighteen() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 1, 19, 0, "USD"))
                .withMessage("instrument ESZ4.CME: price scale 19 is outside 0..18");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 1, 2, -1, "USD"))
                .withMessage("instrument ESZ4.CME: quantity scale -1 is outside 0..18");
    }

    @Test
    void rejectsMalformedCurrencyAndBlankSymbol() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 1, 2, 0, "usd"))
                .withMessageContaining("currency 'usd'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Instrument(ES, " ", VenueId.of("CME"), 25, 1, 1, 2, 0, "USD"))
                .withMessageContaining("symbol must not be blank");
        assertThat(new Instrument(ES, "ESZ4", VenueId.of("CME"), 25, 1, 1, 2, 0, "USDT").currency()).isEqualTo("USDT");
    }
}
