package io.nautilus.api.strategy;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyContextTest {

    private static final InstrumentId ES = InstrumentId.of("ESZ4.CME");

    /** Records submitted orders as {@link NewOrder}s, so the shape checks apply to what the defaults pass. */
    private static final class RecordingContext implements StrategyContext {
        final List<NewOrder> orders = new ArrayList<>();

        @Override
        public StrategyId strategyId() {
            return StrategyId.of("s-1");
        }

        @Override
        public AccountId account() {
            return AccountId.of("ACC-1");
        }

        @Override
        public long nowNanos() {
            return 0;
        }

        @Override
        public long submit(InstrumentId instrument, Side side, OrderType type, TimeInForce timeInForce, long price,
                           long stopPrice, long quantity, int flags, long expireTimeNanos) {
            long id = orders.size() + 1;
            orders.add(new NewOrder(id, account(), strategyId(), instrument, side, type, timeInForce, price, stopPrice,
                    quantity, 0, flags, expireTimeNanos));
            return id;
        }

        @Override
        public long cancel(long clientOrderId) {
            return 0;
        }

        @Override
        public long replace(long clientOrderId, long price, long quantity) {
            return 0;
        }

        @Override
        public int cancelAll(InstrumentId instrument) {
            return 0;
        }

        @Override
        public long position(InstrumentId instrument) {
            return 0;
        }

        @Override
        public long realizedPnl(InstrumentId instrument) {
            return 0;
        }

        @Override
        public long unrealizedPnl(InstrumentId instrument) {
            return 0;
        }

        @Override
        public Instrument instrument(InstrumentId instrument) {
            return null;
        }

        @Override
        public long scheduleTimer(long delayNanos) {
            return 0;
        }

        @Override
        public long scheduleRepeatingTimer(long periodNanos) {
            return 0;
        }

        @Override
        public boolean cancelTimer(long timerId) {
            return false;
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("spread", "2");
        }
    }

    @Test
    void submitLimitSendsAGoodTillCanceledLimitOrder() {
        RecordingContext context = new RecordingContext();
        long id = context.submitLimit(ES, Side.SELL, 501_225, 3, OrderFlags.POST_ONLY);
        NewOrder order = context.orders.get(0);
        assertThat(id).isEqualTo(1);
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.price()).isEqualTo(501_225);
        assertThat(order.stopPrice()).isEqualTo(FixedPoint.NULL);
        assertThat(order.flags()).isEqualTo(OrderFlags.POST_ONLY);
    }

    @Test
    void submitMarketSendsAnImmediateOrCancelMarketOrder() {
        RecordingContext context = new RecordingContext();
        context.submitMarket(ES, Side.BUY, 2);
        NewOrder order = context.orders.get(0);
        assertThat(order.type()).isEqualTo(OrderType.MARKET);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(order.price()).isEqualTo(FixedPoint.NULL);
        assertThat(order.quantity()).isEqualTo(2);
    }

    @Test
    void parameterFallsBackToTheDefault() {
        RecordingContext context = new RecordingContext();
        assertThat(context.parameter("spread", "1")).isEqualTo("2");
        assertThat(context.parameter("size", "1")).isEqualTo("1");
    }

    @Test
    void strategyStateDefaultsToEmpty() {
        Strategy strategy = new Strategy() {
            @Override
            public void start(StrategyContext context) {
            }

            @Override
            public void stop() {
            }
        };
        assertThat(strategy.exportState()).isEmpty();
    }
}
