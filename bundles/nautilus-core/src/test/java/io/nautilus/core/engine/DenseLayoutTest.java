package io.nautilus.core.engine;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Events;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.TradingState;
import io.nautilus.core.journal.Recovery;
import io.nautilus.core.matching.OrderView;
import io.nautilus.core.risk.ScopeState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Risk and positions keep per-account and per-(account, instrument) state in dense arrays that grow when accounts and
 * instruments are defined: state already there survives the growth, and many accounts and instruments each keep
 * their own.
 */
class DenseLayoutTest {

    @Test
    void definitionsWhileTradingGrowTheLayoutAndKeepWhatIsThere() {
        WideStream stream = new WideStream(5);
        TradingEngine engine = new TradingEngine(2);
        Command c = new Command();
        int trades = 0;
        int riskRejects = 0;
        int stateRejects = 0;
        int end = WideStream.lastDefinition() + 1_000;
        for (int k = 0; k < end; k++) {
            stream.fill(k, c);
            boolean definition = c.op == Op.ADD_ACCOUNT || c.op == Op.ADD_INSTRUMENT;
            assertThat(Recovery.process(engine, c)).as("command %d", k).isNull();
            if (definition) {
                assertThat(c.rejected()).as("definition at %d", k).isFalse();
            }
            trades += c.events.hasTrades() ? 1 : 0;
            riskRejects += c.rejectReason == RejectReason.RISK_LIMIT ? 1 : 0;
            stateRejects += c.rejectReason == RejectReason.TRADING_HALTED || c.rejectReason == RejectReason.KILL_SWITCH
                    ? 1 : 0;
            if (definition || k % 97 == 0) {
                assertRiskFollowsTheBook(engine, k);
            }
        }
        assertThat(engine.registry().accountCount()).isEqualTo(WideStream.ACCOUNTS);
        assertThat(engine.registry().instrumentCount()).isEqualTo(WideStream.INSTRUMENTS);
        assertThat(trades).as("commands with trades").isGreaterThan(100);
        assertThat(riskRejects).as("risk limit rejects").isPositive();
        assertThat(stateRejects).as("state rejects").isPositive();
        assertThat(engine.risk().tradingStates()).as("account-in-instrument scopes set")
                .anyMatch(s -> s.account() >= 0 && s.instrument() >= 0);
    }

    private static void assertRiskFollowsTheBook(TradingEngine engine, int k) {
        List<OrderView> working = engine.matching().workingOrders();
        assertThat(engine.risk().workingOrders()).as("after command %d", k).isEqualTo(working.size());
        long[] open = new long[WideStream.ACCOUNTS * WideStream.INSTRUMENTS * 2];
        for (OrderView o : working) {
            open[(o.account() * WideStream.INSTRUMENTS + o.instrument()) * 2 + o.side().ordinal()] += o.openQty();
        }
        for (int account = 0; account < engine.registry().accountCount(); account++) {
            for (int instrument = 0; instrument < engine.registry().instrumentCount(); instrument++) {
                for (Side side : Side.values()) {
                    assertThat(engine.risk().workingQuantity(account, instrument, side))
                            .as("after command %d: %s of account %d in %d", k, side, account, instrument)
                            .isEqualTo(open[(account * WideStream.INSTRUMENTS + instrument) * 2 + side.ordinal()]);
                }
            }
        }
        for (int instrument = 0; instrument < engine.registry().instrumentCount(); instrument++) {
            long net = 0;
            for (int account = 0; account < engine.registry().accountCount(); account++) {
                net += engine.positions().quantity(account, instrument);
            }
            assertThat(net).as("after command %d: net position in %d", k, instrument).isZero();
        }
    }

    @Test
    void manyAccountsAndInstrumentsEachKeepTheirOwnState() {
        int accounts = 300;
        int instruments = 70;
        EngineDriver d = new EngineDriver(2);
        for (int i = 0; i < instruments; i++) {
            assertThat(d.instrument(i, "I" + i, 1, 1, 1, 2, 0, 0, 0).rejected()).isFalse();
        }
        for (int a = 0; a < accounts; a++) {
            assertThat(d.account(a, "A" + a, SelfTradePrevention.NONE).rejected()).isFalse();
        }
        long id = 0;
        for (int a = 0; a < accounts; a++) {
            int instrument = a % instruments;
            long qty = 1 + a % 7;
            assertThat(d.order(++id, a, instrument, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100 + a, qty + 2)
                    .rejected()).isFalse();
            Command sell = d.order(++id, (a + 1) % accounts, instrument, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                    100 + a, qty);
            assertThat(sell.events.hasTrades()).as("account %d in %d", a, instrument).isTrue();
        }
        for (int a = 0; a < accounts; a++) {
            for (int i = 0; i < instruments; i++) {
                long bought = i == a % instruments ? 1 + a % 7 : 0;
                int buyer = (a + accounts - 1) % accounts;
                long sold = i == buyer % instruments ? 1 + buyer % 7 : 0;
                assertThat(d.engine.positions().quantity(a, i)).as("position of %d in %d", a, i)
                        .isEqualTo(bought - sold);
                assertThat(d.engine.risk().workingQuantity(a, i, Side.BUY)).as("working buys of %d in %d", a, i)
                        .isEqualTo(i == a % instruments ? 2 : 0);
                assertThat(d.engine.risk().workingQuantity(a, i, Side.SELL)).isZero();
            }
        }
        assertThat(d.engine.risk().workingOrders()).isEqualTo(accounts);

        d.tradingState(accounts - 1, instruments - 1, TradingState.HALTED);
        Command halted = d.order(++id, accounts - 1, instruments - 1, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50,
                1);
        assertThat(halted.rejectReason).isEqualTo(RejectReason.TRADING_HALTED);
        assertThat(d.order(++id, accounts - 2, instruments - 1, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50, 1)
                .rejected()).as("the neighbouring account").isFalse();
        assertThat(d.order(++id, accounts - 1, instruments - 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50, 1)
                .rejected()).as("the neighbouring instrument").isFalse();
        assertThat(d.engine.risk().tradingStates()).containsSubsequence(
                new ScopeState(accounts - 1, instruments - 1, TradingState.HALTED, false));
    }

    @Test
    void anInstrumentDefinedAfterTradingKeepsEveryPositionAndWorkingOrder() {
        EngineDriver d = new EngineDriver(2);
        d.instrument(0, "A", 1, 1, 1, 2, 0, 0, 0);
        d.account(0, "x", SelfTradePrevention.NONE);
        d.account(1, "y", SelfTradePrevention.NONE);
        d.buy(1, 0, 100, 5);
        d.sell(2, 1, 100, 3);
        d.buy(3, 0, 99, 4);
        d.tradingState(1, 0, TradingState.REDUCING);
        for (int i = 1; i < 40; i++) {
            assertThat(d.instrument(i, "S" + i, 1, 1, 1, 2, 0, 0, 0).rejected()).isFalse();
        }
        for (int a = 2; a < 20; a++) {
            assertThat(d.account(a, "a" + a, SelfTradePrevention.NONE).rejected()).isFalse();
        }
        assertThat(d.engine.positions().quantity(0, 0)).isEqualTo(3);
        assertThat(d.engine.positions().quantity(1, 0)).isEqualTo(-3);
        assertThat(d.engine.risk().workingQuantity(0, 0, Side.BUY)).isEqualTo(2 + 4);
        assertThat(d.engine.risk().scopeState(1, 0)).isEqualTo(TradingState.REDUCING);
        assertThat(d.engine.risk().scopeState(0, 0)).isEqualTo(TradingState.ACTIVE);
        assertThat(d.sell(4, 1, 101, 1).rejectReason).as("account 1 may only reduce in instrument 0")
                .isEqualTo(RejectReason.TRADING_HALTED);
        Command trade = d.order(5, 19, 39, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 10, 2);
        assertThat(trade.rejected()).isFalse();
        assertThat(trade.events.type(0)).isEqualTo(Events.ACCEPTED);
        assertThat(d.engine.risk().workingQuantity(19, 39, Side.SELL)).isEqualTo(2);
    }
}
