package io.nautilus.core.risk;

import io.nautilus.api.Side;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.TradingState;
import io.nautilus.core.position.PositionKeeper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static io.nautilus.core.risk.Desk.ALICE;
import static io.nautilus.core.risk.Desk.BOB;
import static io.nautilus.core.risk.Desk.ES;
import static io.nautilus.core.risk.Desk.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskEngineAdminTest {

    private static final long PX = 1_000_000;

    private final Desk desk = new Desk();

    private Command setLimits(String text) {
        return desk.admin(Op.SET_LIMITS, Command.ANY, Command.ANY, 0, text);
    }

    @Test
    void setLimitsCommandTakesEffectOnTheNextCommand() {
        assertThat(setLimits("default.maxOrderQty=5").rejected()).isFalse();
        assertThat(desk.buy(ALICE, ES, PX, 6).rejectDetail).isEqualTo("maxOrderQty");
        assertThat(setLimits("default.maxOrderQty=10").rejected()).isFalse();
        assertThat(desk.buy(ALICE, ES, PX, 6).rejected()).isFalse();
        assertThat(desk.risk.limits().limits().toText()).isEqualTo("default.maxOrderQty=10\n");
    }

    @Test
    void badLimitsAreRejectedAndTheOldLimitsStay() {
        setLimits("default.maxOrderQty=5");
        Command bad = setLimits("default.maxOrderQty=-1");
        assertThat(bad.rejectReason).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(bad.rejectDetail).isEqualTo(RiskEngine.DETAIL_LIMITS);
        assertThat(setLimits("default.maxOrderQtx=1").rejected()).isTrue();
        assertThat(desk.buy(ALICE, ES, PX, 6).rejectDetail).isEqualTo("maxOrderQty");
        assertThat(desk.buy(ALICE, ES, PX, 5).rejected()).isFalse();

        assertThatThrownBy(() -> desk.risk.setLimits(RiskLimits.parse("account.alice.maxLong=abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account.alice.maxLong")
                .hasMessageContaining("abc");
        assertThat(desk.risk.limits().limits().toText()).isEqualTo("default.maxOrderQty=5\n");
    }

    @Test
    void limitsOfAnAccountDefinedLaterApplyAfterItsAddAccount() {
        desk.limits("account.dave.maxOrderQty=1");
        assertThat(desk.risk.limits().unresolved()).containsExactly("account dave");
        desk.accountIds.put("dave", 3);
        assertThat(desk.admin(Op.ADD_ACCOUNT, 3, Command.ANY, 0, "dave").rejected()).isFalse();
        assertThat(desk.risk.limits().unresolved()).isEmpty();
        Command c = desk.buy(3, ES, PX, 2);
        assertThat(c.rejectDetail).isEqualTo("maxOrderQty");
        assertThat(c.rejectLimit).isEqualTo(1);
    }

    @Test
    void anAccountNoLimitNamesTakesTheDefaultsAndAPairOfAnInstrumentDefinedLaterApplies() {
        desk.limits("""
                default.maxOrderQty=50
                default.maxOrdersPerSecond=2
                account.alice.instrument.NQ.maxOrderQty=1
                """);
        assertThat(desk.risk.limits().unresolved()).containsExactly("instrument NQ");
        desk.accountIds.put("erin", 4);
        assertThat(desk.admin(Op.ADD_ACCOUNT, 4, Command.ANY, 0, "erin").rejected()).isFalse();
        assertThat(desk.buy(4, ES, PX, 51).rejectDetail).isEqualTo("maxOrderQty");
        assertThat(desk.buy(4, ES, PX, 1).rejected()).isFalse();
        assertThat(desk.buy(4, ES, PX, 1).rejected()).isFalse();
        assertThat(desk.buy(4, ES, PX, 1).rejectDetail).as("erin's order window has the default 2 a second")
                .isEqualTo("maxOrdersPerSecond");

        int nq = 2;
        desk.instrumentIds.put("NQ", nq);
        desk.positions.defineInstrument(nq, 2, 0, 0, 0, 0);
        Command define = new Command();
        define.clear();
        io.nautilus.core.InstrumentCommand.encode(nq, "NQ", 1, 1, 1, 0, 0, 2, 0, 0, 0, false, define);
        define.timestamp = desk.now;
        assertThat(desk.process(define).rejected()).isFalse();
        assertThat(desk.risk.limits().unresolved()).isEmpty();
        assertThat(desk.buy(ALICE, nq, PX, 2).rejectDetail).isEqualTo("maxOrderQty");
        assertThat(desk.buy(BOB, nq, PX, 2).rejected()).isFalse();
    }

    @Test
    void workingQuantityFollowsAcceptTradeReduceAndCancelEvents() {
        long id = desk.buy(ALICE, ES, PX, 10).orderId;
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(10);
        desk.sell(BOB, ES, PX, 4);                               // maker partly filled
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(6);
        assertThat(desk.risk.workingQuantity(BOB, ES, Side.SELL)).isZero();
        desk.reduce(id, 2);
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(4);
        desk.sell(BOB, ES, PX - 100, 9);                         // taker: fills 4, rests 5
        assertThat(desk.risk.workingQuantity(ALICE, ES, Side.BUY)).isZero();
        assertThat(desk.risk.workingQuantity(BOB, ES, Side.SELL)).isEqualTo(5);
        desk.cancel(desk.lastOrderId);
        assertThat(desk.risk.workingQuantity(BOB, ES, Side.SELL)).isZero();
        assertThat(desk.risk.workingOrders()).isZero();
    }

    @Test
    void tradingStatesListTheGlobalStateAndEveryScopeThatIsNotActive() {
        desk.admin(Op.SET_TRADING_STATE, BOB, Command.ANY, TradingState.REDUCING.ordinal(), null);
        desk.admin(Op.KILL, Command.ANY, Desk.BTC, 0, null);
        desk.admin(Op.SET_TRADING_STATE, ALICE, ES, TradingState.HALTED.ordinal(), null);
        desk.admin(Op.SET_TRADING_STATE, ALICE, Command.ANY, TradingState.ACTIVE.ordinal(), null);
        assertThat(desk.risk.tradingStates()).containsExactly(
                new ScopeState(Command.ANY, Command.ANY, TradingState.ACTIVE, false),
                new ScopeState(BOB, Command.ANY, TradingState.REDUCING, false),
                new ScopeState(Command.ANY, Desk.BTC, TradingState.HALTED, true),
                new ScopeState(ALICE, ES, TradingState.HALTED, false));
    }

    @Test
    void workingOrdersAreCountedPerAccount() {
        desk.buy(ALICE, ES, PX, 1);
        desk.buy(ALICE, Desk.BTC, PX, 1);
        desk.sell(BOB, ES, PX + 100, 1);
        assertThat(desk.risk.workingOrders(ALICE)).isEqualTo(2);
        assertThat(desk.risk.workingOrders(BOB)).isEqualTo(1);
        assertThat(desk.risk.workingOrders(Desk.CAROL)).isZero();
    }

    @Test
    void aRejectedCommandChangesNothing() throws IOException {
        desk.limits("default.maxOrderQty=5\ndefault.maxOrdersPerSecond=3");
        desk.buy(ALICE, ES, PX, 1);
        byte[] before = snapshot(desk.risk);
        Command c = desk.buy(ALICE, ES, PX, 6);
        assertThat(c.rejected()).isTrue();
        assertThat(snapshot(desk.risk)).isEqualTo(before);
    }

    @Test
    void snapshotRoundTripRestoresEveryDecisionInput() throws IOException {
        desk.limits("default.maxOrdersPerSecond=2\ndefault.maxLong=10\ndefault.maxDailyLoss=500\n"
                + "instrument.BTC.maxOrderQty=1\naccount.bob.instrument.ES.maxShort=4\n");
        desk.trade(ALICE, BOB, ES, PX, 3);
        desk.now = T0 + 2_000_000_000L;
        desk.buy(ALICE, ES, PX - 100, 4);
        desk.admin(Op.SET_TRADING_STATE, BOB, Command.ANY, TradingState.REDUCING.ordinal(), null);
        desk.admin(Op.KILL, Command.ANY, Desk.BTC, 0, null);
        desk.admin(Op.SET_TRADING_STATE, Desk.CAROL, ES, TradingState.HALTED.ordinal(), null);
        desk.admin(Op.CLOCK, Command.ANY, Command.ANY, Op.CLOCK_END_OF_DAY, null);
        desk.mark(ES, 990_000);

        byte[] positionBytes = snapshot(desk.positions);
        byte[] riskBytes = snapshot(desk.risk);
        PositionKeeper positions = new PositionKeeper(4);
        positions.readSnapshot(new DataInputStream(new ByteArrayInputStream(positionBytes)));
        RiskEngine restored = new RiskEngine(positions);
        restored.readSnapshot(new DataInputStream(new ByteArrayInputStream(riskBytes)));

        assertThat(snapshot(restored)).isEqualTo(riskBytes);
        assertThat(restored.limits().limits()).isEqualTo(desk.risk.limits().limits());
        assertThat(restored.workingQuantity(ALICE, ES, Side.BUY)).isEqualTo(4);
        assertThat(restored.tradingState(BOB, ES)).isEqualTo(TradingState.REDUCING);
        assertThat(restored.killed(Command.ANY, Desk.BTC)).isTrue();
        assertThat(restored.tradingState(Desk.CAROL, ES)).isEqualTo(TradingState.HALTED);
        assertThat(restored.dailyLoss(ALICE)).isEqualTo(desk.risk.dailyLoss(ALICE)).isEqualTo(30_000);

        // the same next commands get the same outcomes
        Command[] probes = {
                probe(ALICE, ES, Side.BUY, PX - 200, 4, T0 + 2_000_000_001L),   // maxLong: 3 + 4 + 4 = 11
                probe(ALICE, ES, Side.BUY, PX - 200, 3, T0 + 2_000_000_002L),   // passes: 10, loss 300.00
                probe(ALICE, ES, Side.SELL, PX, 1, T0 + 2_000_000_003L),        // throttled: 2 in the window
                probe(BOB, ES, Side.SELL, PX, 1, T0 + 3_100_000_000L),          // bob is REDUCING
                probe(ALICE, Desk.BTC, Side.BUY, PX, 1, T0 + 3_100_000_000L),   // BTC was killed
                probe(Desk.CAROL, ES, Side.BUY, PX, 1, T0 + 3_100_000_000L),    // carol in ES is HALTED
        };
        RejectReason[] expected = {RejectReason.RISK_LIMIT, RejectReason.NONE, RejectReason.THROTTLED,
                RejectReason.TRADING_HALTED, RejectReason.KILL_SWITCH, RejectReason.TRADING_HALTED};
        for (int k = 0; k < probes.length; k++) {
            Command p = probes[k];
            Command a = copy(p);
            Command b = copy(p);
            desk.risk.check(a);
            restored.check(b);
            assertThat(a.rejectReason).as("%s", p).isEqualTo(expected[k]);
            assertThat(b.rejectReason).as("%s", p).isEqualTo(a.rejectReason);
            assertThat(b.rejectDetail).isEqualTo(a.rejectDetail);
            assertThat(b.rejectValue).isEqualTo(a.rejectValue);
        }
        assertThat(snapshot(restored)).isEqualTo(snapshot(desk.risk));
    }

    private static Command probe(int account, int instrument, Side side, long price, long qty, long time) {
        Command c = new Command();
        c.clear();
        c.op = Op.NEW;
        c.orderId = 1000 + time % 1000;
        c.timestamp = time;
        c.account = account;
        c.instrument = instrument;
        c.side = side;
        c.type = io.nautilus.api.OrderType.LIMIT;
        c.tif = io.nautilus.api.TimeInForce.GTC;
        c.price = price;
        c.qty = qty;
        return c;
    }

    private static Command copy(Command p) {
        Command c = new Command();
        c.copyInputFrom(p);
        return c;
    }

    @Test
    void readingAForeignSnapshotFails() {
        assertThatThrownBy(() -> desk.risk.readSnapshot(new DataInputStream(new ByteArrayInputStream(new byte[8]))))
                .isInstanceOf(IOException.class);
    }

    static byte[] snapshot(io.nautilus.core.Snapshotable s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeSnapshot(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
