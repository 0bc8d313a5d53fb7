package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;
import io.nautilus.marketdata.api.BarSpec;
import io.nautilus.marketdata.api.ValidationAction;
import io.nautilus.marketdata.api.ValidationReason;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDataManagerTest {

    @SuppressWarnings("all")
    private static MarketDataManagerConfig config(String[] flags) {
        return new MarketDataManagerConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MarketDataManagerConfig.class;
            }

            @Override
            public int ring_size() {
                return 1024;
            }

            @Override
            public long max_age_ms() {
                return 250;
            }

            @Override
            public long price_band_bps() {
                return 300;
            }

            @Override
            public String[] flag_reasons() {
                return flags;
            }

            @Override
            public String[] bars() {
                return new String[] {"time:1s", "ticks:10"};
            }

            @Override
            public int queue_capacity() {
                return 128;
            }

            @Override
            public int book_depth() {
                return 5;
            }

            @Override
            public long alert_stale_s() {
                return 60;
            }

            @Override
            public long alert_rejects() {
                return 100;
            }

            @Override
            public long alert_rejects_window_s() {
                return 10;
            }
        };
    }

    @Test
    void configurationTranslatesToEngineSettings() {
        MarketDataConfig config = MarketDataManager.toConfig(config(new String[] {"STALE", " PRICE_JUMP "}));
        assertThat(config.ringSize()).isEqualTo(1024);
        assertThat(config.maxAgeNanos()).isEqualTo(250_000_000L);
        assertThat(config.priceBandBps()).isEqualTo(300);
        assertThat(config.actionFor(ValidationReason.STALE)).isEqualTo(ValidationAction.FLAG);
        assertThat(config.actionFor(ValidationReason.PRICE_JUMP)).isEqualTo(ValidationAction.FLAG);
        assertThat(config.actionFor(ValidationReason.DUPLICATE)).isEqualTo(ValidationAction.REJECT);
        assertThat(config.bars()).containsExactly(BarSpec.time(1_000_000_000L), BarSpec.ticks(10));
        assertThat(config.queueCapacity()).isEqualTo(128);
        assertThat(config.bookDepth()).isEqualTo(5);
    }

    @Test
    void anUnknownFlagReasonIsAClearError() {
        assertThatThrownBy(() -> MarketDataManager.toConfig(config(new String[] {"CROSSED"})))
                .hasMessageContaining("flag.reasons: 'CROSSED' is not one of");
    }

    @Test
    void reasonsWithoutAPassableEventAreAlwaysRejected() {
        MarketDataConfig config = MarketDataManager.toConfig(config(new String[] {"NON_POSITIVE_SIZE",
            "UNKNOWN_INSTRUMENT"}));
        assertThat(config.actionFor(ValidationReason.NON_POSITIVE_SIZE)).isEqualTo(ValidationAction.REJECT);
        assertThat(config.actionFor(ValidationReason.UNKNOWN_INSTRUMENT)).isEqualTo(ValidationAction.REJECT);
    }

    @Test
    void theServiceAnswersTheRunningEnginesBarSpecsAndBars() throws Exception {
        BarSpec perTrade = BarSpec.ticks(1);
        MarketDataEngine engine = new MarketDataEngine(List.of(Fixtures.BTC, Fixtures.EUR),
                MarketDataConfig.defaults().withBars(perTrade));
        try {
            MarketDataManager manager = new MarketDataManager();
            Field running = MarketDataManager.class.getDeclaredField("engine");
            running.setAccessible(true);
            running.set(manager, engine);
            manager.trade("a", "XBTUSD", 1, "101", "1", null, null, 1, 1);
            manager.trade("a", "XBTUSD", 2, "102", "1", null, null, 2, 2);
            assertThat(engine.awaitProcessed(TimeUnit.SECONDS.toMillis(10))).isTrue();

            assertThat(manager.barSpecs()).containsExactly(perTrade);
            assertThat(manager.bars(Fixtures.BTC.id(), perTrade, 10)).extracting(Bar::close)
                    .containsExactly(10_100L, 10_200L);
        } finally {
            engine.close();
        }
    }
}
