package io.nautilus.core.risk;

import io.nautilus.api.OrderFlags;
import io.nautilus.api.OrderType;
import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import io.nautilus.api.order.CancelReason;
import io.nautilus.core.Command;
import io.nautilus.core.Op;
import io.nautilus.core.position.PositionKeeper;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** check/apply of risk and positions allocate nothing in steady state (every limit configured). */
class HotPathAllocationTest {

    private static final int ES = 0;
    private static final int BTC = 1;

    private final PositionKeeper positions = new PositionKeeper(2);
    private final RiskEngine risk = new RiskEngine(positions);
    private final Command c = new Command();
    private long time = Desk.T0;
    private long orderId;
    private int rejected;

    @Test
    void steadyStateAllocatesNothing() {
        positions.defineInstrument(ES, 2, 0, -1, 3, 0);
        positions.defineInstrument(BTC, 2, 4, 2, 5, 10);
        risk.setLimits(RiskLimits.parse("""
                default.maxOrderQty=1000
                default.maxOrderNotional=100000000
                default.maxLong=1000000
                default.maxShort=1000000
                default.maxGrossExposure=1000000000000
                default.maxDailyLoss=1000000000
                default.maxOrdersPerSecond=100000
                default.maxCancelsPerSecond=100000
                default.maxLeverage=1000
                default.maxConcentration=1
                default.minConcentrationExposure=0
                instrument.BTC.maxOrderQty=5
                account.a.instrument.ES.maxLong=2000000
                """).resolve(n -> n.equals("a") ? 0 : -1, s -> s.equals("ES") ? ES : BTC));
        positions.mark(ES, 10_000);
        positions.mark(BTC, 4_000_000);
        for (int account = 0; account < 3; account++) {
            risk.setCapital(account, 1_000_000_000_000L);
        }

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 20_000; k++) {
            round(k);
        }
        long overheadStart = threads.getCurrentThreadAllocatedBytes();
        long overhead = threads.getCurrentThreadAllocatedBytes() - overheadStart;
        long start = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 50_000; k++) {
            round(k);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - start - overhead;
        assertThat(allocated).as("bytes allocated by 50000 rounds (300000 commands)").isLessThan(1_000);
        assertThat(rejected).as("reduce-only every round, maxOrderQty every fifth").isEqualTo(84_000);
        assertThat(risk.workingOrders()).isZero();
    }

    /** Six commands: rest, take (trade), reject, rest + replace + cancel, mark. */
    private void round(int k) {
        int instrument = (k & 1) == 0 ? ES : BTC;
        long price = instrument == ES ? 10_000 + (k % 7) : 4_000_000 + (k % 11);
        long maker = ++orderId;
        newOrder(maker, 0, instrument, Side.BUY, price, 3, OrderFlags.NONE);
        if (pass()) {
            c.events.accepted(maker, 0, instrument, Side.BUY, price, 3, 3);
            finish();
        }
        long taker = ++orderId;
        newOrder(taker, 1, instrument, Side.SELL, price, 3, OrderFlags.NONE);
        if (pass()) {
            c.events.accepted(taker, 1, instrument, Side.SELL, price, 3, 3);
            c.events.trade(taker, 1, instrument, Side.SELL, maker, 0, price, 3, 0, 0, 3, 3);
            finish();
        }
        newOrder(++orderId, 2, instrument, Side.BUY, price, 5_000, OrderFlags.REDUCE_ONLY);
        if (pass()) {
            throw new AssertionError("reduce-only from flat must be rejected");
        }
        long resting = ++orderId;
        newOrder(resting, 2, instrument, Side.SELL, price + 50, 2, OrderFlags.NONE);
        if (pass()) {
            c.events.accepted(resting, 2, instrument, Side.SELL, price + 50, 2, 2);
            finish();
        }
        command(Op.REPLACE, resting, 2, instrument);
        c.price = price + 60;
        c.qty = 4;
        if (pass()) {
            c.events.replaced(resting, 2, instrument, Side.SELL, price + 60, 4, 4, price + 50, 2, false);
            finish();
        }
        command(Op.CANCEL, resting, 2, instrument);
        if (pass()) {
            c.events.canceled(resting, 2, instrument, Side.SELL, price + 60, 4, CancelReason.USER);
            finish();
        }
        command(Op.MARK, 0, Command.ANY, instrument);
        c.price = price;
        if (pass()) {
            finish();
        }
        if (k % 5 == 0) {
            newOrder(++orderId, 1, BTC, Side.BUY, 4_000_000, 60_000, OrderFlags.NONE);   // 6 > BTC maxOrderQty 5
            if (pass()) {
                throw new AssertionError("maxOrderQty must reject");
            }
        }
        if (positions.quantity(0, ES) < 0 && positions.grossExposure(0) < 0) {
            throw new AssertionError("unreachable: keeps the queries in the measured path");
        }
        risk.dailyLoss(1);
    }

    private void newOrder(long id, int account, int instrument, Side side, long price, long qty, int flags) {
        command(Op.NEW, id, account, instrument);
        c.side = side;
        c.type = OrderType.LIMIT;
        c.tif = TimeInForce.GTC;
        c.price = price;
        c.qty = qty;
        c.flags = flags;
    }

    private void command(byte op, long id, int account, int instrument) {
        c.clear();
        c.op = op;
        c.orderId = id;
        c.account = account;
        c.instrument = instrument;
        c.timestamp = time += 10_000;
    }

    private boolean pass() {
        if (risk.check(c)) {
            return true;
        }
        rejected++;
        return false;
    }

    private void finish() {
        positions.apply(c);
        risk.apply(c);
    }
}
