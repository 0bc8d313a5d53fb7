package io.nautilus.benchmarks.strategy;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.ExecutionReportListener;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import io.nautilus.strategy.engine.CoreTradingPort;
import io.nautilus.strategy.engine.TradingPort;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The trading ports of the benchmarks: where an order's latency is taken. */
final class ProbePorts {

    private ProbePorts() {
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    static void record(Histogram h, long nanos) {
        h.recordValue(Math.min(Math.max(0, nanos), h.getHighestTrackableValue()));
    }

    /** Shared by both ports: the histogram at {@code submit}, on the strategy's thread. */
    abstract static class Measuring implements TradingPort {
        final Probe probe;
        final Histogram atSubmit = histogram();
        Measuring(Probe probe) {
            this.probe = probe;
        }

        /** Records the submit latency of the current order; @return its due time, or Long.MIN_VALUE if warm-up. */
        final long recordSubmit() {
            long due = probe.due;
            if (due < probe.recordFrom) {
                return Long.MIN_VALUE;
            }
            record(atSubmit, System.nanoTime() - due);
            return due;
        }
    }

    /**
     * A venue stand-in: accepts each order at once and then reports it canceled (an IOC that found nothing),
     * through the strategy engine's execution report routing as the core would, so the strategy's working
     * orders stay few. The latency ends at {@code submit}.
     */
    static final class Sink extends Measuring {
        private final AtomicLong execIds = new AtomicLong();
        private final VenueId venue;
        private volatile ExecutionReportListener reports;

        Sink(Probe probe, VenueId venue) {
            super(probe);
            this.venue = venue;
        }

        void reportTo(ExecutionReportListener listener) {
            this.reports = listener;
        }

        @Override
        public CompletableFuture<CommandResult> submit(NewOrder order) {
            recordSubmit();
            long orderId = order.clientOrderId() + 1_000_000_000L;
            CompletableFuture<CommandResult> result = CompletableFuture.completedFuture(
                    new CommandResult(order.clientOrderId(), orderId, RejectReason.NONE, null, 0, 0, List.of()));
            ExecutionReportListener listener = reports;
            if (listener != null) {
                long now = System.nanoTime();
                listener.onExecutionReport(new ExecutionReport(execIds.incrementAndGet(), order.clientOrderId(), 0,
                        orderId, order.account(), order.strategy(), order.instrument(), venue, order.side(),
                        ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE, CancelReason.IOC_REMAINDER,
                        Liquidity.NONE, null, FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, now, now));
            }
            return result;
        }

        @Override
        public CompletableFuture<CommandResult> cancel(long orderId) {
            return CompletableFuture.completedFuture(new CommandResult(0, orderId, RejectReason.NONE, null, 0, 0,
                    List.of()));
        }

        @Override
        public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
            return cancel(orderId);
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

    /**
     * The real trading core behind {@link CoreTradingPort}: records at {@code submit} (strategy thread) and again
     * when the core's result future completes accepted (the core's publish thread).
     */
    static final class Core extends Measuring {
        private final CoreTradingPort core;
        final Histogram atAccept = histogram();
        final AtomicLong rejected = new AtomicLong();
        volatile String firstReject;

        Core(Probe probe, CoreTradingPort core) {
            super(probe);
            this.core = core;
        }

        @Override
        public CompletableFuture<CommandResult> submit(NewOrder order) {
            long due = recordSubmit();
            CompletableFuture<CommandResult> result = core.submit(order);
            result.whenComplete((r, failure) -> {
                long now = System.nanoTime();
                if (failure != null || !r.accepted()) {
                    rejected.incrementAndGet();
                    if (firstReject == null) {
                        firstReject = failure != null ? failure.toString() : r.describe();
                    }
                } else if (due != Long.MIN_VALUE) {
                    record(atAccept, now - due); // the publish thread is the only writer
                }
            });
            return result;
        }

        @Override
        public CompletableFuture<CommandResult> cancel(long orderId) {
            return core.cancel(orderId);
        }

        @Override
        public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
            return core.replace(orderId, newPrice, newQuantity);
        }

        @Override
        public long realizedPnl(AccountId account, InstrumentId instrument) {
            return core.realizedPnl(account, instrument);
        }

        @Override
        public long unrealizedPnl(AccountId account, InstrumentId instrument) {
            return core.unrealizedPnl(account, instrument);
        }

        @Override
        public Instrument instrument(InstrumentId instrument) {
            return core.instrument(instrument);
        }
    }
}
