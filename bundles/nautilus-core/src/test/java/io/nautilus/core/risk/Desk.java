package io.nautilus.core.risk;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.position.PositionKeeper;

import java.util.HashMap;
import java.util.Map;

/**
 * Test fixture: risk, a {@link FakeMatching} and positions wired in the engine's order (check, match, positions,
 * risk apply). Instruments: ES (id 0, price scale 2, quantity scale 0) and BTC (id 1, price scale 2, quantity
 * scale 4); accounts alice (0), bob (1), carol (2); money scale 2.
 */
final class Desk {

    static final int ES = 0;
    static final int BTC = 1;
    static final int ALICE = 0;
    static final int BOB = 1;
    static final int CAROL = 2;
    static final long T0 = 1_700_000_000_000_000_000L;

    final Map<String, Integer> accountIds = new HashMap<>(Map.of("alice", ALICE, "bob", BOB, "carol", CAROL));
    final Map<String, Integer> instrumentIds = new HashMap<>(Map.of("ES", ES, "BTC", BTC));
    final PositionKeeper positions = new PositionKeeper(2);
    final RiskEngine risk = new RiskEngine(positions, n -> accountIds.getOrDefault(n, -1),
            n -> instrumentIds.getOrDefault(n, -1));
    final FakeMatching matching = new FakeMatching();
    long now = T0;
    private long nextOrderId = 1;
    long lastOrderId;

    Desk() {
        positions.defineInstrument(ES, 2, 0, 0, 0, 0);
        positions.defineInstrument(BTC, 2, 4, 0, 0, 0);
    }

    Desk limits(String text) {
        risk.setLimits(RiskLimits.parse(text));
        return this;
    }

    Command process(Command c) {
        c.clearOutcome();
        if (!risk.check(c)) {
            c.events.rejected(c.orderId, c.account, c.instrument, c.side, c.rejectReason, c.rejectLimit,
                    c.rejectValue);
            return c;
        }
        matching.process(c);
        positions.apply(c);
        risk.apply(c);
        return c;
    }

    Command newOrder(int account, int instrument, Side side, OrderType type, TimeInForce tif, long price, long qty,
                     int flags) {
        Command c = new Command();
        c.clear();
        c.op = Op.NEW;
        c.timestamp = now;
        c.orderId = nextOrderId++;
        lastOrderId = c.orderId;
        c.account = account;
        c.instrument = instrument;
        c.side = side;
        c.type = type;
        c.tif = tif;
        c.price = price;
        c.qty = qty;
        c.flags = flags;
        return process(c);
    }

    Command buy(int account, int instrument, long price, long qty) {
        return newOrder(account, instrument, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty, OrderFlags.NONE);
    }

    Command sell(int account, int instrument, long price, long qty) {
        return newOrder(account, instrument, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, qty, OrderFlags.NONE);
    }

    Command reduceOnly(int account, int instrument, Side side, long price, long qty) {
        return newOrder(account, instrument, side, OrderType.LIMIT, TimeInForce.GTC, price, qty, OrderFlags.REDUCE_ONLY);
    }

    Command market(int account, int instrument, Side side, long qty) {
        return newOrder(account, instrument, side, OrderType.MARKET, TimeInForce.IOC, 0, qty, OrderFlags.NONE);
    }

    /** Seller rests, buyer takes: both at the price. */
    void trade(int buyer, int seller, int instrument, long price, long qty) {
        Command rest = sell(seller, instrument, price, qty);
        Command take = buy(buyer, instrument, price, qty);
        if (rest.rejected() || take.rejected() || !take.events.hasTrades()) {
            throw new AssertionError("setup trade failed: " + rest + " / " + take);
        }
    }

    Command cancel(long orderId) {
        return orderOp(Op.CANCEL, orderId, 0, 0);
    }

    Command reduce(long orderId, long qty) {
        return orderOp(Op.REDUCE, orderId, 0, qty);
    }

    Command replace(long orderId, long price, long qty) {
        return orderOp(Op.REPLACE, orderId, price, qty);
    }

    private Command orderOp(byte op, long orderId, long price, long qty) {
        Command c = new Command();
        c.clear();
        c.op = op;
        c.timestamp = now;
        c.orderId = orderId;
        c.price = price;
        c.qty = qty;
        return process(c);
    }

    Command admin(byte op, int account, int instrument, int flags, String text) {
        Command c = new Command();
        c.clear();
        c.op = op;
        c.timestamp = now;
        c.account = account;
        c.instrument = instrument;
        c.flags = flags;
        c.text = text;
        return process(c);
    }

    Command mark(int instrument, long price) {
        Command c = new Command();
        c.clear();
        c.op = Op.MARK;
        c.timestamp = now;
        c.instrument = instrument;
        c.price = price;
        return process(c);
    }
}
