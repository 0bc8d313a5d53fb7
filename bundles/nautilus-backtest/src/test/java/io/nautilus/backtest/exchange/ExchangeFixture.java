package io.nautilus.backtest.exchange;

import io.nautilus.api.AccountId;
import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.NewOrder;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.backtest.engine.Exchange;
import io.nautilus.core.api.CommandResult;
import io.nautilus.core.embedded.EmbeddedCore;
import io.nautilus.data.MarketEvent;
import io.nautilus.data.MarketEventSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real EmbeddedCore with one external instrument (TST: price scale 2, tick 0.01, quantity scale 0; taker 10 bps,
 * maker 0) and the backtest account, a simulated exchange over it, and helpers to feed events and send orders.
 */
final class ExchangeFixture {

    static final AccountId ACCOUNT = AccountId.of("backtest");
    /** 2023-11-14T22:13:20Z. */
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final int QUOTES = 1 << MarketEvent.QUOTE;
    static final int TRADES = 1 << MarketEvent.TRADE;
    static final int BARS = 1 << MarketEvent.BAR;

    final EmbeddedCore core = new EmbeddedCore(2);
    final TestScheduler scheduler = new TestScheduler(T0);
    final List<CommandResult> results = new ArrayList<>();
    /** Called with each result after it is recorded, as a strategy reacting to its reports would be. */
    java.util.function.Consumer<CommandResult> onResult = r -> { };
    final Instrument instrument;
    final Exchange exchange;
    private long nextClientId = 1;

    ExchangeFixture(ExchangeSettings settings, int kinds) {
        this(settings, kinds, Map.of());
    }

    ExchangeFixture(ExchangeSettings settings, int kinds, Map<String, String> risk) {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("TST.priceScale", "2");
        cfg.put("TST.quantityScale", "0");
        cfg.put("TST.tickSize", "0.01");
        cfg.put("TST.lotSize", "1");
        cfg.put("TST.priceBandBps", "2000");
        cfg.put("TST.referencePrice", "100.00");
        cfg.put("TST.makerFeeBps", "0");
        cfg.put("TST.takerFeeBps", "10");
        List<EmbeddedCore.Definition> definitions = EmbeddedCore.parseInstruments(cfg);
        core.defineInstruments(definitions, true);
        core.defineAccount(ACCOUNT, "none", 10_000_000_00L);
        if (!risk.isEmpty()) {
            core.setRiskLimits(risk);
        }
        instrument = definitions.get(0).instrument();
        exchange = SimulatedExchange.factory(settings).create(core, new Source(List.of(instrument), kinds), scheduler,
                r -> {
                    results.add(r);
                    onResult.accept(r);
                });
    }

    /** Moves the clock to a time (running due actions), for a decision at that time. */
    ExchangeFixture at(long time) {
        scheduler.advanceTo(time);
        return this;
    }

    void quote(long time, long bid, long bidSize, long ask, long askSize) {
        MarketEvent e = event(MarketEvent.QUOTE, time);
        e.bidPrice = bid;
        e.bidSize = bidSize;
        e.askPrice = ask;
        e.askSize = askSize;
        deliver(e);
    }

    void trade(long time, long price, long size) {
        MarketEvent e = event(MarketEvent.TRADE, time);
        e.price = price;
        e.size = size;
        deliver(e);
    }

    void bar(long time, long open, long high, long low, long close) {
        MarketEvent e = event(MarketEvent.BAR, time);
        e.barStart = time - 60 * SECOND;
        e.open = open;
        e.high = high;
        e.low = low;
        e.close = close;
        e.volume = 1000;
        deliver(e);
    }

    private static MarketEvent event(byte kind, long time) {
        MarketEvent e = new MarketEvent();
        e.kind = kind;
        e.instrument = 0;
        e.timestamp = time;
        return e;
    }

    private void deliver(MarketEvent e) {
        scheduler.advanceTo(e.timestamp);
        exchange.onMarketEvent(e);
    }

    long market(Side side, long quantity) {
        return send(NewOrder.market(nextClientId++, ACCOUNT, null, instrument.id(), side, quantity));
    }

    long limit(Side side, long price, long quantity) {
        return send(NewOrder.limit(nextClientId++, ACCOUNT, null, instrument.id(), side, price, quantity));
    }

    long limit(Side side, long price, long quantity, TimeInForce tif, int flags, long expire) {
        return send(new NewOrder(nextClientId++, ACCOUNT, null, instrument.id(), side, OrderType.LIMIT, tif, price,
                FixedPoint.NULL, quantity, 0, flags, expire));
    }

    long postOnly(Side side, long price, long quantity) {
        return limit(side, price, quantity, TimeInForce.GTC, OrderFlags.POST_ONLY, 0);
    }

    long stop(Side side, long stopPrice, long quantity) {
        return send(new NewOrder(nextClientId++, ACCOUNT, null, instrument.id(), side, OrderType.STOP,
                TimeInForce.GTC, FixedPoint.NULL, stopPrice, quantity, 0, OrderFlags.NONE, 0));
    }

    long stopLimit(Side side, long stopPrice, long price, long quantity) {
        return send(new NewOrder(nextClientId++, ACCOUNT, null, instrument.id(), side, OrderType.STOP_LIMIT,
                TimeInForce.GTC, price, stopPrice, quantity, 0, OrderFlags.NONE, 0));
    }

    long send(NewOrder order) {
        exchange.submit(order);
        return order.clientOrderId();
    }

    /** @return every execution report, in order */
    List<ExecutionReport> reports() {
        List<ExecutionReport> out = new ArrayList<>();
        for (CommandResult r : results) {
            out.addAll(r.reports());
        }
        return out;
    }

    List<ExecutionReport> reports(long clientOrderId) {
        return reports().stream().filter(r -> r.clientOrderId() == clientOrderId).toList();
    }

    List<ExecutionReport> fills() {
        return reports().stream().filter(ExecutionReport::isFill).toList();
    }

    List<ExecutionReport> fills(long clientOrderId) {
        return fills().stream().filter(r -> r.clientOrderId() == clientOrderId).toList();
    }

    /** @return the order's status after its last report, or null if it has none */
    OrderStatus status(long clientOrderId) {
        List<ExecutionReport> list = reports(clientOrderId);
        return list.isEmpty() ? null : list.get(list.size() - 1).status();
    }

    /** @return "price x qty LIQUIDITY" per fill of the order, e.g. "100.05x10 TAKER" */
    List<String> fillText(long clientOrderId) {
        return fills(clientOrderId).stream().map(r -> instrument.formatPrice(r.lastPrice()) + "x"
                + instrument.formatQuantity(r.lastQuantity()) + " " + r.liquidity()).toList();
    }

    long position() {
        return core.position(ACCOUNT, instrument.id());
    }

    /** A source with the instrument and its kinds of events; the test feeds the events itself. */
    private record Source(List<Instrument> instruments, int kinds) implements MarketEventSource {

        @Override
        public int kinds(int instrument) {
            return kinds;
        }

        @Override
        public long barIntervalNanos(int instrument) {
            return (kinds & BARS) != 0 ? 60 * SECOND : 0;
        }

        @Override
        public boolean next(MarketEvent into) {
            return false;
        }

        @Override
        public long estimatedEvents() {
            return -1;
        }

        @Override
        public long eventsRead() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
