package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.matching.EngineFixture.ALICE;
import static io.nautilus.core.matching.EngineFixture.BOB;
import static io.nautilus.core.matching.EngineFixture.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;

class PriceBandTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void definedReferencePriceBoundsLimitPrices() {
        f.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 500, 1_000);

        assertThat(f.buy(1, ALICE, 950, 1).reject()).isEqualTo(RejectReason.NONE);
        assertThat(f.buy(2, ALICE, 1_050, 1).reject()).isEqualTo(RejectReason.NONE);
        assertThat(f.buy(3, ALICE, 949, 1).reject()).isEqualTo(RejectReason.PRICE_OUTSIDE_BAND);
        assertThat(f.command.rejectLimit).isEqualTo(950);
        assertThat(f.sell(4, ALICE, 1_051, 1).reject()).isEqualTo(RejectReason.PRICE_OUTSIDE_BAND);
        assertThat(f.command.rejectLimit).isEqualTo(1_050);
    }

    @Test
    void noReferenceMeansNoBand() {
        f.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 500, 0);

        assertThat(f.buy(1, ALICE, 5, 1).reject()).isEqualTo(RejectReason.NONE);
    }

    @Test
    void markMovesTheReference() {
        f.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 100, 1_000);

        f.mark(2_000);

        assertThat(f.buy(1, ALICE, 1_000, 1).reject()).isEqualTo(RejectReason.PRICE_OUTSIDE_BAND);
        assertThat(f.buy(2, ALICE, 1_980, 1).reject()).isEqualTo(RejectReason.NONE);
    }

    @Test
    void lastTradeMovesTheReference() {
        f.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 100, 1_000);
        f.sell(1, ALICE, 1_010, 1);
        f.buy(2, BOB, 1_010, 1);

        assertThat(f.buy(3, ALICE, 1_000, 1).reject()).isEqualTo(RejectReason.NONE);
        assertThat(f.buy(4, ALICE, 999, 1).reject()).isEqualTo(RejectReason.PRICE_OUTSIDE_BAND);
    }

    @Test
    void marketOrdersAreNotBanded() {
        f.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 100, 1_000);

        Outcome out = f.order(1, ALICE, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1).send();

        assertThat(out.reject()).isEqualTo(RejectReason.NONE);
    }

    @Test
    void replaceIsBanded() {
        f.engine.defineInstrument(INSTRUMENT, 1, 1, 1, 100, 1_000);
        f.buy(1, ALICE, 1_000, 1);

        assertThat(f.replace(1, 1_011, Command.UNCHANGED).reject()).isEqualTo(RejectReason.PRICE_OUTSIDE_BAND);
        assertThat(f.replace(1, 1_010, Command.UNCHANGED).reject()).isEqualTo(RejectReason.NONE);
    }
}
