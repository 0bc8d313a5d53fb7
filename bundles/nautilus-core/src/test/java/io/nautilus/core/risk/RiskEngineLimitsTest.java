package io.nautilus.core.risk;

import io.nautilus.api.Side;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.risk.Desk.ALICE;
import static io.nautilus.core.risk.Desk.BOB;
import static io.nautilus.core.risk.Desk.BTC;
import static io.nautilus.core.risk.Desk.ES;
import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineLimitsTest {

    private static final long PX = 1_000_000; // 10000.00 at price scale 2

    private final Desk desk = new Desk();

    private static void assertRejected(Command c, RejectReason reason, String detail, long limit, long wouldBe) {
        assertThat(c.rejectReason).as("reason of %s", c).isEqualTo(reason);
        assertThat(c.rejectDetail).isEqualTo(detail);
        assertThat(c.rejectLimit).as("limit").isEqualTo(limit);
        assertThat(c.rejectValue).as("would-be").isEqualTo(wouldBe);
    }

    private static void assertPassed(Command c) {
        assertThat(c.rejectReason).as("reason of %s (detail %s)", c, c.rejectDetail).isEqualTo(RejectReason.NONE);
    }

    @Test
    void maxOrderQtyRejectsAboveAndPassesAtTheLimit() {
        desk.limits("default.maxOrderQty=10");
        assertRejected(desk.buy(ALICE, ES, PX, 11), RejectReason.RISK_LIMIT, "maxOrderQty", 10, 11);
        assertPassed(desk.buy(ALICE, ES, PX, 10));
    }

    @Test
    void maxOrderQtyIsConvertedToTheInstrumentsQuantityScale() {
        desk.limits("instrument.BTC.maxOrderQty=0.5");
        assertRejected(desk.buy(ALICE, BTC, PX, 5001), RejectReason.RISK_LIMIT, "maxOrderQty", 5000, 5001);
        assertPassed(desk.buy(ALICE, BTC, PX, 5000));
        assertPassed(desk.buy(ALICE, ES, PX, 1_000_000));
    }

    @Test
    void instrumentLimitCapsEvenAHigherAccountLimit() {
        desk.limits("default.maxOrderQty=5\naccount.alice.maxOrderQty=100\ninstrument.ES.maxOrderQty=20\n");
        assertRejected(desk.buy(ALICE, ES, PX, 21), RejectReason.RISK_LIMIT, "maxOrderQty", 20, 21);
        assertPassed(desk.buy(ALICE, ES, PX, 20));
        assertRejected(desk.buy(BOB, ES, PX, 6), RejectReason.RISK_LIMIT, "maxOrderQty", 5, 6);
    }

    @Test
    void accountInstrumentPairOverridesTheAccountLimit() {
        desk.limits("account.alice.maxOrderQty=5\naccount.alice.instrument.ES.maxOrderQty=8\n");
        assertPassed(desk.buy(ALICE, ES, PX, 8));
        assertRejected(desk.buy(ALICE, ES, PX, 9), RejectReason.RISK_LIMIT, "maxOrderQty", 8, 9);
        assertRejected(desk.buy(ALICE, BTC, PX, 60000), RejectReason.RISK_LIMIT, "maxOrderQty", 50000, 60000);
    }

    @Test
    void maxOrderNotionalUsesTheLimitPrice() {
        desk.limits("default.maxOrderNotional=100000");
        assertRejected(desk.buy(ALICE, ES, PX, 11), RejectReason.RISK_LIMIT, "maxOrderNotional", 10_000_000,
                11_000_000);
        assertPassed(desk.buy(ALICE, ES, PX, 10));
    }

    @Test
    void maxOrderNotionalRoundsAFractionalNotionalUp() {
        desk.limits("instrument.BTC.maxOrderNotional=0.01");
        // 3.33 * 0.0003 = 0.000999 -> 0.01 (rounded up): at the limit
        assertPassed(desk.buy(ALICE, BTC, 333, 3));
        // 33.40 * 0.0003 = 0.01002 -> 0.02
        assertRejected(desk.buy(ALICE, BTC, 3340, 3), RejectReason.RISK_LIMIT, "maxOrderNotional", 1, 2);
    }

    @Test
    void marketOrderNotionalUsesTheMarkPrice() {
        desk.limits("default.maxOrderNotional=100000");
        desk.mark(ES, 2 * PX);
        assertRejected(desk.market(ALICE, ES, Side.BUY, 6), RejectReason.RISK_LIMIT, "maxOrderNotional",
                10_000_000, 12_000_000);
        assertPassed(desk.market(ALICE, ES, Side.BUY, 5));
    }

    @Test
    void marketOrderWithoutMarkIsRejectedOnlyWhenANotionalLimitApplies() {
        assertPassed(desk.market(ALICE, ES, Side.BUY, 5));
        desk.limits("default.maxOrderNotional=100000");
        assertRejected(desk.market(ALICE, ES, Side.BUY, 5), RejectReason.RISK_LIMIT,
                RiskEngine.DETAIL_REFERENCE_PRICE, 0, 0);
    }

    @Test
    void maxLongCountsWorkingBuysAndThePosition() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        desk.limits("default.maxLong=15");
        assertPassed(desk.buy(ALICE, ES, PX - 100, 6));          // 3 + 6 = 9
        assertRejected(desk.buy(ALICE, ES, PX - 100, 7), RejectReason.RISK_LIMIT, "maxLong", 15, 16);
        assertPassed(desk.buy(ALICE, ES, PX - 100, 6));          // 3 + 6 + 6 = 15
        assertPassed(desk.sell(ALICE, ES, PX + 100, 50));        // sells never hit maxLong
    }

    @Test
    void maxShortCountsWorkingSellsAgainstTheLongPosition() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        desk.limits("default.maxShort=5");
        assertRejected(desk.sell(ALICE, ES, PX + 100, 9), RejectReason.RISK_LIMIT, "maxShort", 5, 6);
        assertPassed(desk.sell(ALICE, ES, PX + 100, 8));         // 3 - 8 = -5
        assertRejected(desk.sell(ALICE, ES, PX + 100, 1), RejectReason.RISK_LIMIT, "maxShort", 5, 6);
        // bob is short 3 already
        assertRejected(desk.sell(BOB, ES, PX + 100, 3), RejectReason.RISK_LIMIT, "maxShort", 5, 6);
    }

    @Test
    void maxPositionShorthandLimitsBothSides() {
        desk.limits("account.alice.maxPosition=2");
        assertRejected(desk.buy(ALICE, ES, PX, 3), RejectReason.RISK_LIMIT, "maxLong", 2, 3);
        assertRejected(desk.sell(ALICE, ES, PX + 1, 3), RejectReason.RISK_LIMIT, "maxShort", 2, 3);
    }

    @Test
    void maxGrossExposureAddsWhatTheOrderWouldAdd() {
        desk.trade(ALICE, BOB, ES, PX, 3);                       // gross 3 * 10000.00 = 30000.00
        desk.limits("default.maxGrossExposure=50000");
        assertThat(desk.positions.grossExposure(ALICE)).isEqualTo(3_000_000);
        assertRejected(desk.buy(ALICE, ES, PX, 3), RejectReason.RISK_LIMIT, "maxGrossExposure", 5_000_000,
                6_000_000);
        assertPassed(desk.sell(ALICE, ES, PX + 100, 3));         // reduces: adds nothing
        desk.cancel(desk.lastOrderId);
        // flips to -6: adds 3 * 10001.00 to 30000.00
        assertRejected(desk.sell(ALICE, ES, PX + 100, 9), RejectReason.RISK_LIMIT, "maxGrossExposure", 5_000_000,
                6_000_300);
        assertPassed(desk.buy(ALICE, ES, PX, 2));
    }

    @Test
    void maxGrossExposureSumsInstrumentsInMoneyScale() {
        desk.trade(ALICE, BOB, BTC, 5_000_000, 2_000);           // 0.2 BTC at 50000.00 = 10000.00
        desk.trade(ALICE, BOB, ES, PX, 1);                        // 10000.00
        desk.limits("account.alice.maxGrossExposure=25000");
        assertThat(desk.positions.grossExposure(ALICE)).isEqualTo(2_000_000);
        assertPassed(desk.buy(ALICE, BTC, 5_000_000, 1_000));   // + 5000.00 = 25000.00
        // positions 20000.00 + 5000.01 (working orders of other instruments are not counted)
        assertRejected(desk.buy(ALICE, ES, 500_001, 1), RejectReason.RISK_LIMIT, "maxGrossExposure", 2_500_000,
                2_500_001);
        assertPassed(desk.buy(ALICE, ES, 500_000, 1));
    }

    @Test
    void maxDailyLossBlocksIncreasingOrdersButNotReducingOnes() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        desk.limits("default.maxDailyLoss=100");
        desk.mark(ES, 996_000);                                  // alice -40.00 * 3 = -120.00
        assertThat(desk.risk.dailyLoss(ALICE)).isEqualTo(12_000);
        assertRejected(desk.buy(ALICE, ES, 996_000, 1), RejectReason.RISK_LIMIT, "maxDailyLoss", 10_000, 12_000);
        assertPassed(desk.sell(ALICE, ES, 996_100, 3));          // reduces
        assertPassed(desk.buy(BOB, ES, 990_000, 1));             // bob is up 120.00
        desk.mark(ES, 997_000);                                  // -90.00
        assertPassed(desk.buy(ALICE, ES, 990_000, 1));
    }

    @Test
    void endOfDayClockRestartsTheDailyLoss() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        desk.limits("default.maxDailyLoss=100");
        desk.mark(ES, 996_000);
        assertThat(desk.admin(Op.CLOCK, Command.ANY, Command.ANY, Op.CLOCK_END_OF_DAY, null).rejected()).isFalse();
        assertThat(desk.risk.dailyLoss(ALICE)).isZero();
        assertPassed(desk.buy(ALICE, ES, 990_000, 1));
        desk.mark(ES, 992_000);                                  // another -40.00 * 3 = -120.00 today
        assertRejected(desk.buy(ALICE, ES, 990_000, 1), RejectReason.RISK_LIMIT, "maxDailyLoss", 10_000, 12_000);
    }

    @Test
    void dailyLossIncludesFees() {
        desk.positions.defineInstrument(ES, 2, 0, 0, 10, 0);    // taker 10 bps
        desk.trade(ALICE, BOB, ES, PX, 3);                       // alice pays 30000.00 * 0.001 = 30.00
        desk.limits("default.maxDailyLoss=29.99");
        assertRejected(desk.buy(ALICE, ES, 990_000, 1), RejectReason.RISK_LIMIT, "maxDailyLoss", 2_999, 3_000);
    }

    @Test
    void unknownInstrumentIsRejected() {
        Command c = desk.buy(ALICE, 7, PX, 1);
        assertRejected(c, RejectReason.UNKNOWN_INSTRUMENT, RiskEngine.DETAIL_INSTRUMENT, 0, 0);
    }

    @Test
    void replaceAboveMaxOrderQtyIsRejectedAndTheOrderKeepsItsQuantity() {
        desk.limits("default.maxOrderQty=10\ndefault.maxLong=12");
        long id = desk.buy(ALICE, ES, PX, 5).orderId;
        assertRejected(desk.replace(id, Command.UNCHANGED, 11), RejectReason.RISK_LIMIT, "maxOrderQty", 10, 11);
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(5);
        assertPassed(desk.replace(id, Command.UNCHANGED, 8));
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(8);
        desk.buy(ALICE, ES, PX, 4);
        // replacing to 9 would make 9 + 4 = 13 working buys: counts the new open quantity, not old + new
        assertRejected(desk.replace(id, Command.UNCHANGED, 9), RejectReason.RISK_LIMIT, "maxLong", 12, 13);
    }

    @Test
    void replaceOfAPartlyFilledOrderCountsOnlyItsNewOpenQuantity() {
        long id = desk.buy(ALICE, ES, PX, 10).orderId;
        desk.sell(BOB, ES, PX, 4);                               // alice: +4, 6 open, 4 filled
        desk.limits("default.maxLong=12");
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(6);
        // new total 12 -> open 8; 4 + 8 = 12
        assertPassed(desk.replace(id, PX - 100, 12));
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(8);
        assertRejected(desk.replace(id, PX - 200, 13), RejectReason.RISK_LIMIT, "maxLong", 12, 13);
    }
}
