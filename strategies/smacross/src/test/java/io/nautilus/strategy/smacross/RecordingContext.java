package io.nautilus.strategy.smacross;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.strategy.StrategyContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A strategy context that records the orders a strategy sends; replaces keep the client order id. */
final class RecordingContext implements StrategyContext {

    /** One recorded request. */
    record Request(String kind, long clientOrderId, Side side, OrderType type, TimeInForce timeInForce, long price,
                   long quantity) {
    }

    final List<Request> requests = new ArrayList<>();
    final Set<Long> working = new HashSet<>();
    final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private long nextId = 100;

    List<Request> take() {
        List<Request> out = List.copyOf(requests);
        requests.clear();
        return out;
    }

    @Override
    public StrategyId strategyId() {
        return StrategyId.of("test");
    }

    @Override
    public AccountId account() {
        return AccountId.of("ACC-1");
    }

    @Override
    public long nowNanos() {
        return 0;
    }

    @Override
    public long submit(InstrumentId instrument, Side side, OrderType type, TimeInForce timeInForce, long price,
                       long stopPrice, long quantity, int flags, long expireTimeNanos) {
        long id = ++nextId;
        working.add(id);
        requests.add(new Request("submit", id, side, type, timeInForce, price, quantity));
        return id;
    }

    @Override
    public long cancel(long clientOrderId) {
        requests.add(new Request("cancel", clientOrderId, null, null, null, 0, 0));
        return working.remove(clientOrderId) ? ++nextId : 0;
    }

    @Override
    public long replace(long clientOrderId, long price, long quantity) {
        requests.add(new Request("replace", clientOrderId, null, null, null, price, quantity));
        return working.contains(clientOrderId) ? clientOrderId : 0;
    }

    @Override
    public int cancelAll(InstrumentId instrument) {
        int count = working.size();
        working.clear();
        return count;
    }

    @Override
    public long position(InstrumentId instrument) {
        return 0;
    }

    @Override
    public long realizedPnl(InstrumentId instrument) {
        return 0;
    }

    @Override
    public long unrealizedPnl(InstrumentId instrument) {
        return 0;
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return instruments.get(instrument);
    }

    @Override
    public long scheduleTimer(long delayNanos) {
        return 1;
    }

    @Override
    public long scheduleRepeatingTimer(long periodNanos) {
        return 1;
    }

    @Override
    public boolean cancelTimer(long timerId) {
        return false;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }
}
