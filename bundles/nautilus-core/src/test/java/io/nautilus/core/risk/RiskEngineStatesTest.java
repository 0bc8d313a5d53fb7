package io.nautilus.core.risk;

import io.nautilus.api.Side;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.TradingState;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.risk.Desk.ALICE;
import static io.nautilus.core.risk.Desk.BOB;
import static io.nautilus.core.risk.Desk.BTC;
import static io.nautilus.core.risk.Desk.ES;
import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineStatesTest {

    private static final long PX = 1_000_000;
    private static final int ANY = Command.ANY;

    private final Desk desk = new Desk();

    private Command setState(int account, int instrument, TradingState state) {
        return desk.admin(Op.SET_TRADING_STATE, account, instrument, state.ordinal(), null);
    }

    private static void assertRejected(Command c, RejectReason reason, String detail) {
        assertThat(c.rejectReason).as("reason of %s", c).isEqualTo(reason);
        assertThat(c.rejectDetail).isEqualTo(detail);
    }

    private static void assertPassed(Command c) {
        assertThat(c.rejectReason).as("reason of %s (detail %s)", c, c.rejectDetail).isEqualTo(RejectReason.NONE);
    }

    @Test
    void globalHaltRejectsNewOrdersButAllowsCancelsAndReduces() {
        long a = desk.buy(ALICE, ES, PX, 5).orderId;
        long b = desk.buy(ALICE, ES, PX, 5).orderId;
        assertPassed(setState(ANY, ANY, TradingState.HALTED));
        assertRejected(desk.buy(BOB, BTC, PX, 1), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_HALTED);
        assertPassed(desk.reduce(a, 2));
        assertPassed(desk.cancel(b));
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(3);
        assertPassed(setState(ANY, ANY, TradingState.ACTIVE));
        assertPassed(desk.buy(BOB, BTC, PX, 1));
    }

    @Test
    void haltedRejectsAReplaceThatChangesThePriceButNotAQuantityCut() {
        long id = desk.buy(ALICE, ES, PX, 5).orderId;
        setState(ALICE, ANY, TradingState.HALTED);
        assertRejected(desk.replace(id, PX - 100, Command.UNCHANGED), RejectReason.TRADING_HALTED,
                RiskEngine.DETAIL_HALTED);
        assertPassed(desk.replace(id, Command.UNCHANGED, 3));
    }

    @Test
    void accountHaltDoesNotTouchOtherAccounts() {
        setState(ALICE, ANY, TradingState.HALTED);
        assertRejected(desk.buy(ALICE, ES, PX, 1), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_HALTED);
        assertPassed(desk.buy(BOB, ES, PX, 1));
        assertThat(desk.risk.scopeState(ALICE, ANY)).isEqualTo(TradingState.HALTED);
        assertThat(desk.risk.scopeState(BOB, ANY)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void instrumentAndPairStatesApplyOnlyThere() {
        setState(ANY, BTC, TradingState.HALTED);
        setState(BOB, ES, TradingState.HALTED);
        assertRejected(desk.buy(ALICE, BTC, PX, 1), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_HALTED);
        assertRejected(desk.buy(BOB, ES, PX, 1), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_HALTED);
        assertPassed(desk.buy(ALICE, ES, PX, 1));
        assertThat(desk.risk.tradingState(BOB, ES)).isEqualTo(TradingState.HALTED);
        assertThat(desk.risk.tradingState(BOB, BTC)).isEqualTo(TradingState.HALTED);
        assertThat(desk.risk.tradingState(ALICE, ES)).isEqualTo(TradingState.ACTIVE);
        setState(BOB, ES, TradingState.ACTIVE);
        assertPassed(desk.buy(BOB, ES, PX - 1, 1));
    }

    @Test
    void theMostRestrictiveScopeWins() {
        setState(ANY, ANY, TradingState.REDUCING);
        setState(ALICE, ANY, TradingState.HALTED);
        assertThat(desk.risk.tradingState(ALICE, ES)).isEqualTo(TradingState.HALTED);
        assertThat(desk.risk.tradingState(BOB, ES)).isEqualTo(TradingState.REDUCING);
        assertRejected(desk.buy(ALICE, ES, PX, 1), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_HALTED);
        assertRejected(desk.buy(BOB, ES, PX, 1), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_REDUCING);
    }

    @Test
    void reducingAllowsOnlyOrdersThatReduceThePosition() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        setState(ANY, ES, TradingState.REDUCING);
        Command buy = desk.buy(ALICE, ES, PX, 1);
        assertRejected(buy, RejectReason.TRADING_HALTED, RiskEngine.DETAIL_REDUCING);
        assertThat(buy.rejectLimit).isZero();
        assertThat(buy.rejectValue).isEqualTo(1);
        Command flip = desk.sell(ALICE, ES, PX + 100, 4);
        assertRejected(flip, RejectReason.TRADING_HALTED, RiskEngine.DETAIL_REDUCING);
        assertThat(flip.rejectLimit).isEqualTo(3);
        assertThat(flip.rejectValue).isEqualTo(4);
        assertPassed(desk.sell(ALICE, ES, PX + 100, 2));
        // 2 working + 2 = 4 > 3: together they could flip the position
        assertRejected(desk.sell(ALICE, ES, PX + 100, 2), RejectReason.TRADING_HALTED, RiskEngine.DETAIL_REDUCING);
        assertPassed(desk.sell(ALICE, ES, PX + 100, 1));
        assertRejected(desk.sell(Desk.CAROL, ES, PX, 1), RejectReason.TRADING_HALTED,
                RiskEngine.DETAIL_REDUCING);                         // carol is flat
        assertPassed(desk.buy(BOB, ES, PX - 100, 3));              // bob is short 3
    }

    @Test
    void killHaltsTheScopeWithTheKillSwitchReasonUntilReactivated() {
        long id = desk.buy(ALICE, ES, PX, 5).orderId;
        assertPassed(desk.admin(Op.KILL, ALICE, ANY, 0, null));
        assertThat(desk.risk.scopeState(ALICE, ANY)).isEqualTo(TradingState.HALTED);
        assertThat(desk.risk.killed(ALICE, ANY)).isTrue();
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).as("matching canceled it").isZero();
        assertThat(desk.matching.openOrderIds()).doesNotContain(id);
        Command c = desk.buy(ALICE, ES, PX, 1);
        assertRejected(c, RejectReason.KILL_SWITCH, RiskEngine.DETAIL_KILL_SWITCH);
        assertPassed(desk.buy(BOB, ES, PX, 1));
        setState(ALICE, ANY, TradingState.ACTIVE);
        assertThat(desk.risk.killed(ALICE, ANY)).isFalse();
        assertPassed(desk.buy(ALICE, ES, PX, 1));
    }

    @Test
    void globalKillHaltsEveryone() {
        desk.admin(Op.KILL, ANY, ANY, 0, null);
        assertThat(desk.risk.tradingState(BOB, BTC)).isEqualTo(TradingState.HALTED);
        assertRejected(desk.buy(BOB, BTC, PX, 1), RejectReason.KILL_SWITCH, RiskEngine.DETAIL_KILL_SWITCH);
    }

    @Test
    void invalidTradingStateCodeIsRejectedAndChangesNothing() {
        Command c = desk.admin(Op.SET_TRADING_STATE, ANY, ANY, 3, null);
        assertRejected(c, RejectReason.INVALID_ORDER, RiskEngine.DETAIL_TRADING_STATE);
        assertThat(desk.risk.scopeState(ANY, ANY)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void reduceOnlyRejectsOrdersThatWouldIncreaseOrFlip() {
        Command flat = desk.reduceOnly(ALICE, ES, Side.SELL, PX, 1);
        assertRejected(flat, RejectReason.REDUCE_ONLY_WOULD_INCREASE, RiskEngine.DETAIL_REDUCE_ONLY);
        assertThat(flat.rejectLimit).isZero();
        assertThat(flat.rejectValue).isEqualTo(1);
        desk.trade(ALICE, BOB, ES, PX, 3);
        assertRejected(desk.reduceOnly(ALICE, ES, Side.BUY, PX - 100, 1), RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                RiskEngine.DETAIL_REDUCE_ONLY);
        Command flip = desk.reduceOnly(ALICE, ES, Side.SELL, PX + 100, 4);
        assertRejected(flip, RejectReason.REDUCE_ONLY_WOULD_INCREASE, RiskEngine.DETAIL_REDUCE_ONLY);
        assertThat(flip.rejectLimit).isEqualTo(3);
        assertThat(flip.rejectValue).isEqualTo(4);
        long id = desk.reduceOnly(ALICE, ES, Side.SELL, PX + 100, 2).orderId;
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.SELL)).isEqualTo(2);
        // raising the reduce-only order beyond the position is rejected, lowering it is fine
        assertRejected(desk.replace(id, Command.UNCHANGED, 4), RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                RiskEngine.DETAIL_REDUCE_ONLY);
        assertPassed(desk.replace(id, Command.UNCHANGED, 3));
        assertPassed(desk.replace(id, Command.UNCHANGED, 1));
    }

    @Test
    void reduceOnlyPassesRegardlessOfActiveState() {
        desk.trade(ALICE, BOB, ES, PX, 3);
        assertPassed(desk.reduceOnly(BOB, ES, Side.BUY, PX - 100, 3));
    }
}
