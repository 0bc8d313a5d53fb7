package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link TradingPort} that holds every order command for a fixed time before passing it on: the one-way latency
 * of a simulated venue, so that paper trading against the core's own matching engine sees the market move between
 * a decision and its fill.
 *
 * <p>Commands keep their order: they all wait the same time on one single-threaded scheduler, which runs tasks due
 * at the same time in submission order. Queries are not delayed.
 */
public final class LatencyTradingPort implements TradingPort {

    private final TradingPort next;
    private final ScheduledExecutorService scheduler;
    private final long delayNanos;

    /**
     * Creates the port.
     *
     * @param next       where commands go after the delay
     * @param scheduler  a single-threaded scheduler, owned by the caller
     * @param delayNanos the delay, greater than zero
     */
    public LatencyTradingPort(TradingPort next, ScheduledExecutorService scheduler, long delayNanos) {
        this.next = Objects.requireNonNull(next, "next");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (delayNanos <= 0) {
            throw new IllegalArgumentException("latency must be greater than zero, was " + delayNanos + " ns");
        }
        this.delayNanos = delayNanos;
    }

    @Override
    public CompletableFuture<CommandResult> submit(NewOrder order) {
        return later(() -> next.submit(order));
    }

    @Override
    public CompletableFuture<CommandResult> cancel(long orderId) {
        return later(() -> next.cancel(orderId));
    }

    @Override
    public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
        return later(() -> next.replace(orderId, newPrice, newQuantity));
    }

    @Override
    public long realizedPnl(AccountId account, InstrumentId instrument) {
        return next.realizedPnl(account, instrument);
    }

    @Override
    public long unrealizedPnl(AccountId account, InstrumentId instrument) {
        return next.unrealizedPnl(account, instrument);
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return next.instrument(instrument);
    }

    private CompletableFuture<CommandResult> later(Supplier<CompletableFuture<CommandResult>> command) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> {
                try {
                    command.get().whenComplete((value, failure) -> {
                        if (failure != null) {
                            result.completeExceptionally(failure);
                        } else {
                            result.complete(value);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the strategy engine is stopping", e));
        }
        return result;
    }
}
