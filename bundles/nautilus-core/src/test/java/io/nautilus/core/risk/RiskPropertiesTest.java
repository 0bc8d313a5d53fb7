package io.nautilus.core.risk;

import io.nautilus.api.Side;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.TradingState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static io.nautilus.core.risk.Desk.ES;
import static org.assertj.core.api.Assertions.assertThat;

class RiskPropertiesTest {

    private static final long MAX_LONG = 20;
    private static final long MAX_SHORT = 15;
    private static final long MAX_QTY = 7;

    record Action(int kind, int account, Side side, int tick, int qty, int pick) {
    }

    @Provide
    Arbitrary<List<Action>> flows() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(Side.BUY, Side.SELL),
                Arbitraries.integers().between(-2, 2),
                Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(0, 1000)).as(Action::new);
        return action.list().ofMinSize(10).ofMaxSize(80);
    }

    /**
     * Whatever the flow (limit and market orders, cancels, reduces, replaces, reducing state, reduce-only), no
     * account can ever hold or work more than its position limits allow, order quantities stay within maxOrderQty,
     * and risk's view of the working orders equals the matcher's.
     */
    @Property(tries = 200)
    void positionLimitsHoldAndWorkingOrdersMatchTheBook(@ForAll("flows") List<Action> flow) {
        Desk desk = new Desk().limits("default.maxLong=" + MAX_LONG + "\ndefault.maxShort=" + MAX_SHORT
                + "\ndefault.maxOrderQty=" + MAX_QTY + "\n");
        long step = 0;
        for (Action a : flow) {
            desk.now = Desk.T0 + ++step * 1_000;
            long price = 10_000 + 100L * a.tick();
            List<Long> open = desk.matching.openOrderIds();
            long someOrder = open.isEmpty() ? 999_999 : open.get(a.pick() % open.size());
            Command c = switch (a.kind()) {
                case 0, 1, 2 -> desk.newOrder(a.account(), ES, a.side(), io.nautilus.api.OrderType.LIMIT,
                        io.nautilus.api.TimeInForce.GTC, price, a.qty(), 0);
                case 3 -> desk.market(a.account(), ES, a.side(), a.qty());
                case 4 -> desk.reduceOnly(a.account(), ES, a.side(), price, a.qty());
                case 5 -> desk.cancel(someOrder);
                case 6 -> desk.reduce(someOrder, a.qty());
                case 7 -> desk.replace(someOrder, a.tick() == 0 ? Command.UNCHANGED : price, a.qty());
                case 8 -> desk.admin(Op.SET_TRADING_STATE, a.account(), Command.ANY,
                        (a.pick() % 2 == 0 ? TradingState.ACTIVE : TradingState.REDUCING).ordinal(), null);
                default -> desk.mark(ES, price);
            };
            if (c.op == Op.NEW && c.qty > MAX_QTY) {
                assertThat(c.rejectReason).isNotEqualTo(RejectReason.NONE);
            }
            for (int account = 0; account < 3; account++) {
                long position = desk.positions.quantity(account, ES);
                long buys = desk.matching.openQuantity(account, ES, Side.BUY);
                long sells = desk.matching.openQuantity(account, ES, Side.SELL);
                assertThat(position + buys).as("long exposure of %d after %s", account, c).isLessThanOrEqualTo(MAX_LONG);
                assertThat(sells - position).as("short exposure of %d after %s", account, c)
                        .isLessThanOrEqualTo(MAX_SHORT);
                assertThat(desk.risk.workingQuantity(account, ES, Side.BUY)).isEqualTo(buys);
                assertThat(desk.risk.workingQuantity(account, ES, Side.SELL)).isEqualTo(sells);
            }
            assertThat(desk.risk.workingOrders()).isEqualTo(desk.matching.openOrderIds().size());
        }
    }
}
