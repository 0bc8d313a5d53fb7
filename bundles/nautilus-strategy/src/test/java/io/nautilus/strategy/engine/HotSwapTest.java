package io.nautilus.strategy.engine;

import io.nautilus.api.StrategyId;
import io.nautilus.api.marketdata.Quote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.nautilus.strategy.engine.Events.EURUSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HotSwapTest {

    private static final StrategyId ID = StrategyId.of("mm");

    private final FakeTradingPort port = new FakeTradingPort();
    private final StrategyEngine engine = new StrategyEngine(port, StrategyAlertHook.NONE, System::nanoTime, 1);

    @AfterEach
    void shutdown() {
        assertThat(engine.shutdown(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void swapHandsOverStateAndWorkingOrdersToTheNewVersion() throws Exception {
        Recorder recorder = new Recorder();
        QuotingStrategy v1 = new QuotingStrategy(recorder, 1);
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT), v1);
        engine.onQuote(Events.quote(100));
        await().atMost(10, TimeUnit.SECONDS).until(() -> port.submitted.size() == 1);
        long clientOrderId = port.submitted.get(0).clientOrderId();
        engine.onExecutionReport(Events.ack(ID, clientOrderId, clientOrderId + FakeTradingPort.ORDER_ID_OFFSET, 10));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 2);

        QuotingStrategy v2 = new QuotingStrategy(recorder, 2);
        SwapResult result = engine.swap(ID, v2).get(10, TimeUnit.SECONDS);
        engine.onQuote(Events.quote(101));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 3);
        engine.stop(ID).get(10, TimeUnit.SECONDS);

        assertThat(result.swapped()).isTrue();
        assertThat(result.version()).isEqualTo(2);
        assertThat(result.lastOldSequence()).isEqualTo(2);
        assertThat(result.pauseNanos()).isPositive();
        assertThat(v1.stopped).isTrue();
        assertThat(v2.importedCount).as("state exported by version 1").isEqualTo(2);
        assertThat(v2.lastBidImported).isEqualTo(100);
        assertThat(v2.canceledOnFirstQuote).as("version 2 sees the working order of version 1").isEqualTo(1);
        assertThat(port.canceled).containsExactly(clientOrderId + FakeTradingPort.ORDER_ID_OFFSET);
        assertThat(port.submitted).hasSize(1);
        assertThat(instance.version()).isEqualTo(2);
        assertThat(instance.swaps()).containsExactly(result);
    }

    @Test
    void refusedStateKeepsTheOldVersionRunning() throws Exception {
        Recorder recorder = new Recorder();
        RecordingStrategy v1 = new RecordingStrategy(recorder, 1);
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT), v1);
        RecordingStrategy v2 = new RecordingStrategy(recorder, 2) {
            @Override
            public void importState(Map<String, String> state) {
                throw new IllegalArgumentException("state version " + state.get("version") + " is not supported");
            }
        };

        SwapResult result = engine.swap(ID, v2).get(10, TimeUnit.SECONDS);
        engine.onQuote(Events.quote(1));
        await().atMost(10, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == 1);

        assertThat(result.swapped()).isFalse();
        assertThat(result.problem()).contains("state version 1 is not supported");
        assertThat(instance.version()).isEqualTo(1);
        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(v1.stopped).isFalse();
        assertThat(v2.started).isFalse();
        assertThat(recorder.versions[0]).isEqualTo(1);
    }

    @Test
    void twentySwapsUnderTenThousandTicksPerSecondLoseAndDuplicateNothing() throws Exception {
        int ticks = 10_000;
        int swaps = 20;
        Recorder recorder = new Recorder();
        StrategyInstance instance = engine.start(InstanceConfig.of(ID, Events.ACCOUNT),
                new RecordingStrategy(recorder, 1));
        Quote[] quotes = new Quote[ticks];
        for (int i = 0; i < ticks; i++) {
            quotes[i] = Events.quote(i + 1);
        }
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicLong published = new AtomicLong();
        Thread producer = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < ticks; i++) {
                if (i % 10 == 0) {
                    long due = start + (i / 10) * 1_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                engine.onQuote(quotes[i]);
                published.incrementAndGet();
            }
            producing.set(false);
        }, "tick-producer");
        producer.start();

        SwapResult[] results = new SwapResult[swaps];
        for (int s = 0; s < swaps; s++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40));
            results[s] = engine.swap(ID, new RecordingStrategy(recorder, s + 2)).get(10, TimeUnit.SECONDS);
        }
        producer.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(producing).as("producer finished").isFalse();
        await().atMost(20, TimeUnit.SECONDS).until(() -> instance.deliveredEvents() == ticks);
        engine.stop(ID).get(10, TimeUnit.SECONDS);

        assertThat(published.get()).isEqualTo(ticks);
        assertThat(instance.rejectedEvents()).isZero();
        assertThat(recorder.count).as("events seen by all versions together").isEqualTo(ticks);
        for (int k = 0; k < ticks; k++) {
            if (recorder.sequences[k] != k + 1 || recorder.payloads[k] != k + 1) {
                throw new AssertionError("event " + k + " has sequence " + recorder.sequences[k] + " and payload "
                        + recorder.payloads[k] + ", version " + recorder.versions[k] + "; expected both " + (k + 1));
            }
        }
        for (int k = 1; k < ticks; k++) {
            assertThat(recorder.versions[k]).as("versions only move forward").isGreaterThanOrEqualTo(
                    recorder.versions[k - 1]);
        }
        long[] pauses = new long[swaps];
        for (int s = 0; s < swaps; s++) {
            assertThat(results[s].swapped()).as("swap %d: %s", s, results[s].problem()).isTrue();
            assertThat(results[s].version()).isEqualTo(s + 2);
            pauses[s] = results[s].pauseNanos();
        }
        for (int s = 0; s < swaps; s++) {
            long lastOld = results[s].lastOldSequence();
            int firstNew = indexOfFirstVersion(recorder, s + 2);
            if (firstNew >= 0) {
                assertThat(recorder.sequences[firstNew]).as("first event of version %d", s + 2)
                        .isEqualTo(lastOld + 1);
            }
        }
        assertThat(instance.swaps()).hasSize(swaps);
        assertThat(instance.version()).isEqualTo(swaps + 1);
        long firstPause = pauses[0];
        Arrays.sort(pauses);
        System.out.printf("{\"test\":\"hot-swap\",\"swaps\":%d,\"ticks\":%d,\"pause_first_us\":%.1f,"
                        + "\"pause_p50_us\":%.1f,\"pause_max_us\":%.1f,\"buffered_max\":%d}%n", swaps, ticks,
                firstPause / 1e3, pauses[swaps / 2] / 1e3, pauses[swaps - 1] / 1e3, maxBuffered(results));
    }

    @Test
    void theLastVersionCarriesTheCountOfAllVersionsBefore() throws Exception {
        Recorder recorder = new Recorder();
        engine.start(InstanceConfig.of(ID, Events.ACCOUNT), new RecordingStrategy(recorder, 1));
        RecordingStrategy last = null;
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < 10; i++) {
                engine.onQuote(Events.quote(s * 10 + i + 1));
            }
            last = new RecordingStrategy(recorder, s + 2);
            assertThat(engine.swap(ID, last).get(10, TimeUnit.SECONDS).swapped()).isTrue();
        }
        engine.stop(ID).get(10, TimeUnit.SECONDS);

        assertThat(last.importedCount).isEqualTo(50);
        assertThat(last.count).isEqualTo(50);
    }

    private static int indexOfFirstVersion(Recorder recorder, int version) {
        for (int k = 0; k < recorder.count; k++) {
            if (recorder.versions[k] == version) {
                return k;
            }
        }
        return -1;
    }

    private static int maxBuffered(SwapResult[] results) {
        int max = 0;
        for (SwapResult result : results) {
            max = Math.max(max, result.bufferedEvents());
        }
        return max;
    }

    /** Quotes one order on its first quote; a later version cancels what it inherited on its first quote. */
    static final class QuotingStrategy extends RecordingStrategy {

        volatile int canceledOnFirstQuote = -1;
        volatile long lastBidImported;
        private long lastBid;
        private boolean first = true;

        QuotingStrategy(Recorder recorder, int version) {
            super(recorder, version);
        }

        @Override
        public void onQuote(Quote quote) {
            super.onQuote(quote);
            lastBid = quote.bidPrice();
            if (!first) {
                return;
            }
            first = false;
            if (version == 1) {
                context.submitLimit(EURUSD, io.nautilus.api.Side.BUY, quote.bidPrice(), 10, 0);
            } else {
                canceledOnFirstQuote = context.cancelAll(null);
            }
        }

        @Override
        public Map<String, String> exportState() {
            return Map.of("count", Long.toString(count), "lastBid", Long.toString(lastBid));
        }

        @Override
        public void importState(Map<String, String> state) {
            super.importState(state);
            lastBidImported = Long.parseLong(state.get("lastBid"));
            lastBid = lastBidImported;
        }
    }
}
