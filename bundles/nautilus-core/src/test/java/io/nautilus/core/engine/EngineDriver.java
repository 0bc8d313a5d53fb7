package io.nautilus.core.engine;

import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.SelfTradePrevention;
import io.nautilus.core.Snapshotable;
import io.nautilus.core.TradingState;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TradingEngine} driven one command at a time, as the pipeline's business thread would: each command gets
 * the next seq and a logical time, its outcome is cleared, then it is processed. Every helper returns the processed
 * command slot (reused by the next call).
 */
final class EngineDriver {

    /** Logical time of seq 0 (epoch nanos). */
    static final long T0 = 1_700_000_000_000_000_000L;

    final TradingEngine engine;
    final Command c = new Command();
    long seq;

    EngineDriver(int moneyScale) {
        engine = new TradingEngine(moneyScale);
    }

    Command instrument(int id, String symbol, long tick, long lot, long min, int priceScale, int quantityScale,
                       long makerFeeBps, long takerFeeBps) {
        return instrument(new Registry.InstrumentDef(id, symbol, tick, lot, min, 0, 0, priceScale, quantityScale,
                makerFeeBps, takerFeeBps));
    }

    Command instrument(Registry.InstrumentDef def) {
        c.clear();
        Registry.encode(def, c);
        return send();
    }

    Command account(int id, String name, SelfTradePrevention stp) {
        c.clear();
        Registry.encode(new Registry.AccountDef(id, name, stp), c);
        return send();
    }

    Command limits(String text) {
        c.clear();
        c.op = Op.SET_LIMITS;
        c.text = text;
        return send();
    }

    Command order(long id, int account, int instrument, Side side, OrderType type, TimeInForce tif, long price,
                  long qty) {
        c.clear();
        c.op = Op.NEW;
        c.orderId = id;
        c.account = account;
        c.instrument = instrument;
        c.side = side;
        c.type = type;
        c.tif = tif;
        c.price = price;
        c.qty = qty;
        return send();
    }

    Command buy(long id, int account, long price, long qty) {
        return order(id, account, 0, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty);
    }

    Command sell(long id, int account, long price, long qty) {
        return order(id, account, 0, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, qty);
    }

    Command cancel(long id) {
        c.clear();
        c.op = Op.CANCEL;
        c.orderId = id;
        return send();
    }

    Command replace(long id, long price, long qty) {
        c.clear();
        c.op = Op.REPLACE;
        c.orderId = id;
        c.price = price;
        c.qty = qty;
        return send();
    }

    Command reduce(long id, long qty) {
        c.clear();
        c.op = Op.REDUCE;
        c.orderId = id;
        c.qty = qty;
        return send();
    }

    Command kill(int account, int instrument) {
        c.clear();
        c.op = Op.KILL;
        c.account = account;
        c.instrument = instrument;
        return send();
    }

    Command tradingState(int account, int instrument, TradingState state) {
        c.clear();
        c.op = Op.SET_TRADING_STATE;
        c.account = account;
        c.instrument = instrument;
        c.flags = state.ordinal();
        return send();
    }

    Command mark(int instrument, long price) {
        c.clear();
        c.op = Op.MARK;
        c.instrument = instrument;
        c.price = price;
        return send();
    }

    /** Processes what is in the slot (input fields set) with the next seq and time. */
    Command send() {
        seq++;
        c.seq = seq;
        c.timestamp = T0 + seq;
        c.clearOutcome();
        engine.process(c);
        return c;
    }

    /** @return every snapshot part written one after the other, as a snapshot would */
    byte[] snapshot() {
        return bytes(engine.snapshotParts());
    }

    /** @return each snapshot part's bytes, in {@link TradingEngine#snapshotParts()} order */
    List<byte[]> partBytes() {
        List<byte[]> parts = new ArrayList<>();
        for (Snapshotable part : engine.snapshotParts()) {
            parts.add(bytes(List.of(part)));
        }
        return parts;
    }

    static byte[] bytes(List<? extends Snapshotable> parts) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            for (Snapshotable part : parts) {
                part.writeSnapshot(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
