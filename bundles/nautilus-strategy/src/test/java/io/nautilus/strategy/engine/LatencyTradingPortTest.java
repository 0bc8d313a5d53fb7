package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatencyTradingPortTest {

    private final List<Long> delays = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toNanos(delay));
            return super.schedule(command, delay, unit);
        }
    };
    private final FakeTradingPort next = new FakeTradingPort();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void commandsArriveAfterTheLatencyInTheOrderTheyWereSent() throws Exception {
        LatencyTradingPort port = new LatencyTradingPort(next, scheduler, TimeUnit.MILLISECONDS.toNanos(30));
        long sentAt = System.nanoTime();
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            results.add(port.submit(NewOrder.limit(i, AccountId.of("a"), null, InstrumentId.of("X"), Side.BUY,
                    100, 1)));
            results.add(port.cancel(i));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(System.nanoTime() - sentAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(delays).hasSize(100).containsOnly(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(next.submitted).extracting(NewOrder::clientOrderId)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(next.canceled).hasSize(50);
    }

    @Test
    void aStoppedSchedulerFailsTheCommandInsteadOfLosingIt() {
        LatencyTradingPort port = new LatencyTradingPort(next, scheduler, 1_000);
        scheduler.shutdownNow();

        CompletableFuture<CommandResult> result = port.cancel(7);

        assertThat(result).isCompletedExceptionally();
        assertThat(next.canceled).isEmpty();
    }

    @Test
    void theLatencyMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LatencyTradingPort(next, scheduler, 0))
                .withMessageContaining("latency");
    }
}
