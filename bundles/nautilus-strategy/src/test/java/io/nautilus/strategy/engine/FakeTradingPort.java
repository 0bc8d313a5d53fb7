package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts every command at once; the core's order id of an order is its client order id + 1000. */
final class FakeTradingPort implements TradingPort {

    static final long ORDER_ID_OFFSET = 1000;

    final List<NewOrder> submitted = new CopyOnWriteArrayList<>();
    final List<Long> canceled = new CopyOnWriteArrayList<>();
    final List<long[]> replaced = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<CommandResult> submit(NewOrder order) {
        submitted.add(order);
        return accepted(order.clientOrderId() + ORDER_ID_OFFSET);
    }

    @Override
    public CompletableFuture<CommandResult> cancel(long orderId) {
        canceled.add(orderId);
        return accepted(orderId);
    }

    @Override
    public CompletableFuture<CommandResult> replace(long orderId, long newPrice, long newQuantity) {
        replaced.add(new long[] {orderId, newPrice, newQuantity});
        return accepted(orderId);
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

    private static CompletableFuture<CommandResult> accepted(long orderId) {
        return CompletableFuture.completedFuture(new CommandResult(1, orderId, RejectReason.NONE, null, 0, 0,
                List.of()));
    }
}
