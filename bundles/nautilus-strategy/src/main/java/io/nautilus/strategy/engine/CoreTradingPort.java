package io.nautilus.strategy.engine;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.NewOrder;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.api.PositionView;
import io.nautilus.core.api.TradingCoreService;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TradingPort} over the trading core's {@link TradingCoreService}.
 */
public final class CoreTradingPort implements TradingPort {

    private final TradingCoreService core;

    /**
     * Creates the port.
     *
     * @param core the trading core
     */
    public CoreTradingPort(TradingCoreService core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    @Override
    public CompletableFuture<CommandResult> submit(NewOrder order) {
        return core.submit(order);
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
        return core.position(account, instrument).map(PositionView::realisedPnl).orElse(0L);
    }

    @Override
    public long unrealizedPnl(AccountId account, InstrumentId instrument) {
        return core.position(account, instrument).map(PositionView::unrealisedPnl).orElse(0L);
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return core.instrument(instrument).orElse(null);
    }
}
