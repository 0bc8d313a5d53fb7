package io.nautilus.strategy.marketmaker;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.strategy.StrategyServiceProperties;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.strategy.marketmaker.RecordingContext.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MarketMakerTest {

    private static final InstrumentId BTC = InstrumentId.of("BTC-USD.SIM");
    /** Price scale 2, tick 0.05 (5 units); quantity scale 0. */
    private static final Instrument DEFINITION = new Instrument(BTC, "BTC-USD", VenueId.of("SIM"), 5, 1, 1, 2, 0,
            "USD");
    /** Size 10, half spread 2 ticks, 1 skew tick per 10 of position capped at 3, re-quote at 2 ticks, limit 30. */
    private static final MarketMakerSettings SETTINGS = new MarketMakerSettings(BTC, 10, 2, 1, 3, 2, 30, 0, true);

    private RecordingContext context;
    private MarketMaker maker;
    private long execId;

    @BeforeEach
    void setUp() {
        context = new RecordingContext();
        context.instruments.put(BTC, DEFINITION);
        maker = new MarketMaker(SETTINGS);
        maker.start(context);
    }

    @Test
    void quotesHalfSpreadAroundMidOnTheTickGrid() {
        maker.onQuote(quote(10_000, 10_010));

        assertThat(context.take()).containsExactly(
                new Request("submit", 101, Side.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, 9_995, 10),
                new Request("submit", 102, Side.SELL, OrderType.LIMIT,
                        TimeInForce.GTC, 10_015, 10));
    }

    @Test
    void skewIsPositionTimesTicksPerSizeAndCapped() {
        assertThat(maker.skewTicks(0)).isZero();
        assertThat(maker.skewTicks(10)).isEqualTo(1);
        assertThat(maker.skewTicks(25)).isEqualTo(2);
        assertThat(maker.skewTicks(-20)).isEqualTo(-2);
        assertThat(maker.skewTicks(100)).isEqualTo(3);
        assertThat(maker.skewTicks(-100)).isEqualTo(-3);
        assertThat(maker.bidPrice(10_005, 1)).isEqualTo(9_990);
        assertThat(maker.askPrice(10_005, 1)).isEqualTo(10_010);
        assertThat(maker.bidPrice(10_003, 0)).as("off-grid mid rounds the bid down").isEqualTo(9_990);
        assertThat(maker.askPrice(10_003, 0)).as("off-grid mid rounds the ask up").isEqualTo(10_015);
    }

    @Test
    void fillOnTheBidSkewsBothQuotesDown() {
        maker.onQuote(quote(10_000, 10_010));
        context.take();

        maker.onExecutionReport(fill(101, Side.BUY, 10, 9_995));

        assertThat(maker.position()).isEqualTo(10);
        assertThat(context.take()).containsExactly(
                new Request("submit", 103, Side.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, 9_990, 10),
                new Request("replace", 102, null, null, null, 10_010, 0));
    }

    @Test
    void midMoveBelowThresholdKeepsQuotes() {
        maker.onQuote(quote(10_000, 10_010));
        context.take();

        maker.onQuote(quote(10_005, 10_015));

        assertThat(context.take()).isEmpty();
    }

    @Test
    void midMoveAtThresholdReplacesBothQuotes() {
        maker.onQuote(quote(10_000, 10_010));
        context.take();

        maker.onQuote(quote(10_010, 10_020));

        assertThat(context.take()).containsExactly(
                new Request("replace", 101, null, null, null, 10_005, 0),
                new Request("replace", 102, null, null, null, 10_025, 0));
        assertThat(maker.bidId()).isEqualTo(101);
        assertThat(maker.askId()).isEqualTo(102);
    }

    @Test
    void reachingTheLongLimitCancelsTheBidAndKeepsTheAsk() {
        maker.onQuote(quote(10_000, 10_010));
        context.take();

        maker.onExecutionReport(fill(101, Side.BUY, 10, 9_995));
        context.take();
        maker.onExecutionReport(fill(103, Side.BUY, 10, 9_990));
        context.take();
        maker.onExecutionReport(fill(104, Side.BUY, 10, 9_985));

        assertThat(maker.position()).isEqualTo(30);
        assertThat(context.take()).containsExactly(
                new Request("replace", 102, null, null, null, 10_000, 0));
        assertThat(maker.bidId()).isZero();

        maker.onQuote(quote(10_100, 10_110));
        assertThat(context.take()).extracting(Request::kind, Request::side).doesNotContain(
                tuple("submit", Side.BUY));
    }

    @Test
    void positionLimitCancelsAWorkingQuote() {
        MarketMaker tight = new MarketMaker(new MarketMakerSettings(BTC, 10, 2, 1, 3, 2, 15, 0, true));
        tight.start(context);
        tight.onQuote(quote(10_000, 10_010));
        context.take();

        tight.onExecutionReport(partialFill(102, Side.SELL, 6, 10_015));

        assertThat(context.take()).first().isEqualTo(new Request("cancel", 102, null, null, null, 0, 0));
        assertThat(tight.askId()).isZero();
    }

    @Test
    void canceledQuoteIsForgottenAndSentAgain() {
        maker.onQuote(quote(10_000, 10_010));
        context.take();

        maker.onExecutionReport(canceled(101, Side.BUY));
        maker.onQuote(quote(10_000, 10_010));

        assertThat(context.take()).containsExactly(new Request("submit", 103, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, 9_995, 10));
    }

    @Test
    void importedStateKeepsQuotingTheSameOrders() {
        maker.onQuote(quote(10_000, 10_010));
        maker.onExecutionReport(partialFill(101, Side.BUY, 4, 9_995));
        context.take();
        Map<String, String> state = maker.exportState();
        maker.stop();

        MarketMaker next = new MarketMaker(SETTINGS);
        next.importState(state);
        next.start(context);
        next.onQuote(quote(10_010, 10_020));

        assertThat(next.position()).isEqualTo(4);
        assertThat(context.take()).containsExactly(
                new Request("replace", 101, null, null, null, 10_005, 0),
                new Request("replace", 102, null, null, null, 10_025, 0));
        assertThat(next.exportState()).containsEntry("bidId", "101").containsEntry("askId", "102");
    }

    @Test
    void stateOfAnotherVersionIsRefused() {
        assertThatThrownBy(() -> maker.importState(Map.of("version", "99")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    }

    @Test
    void startNeedsATickSize() {
        MarketMaker unknown = new MarketMaker(new MarketMakerSettings(InstrumentId.of("ETH-USD.SIM"), 1, 1, 0, 0,
                1, 0, 0, false));

        assertThatThrownBy(() -> unknown.start(context)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ETH-USD.SIM");
    }

    @Test
    void serviceIdIsTheConfigurationName() {
        assertThat(StrategyServiceProperties.instanceName(Map.of("service.pid", MarketMakerComponent.PID + "~mm1"),
                MarketMakerComponent.PID)).isEqualTo("mm1");
        assertThat(StrategyServiceProperties.instanceName(Map.of("service.pid", MarketMakerComponent.PID + ".4f2a",
                "felix.fileinstall.filename", "file:/opt/nautilus/etc/" + MarketMakerComponent.PID + "-mm2.cfg"),
                MarketMakerComponent.PID)).isEqualTo("mm2");
        assertThat(StrategyServiceProperties.of(Map.of("service.pid", MarketMakerComponent.PID + "~mm1",
                "halfSpreadTicks", 3), MarketMakerComponent.PID, "", "ACC-2", "BTC-USD.SIM", "LEAVE"))
                .satisfies(properties -> {
                    assertThat(properties.get("strategy.id")).isEqualTo("mm1");
                    assertThat(properties.get("strategy.account")).isEqualTo("ACC-2");
                    assertThat(properties.get("strategy.instruments")).isEqualTo("BTC-USD.SIM");
                    assertThat(properties.get("strategy.orderPolicy")).isEqualTo("LEAVE");
                    assertThat(properties.get("halfSpreadTicks")).isEqualTo(3);
                });
    }

    private Quote quote(long bid, long ask) {
        return new Quote(BTC, bid, 5, ask, 5, 1);
    }

    private ExecutionReport fill(long clientOrderId, Side side, long quantity, long price) {
        return report(clientOrderId, side, ExecType.FILL, OrderStatus.FILLED, price, quantity, 0, quantity);
    }

    private ExecutionReport partialFill(long clientOrderId, Side side, long quantity, long price) {
        return report(clientOrderId, side, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, price, quantity,
                SETTINGS.orderSize() - quantity, quantity);
    }

    private ExecutionReport canceled(long clientOrderId, Side side) {
        return new ExecutionReport(++execId, clientOrderId, 0, 7, AccountId.of("ACC-1"), null, BTC, null, side,
                ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE, CancelReason.USER,
                Liquidity.NONE, null, FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, 1, 1);
    }

    private ExecutionReport report(long clientOrderId, Side side, ExecType type, OrderStatus status, long price,
                                   long quantity, long leaves, long cumulative) {
        return new ExecutionReport(++execId, clientOrderId, 0, 7, AccountId.of("ACC-1"), null, BTC, null, side,
                type, status, RejectReason.NONE, CancelReason.NONE, Liquidity.MAKER, null, price, quantity, leaves,
                cumulative, price, 1, 1);
    }
}
