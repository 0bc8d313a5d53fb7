package io.nautilus.strategy.momentum;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.Trade;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.strategy.momentum.RecordingContext.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MomentumTest {

    private static final InstrumentId BTC = InstrumentId.of("BTC-USD.SIM");
    /** Price scale 2, tick 0.05 (5 units); quantity scale 0. */
    private static final Instrument DEFINITION = new Instrument(BTC, "BTC-USD", VenueId.of("SIM"), 5, 1, 1, 2, 0,
            "USD");
    /** Fast 2, slow 3, target 5, bar closes, marketable limits 1 tick through the close. */
    private static final MomentumSettings SETTINGS = new MomentumSettings(BTC, 2, 3, 5, false, false, 1, 0);
    /** Down regime established at the 3rd close, crosses up at the 5th, down at the 7th. */
    private static final long[] SERIES = {12_000, 11_000, 10_000, 10_000, 13_000, 13_000, 9_000};

    private RecordingContext context;
    private Momentum strategy;
    private long execId;
    private long time;

    @BeforeEach
    void setUp() {
        context = new RecordingContext();
        context.instruments.put(BTC, DEFINITION);
        strategy = new Momentum(SETTINGS);
        strategy.start(context);
    }

    @Test
    void firstReadingOnlyEstablishesTheRegime() {
        for (int i = 0; i < 4; i++) {
            strategy.onBar(bar(SERIES[i]));
        }

        assertThat(context.take()).isEmpty();
        assertThat(strategy.target()).isZero();
    }

    @Test
    void crossingUpBuysToTargetWithAMarketableLimit() {
        for (int i = 0; i < 5; i++) {
            strategy.onBar(bar(SERIES[i]));
        }

        assertThat(strategy.target()).isEqualTo(5);
        assertThat(context.take()).containsExactly(
                new Request("submit", 101, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 13_005, 5));
    }

    @Test
    void crossingDownSellsThroughFlatToMinusTarget() {
        for (int i = 0; i < 5; i++) {
            strategy.onBar(bar(SERIES[i]));
        }
        strategy.onExecutionReport(fill(101, Side.BUY, 5, 5, 0));
        context.take();

        strategy.onBar(bar(SERIES[5]));
        assertThat(context.take()).isEmpty();
        strategy.onBar(bar(SERIES[6]));

        assertThat(strategy.target()).isEqualTo(-5);
        assertThat(context.take()).containsExactly(
                new Request("submit", 102, Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 8_995, 10));
    }

    @Test
    void workingOrderIsNotDuplicated() {
        for (int i = 0; i < 6; i++) {
            strategy.onBar(bar(SERIES[i]));
        }

        assertThat(context.take()).hasSize(1);
    }

    @Test
    void unfilledRemainderIsSentAgainOnTheNextClose() {
        for (int i = 0; i < 5; i++) {
            strategy.onBar(bar(SERIES[i]));
        }
        strategy.onExecutionReport(fill(101, Side.BUY, 3, 3, 2));
        strategy.onExecutionReport(new ExecutionReport(++execId, 101, 0, 7, AccountId.of("ACC-1"), null, BTC, null,
                Side.BUY, ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE, CancelReason.IOC_REMAINDER,
                Liquidity.NONE, null, FixedPoint.NULL, 0, 0, 3, 13_000, 1, 1));
        context.take();

        strategy.onBar(bar(13_000));

        assertThat(strategy.position()).isEqualTo(3);
        assertThat(context.take()).containsExactly(
                new Request("submit", 102, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 13_005, 2));
    }

    @Test
    void marketOrdersWhenConfigured() {
        Momentum market = new Momentum(new MomentumSettings(BTC, 2, 3, 5, false, true, 0, 0));
        market.start(context);
        for (int i = 0; i < 5; i++) {
            market.onBar(bar(SERIES[i]));
        }

        assertThat(context.take()).extracting(Request::type, Request::timeInForce, Request::side, Request::quantity)
                .containsExactly(tuple(OrderType.MARKET, TimeInForce.IOC, Side.BUY, 5L));
    }

    @Test
    void tradePricesAreClosesWhenConfigured() {
        Momentum trades = new Momentum(new MomentumSettings(BTC, 2, 3, 5, true, false, 1, 0));
        trades.start(context);
        for (int i = 0; i < 5; i++) {
            trades.onBar(bar(SERIES[i]));
        }
        assertThat(context.take()).isEmpty();

        for (int i = 0; i < 5; i++) {
            trades.onTrade(new Trade(BTC, SERIES[i], 1, Side.BUY, null, ++time));
        }

        assertThat(context.take()).extracting(Request::side, Request::price).containsExactly(
                tuple(Side.BUY, 13_005L));
    }

    @Test
    void importedStateReproducesTheNextDecisions() {
        RecordingContext reference = new RecordingContext();
        reference.instruments.put(BTC, DEFINITION);
        Momentum uninterrupted = new Momentum(SETTINGS);
        uninterrupted.start(reference);
        for (long close : SERIES) {
            uninterrupted.onBar(bar(close));
        }

        for (int i = 0; i < 6; i++) {
            strategy.onBar(bar(SERIES[i]));
        }
        Map<String, String> state = strategy.exportState();
        strategy.stop();
        Momentum next = new Momentum(SETTINGS);
        next.importState(state);
        next.start(context);
        next.onBar(bar(SERIES[6]));

        assertThat(state).containsEntry("closes", "10000,13000,13000").containsEntry("target", "5")
                .containsEntry("workingId", "101");
        assertThat(context.take()).isEqualTo(reference.take());
        assertThat(next.exportState()).isEqualTo(uninterrupted.exportState());
    }

    @Test
    void stateOfAnotherInstrumentIsRefused() {
        Map<String, String> state = new HashMap<>(strategy.exportState());
        state.put("instrument", "ETH-USD.SIM");

        assertThatThrownBy(() -> new Momentum(SETTINGS).importState(state))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ETH-USD.SIM");
    }

    @Test
    void fastMustBeShorterThanSlow() {
        assertThatThrownBy(() -> new MomentumSettings(BTC, 3, 3, 1, false, true, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fastLength 3, slowLength 3");
    }

    private Bar bar(long close) {
        long start = ++time * 1_000;
        return new Bar(BTC, start, start + 1_000, close, close, close, close, 1, 1);
    }

    private ExecutionReport fill(long clientOrderId, Side side, long quantity, long cumulative, long leaves) {
        return new ExecutionReport(++execId, clientOrderId, 0, 7, AccountId.of("ACC-1"), null, BTC, null, side,
                leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL,
                leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, RejectReason.NONE,
                CancelReason.NONE, Liquidity.TAKER, null, 13_000, quantity, leaves, cumulative, 13_000, 1, 1);
    }
}
