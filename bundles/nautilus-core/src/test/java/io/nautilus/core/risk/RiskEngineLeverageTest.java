package io.nautilus.core.risk;

import io.nautilus.api.Side;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.position.PositionKeeper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import static io.nautilus.core.risk.Desk.ALICE;
import static io.nautilus.core.risk.Desk.BOB;
import static io.nautilus.core.risk.Desk.BTC;
import static io.nautilus.core.risk.Desk.ES;
import static org.assertj.core.api.Assertions.assertThat;

/** maxLeverage and maxConcentration: money at scale 2, ratios at scale 4 (2.0 = 20000). */
class RiskEngineLeverageTest {

    private static final long PX = 1_000_000; // 10000.00 at price scale 2
    private static final long TEN_THOUSAND = 1_000_000; // 10000.00 at money scale 2

    private final Desk desk = new Desk();

    private static void assertRejected(Command c, String detail, long limit, long wouldBe) {
        assertThat(c.rejectReason).as("reason of %s", c).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(c.rejectDetail).isEqualTo(detail);
        assertThat(c.rejectLimit).as("limit").isEqualTo(limit);
        assertThat(c.rejectValue).as("would-be").isEqualTo(wouldBe);
    }

    private static void assertPassed(Command c) {
        assertThat(c.rejectReason).as("reason of %s (detail %s)", c, c.rejectDetail).isEqualTo(RejectReason.NONE);
    }

    @Test
    void maxLeverageRejectsWithTheNumbersAndPassesAtTheLimit() {
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=2");
        assertRejected(desk.buy(ALICE, ES, PX, 3), "maxLeverage", 20_000, 30_000);
        assertPassed(desk.buy(ALICE, ES, PX, 2));                 // 20000.00 / 10000.00 = 2
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(2 * TEN_THOUSAND);
        // working orders of both sides count: 20000.00 + 9999.00
        assertRejected(desk.sell(ALICE, ES, PX - 100, 1), "maxLeverage", 20_000, 29_999);
    }

    @Test
    void grossExposureCountsPositionsAtMarkAndWorkingOrdersOfEveryInstrument() {
        desk.trade(ALICE, BOB, ES, PX, 1);
        desk.buy(ALICE, BTC, 5_000_000, 2_000);                   // 0.2 at 50000.00 = 10000.00 working
        desk.mark(ES, 1_200_000);                                 // position 12000.00 at mark
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(2_200_000);
        desk.risk.setCapital(ALICE, TEN_THOUSAND);                // equity 10000.00 + 2000.00 unrealised
        desk.limits("account.alice.maxLeverage=2.5");
        // 22000.00 + 8000.01 = 30000.01 over 12000.00 = 2.50000083 -> 2.5001 (rounded up)
        assertRejected(desk.buy(ALICE, ES, 800_001, 1), "maxLeverage", 25_000, 25_001);
        assertPassed(desk.buy(ALICE, ES, 800_000, 1));            // 30000.00 / 12000.00 = 2.5
    }

    @Test
    void canceledAndFilledOrdersLeaveTheWorkingExposure() {
        desk.buy(ALICE, ES, PX, 2);
        long order = desk.lastOrderId;
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(2 * TEN_THOUSAND);
        desk.sell(BOB, ES, PX, 1);                                // fills 1: 1 working + position 1 at 10000.00
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(2 * TEN_THOUSAND);
        desk.replace(order, PX + 100_000, 2);                     // open 1 at 11000.00
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(2_100_000);
        desk.cancel(order);
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(TEN_THOUSAND);
        assertThat(desk.risk.exposure(ALICE, ES)).isEqualTo(TEN_THOUSAND);
    }

    @Test
    void aReplaceIsCheckedWithItsOwnOldShareReplaced() {
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=2");
        desk.buy(ALICE, ES, PX, 2);
        long order = desk.lastOrderId;
        assertRejected(desk.replace(order, PX + 100, 2), "maxLeverage", 20_000, 20_002);
        assertPassed(desk.replace(order, PX - 100, 2));
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(1_999_800);
    }

    @Test
    void profitsRaiseTheEquityAndLossesLowerIt() {
        desk.trade(ALICE, BOB, ES, PX, 1);                         // long 1 at 10000.00
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=2");
        // 10000.00 + 10500.00 over 10000.00
        assertRejected(desk.buy(ALICE, ES, 1_050_000, 1), "maxLeverage", 20_000, 20_500);
        desk.mark(ES, 1_100_000);                                  // +1000.00: equity 11000.00
        assertThat(desk.risk.equity(ALICE)).isEqualTo(1_100_000);
        assertPassed(desk.buy(ALICE, ES, 1_050_000, 1));           // 21500.00 / 11000.00 = 1.9546
        desk.cancel(desk.lastOrderId);
        desk.mark(ES, 900_000);                                    // -1000.00: equity 9000.00
        // 9000.00 + 9000.00 over 9000.00
        assertPassed(desk.buy(ALICE, ES, 900_000, 1));
        assertRejected(desk.buy(ALICE, ES, 100, 1), "maxLeverage", 20_000, 20_002); // 18001.00 / 9000.00
    }

    @Test
    void zeroOrNegativeEquityRejectsNewRiskButLetsThePositionBeReduced() {
        desk.trade(ALICE, BOB, ES, PX, 1);
        desk.risk.setCapital(ALICE, 100_000);                      // 1000.00
        desk.limits("default.maxLeverage=20");
        desk.mark(ES, 890_000);                                    // -1100.00: equity -100.00
        assertRejected(desk.buy(ALICE, ES, 890_000, 1), RiskEngine.DETAIL_EQUITY, 0, -10_000);
        assertRejected(desk.sell(ALICE, ES, 890_000, 2), RiskEngine.DETAIL_EQUITY, 0, -10_000); // flips: increases
        assertPassed(desk.sell(ALICE, ES, 890_000, 1));            // reduces
    }

    @Test
    void anAccountWithoutCapitalCannotOpenRiskUnderALeverageLimit() {
        desk.limits("default.maxLeverage=5\naccount.bob.maxLeverage=unlimited");
        assertRejected(desk.buy(ALICE, ES, PX, 1), RiskEngine.DETAIL_EQUITY, 0, 0);
        assertPassed(desk.buy(BOB, ES, PX, 1));
    }

    @Test
    void ordersThatReduceThePositionAreExemptFromLeverageAndConcentration() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=1\ndefault.maxConcentration=0.5\ndefault.minConcentrationExposure=0");
        assertPassed(desk.sell(ALICE, ES, PX + 100, 3));           // 60003.00 gross, 100% ES: still passes
        assertRejected(desk.sell(ALICE, ES, PX + 100, 1), "maxLeverage", 10_000, 70_004); // would flip
    }

    @Test
    void maxConcentrationAppliesOnlyAboveTheMinimumExposure() {
        desk.risk.setCapital(ALICE, 100 * TEN_THOUSAND);
        desk.limits("default.maxConcentration=0.6\ndefault.minConcentrationExposure=15000");
        assertPassed(desk.buy(ALICE, ES, PX, 1));                  // first order: 100% of 10000.00, below minimum
        assertPassed(desk.buy(ALICE, BTC, PX, 5_000));             // 15000.00 is not above the minimum
        // ES would be 20000.00 of 25000.00
        assertRejected(desk.buy(ALICE, ES, PX, 1), "maxConcentration", 6_000, 8_000);
        assertPassed(desk.buy(ALICE, BTC, PX, 10_000));            // BTC 15000.00 of 25000.00 = 0.6: at the limit
        assertPassed(desk.buy(ALICE, ES, 500_000, 1));             // ES 15000.00 of 30000.00
    }

    @Test
    void concentrationCountsThePositionAtMark() {
        desk.trade(ALICE, BOB, ES, PX, 1);
        desk.trade(ALICE, BOB, BTC, PX, 10_000);                   // 10000.00 each
        desk.limits("default.maxConcentration=0.5\ndefault.minConcentrationExposure=1000");
        desk.mark(ES, 1_100_000);                                  // ES 11000.00 of 21000.00
        assertRejected(desk.buy(ALICE, ES, 100, 1), "maxConcentration", 5_000, 5_239);
        assertPassed(desk.buy(ALICE, BTC, 100, 10_000));           // BTC 10001.00 of 21001.00
    }

    @Test
    void limitsAndCapitalAreHotReloadedFromTheNextCommand() {
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=2");
        assertRejected(desk.buy(ALICE, ES, PX, 3), "maxLeverage", 20_000, 30_000);
        assertThat(desk.admin(Op.SET_LIMITS, Command.ANY, Command.ANY, 0, "default.maxLeverage=2\n"
                + "account.alice.maxLeverage=3\n").rejected()).isFalse();
        assertPassed(desk.buy(ALICE, ES, PX, 3));
        assertRejected(desk.buy(ALICE, ES, PX, 1), "maxLeverage", 30_000, 40_000);

        Command capital = new Command();
        capital.clear();
        capital.op = Op.ADD_ACCOUNT;
        capital.account = ALICE;
        capital.text = "alice";
        capital.price = 2 * TEN_THOUSAND;                          // what Registry.encode writes
        desk.process(capital);
        assertThat(desk.risk.capital(ALICE)).isEqualTo(2 * TEN_THOUSAND);
        assertPassed(desk.buy(ALICE, ES, PX, 1));                  // 40000.00 / 20000.00 = 2
    }

    @Test
    void ordersPlacedBeforeTheLimitsWereSetCountOnceTheyAre() {
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.buy(ALICE, ES, PX, 1);
        desk.buy(ALICE, BTC, PX, 5_000);
        long order = desk.lastOrderId;
        desk.replace(order, PX / 2, 5_000);                        // 0.5 at 5000.00 = 2500.00
        assertThat(desk.risk.grossExposure(ALICE)).as("without limits: computed on demand").isEqualTo(1_250_000);
        desk.limits("default.maxLeverage=2");
        assertRejected(desk.buy(ALICE, ES, PX, 1), "maxLeverage", 20_000, 22_500);
        desk.limits("default.maxOrderQty=100");
        desk.cancel(order);
        desk.limits("default.maxLeverage=2");
        assertPassed(desk.buy(ALICE, ES, PX, 1));                  // 20000.00
        assertThat(desk.risk.grossExposure(ALICE)).isEqualTo(2 * TEN_THOUSAND);
    }

    @Test
    void aMarketOrderWithoutAMarkHasNoReferencePriceUnderTheseLimits() {
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=2");
        assertRejected(desk.market(ALICE, ES, Side.BUY, 1), RiskEngine.DETAIL_REFERENCE_PRICE, 0, 0);
    }

    @Test
    void snapshotKeepsCapitalAndTheWorkingExposure() throws Exception {
        desk.risk.setCapital(ALICE, TEN_THOUSAND);
        desk.limits("default.maxLeverage=2");
        desk.buy(ALICE, ES, PX, 1);
        desk.buy(ALICE, BTC, PX, 5_000);
        ByteArrayOutputStream positionBytes = new ByteArrayOutputStream();
        desk.positions.writeSnapshot(new DataOutputStream(positionBytes));
        ByteArrayOutputStream riskBytes = new ByteArrayOutputStream();
        desk.risk.writeSnapshot(new DataOutputStream(riskBytes));

        PositionKeeper positions = new PositionKeeper(2);
        positions.readSnapshot(new DataInputStream(new ByteArrayInputStream(positionBytes.toByteArray())));
        RiskEngine restored = new RiskEngine(positions);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(riskBytes.toByteArray())));

        assertThat(restored.capital(ALICE)).isEqualTo(TEN_THOUSAND);
        assertThat(restored.grossExposure(ALICE)).isEqualTo(1_500_000);
        assertThat(restored.exposure(ALICE, BTC)).isEqualTo(500_000);
    }
}
