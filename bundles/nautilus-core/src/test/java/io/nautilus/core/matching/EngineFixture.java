package io.nautilus.core.matching;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** An engine with one instrument (tick 1, lot 1, min 1, no band) and two accounts, driven one command at a time. */
final class EngineFixture {

    static final int INSTRUMENT = 7;
    static final int ALICE = 1;
    static final int BOB = 2;

    final MatchingEngine engine = new MatchingEngine();
    final Command command = new Command();

    EngineFixture() {
        engine.defineInstrument(INSTRUMENT, 1, 1, 1, 0, 0);
        engine.defineAccount(ALICE, SelfTradePrevention.NONE);
        engine.defineAccount(BOB, SelfTradePrevention.NONE);
    }

    /** Prepares a NEW in the command slot; finish with {@link Spec#send()}. */
    Spec order(long id, int account, Side side, OrderType type, TimeInForce tif, long price, long qty) {
        command.clear();
        command.op = Op.NEW;
        command.orderId = id;
        command.account = account;
        command.instrument = INSTRUMENT;
        command.side = side;
        command.type = type;
        command.tif = tif;
        command.price = price;
        command.qty = qty;
        return new Spec();
    }

    Outcome buy(long id, int account, long price, long qty) {
        return order(id, account, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty).send();
    }

    Outcome sell(long id, int account, long price, long qty) {
        return order(id, account, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, qty).send();
    }

    Outcome cancel(long id) {
        command.clear();
        command.op = Op.CANCEL;
        command.orderId = id;
        return send();
    }

    Outcome replace(long id, long price, long qty) {
        command.clear();
        command.op = Op.REPLACE;
        command.orderId = id;
        command.price = price;
        command.qty = qty;
        return send();
    }

    Outcome reduce(long id, long qty) {
        command.clear();
        command.op = Op.REDUCE;
        command.orderId = id;
        command.qty = qty;
        return send();
    }

    Outcome massCancel(int account, int instrument) {
        command.clear();
        command.op = Op.MASS_CANCEL;
        command.account = account;
        command.instrument = instrument;
        return send();
    }

    Outcome kill(int account, int instrument) {
        command.clear();
        command.op = Op.KILL;
        command.account = account;
        command.instrument = instrument;
        return send();
    }

    Outcome mark(long price) {
        command.clear();
        command.op = Op.MARK;
        command.instrument = INSTRUMENT;
        command.price = price;
        return send();
    }

    Outcome clock(long timestamp, boolean endOfDay) {
        command.clear();
        command.op = Op.CLOCK;
        command.timestamp = timestamp;
        command.flags = endOfDay ? Op.CLOCK_END_OF_DAY : 0;
        return send();
    }

    Outcome send() {
        command.clearOutcome();
        engine.process(command);
        return new Outcome(command.rejectReason, Ev.copy(command.events));
    }

    /** @return order ids of a side in priority order */
    List<Long> queue(Side side) {
        return engine.bookOrders(INSTRUMENT, side).stream().map(OrderView::orderId).toList();
    }

    OrderView view(long id) {
        return engine.order(id).orElseThrow(() -> new AssertionError("order " + id + " is not working"));
    }

    byte[] snapshot() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            engine.writeSnapshot(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Optional fields of the NEW being prepared. */
    final class Spec {
        Spec stop(long stopPrice) {
            command.stopPrice = stopPrice;
            return this;
        }

        Spec display(long displayQty) {
            command.displayQty = displayQty;
            return this;
        }

        Spec flags(int flags) {
            command.flags = flags;
            return this;
        }

        Spec expiry(long expiry) {
            command.expiry = expiry;
            return this;
        }

        Spec clientOrderId(long clientOrderId) {
            command.clientOrderId = clientOrderId;
            return this;
        }

        Spec instrument(int instrument) {
            command.instrument = instrument;
            return this;
        }

        Outcome send() {
            return EngineFixture.this.send();
        }
    }
}
