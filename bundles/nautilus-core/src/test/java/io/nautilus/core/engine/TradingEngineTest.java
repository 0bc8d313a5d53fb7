package io.nautilus.core.engine;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.TradingState;
import io.nautilus.core.matching.LevelView;
import io.nautilus.core.matching.OrderState;
import io.nautilus.core.position.PositionView;
import io.nautilus.core.risk.RiskEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's parts working together: registry, risk, matching, positions and averages, one command at a time. */
class TradingEngineTest {

    static final int ABC = 0;
    static final int ALICE = 0;
    static final int BOB = 1;
    static final int CAROL = 2;
    static final int REGISTRY = 0;
    static final int MATCHING = 1;
    static final int POSITIONS = 2;
    static final int RISK = 3;
    static final int AVERAGES = 4;

    EngineDriver d;

    @BeforeEach
    void desk() {
        d = new EngineDriver(2);
    }

    /** ABC: tick 1, lot 1, min 1, price scale 2, quantity scale 0, no fees; accounts alice, bob, carol. */
    void defineDesk() {
        assertThat(d.instrument(ABC, "ABC", 1, 1, 1, 2, 0, 0, 0).rejected()).isFalse();
        assertThat(d.account(ALICE, "alice", SelfTradePrevention.NONE).rejected()).isFalse();
        assertThat(d.account(BOB, "bob", SelfTradePrevention.NONE).rejected()).isFalse();
        assertThat(d.account(CAROL, "carol", SelfTradePrevention.NONE).rejected()).isFalse();
    }

    // ------------------------------------------------------------------ definitions

    @Test
    void definitionCommandsReachRegistryMatchingAndPositions() {
        Registry.InstrumentDef def = new Registry.InstrumentDef(0, "ABC", 5, 10, 20, 0, 0, 2, 1, -1, 3);

        Command c = d.instrument(def);

        assertThat(c.rejected()).isFalse();
        assertThat(c.events.size()).isZero();
        assertThat(d.engine.registry().view().instrument(0)).isEqualTo(def);
        assertThat(d.engine.registry().view().instrumentId("ABC")).isZero();
        assertThat(d.engine.matching().instrument(0)).hasValueSatisfying(i -> {
            assertThat(i.tickSize()).isEqualTo(5);
            assertThat(i.lotSize()).isEqualTo(10);
            assertThat(i.minQty()).isEqualTo(20);
        });
        assertThat(d.engine.positions().isDefined(0)).isTrue();
        assertThat(d.engine.positions().priceScale(0)).isEqualTo(2);
        assertThat(d.engine.positions().quantityScale(0)).isEqualTo(1);

        assertThat(d.account(0, "alice", SelfTradePrevention.CANCEL_RESTING).rejected()).isFalse();
        assertThat(d.engine.registry().view().accountId("alice")).isZero();
        assertThat(d.engine.matching().account(0)).contains(SelfTradePrevention.CANCEL_RESTING);
    }

    @Test
    void redefiningAnInstrumentKeepsItsIdAndChangesItsParameters() {
        defineDesk();

        Command c = d.instrument(new Registry.InstrumentDef(ABC, "ABC", 10, 1, 1, 0, 0, 2, 0, 0, 0));

        assertThat(c.rejected()).isFalse();
        assertThat(d.engine.registry().view().instruments()).hasSize(1);
        assertThat(d.engine.matching().instrument(ABC).orElseThrow().tickSize()).isEqualTo(10);
        assertThat(d.buy(1, ALICE, 15, 1).rejectReason).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
    }

    static Stream<Arguments> badInstruments() {
        return Stream.of(
                bad("blank symbol", def(1, " ", 1, 1, 1, 2, 0, 0, 0)),
                bad("null symbol", def(1, null, 1, 1, 1, 2, 0, 0, 0)),
                bad("negative id", def(-1, "XYZ", 1, 1, 1, 2, 0, 0, 0)),
                bad("tick 0", def(1, "XYZ", 0, 1, 1, 2, 0, 0, 0)),
                bad("lot 0", def(1, "XYZ", 1, 0, 1, 2, 0, 0, 0)),
                bad("min 0", def(1, "XYZ", 1, 1, 0, 2, 0, 0, 0)),
                bad("min not a lot multiple", def(1, "XYZ", 1, 10, 15, 2, 0, 0, 0)),
                bad("id gap", def(5, "XYZ", 1, 1, 1, 2, 0, 0, 0)),
                bad("taken id", def(0, "XYZ", 1, 1, 1, 2, 0, 0, 0)),
                bad("taken symbol", def(1, "ABC", 1, 1, 1, 2, 0, 0, 0)),
                bad("price scale 19", def(1, "XYZ", 1, 1, 1, 19, 0, 0, 0)),
                bad("quantity scale 15", def(1, "XYZ", 1, 1, 1, 2, 15, 0, 0)),
                bad("scales 10 + 9", def(1, "XYZ", 1, 1, 1, 10, 9, 0, 0)),
                bad("maker fee 10001", def(1, "XYZ", 1, 1, 1, 2, 0, 10_001, 0)),
                bad("taker fee -10001", def(1, "XYZ", 1, 1, 1, 2, 0, 0, -10_001)),
                bad("negative band", c -> {
                    Registry.encode(def(1, "XYZ", 1, 1, 1, 2, 0, 0, 0), c);
                    c.displayQty = -1;
                }),
                bad("negative reference", c -> {
                    Registry.encode(def(1, "XYZ", 1, 1, 1, 2, 0, 0, 0), c);
                    c.expiry = -5;
                }));
    }

    static Stream<Arguments> badAccounts() {
        return Stream.of(
                bad("blank name", account(3, "")),
                bad("null name", account(3, null)),
                bad("negative id", account(-1, "dave")),
                bad("id gap", account(4, "dave")),
                bad("taken id", account(0, "dave")),
                bad("taken name", account(3, "bob")),
                bad("unknown stp code", c -> {
                    Registry.encode(new Registry.AccountDef(3, "dave", SelfTradePrevention.NONE), c);
                    c.flags = 9;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badInstruments", "badAccounts"})
    void badDefinitionsAreRejectedAndChangeNothing(String what, Consumer<Command> definition) {
        defineDesk();
        byte[] before = d.snapshot();

        d.c.clear();
        definition.accept(d.c);
        Command c = d.send();

        assertThat(c.rejectReason).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(c.rejectDetail).isEqualTo(TradingEngine.DETAIL_DEFINITION);
        assertThat(c.events.size()).isEqualTo(1);
        assertThat(c.events.type(0)).isEqualTo(Events.REJECTED);
        assertThat(c.events.reason(0)).isEqualTo(RejectReason.INVALID_ORDER.ordinal());
        assertThat(d.snapshot()).as("snapshot after the rejected %s", what).isEqualTo(before);
    }

    @Test
    void changingTheScalesOfATradedInstrumentIsRejectedAndChangesNothing() {
        defineDesk();
        d.sell(1, ALICE, 100, 5);
        d.buy(2, BOB, 100, 5);
        byte[] before = d.snapshot();

        Command c = d.instrument(new Registry.InstrumentDef(ABC, "ABC", 1, 1, 1, 0, 0, 4, 0, 0, 0));

        assertThat(c.rejectReason).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(d.snapshot()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ risk

    @Test
    void aRiskRejectIsOneRejectedEventWithLimitAndWouldBeValueAndChangesNoState() {
        defineDesk();
        assertThat(d.limits("default.maxOrderQty=5").rejected()).isFalse();
        d.sell(1, ALICE, 100, 5);
        d.buy(2, BOB, 90, 3);
        List<byte[]> before = d.partBytes();

        Command c = d.buy(3, BOB, 100, 6);

        assertThat(c.rejectReason).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(c.rejectDetail).isEqualTo("maxOrderQty");
        assertThat(c.rejectLimit).isEqualTo(5);
        assertThat(c.rejectValue).isEqualTo(6);
        assertThat(c.events.size()).isEqualTo(1);
        assertThat(c.events.type(0)).isEqualTo(Events.REJECTED);
        assertThat(c.events.reason(0)).isEqualTo(RejectReason.RISK_LIMIT.ordinal());
        assertThat(c.events.value(0)).as("limit").isEqualTo(5);
        assertThat(c.events.value2(0)).as("would-be value").isEqualTo(6);
        assertThat(c.events.orderId(0)).isEqualTo(3);
        assertThat(c.events.account(0)).isEqualTo(BOB);
        assertThat(c.events.side(0)).isEqualTo(Side.BUY);
        List<byte[]> after = d.partBytes();
        for (int part : new int[] {REGISTRY, MATCHING, POSITIONS, RISK, AVERAGES}) {
            assertThat(after.get(part)).as("snapshot part %d", part).isEqualTo(before.get(part));
        }
        assertThat(d.engine.matching().orderState(3)).isEqualTo(OrderState.UNKNOWN);
        assertThat(d.engine.matching().depth(ABC, Side.SELL, 5)).containsExactly(new LevelView(100, 5, 1));
        assertThat(d.engine.positions().allPositions()).isEmpty();
    }

    @Test
    void anOrderAtTheLimitPassesAndTrades() {
        defineDesk();
        d.limits("default.maxOrderQty=5");
        d.sell(1, ALICE, 100, 5);

        Command c = d.buy(2, BOB, 100, 5);

        assertThat(c.rejected()).isFalse();
        assertThat(c.events.hasTrades()).isTrue();
        assertThat(d.engine.positions().quantity(BOB, ABC)).isEqualTo(5);
    }

    @Test
    void theEventsCountTheirTrades() {
        defineDesk();
        d.sell(1, ALICE, 100, 2);
        d.sell(2, ALICE, 101, 3);

        Command c = d.buy(3, BOB, 101, 5);

        assertThat(c.events.trades()).isEqualTo(2);
        int trades = 0;
        for (int i = 0; i < c.events.size(); i++) {
            trades += c.events.type(i) == io.nautilus.core.Events.TRADE ? 1 : 0;
        }
        assertThat(trades).isEqualTo(2);
        c.events.clear();
        assertThat(c.events.trades()).isZero();
        assertThat(c.events.hasTrades()).isFalse();
    }

    @Test
    void limitsTextThatDoesNotParseIsRejectedAndTheOldLimitsStay() {
        defineDesk();
        d.limits("default.maxOrderQty=5");
        byte[] before = d.snapshot();

        Command c = d.limits("default.maxOrderQty=five");

        assertThat(c.rejectReason).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(c.rejectDetail).isEqualTo(RiskEngine.DETAIL_LIMITS);
        assertThat(c.events.size()).isEqualTo(1);
        assertThat(d.snapshot()).isEqualTo(before);
        assertThat(d.buy(1, BOB, 100, 6).rejectReason).isEqualTo(RejectReason.RISK_LIMIT);
    }

    @Test
    void limitsNamingAnAccountDefinedLaterApplyOnceItIsDefined() {
        d.instrument(ABC, "ABC", 1, 1, 1, 2, 0, 0, 0);
        d.limits("account.dave.maxOrderQty=2");
        d.account(0, "dave", SelfTradePrevention.NONE);

        Command c = d.buy(1, 0, 100, 3);

        assertThat(c.rejectReason).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(c.rejectLimit).isEqualTo(2);
    }

    // ------------------------------------------------------------------ fills, positions, averages

    @Test
    void fillsUpdateTakerAndMakerPositionsAndTheAveragesAcrossPartialFills() {
        defineDesk();
        d.sell(1, ALICE, 100, 1);
        d.sell(2, ALICE, 101, 1);
        d.sell(3, ALICE, 102, 10);

        Command c = d.buy(4, BOB, 102, 4);

        Events e = c.events;
        assertThat(e.size()).isEqualTo(4);
        assertThat(e.type(0)).isEqualTo(Events.ACCEPTED);
        assertThat(e.average(0)).isZero();
        assertThat(e.cumulative(0)).isZero();
        assertTrade(e, 1, 4, 1, 100, 1, 3, 0);
        assertThat(e.cumulative(1)).isEqualTo(1);
        assertThat(e.average(1)).isEqualTo(100);
        assertThat(e.counterAverage(1)).isEqualTo(100);
        assertTrade(e, 2, 4, 2, 101, 1, 2, 0);
        assertThat(e.cumulative(2)).isEqualTo(2);
        assertThat(e.average(2)).as("(100 + 101) / 2 rounds half up").isEqualTo(101);
        assertThat(e.counterAverage(2)).isEqualTo(101);
        assertTrade(e, 3, 4, 3, 102, 2, 0, 8);
        assertThat(e.cumulative(3)).isEqualTo(4);
        assertThat(e.value2(3)).as("maker cumulative").isEqualTo(2);
        assertThat(e.average(3)).as("405 / 4").isEqualTo(101);
        assertThat(e.counterAverage(3)).isEqualTo(102);

        c = d.buy(5, CAROL, 102, 3);
        assertTrade(c.events, 1, 5, 3, 102, 3, 0, 5);
        assertThat(c.events.value2(1)).isEqualTo(5);
        assertThat(c.events.counterAverage(1)).isEqualTo(102);

        c = d.replace(3, 103, Command.UNCHANGED);
        assertThat(c.events.type(0)).isEqualTo(Events.REPLACED);
        assertThat(c.events.leaves(0)).isEqualTo(5);
        assertThat(c.events.cumulative(0)).as("a replace of a partly filled order reports its fills").isEqualTo(5);
        assertThat(c.events.average(0)).isEqualTo(102);

        c = d.reduce(3, 1);
        assertThat(c.events.type(0)).isEqualTo(Events.REDUCED);
        assertThat(c.events.leaves(0)).isEqualTo(4);
        assertThat(c.events.cumulative(0)).isEqualTo(5);
        assertThat(c.events.average(0)).isEqualTo(102);

        c = d.cancel(3);
        assertThat(c.events.type(0)).isEqualTo(Events.CANCELED);
        assertThat(c.events.qty(0)).isEqualTo(4);
        assertThat(c.events.cumulative(0)).isEqualTo(5);
        assertThat(c.events.average(0)).isEqualTo(102);

        PositionView alice = d.engine.positions().view(ALICE, ABC);
        assertThat(alice.quantity()).isEqualTo(-7);
        assertThat(alice.costBasis()).isEqualTo(-(100 + 101 + 2 * 102 + 3 * 102));
        assertThat(alice.soldQuantity()).isEqualTo(7);
        PositionView bob = d.engine.positions().view(BOB, ABC);
        assertThat(bob.quantity()).isEqualTo(4);
        assertThat(bob.costBasis()).isEqualTo(405);
        assertThat(bob.boughtQuantity()).isEqualTo(4);
        assertThat(d.engine.positions().view(CAROL, ABC).quantity()).isEqualTo(3);
        assertThat(d.engine.risk().workingOrders()).isZero();
    }

    @Test
    void closingAPositionRealisesItsPnlAndTheOtherSideKeepsTheExactIdentity() {
        defineDesk();
        d.sell(1, ALICE, 100, 1);
        d.sell(2, ALICE, 101, 3);
        d.buy(3, BOB, 101, 4);
        d.buy(4, ALICE, 110, 4);

        d.sell(5, BOB, 110, 4);

        PositionView bob = d.engine.positions().view(BOB, ABC);
        assertThat(bob.quantity()).isZero();
        assertThat(bob.realised()).isEqualTo(4 * 110 - (100 + 3 * 101));
        PositionView alice = d.engine.positions().view(ALICE, ABC);
        assertThat(alice.quantity()).isZero();
        assertThat(alice.realised()).isEqualTo(100 + 3 * 101 - 4 * 110);
        assertThat(d.engine.positions().totals(ALICE).realised()).isEqualTo(alice.realised());
    }

    @Test
    void aCrossingReplaceTradesAsAggressorAndItsAveragesFollow() {
        defineDesk();
        d.sell(1, ALICE, 105, 2);
        d.buy(2, BOB, 100, 5);

        Command c = d.replace(2, 105, Command.UNCHANGED);

        Events e = c.events;
        assertThat(e.type(0)).isEqualTo(Events.REPLACED);
        assertThat(e.cumulative(0)).isZero();
        assertTrade(e, 1, 2, 1, 105, 2, 3, 0);
        assertThat(e.average(1)).isEqualTo(105);
        assertThat(d.engine.matching().order(2).orElseThrow().openQty()).isEqualTo(3);
        assertThat(d.engine.positions().quantity(BOB, ABC)).isEqualTo(2);
        assertThat(d.engine.risk().workingQuantity(BOB, ABC, Side.BUY)).isEqualTo(3);
    }

    // ------------------------------------------------------------------ kill, mark

    @Test
    void killCancelsTheScopesWorkingOrdersAndHaltsIt() {
        defineDesk();
        d.buy(1, ALICE, 99, 5);
        d.sell(2, ALICE, 105, 5);
        d.buy(3, BOB, 98, 5);

        Command c = d.kill(ALICE, Command.ANY);

        assertThat(c.rejected()).isFalse();
        assertThat(c.events.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(c.events.type(i)).isEqualTo(Events.CANCELED);
            assertThat(c.events.orderId(i)).isEqualTo(i + 1);
            assertThat(c.events.reason(i)).isEqualTo(CancelReason.KILL_SWITCH.ordinal());
            assertThat(c.events.qty(i)).isEqualTo(5);
        }
        assertThat(d.engine.matching().isWorking(3)).isTrue();
        assertThat(d.engine.risk().killed(ALICE, Command.ANY)).isTrue();
        assertThat(d.engine.risk().tradingState(ALICE, ABC)).isEqualTo(TradingState.HALTED);
        assertThat(d.engine.risk().workingOrders(ALICE)).isZero();

        byte[] before = d.snapshot();
        c = d.buy(4, ALICE, 99, 1);
        assertThat(c.rejectReason).isEqualTo(RejectReason.KILL_SWITCH);
        assertThat(c.events.size()).isEqualTo(1);
        assertThat(c.events.reason(0)).isEqualTo(RejectReason.KILL_SWITCH.ordinal());
        assertThat(d.engine.matching().orderState(4)).isEqualTo(OrderState.UNKNOWN);

        assertThat(d.sell(5, CAROL, 98, 5).events.hasTrades()).isTrue();
        assertThat(d.engine.positions().quantity(BOB, ABC)).isEqualTo(5);
        assertThat(before).isNotEqualTo(d.snapshot());
    }

    @Test
    void aGlobalKillCancelsEveryOrderAndResettingTheGlobalStateLeavesAccountKillsInForce() {
        defineDesk();
        d.buy(1, ALICE, 99, 5);
        d.buy(2, BOB, 98, 5);
        d.kill(ALICE, Command.ANY);
        d.sell(3, CAROL, 110, 5);

        Command c = d.kill(Command.ANY, Command.ANY);

        assertThat(c.events.size()).isEqualTo(2);
        assertThat(c.events.orderId(0)).isEqualTo(2);
        assertThat(c.events.orderId(1)).isEqualTo(3);
        assertThat(d.engine.matching().workingOrderCount()).isZero();
        assertThat(d.buy(4, BOB, 99, 1).rejectReason).isEqualTo(RejectReason.KILL_SWITCH);

        assertThat(d.tradingState(Command.ANY, Command.ANY, TradingState.ACTIVE).rejected()).isFalse();
        assertThat(d.buy(5, BOB, 99, 1).rejected()).isFalse();
        assertThat(d.buy(6, ALICE, 99, 1).rejectReason).isEqualTo(RejectReason.KILL_SWITCH);
    }

    @Test
    void markMarksPositionsAndTheBandReference() {
        defineDesk();
        d.sell(1, BOB, 100, 10);
        d.buy(2, ALICE, 100, 10);

        Command c = d.mark(ABC, 110);

        assertThat(c.rejected()).isFalse();
        assertThat(c.events.size()).isZero();
        assertThat(d.engine.positions().markPrice(ABC)).isEqualTo(110);
        assertThat(d.engine.positions().view(ALICE, ABC).unrealised()).isEqualTo(10 * 110 - 1000);
        assertThat(d.engine.positions().view(BOB, ABC).unrealised()).isEqualTo(1000 - 10 * 110);
        assertThat(d.engine.positions().totals(ALICE).unrealised()).isEqualTo(100);
        assertThat(d.engine.matching().instrument(ABC).orElseThrow().bandReference()).isEqualTo(110);
    }

    @Test
    void markOfAnUndefinedInstrumentChangesNothing() {
        defineDesk();
        d.sell(1, BOB, 100, 10);
        byte[] before = d.snapshot();

        d.mark(9, 110);

        assertThat(d.snapshot()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ rejects that change nothing

    static Stream<Arguments> ordersNotWorking() {
        return Stream.of(
                Arguments.of(Op.CANCEL, 999L, RejectReason.UNKNOWN_ORDER),
                Arguments.of(Op.REPLACE, 999L, RejectReason.UNKNOWN_ORDER),
                Arguments.of(Op.REDUCE, 999L, RejectReason.UNKNOWN_ORDER),
                Arguments.of(Op.CANCEL, 1L, RejectReason.ORDER_FINISHED),
                Arguments.of(Op.REPLACE, 2L, RejectReason.ORDER_FINISHED),
                Arguments.of(Op.REDUCE, 1L, RejectReason.ORDER_FINISHED),
                Arguments.of(Op.CANCEL, 0L, RejectReason.UNKNOWN_ORDER),
                Arguments.of(Op.REPLACE, -3L, RejectReason.UNKNOWN_ORDER));
    }

    @ParameterizedTest(name = "{0} of order {1}: {2}")
    @MethodSource("ordersNotWorking")
    void commandsOnOrdersThatAreNotWorkingAreRejectedAndChangeNothing(byte op, long orderId, RejectReason reason) {
        defineDesk();
        d.buy(1, ALICE, 100, 5);
        d.sell(2, BOB, 100, 5);
        d.buy(3, CAROL, 99, 5);
        byte[] before = d.snapshot();

        d.c.clear();
        d.c.op = op;
        d.c.orderId = orderId;
        d.c.price = op == Op.REPLACE ? 101 : 0;
        d.c.qty = op == Op.REPLACE ? Command.UNCHANGED : 1;
        Command c = d.send();

        assertThat(c.rejectReason).isEqualTo(reason);
        assertThat(c.events.size()).isEqualTo(1);
        assertThat(c.events.type(0)).isEqualTo(Events.REJECTED);
        assertThat(c.events.reason(0)).isEqualTo(reason.ordinal());
        assertThat(d.snapshot()).isEqualTo(before);
    }

    @Test
    void anOrderOfAnUndefinedAccountIsRejectedAndChangesNothing() {
        defineDesk();
        d.buy(1, ALICE, 100, 5);
        List<byte[]> before = d.partBytes();

        Command c = d.buy(2, 7, 100, 5);

        assertThat(c.rejectReason).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
        assertThat(c.rejectDetail).isEqualTo(TradingEngine.DETAIL_ACCOUNT);
        assertThat(c.events.size()).isEqualTo(1);
        List<byte[]> after = d.partBytes();
        for (int part : new int[] {REGISTRY, MATCHING, POSITIONS, RISK, AVERAGES}) {
            assertThat(after.get(part)).as("snapshot part %d", part).isEqualTo(before.get(part));
        }
    }

    @Test
    void anOrderOfAnUndefinedInstrumentIsRejectedAndChangesNothing() {
        defineDesk();
        List<byte[]> before = d.partBytes();

        Command c = d.order(1, ALICE, 3, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5);

        assertThat(c.rejectReason).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(c.events.size()).isEqualTo(1);
        List<byte[]> after = d.partBytes();
        for (int part : new int[] {REGISTRY, MATCHING, POSITIONS, RISK, AVERAGES}) {
            assertThat(after.get(part)).as("snapshot part %d", part).isEqualTo(before.get(part));
        }
    }

    // ------------------------------------------------------------------ helpers

    static void assertTrade(Events e, int i, long taker, long maker, long price, long qty, long takerLeaves,
                            long makerLeaves) {
        assertThat(e.type(i)).as("event %d type", i).isEqualTo(Events.TRADE);
        assertThat(e.orderId(i)).as("event %d taker", i).isEqualTo(taker);
        assertThat(e.counterOrderId(i)).as("event %d maker", i).isEqualTo(maker);
        assertThat(e.price(i)).as("event %d price", i).isEqualTo(price);
        assertThat(e.qty(i)).as("event %d qty", i).isEqualTo(qty);
        assertThat(e.leaves(i)).as("event %d taker leaves", i).isEqualTo(takerLeaves);
        assertThat(e.counterLeaves(i)).as("event %d maker leaves", i).isEqualTo(makerLeaves);
    }

    static Arguments bad(String what, Registry.InstrumentDef def) {
        return Arguments.of(what, (Consumer<Command>) c -> Registry.encode(def, c));
    }

    static Arguments bad(String what, Consumer<Command> fill) {
        return Arguments.of(what, fill);
    }

    static Registry.InstrumentDef def(int id, String symbol, long tick, long lot, long min, int priceScale,
                                      int quantityScale, long makerFee, long takerFee) {
        return new Registry.InstrumentDef(id, symbol, tick, lot, min, 0, 0, priceScale, quantityScale, makerFee,
                takerFee);
    }

    static Consumer<Command> account(int id, String name) {
        return c -> {
            c.op = Op.ADD_ACCOUNT;
            c.account = id;
            c.text = name;
            c.flags = 0;
        };
    }
}
