package io.nautilus.strategy.engine;

import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.api.marketdata.BookLevel;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.marketdata.Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.nautilus.strategy.engine.Events.EURUSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StrategyEngineTest {

    private static final StrategyId A = StrategyId.of("alpha");
    private static final StrategyId B = StrategyId.of("beta");

    private final FakeTradingPort port = new FakeTradingPort();
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final StrategyEngine engine = new StrategyEngine(port,
            (strategy, reason, cause) -> alerts.add(strategy + "|" + reason), () -> 42L, 1);

    @AfterEach
    void shutdown() {
        assertThat(engine.shutdown(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void deliversMixedEventsInOrderWithContiguousSequenceNumbers() throws Exception {
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(A, Events.ACCOUNT),
                new RecordingStrategy(recorder, 1));
        int events = 4_000;
        for (int i = 1; i <= events; i++) {
            switch (i % 4) {
                case 0 -> engine.onQuote(Events.quote(i));
                case 1 -> engine.onTrade(new Trade(EURUSD, i, 1, Side.BUY, null, i));
                case 2 -> engine.onBar(new Bar(EURUSD, 0, 60, i, i, i, i, 1, 1));
                default -> engine.onBookLevel(new BookLevel(EURUSD, Side.SELL, 0, i, 5, 1, i));
            }
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == events);
        engine.stop(A).get(10, TimeUnit.SECONDS);

        assertThat(recorder.count).isEqualTo(events);
        for (int k = 0; k < events; k++) {
            assertThat(recorder.sequences[k]).as("sequence of event %d", k).isEqualTo(k + 1);
            assertThat(recorder.payloads[k]).as("payload of event %d", k).isEqualTo(k + 1);
        }
        assertThat(instance.rejectedEvents()).isZero();
    }

    @Test
    void marketDataGoesOnlyToSubscribedInstances() throws Exception {
        Recorder all = new Recorder();
        Recorder other = new Recorder();
        engine.start(InstanceConfig.of(A, Events.ACCOUNT), new RecordingStrategy(all, 1));
        InstanceConfig gbp = new InstanceConfig(B, Events.ACCOUNT, java.util.Map.of(),
                java.util.Set.of(io.nautilus.api.InstrumentId.of("GBPUSD")), OrderPolicy.LEAVE, 64);
        StrategyInstance b = engine.start(gbp, new RecordingStrategy(other, 1));
        engine.onQuote(Events.quote(7));
        engine.stop(A).get(10, TimeUnit.SECONDS);
        engine.stop(B).get(10, TimeUnit.SECONDS);

        assertThat(all.count).isEqualTo(1);
        assertThat(other.count).isZero();
        assertThat(b.deliveredEvents()).isZero();
    }

    @Test
    void executionReportsReachTheirStrategyAndMaintainWorkingOrdersAndPosition() throws Exception {
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(A, Events.ACCOUNT),
                new OrderingStrategy(recorder, 1));
        engine.onQuote(Events.quote(100));
        await().atMost(10, TimeUnit.SECONDS).until(() -> port.submitted.size() == 1);
        long clientOrderId = port.submitted.get(0).clientOrderId();
        long orderId = clientOrderId + FakeTradingPort.ORDER_ID_OFFSET;
        assertThat(port.submitted.get(0).strategy()).isEqualTo(A);

        engine.onExecutionReport(Events.ack(A, clientOrderId, orderId, 10));
        engine.onExecutionReport(Events.ack(B, 999, 1999, 10));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 2);
        assertThat(instance.context().workingOrderCount()).isEqualTo(1);

        engine.onExecutionReport(Events.fill(A, clientOrderId, orderId, 100, 10));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 3);
        engine.stop(A).get(10, TimeUnit.SECONDS);

        assertThat(instance.context().workingOrderCount()).isZero();
        assertThat(instance.context().position(EURUSD)).isEqualTo(10);
        assertThat(engine.unroutedReports()).isEqualTo(1);
        assertThat(port.canceled).as("nothing left to cancel on stop").isEmpty();
    }

    @Test
    void reportsWithoutAStrategyIdAreRoutedByTheirClientOrderIdLikeTheCoreSendsThem() throws Exception {
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(A, Events.ACCOUNT),
                new OrderingStrategy(recorder, 1));
        engine.onQuote(Events.quote(100));
        await().atMost(10, TimeUnit.SECONDS).until(() -> port.submitted.size() == 1);
        long clientOrderId = port.submitted.get(0).clientOrderId();
        long orderId = clientOrderId + FakeTradingPort.ORDER_ID_OFFSET;

        engine.onExecutionReport(Events.ack(null, clientOrderId, orderId, 10));
        engine.onExecutionReport(Events.fill(null, clientOrderId, orderId, 100, 10));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 3);
        engine.onExecutionReport(Events.fill(null, clientOrderId, orderId, 100, 10));

        assertThat(instance.context().workingOrderCount()).isZero();
        assertThat(engine.unroutedReports()).as("a report after the order finished belongs to nobody").isEqualTo(1);
        engine.stop(A).get(10, TimeUnit.SECONDS);
        assertThat(instance.context().position(EURUSD)).isEqualTo(10);
    }

    @Test
    void fillsBackToFlatKeepTheInstanceRunning() throws Exception {
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(A, Events.ACCOUNT),
                new OrderingStrategy(recorder, 1));
        engine.onQuote(Events.quote(100));
        await().atMost(10, TimeUnit.SECONDS).until(() -> port.submitted.size() == 1);
        long clientOrderId = port.submitted.get(0).clientOrderId();
        long orderId = clientOrderId + FakeTradingPort.ORDER_ID_OFFSET;
        engine.onExecutionReport(Events.sellFill(A, 77, 77 + FakeTradingPort.ORDER_ID_OFFSET, 100, 10));
        engine.onExecutionReport(Events.fill(A, clientOrderId, orderId, 100, 10));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 3);

        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        engine.stop(A).get(10, TimeUnit.SECONDS);
        assertThat(instance.context().position(EURUSD)).isZero();
    }

    @Test
    void throwingStrategyIsFailedWithItsOrdersCanceledWhileOthersKeepRunning() throws Exception {
        Recorder failingRecorder = new Recorder();
        Recorder healthyRecorder = new Recorder();
        OrderingStrategy failing = new OrderingStrategy(failingRecorder, 1);
        failing.throwOnQuote = 3;
        StrategyInstance a = engine.start(InstanceConfig.of(A, Events.ACCOUNT), failing);
        StrategyInstance b = engine.start(InstanceConfig.of(B, Events.ACCOUNT),
                new RecordingStrategy(healthyRecorder, 1));

        for (int i = 1; i <= 10; i++) {
            engine.onQuote(Events.quote(i));
        }
        assertThat(a.terminated().get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.FAILED);
        await().atMost(10, TimeUnit.SECONDS).until(() -> b.deliveredEvents() == 10);

        assertThat(a.failure()).contains("onQuote").contains("boom at quote 3");
        assertThat(failing.stopped).isTrue();
        assertThat(alerts).singleElement().asString().startsWith("alpha|").contains("boom at quote 3");
        assertThat(port.submitted).hasSize(2);
        assertThat(port.canceled).containsExactlyInAnyOrder(
                port.submitted.get(0).clientOrderId() + FakeTradingPort.ORDER_ID_OFFSET,
                port.submitted.get(1).clientOrderId() + FakeTradingPort.ORDER_ID_OFFSET);
        assertThat(a.deliveredEvents()).isEqualTo(3);
        assertThat(b.state()).isEqualTo(InstanceState.RUNNING);
        engine.onQuote(Events.quote(11));
        await().atMost(10, TimeUnit.SECONDS).until(() -> b.deliveredEvents() == 11);
        assertThat(a.rejectedEvents()).as("events offered to the failed instance").isPositive();
    }

    @Test
    void leavePolicyKeepsTheOrdersOfAFailedStrategy() throws Exception {
        OrderingStrategy failing = new OrderingStrategy(new Recorder(), 1);
        failing.throwOnQuote = 2;
        StrategyInstance a = engine.start(InstanceConfig.of(A, Events.ACCOUNT).withOrderPolicy(OrderPolicy.LEAVE),
                failing);
        engine.onQuote(Events.quote(1));
        engine.onQuote(Events.quote(2));

        assertThat(a.terminated().get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.FAILED);
        assertThat(port.submitted).hasSize(1);
        assertThat(port.canceled).isEmpty();
        assertThat(a.context().workingOrderCount()).isEqualTo(1);
    }

    @Test
    void throwingStartFailsTheInstance() throws Exception {
        StrategyInstance a = engine.start(InstanceConfig.of(A, Events.ACCOUNT), new RecordingStrategy(null, 1) {
            @Override
            public void start(io.nautilus.api.strategy.StrategyContext context) {
                throw new IllegalStateException("no parameters");
            }
        });

        assertThat(a.terminated().get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.FAILED);
        assertThat(a.failure()).contains("start").contains("no parameters");
        assertThat(alerts).hasSize(1);
    }

    @Test
    void canceledTimerDoesNotFireAndLiveTimerDoes() throws Exception {
        Recorder recorder = new Recorder();
        long[] ids = new long[2];
        StrategyInstance a = engine.start(InstanceConfig.of(A, Events.ACCOUNT), new RecordingStrategy(recorder, 1) {
            @Override
            public void start(io.nautilus.api.strategy.StrategyContext strategyContext) {
                super.start(strategyContext);
                ids[0] = strategyContext.scheduleTimer(TimeUnit.HOURS.toNanos(1));
                strategyContext.cancelTimer(ids[0]);
                ids[1] = strategyContext.scheduleTimer(TimeUnit.MILLISECONDS.toNanos(1));
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> a.deliveredEvents() == 1);
        engine.stop(A).get(10, TimeUnit.SECONDS);

        assertThat(recorder.count).isEqualTo(1);
        assertThat(recorder.payloads[0]).isEqualTo(ids[1]);
        assertThat(ids[0]).isNotEqualTo(ids[1]);
    }

    @Test
    void secondLiveInstanceWithTheSameIdIsRefused() {
        engine.start(InstanceConfig.of(A, Events.ACCOUNT), new RecordingStrategy(new Recorder(), 1));

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> engine.start(InstanceConfig.of(A, Events.ACCOUNT),
                        new RecordingStrategy(new Recorder(), 1)))
                .withMessageContaining("alpha");
    }

    /** Submits a buy limit order on every quote, at the quote's bid; optionally throws on the n-th quote. */
    static class OrderingStrategy extends RecordingStrategy {

        int throwOnQuote;
        int quotes;

        OrderingStrategy(Recorder recorder, int version) {
            super(recorder, version);
        }

        @Override
        public void onQuote(Quote quote) {
            super.onQuote(quote);
            if (++quotes == throwOnQuote) {
                throw new IllegalStateException("boom at quote " + quotes);
            }
            context.submitLimit(quote.instrument(), Side.BUY, quote.bidPrice(), 10, 0);
        }
    }
}
