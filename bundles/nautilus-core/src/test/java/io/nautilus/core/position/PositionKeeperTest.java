package io.nautilus.core.position;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionKeeperTest {

    private static final int ES = 0;      // price scale 2, quantity scale 0
    private static final int BTC = 1;     // price scale 2, quantity scale 4
    private static final int EURUSD = 2;  // price scale 5, quantity scale 0
    private static final int ALICE = 0;
    private static final int BOB = 1;
    private static final int CAROL = 2;

    private final PositionKeeper keeper = new PositionKeeper(2);
    private long orderId;

    PositionKeeperTest() {
        keeper.defineInstrument(ES, 2, 0, 0, 0, 0);
        keeper.defineInstrument(BTC, 2, 4, 0, 0, 0);
        keeper.defineInstrument(EURUSD, 5, 0, 0, 0, 0);
    }

    /** One trade: the taker on {@code takerSide}, the maker on the other side, at the maker's price. */
    static Command trade(PositionKeeper keeper, long id, int instrument, int taker, Side takerSide, int maker,
                         long price, long qty) {
        Command c = new Command();
        c.clear();
        c.op = Op.NEW;
        c.events.trade(id, taker, instrument, takerSide, id + 1_000_000, maker, price, qty, 0, 0, qty, qty);
        keeper.apply(c);
        return c;
    }

    private void buy(int account, int from, int instrument, long price, long qty) {
        trade(keeper, ++orderId, instrument, account, Side.BUY, from, price, qty);
    }

    private void sell(int account, int to, int instrument, long price, long qty) {
        trade(keeper, ++orderId, instrument, account, Side.SELL, to, price, qty);
    }

    @Test
    void buyOpensALongForTheTakerAndAShortForTheMaker() {
        buy(ALICE, BOB, ES, 10_000, 3);
        PositionView alice = keeper.view(ALICE, ES);
        assertThat(alice.quantity()).isEqualTo(3);
        assertThat(alice.averagePrice()).isEqualTo(10_000);
        assertThat(alice.costBasis()).isEqualTo(30_000);
        assertThat(alice.realised()).isZero();
        assertThat(alice.markPrice()).isEqualTo(10_000);
        assertThat(alice.unrealised()).isZero();
        PositionView bob = keeper.view(BOB, ES);
        assertThat(bob.quantity()).isEqualTo(-3);
        assertThat(bob.averagePrice()).isEqualTo(10_000);
        assertThat(bob.costBasis()).isEqualTo(-30_000);
        assertThat(keeper.quantity(BOB, ES)).isEqualTo(-3);
    }

    @Test
    void buysAtDifferentPricesAverageTheCostBasis() {
        buy(ALICE, BOB, ES, 10_000, 1);
        buy(ALICE, BOB, ES, 10_100, 2);
        PositionView alice = keeper.view(ALICE, ES);
        assertThat(alice.costBasis()).isEqualTo(30_200);
        assertThat(alice.averagePrice()).isEqualTo(10_067);   // 100.6666.. half-even
    }

    @Test
    void partialClosesRealiseAgainstTheAverageAndAFullCloseIsExact() {
        buy(ALICE, BOB, ES, 10_000, 1);
        buy(ALICE, BOB, ES, 10_100, 2);
        sell(ALICE, BOB, ES, 10_200, 1);
        PositionView partial = keeper.view(ALICE, ES);
        assertThat(partial.quantity()).isEqualTo(2);
        assertThat(partial.realised()).isEqualTo(134);       // 102.00 - 100.66 (basis share rounded down)
        assertThat(partial.costBasis()).isEqualTo(20_134);
        sell(ALICE, BOB, ES, 10_200, 2);
        PositionView flat = keeper.view(ALICE, ES);
        assertThat(flat.quantity()).isZero();
        assertThat(flat.costBasis()).isZero();
        assertThat(flat.averagePrice()).isZero();
        assertThat(flat.realised()).isEqualTo(400);          // 306.00 - 302.00 exactly
        assertThat(flat.boughtQuantity()).isEqualTo(3);
        assertThat(flat.soldQuantity()).isEqualTo(3);
        assertThat(keeper.view(BOB, ES).boughtQuantity()).isEqualTo(3);
        assertThat(flat.unrealised()).isZero();
        assertThat(keeper.view(BOB, ES).realised()).isEqualTo(-400);
    }

    @Test
    void aFlipRealisesTheWholePositionAndOpensTheRestAtTheTradePrice() {
        buy(ALICE, BOB, ES, 10_000, 3);
        sell(ALICE, BOB, ES, 11_000, 5);
        PositionView alice = keeper.view(ALICE, ES);
        assertThat(alice.realised()).isEqualTo(3_000);
        assertThat(alice.quantity()).isEqualTo(-2);
        assertThat(alice.averagePrice()).isEqualTo(11_000);
        assertThat(alice.costBasis()).isEqualTo(-22_000);
        keeper.mark(ES, 10_500);
        assertThat(keeper.view(ALICE, ES).unrealised()).isEqualTo(1_000);
        PositionView bob = keeper.view(BOB, ES);
        assertThat(bob.quantity()).isEqualTo(2);
        assertThat(bob.realised()).isEqualTo(-3_000);
        assertThat(bob.unrealised()).isEqualTo(-1_000);
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        sell(ALICE, BOB, ES, 5_000, 2);
        buy(ALICE, BOB, ES, 4_500, 1);
        PositionView alice = keeper.view(ALICE, ES);
        assertThat(alice.quantity()).isEqualTo(-1);
        assertThat(alice.realised()).isEqualTo(500);
        assertThat(alice.unrealised()).as("marked at the last trade").isEqualTo(500);
        assertThat(alice.exposure()).isEqualTo(4_500);
    }

    @Test
    void takerAndMakerPayTheirOwnFeesAndRebatesRoundTowardZero() {
        keeper.defineInstrument(ES, 2, 0, -2, 5, 0);        // maker rebate 2 bps, taker 5 bps
        buy(ALICE, BOB, ES, 10_000, 10);                      // notional 1000.00
        assertThat(keeper.view(ALICE, ES).fees()).isEqualTo(50);
        assertThat(keeper.view(BOB, ES).fees()).isEqualTo(-20);
        buy(ALICE, BOB, ES, 3_333, 3);                        // notional 99.99: 0.049995 -> 0.05, -0.019998 -> -0.01
        assertThat(keeper.view(ALICE, ES).fees()).isEqualTo(55);
        assertThat(keeper.view(BOB, ES).fees()).isEqualTo(-21);
        assertThat(keeper.fee(ES, 3_333, 3, false)).isEqualTo(5);
        assertThat(keeper.fee(ES, 3_333, 3, true)).isEqualTo(-1);
        // 13 long, cost 1099.99, marked at 33.33: unrealised -666.70; net = -666.70 - 0.55
        assertThat(keeper.view(ALICE, ES).net()).isEqualTo(-66_725);
        assertThat(keeper.netPnl(ALICE)).isEqualTo(-66_725);
        assertThat(keeper.fees(BOB)).isEqualTo(-21);
    }

    @Test
    void perUnitFeesRoundUpPerFill() {
        keeper.defineInstrument(BTC, 2, 4, 0, 0, 100);      // 1.00 per whole BTC
        buy(ALICE, BOB, BTC, 4_000_000, 5_000);               // 0.5 BTC
        assertThat(keeper.view(ALICE, BTC).fees()).isEqualTo(50);
        assertThat(keeper.view(BOB, BTC).fees()).isEqualTo(50);
        buy(ALICE, BOB, BTC, 4_000_000, 1);                   // 0.0001 BTC: 0.0001 -> 0.01
        assertThat(keeper.view(ALICE, BTC).fees()).isEqualTo(51);
    }

    @Test
    void marksMoveUnrealisedButNotRealised() {
        buy(ALICE, BOB, ES, 10_000, 3);
        Command mark = new Command();
        mark.clear();
        mark.op = Op.MARK;
        mark.instrument = ES;
        mark.price = 9_900;
        keeper.apply(mark);
        assertThat(keeper.markPrice(ES)).isEqualTo(9_900);
        PositionView alice = keeper.view(ALICE, ES);
        assertThat(alice.unrealised()).isEqualTo(-300);
        assertThat(alice.realised()).isZero();
        assertThat(alice.exposure()).isEqualTo(29_700);
        keeper.mark(ES, 10_050);
        assertThat(keeper.unrealised(ALICE)).isEqualTo(150);
        assertThat(keeper.unrealised(BOB)).isEqualTo(-150);
        keeper.mark(9, 1);                                    // undefined: ignored
        assertThat(keeper.markPrice(9)).isEqualTo(FixedPoint.NULL);
        assertThat(keeper.markPrice(EURUSD)).isEqualTo(FixedPoint.NULL);
    }

    @Test
    void aTradeWithAnExternalCounterpartyUpdatesOnlyTheTaker() {
        trade(keeper, 1, ES, ALICE, Side.SELL, Command.ANY, 10_000, 2);
        assertThat(keeper.quantity(ALICE, ES)).isEqualTo(-2);
        assertThat(keeper.accounts()).containsExactly(ALICE);
    }

    @Test
    void accountTotalsSumInstrumentsOfDifferentScalesInTheMoneyScale() {
        buy(ALICE, BOB, BTC, 4_000_000, 2_500);               // 0.25 BTC at 40000.00
        sell(ALICE, BOB, BTC, 4_100_000, 1_000);              // 0.1 at 41000.00: +100.00
        keeper.mark(BTC, 3_900_000);                          // 0.15 * -1000.00 = -150.00
        buy(ALICE, CAROL, EURUSD, 108_505, 100_000);
        sell(ALICE, CAROL, EURUSD, 108_517, 100_000);         // 100000 * 0.00012 = +12.00
        AccountTotals totals = keeper.totals(ALICE);
        assertThat(totals.moneyScale()).isEqualTo(2);
        assertThat(totals.positions()).isEqualTo(2);
        assertThat(totals.openPositions()).as("EURUSD is flat").isEqualTo(1);
        assertThat(totals.realised()).isEqualTo(11_200);
        assertThat(totals.unrealised()).isEqualTo(-15_000);
        assertThat(totals.fees()).isZero();
        assertThat(totals.grossExposure()).isEqualTo(585_000); // 0.15 * 39000.00
        assertThat(totals.net()).isEqualTo(-3_800);
        assertThat(keeper.netPnl(ALICE)).isEqualTo(-3_800);
        PositionView eur = keeper.view(ALICE, EURUSD);
        assertThat(eur.realised()).as("in the price scale 5").isEqualTo(1_200_000);
        PositionView btc = keeper.view(ALICE, BTC);
        assertThat(btc.realised()).as("in the price scale 2").isEqualTo(10_000);
        assertThat(btc.realisedExact()).as("price * quantity units").isEqualTo(100_000_000);
    }

    @Test
    void viewsComeInIdOrder() {
        buy(CAROL, BOB, EURUSD, 100_000, 1);
        buy(CAROL, BOB, ES, 10_000, 1);
        buy(ALICE, BOB, BTC, 10_000, 1);
        assertThat(keeper.accounts()).containsExactly(ALICE, BOB, CAROL);
        assertThat(keeper.positions(BOB)).extracting(PositionView::instrument).containsExactly(ES, BTC, EURUSD);
        assertThat(keeper.allPositions()).extracting(PositionView::account)
                .containsExactly(ALICE, BOB, BOB, BOB, CAROL, CAROL);
        assertThat(keeper.view(ALICE, ES)).isNull();
        assertThat(keeper.totals(7)).isEqualTo(new AccountTotals(7, 2, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void snapshotRoundTripIsExactAndIndependentOfHistoryOrder() throws IOException {
        keeper.defineInstrument(ES, 2, 0, -1, 3, 0);
        buy(ALICE, BOB, ES, 10_000, 3);
        buy(CAROL, BOB, BTC, 4_000_000, 7);
        sell(ALICE, CAROL, ES, 10_100, 5);
        keeper.mark(EURUSD, 108_000);

        PositionKeeper other = new PositionKeeper(2);
        other.defineInstrument(EURUSD, 5, 0, 0, 0, 0);
        other.defineInstrument(BTC, 2, 4, 0, 0, 0);
        other.defineInstrument(ES, 2, 0, -1, 3, 0);
        other.mark(EURUSD, 108_000);
        trade(other, 2, BTC, CAROL, Side.BUY, BOB, 4_000_000, 7);
        trade(other, 1, ES, ALICE, Side.BUY, BOB, 10_000, 3);
        trade(other, 3, ES, ALICE, Side.SELL, CAROL, 10_100, 5);

        byte[] bytes = snapshot(keeper);
        assertThat(snapshot(other)).isEqualTo(bytes);
        PositionKeeper restored = new PositionKeeper(6);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes)));
        assertThat(snapshot(restored)).isEqualTo(bytes);
        assertThat(restored.allPositions()).isEqualTo(keeper.allPositions());
        assertThat(restored.totals(ALICE)).isEqualTo(keeper.totals(ALICE));
        assertThat(restored.moneyScale()).isEqualTo(2);
        assertThat(restored.markPrice(EURUSD)).isEqualTo(108_000);
    }

    @Test
    void invalidInstrumentDefinitionsAreRefused() {
        assertThatThrownBy(() -> keeper.defineInstrument(-1, 2, 0, 0, 0, 0)).hasMessageContaining("-1");
        assertThatThrownBy(() -> keeper.defineInstrument(5, 19, 0, 0, 0, 0)).hasMessageContaining("19");
        assertThatThrownBy(() -> keeper.defineInstrument(5, 2, 15, 0, 0, 0)).hasMessageContaining("15");
        assertThatThrownBy(() -> keeper.defineInstrument(5, 10, 10, 0, 0, 0)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> keeper.defineInstrument(5, 2, 0, 10_001, 0, 0)).hasMessageContaining("10001");
        buy(ALICE, BOB, ES, 10_000, 1);
        assertThatThrownBy(() -> keeper.defineInstrument(ES, 3, 0, 0, 0, 0))
                .isInstanceOf(IllegalStateException.class);
        keeper.defineInstrument(ES, 2, 0, 1, 1, 0);           // fees may change
    }

    @Test
    void overflowOutsideTheDocumentedRangeIsAClearError() {
        keeper.defineInstrument(7, 9, 9, 0, 0, 0);
        assertThatThrownBy(() -> buy(ALICE, BOB, 7, 100_000_000_000L, 1_000_000_000_000L))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("overflows");
    }

    static byte[] snapshot(PositionKeeper keeper) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        keeper.writeSnapshot(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
