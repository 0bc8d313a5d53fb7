package io.nautilus.history.internal;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;

import java.util.List;

/** Command results and their execution reports as the core makes them: exec id {@code seq * 65,536 + n}. */
final class Reports {

    static final AccountId ACC1 = AccountId.of("ACC1");
    static final AccountId ACC2 = AccountId.of("ACC2");
    static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    static final InstrumentId ETH = InstrumentId.of("ETH-USD");
    static final StrategyId MM = StrategyId.of("mm");
    static final VenueId SIM = VenueId.of("SIM");
    /** 2026-01-02T03:04:05.123456789Z in nanoseconds since the epoch. */
    static final long T0 = 1_767_323_045_123_456_789L;

    /** Prices at 2 decimals, quantities at 3 for BTC-USD; ETH-USD unknown. */
    static final InstrumentScales SCALES = new InstrumentScales() {
        @Override
        public int priceScale(InstrumentId instrument) {
            return instrument.equals(BTC) ? 2 : -1;
        }

        @Override
        public int quantityScale(InstrumentId instrument) {
            return instrument.equals(BTC) ? 3 : -1;
        }
    };

    private Reports() {
    }

    static long execId(long seq, int n) {
        return seq * 65_536 + n;
    }

    static CommandResult result(long seq, ExecutionReport... reports) {
        RejectReason reason = reports.length > 0 ? reports[0].rejectReason() : RejectReason.NONE;
        return new CommandResult(seq, reports.length > 0 ? reports[0].orderId() : 0, reason, null, 0, 0,
                List.of(reports));
    }

    static ExecutionReport accepted(long seq, int n, long orderId, AccountId account, InstrumentId instrument,
                                    Side side, long quantity, long time) {
        return new ExecutionReport(execId(seq, n), orderId + 1_000, 0, orderId, account, MM, instrument, null, side,
                ExecType.NEW, OrderStatus.NEW, RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, null,
                FixedPoint.NULL, 0, quantity, 0, FixedPoint.NULL, time, time + 1);
    }

    static ExecutionReport fill(long seq, int n, long orderId, AccountId account, InstrumentId instrument, Side side,
                                long price, long quantity, long cumulative, long leaves, long average,
                                Liquidity liquidity, long time) {
        return fill(seq, n, orderId, account, instrument, side, price, quantity, cumulative, leaves, average,
                liquidity, time, 0);
    }

    static ExecutionReport fill(long seq, int n, long orderId, AccountId account, InstrumentId instrument, Side side,
                                long price, long quantity, long cumulative, long leaves, long average,
                                Liquidity liquidity, long time, long fee) {
        return new ExecutionReport(execId(seq, n), orderId + 1_000, 0, orderId, account, null, instrument, SIM, side,
                leaves == 0 ? ExecType.FILL : ExecType.PARTIAL_FILL,
                leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, RejectReason.NONE,
                CancelReason.NONE, liquidity, null, price, quantity, leaves, cumulative, average, time, time + 1, fee);
    }

    static ExecutionReport rejected(long seq, int n, long clientOrderId, AccountId account, InstrumentId instrument,
                                    RejectReason reason, String text, long time) {
        return new ExecutionReport(execId(seq, n), clientOrderId, 0, 0, account, null, instrument, null, Side.SELL,
                ExecType.REJECTED, OrderStatus.REJECTED, reason, CancelReason.NONE, Liquidity.NONE, text,
                FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, time, time + 1);
    }

    static ExecutionReport canceled(long seq, int n, long orderId, AccountId account, InstrumentId instrument,
                                    long cumulative, long average, long time) {
        return new ExecutionReport(execId(seq, n), orderId + 2_000, orderId + 1_000, orderId, account, null,
                instrument, null, Side.BUY, ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE,
                CancelReason.USER, Liquidity.NONE, null, FixedPoint.NULL, 0, 0, cumulative, average, time, time + 1);
    }
}
