package io.nautilus.strategy.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.StrategyId;
import io.nautilus.api.alert.Alert;
import io.nautilus.api.alert.AlertService;
import io.nautilus.api.alert.Severity;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.marketdata.Quote;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.strategy.Strategy;
import io.nautilus.api.strategy.StrategyContext;
import io.nautilus.core.api.CommandResult;
import io.nautilus.strategy.engine.InstanceConfig;
import io.nautilus.strategy.engine.InstanceState;
import io.nautilus.strategy.engine.StrategyEngine;
import io.nautilus.strategy.engine.StrategyInstance;
import io.nautilus.strategy.engine.TradingPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy engine's alerts through a recording {@link AlertService}: a failed instance, a stopped one, the
 * resolve when it runs again, and the alerts a strategy raises through its live context.
 */
class StrategyAlertsTest {

    static final StrategyId ALPHA = StrategyId.of("alpha");
    static final AccountId ACCOUNT = AccountId.of("acc1");
    static final InstrumentId EURUSD = InstrumentId.of("EURUSD");

    final RecordingAlertService recorded = new RecordingAlertService();
    final StrategyAlerts alerts = new StrategyAlerts();
    final StrategyEngine engine = new StrategyEngine(new NoOrders(), alerts, () -> 42L, 1);

    StrategyAlertsTest() {
        alerts.bind(recorded);
    }

    @AfterEach
    void shutdown() {
        assertThat(engine.shutdown(10, TimeUnit.SECONDS)).isTrue();
    }

    static Quote quote() {
        return new Quote(EURUSD, 100, 1, 101, 1, 1);
    }

    @Test
    void aStrategysOwnAlertIsKeyedByItsIdAndLabelledWithStrategyAndAccount() throws Exception {
        StrategyInstance instance = engine.start(InstanceConfig.of(ALPHA, ACCOUNT), new Quiet() {
            @Override
            public void onQuote(Quote quote) {
                context.alert(Severity.WARNING, "spread-wide", "spread 1 tick for an hour");
            }
        });
        engine.onQuote(quote());
        engine.onQuote(quote());
        engine.stop(ALPHA).get(10, TimeUnit.SECONDS);

        assertThat(instance.deliveredEvents()).isEqualTo(2);
        assertThat(recorded.raised("strategy:")).hasSize(2).first().satisfies(a -> {
            assertThat(a.key()).isEqualTo("strategy:alpha:spread-wide");
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.source()).isEqualTo(AlertService.STRATEGY);
            assertThat(a.text()).isEqualTo("spread 1 tick for an hour");
            assertThat(a.labels()).containsEntry(Alert.STRATEGY, "alpha").containsEntry(Alert.ACCOUNT, "acc1");
        });
    }

    @Test
    void aBlankAlertKeyFailsTheStrategyWithAClearReason() throws Exception {
        StrategyInstance instance = engine.start(InstanceConfig.of(ALPHA, ACCOUNT), new Quiet() {
            @Override
            public void onQuote(Quote quote) {
                context.alert(Severity.INFO, " ", "text");
            }
        });
        engine.onQuote(quote());

        assertThat(instance.terminated().get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.FAILED);
        assertThat(recorded.raised("strategy-failed:alpha")).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("key ' ' and text must not be blank"));
    }

    @Test
    void aFailedStrategyIsCriticalAndResolvedWhenItRunsAgain() throws Exception {
        StrategyInstance failed = engine.start(InstanceConfig.of(ALPHA, ACCOUNT), new Quiet() {
            @Override
            public void onQuote(Quote quote) {
                throw new IllegalStateException("boom");
            }
        });
        engine.onQuote(quote());
        assertThat(failed.terminated().get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.FAILED);

        Alert alert = recorded.raised("strategy-failed:").get(0);
        assertThat(alert.key()).isEqualTo("strategy-failed:alpha");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.text()).contains("threw in onQuote", "boom");
        assertThat(alert.labels()).containsEntry(Alert.STRATEGY, "alpha").containsEntry(Alert.ACCOUNT, "acc1");
        assertThat(recorded.raised("strategy-stopped:")).as("a failure is not a stop").isEmpty();

        engine.remove(ALPHA);
        engine.start(InstanceConfig.of(ALPHA, ACCOUNT), new Quiet());

        assertThat(recorded.resolved()).contains("strategy-failed:alpha | strategy alpha started again");
    }

    @Test
    void aStoppedStrategyIsInfo() throws Exception {
        engine.start(InstanceConfig.of(ALPHA, ACCOUNT), new Quiet());

        engine.stop(ALPHA).get(10, TimeUnit.SECONDS);

        assertThat(recorded.raised("strategy-stopped:alpha")).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.INFO);
            assertThat(a.labels()).containsEntry(Alert.STRATEGY, "alpha");
        });
    }

    @Test
    void aFailingAlertServiceDoesNotFailTheStrategy() throws Exception {
        alerts.unbind(recorded);
        alerts.bind(new AlertService() {
            @Override
            public void raise(Alert alert) {
                throw new IllegalStateException("broken");
            }

            @Override
            public void resolve(String key, String reason) {
                throw new IllegalStateException("broken");
            }
        });
        StrategyInstance instance = engine.start(InstanceConfig.of(ALPHA, ACCOUNT), new Quiet() {
            @Override
            public void onQuote(Quote quote) {
                context.alert(Severity.WARNING, "k", "t");
            }
        });
        engine.onQuote(quote());

        assertThat(engine.stop(ALPHA).get(10, TimeUnit.SECONDS)).isEqualTo(InstanceState.STOPPED);
        assertThat(instance.deliveredEvents()).isEqualTo(1);
    }

    /** A strategy that does nothing but keep its context. */
    static class Quiet implements Strategy {
        StrategyContext context;

        @Override
        public void start(StrategyContext context) {
            this.context = context;
        }

        @Override
        public void stop() {
        }
    }

    /** A port for strategies that send no orders. */
    static final class NoOrders implements TradingPort {
        @Override
        public CompletableFuture<CommandResult> submit(NewOrder order) {
            throw new UnsupportedOperationException("no orders in this test");
        }

        @Override
        public CompletableFuture<CommandResult> cancel(long orderId) {
            throw new UnsupportedOperationException("no orders in this test");
        }

        @Override
        public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
            throw new UnsupportedOperationException("no orders in this test");
        }

        @Override
        public long realizedPnl(AccountId account, InstrumentId instrument) {
            return 0;
        }

        @Override
        public long unrealizedPnl(AccountId account, InstrumentId instrument) {
            return 0;
        }

        @Override
        public Instrument instrument(InstrumentId instrument) {
            return null;
        }
    }
}
