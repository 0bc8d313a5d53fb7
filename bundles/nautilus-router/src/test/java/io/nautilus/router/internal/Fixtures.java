package io.nautilus.router.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.instrument.Instrument;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.router.api.ChildOrder;
import io.nautilus.router.api.ExecutionStyle;
import io.nautilus.router.api.FeeModel;
import io.nautilus.router.api.ParentOrder;
import io.nautilus.router.api.RemainderPolicy;
import io.nautilus.router.api.VenueFeeSchedule;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test data: an instrument at price scale 2 / quantity scale 0, two venues, a manual clock. */
final class Fixtures {

    static final InstrumentId ACME = InstrumentId.of("SIM-ACME");
    static final VenueId A = VenueId.of("A");
    static final VenueId B = VenueId.of("B");
    static final VenueId C = VenueId.of("C");
    /** A: per unit, maker -0.0020 (rebate), taker 0.0030 USD a share. */
    static final VenueFeeSchedule FEES_A = VenueFeeSchedule.parse(A, FeeModel.PER_UNIT, "-0.0020", "0.0030", true);
    /** B: bps, maker -0.1, taker 0.2 bps. */
    static final VenueFeeSchedule FEES_B = VenueFeeSchedule.parse(B, FeeModel.BPS, "-0.1", "0.2", true);
    static final AtomicLong EXEC_IDS = new AtomicLong();

    private Fixtures() {
    }

    static Instrument instrument(long lot) {
        return new Instrument(ACME, "ACME", VenueId.of("SIM"), 1, lot, lot, 2, 0, "USD");
    }

    /** Settings without impact, no prior influence on slippage (prior 0 bps anyway). */
    static RouterSettings noImpact() {
        return RouterSettings.defaults().withImpact(io.nautilus.router.api.ImpactModel.LINEAR, 0);
    }

    static RouterSettings limits(RouterSettings s, int maxChildren, long minChild) {
        return s.withLimits(maxChildren, BigDecimal.valueOf(minChild));
    }

    static ParentOrder buy(long id, long qty, long limit, RemainderPolicy remainder) {
        return new ParentOrder(id, ACME, Side.BUY, qty, limit, ExecutionStyle.MARKETABLE, FixedPoint.NULL, remainder);
    }

    static ParentOrder order(long id, Side side, long qty, long limit, ExecutionStyle style, long arrival,
                             RemainderPolicy remainder) {
        return new ParentOrder(id, ACME, side, qty, limit, style, arrival, remainder);
    }

    static ExecutionReport ack(ChildOrder c) {
        return report(c, ExecType.NEW, OrderStatus.NEW, FixedPoint.NULL, 0, c.quantity(), 0, FixedPoint.NULL);
    }

    static ExecutionReport fill(ChildOrder c, long cumBefore, long price, long qty) {
        long cum = cumBefore + qty;
        boolean full = cum == c.quantity();
        return report(c, full ? ExecType.FILL : ExecType.PARTIAL_FILL, full ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED, price, qty, c.quantity() - cum, cum, price);
    }

    static ExecutionReport canceled(ChildOrder c, long cum, long avg) {
        return new ExecutionReport(EXEC_IDS.incrementAndGet(), c.childOrderId(), 0, 0, AccountId.of("acct"), null,
                ACME, c.venue(), c.side(), ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE,
                CancelReason.USER, Liquidity.NONE, null, FixedPoint.NULL, 0, 0, cum,
                cum == 0 ? FixedPoint.NULL : avg, 1, 1);
    }

    private static ExecutionReport report(ChildOrder c, ExecType type, OrderStatus status, long lastPx, long lastQty,
                                          long leaves, long cum, long avg) {
        return new ExecutionReport(EXEC_IDS.incrementAndGet(), c.childOrderId(), 0, 0, AccountId.of("acct"), null,
                ACME, c.venue(), c.side(), type, status, RejectReason.NONE, CancelReason.NONE,
                type.isFill() ? Liquidity.TAKER : Liquidity.NONE, null, lastPx, lastQty, leaves, cum,
                cum == 0 ? FixedPoint.NULL : avg, 1, 1);
    }

    /** A clock tests move by hand. */
    static final class ManualClock implements java.util.function.LongSupplier {
        long now = 1_000_000_000_000L;

        @Override
        public long getAsLong() {
            return now;
        }

        void advanceNanos(long nanos) {
            now += nanos;
        }
    }
}
