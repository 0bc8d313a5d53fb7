package io.nautilus.api.order;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;
import io.nautilus.api.Side;
import io.nautilus.api.StrategyId;
import io.nautilus.api.VenueId;
import org.junit.jupiter.api.Test;

import static io.nautilus.api.instrument.FixedPoint.NULL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ExecutionReportTest {

    private static ExecutionReport report(Side side, ExecType execType, OrderStatus status, RejectReason reject,
                                          CancelReason cancel, Liquidity liquidity, long lastPrice, long lastQty,
                                          long leaves, long cumulative, long averagePrice) {
        return new ExecutionReport(1, 42, 0, 9001, AccountId.of("ACC-1"), StrategyId.of("mm-1"),
                InstrumentId.of("ESZ4.CME"), VenueId.of("CME"), side, execType, status, reject, cancel, liquidity,
                null, lastPrice, lastQty, leaves, cumulative, averagePrice, 1_000L, 2_000L);
    }

    @Test
    void describesAnAcceptedOrder() {
        ExecutionReport accepted = report(Side.BUY, ExecType.NEW, OrderStatus.NEW, RejectReason.NONE,
                CancelReason.NONE, Liquidity.NONE, NULL, 0, 10, 0, NULL);
        assertThat(accepted.isFill()).isFalse();
        assertThat(accepted.signedLastQuantity()).isZero();
    }

    @Test
    void partialFillOfASellGivesANegativePositionChange() {
        ExecutionReport fill = report(Side.SELL, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, RejectReason.NONE,
                CancelReason.NONE, Liquidity.MAKER, 501_225, 4, 6, 4, 501_225);
        assertThat(fill.isFill()).isTrue();
        assertThat(fill.signedLastQuantity()).isEqualTo(-4);
    }

    @Test
    void aFillCarriesItsFeeAndTheOldConstructorMeansNoFee() {
        ExecutionReport rebate = new ExecutionReport(1, 42, 0, 9001, AccountId.of("ACC-1"), null,
                InstrumentId.of("ESZ4.CME"), null, Side.SELL, ExecType.FILL, OrderStatus.FILLED, RejectReason.NONE,
                CancelReason.NONE, Liquidity.MAKER, null, 501_225, 4, 0, 4, 501_225, 1_000L, 2_000L, -12);
        ExecutionReport old = report(Side.SELL, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED,
                RejectReason.NONE, CancelReason.NONE, Liquidity.MAKER, 501_225, 4, 6, 4, 501_225);

        assertThat(rebate.fee()).isEqualTo(-12);
        assertThat(old.fee()).isZero();
    }

    @Test
    void onlyFillsCarryAFee() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExecutionReport(1, 42, 0, 9001,
                        AccountId.of("ACC-1"), null, InstrumentId.of("ESZ4.CME"), null, Side.BUY, ExecType.NEW,
                        OrderStatus.NEW, RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, null, NULL, 0, 10, 0,
                        NULL, 1_000L, 2_000L, 5))
                .withMessageContaining("only fills carry a fee, got 5");
    }

    @Test
    void fillWithoutLastQuantityIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.FILL, OrderStatus.FILLED,
                        RejectReason.NONE, CancelReason.NONE, Liquidity.TAKER, 501_225, 0, 0, 10, 501_225))
                .withMessageContaining("a fill needs a last price and a last quantity greater than zero, got 0");
    }

    @Test
    void completeFillMustLeaveNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.FILL, OrderStatus.FILLED,
                        RejectReason.NONE, CancelReason.NONE, Liquidity.TAKER, 501_225, 10, 1, 10, 501_225))
                .withMessageContaining("a complete fill leaves 0, got 1");
    }

    @Test
    void nonFillMustNotCarryFillFields() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.NEW, OrderStatus.NEW,
                        RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, 501_225, 0, 10, 0, NULL))
                .withMessageContaining("only fills carry a last price");
    }

    @Test
    void rejectNeedsAReasonAndOthersMustNotHaveOne() {
        ExecutionReport rejected = report(Side.BUY, ExecType.REJECTED, OrderStatus.REJECTED,
                RejectReason.PRICE_NOT_ON_TICK, CancelReason.NONE, Liquidity.NONE, NULL, 0, 0, 0, NULL);
        assertThat(rejected.rejectReason()).isEqualTo(RejectReason.PRICE_NOT_ON_TICK);
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.REJECTED,
                        OrderStatus.REJECTED, RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, NULL, 0, 0, 0, NULL))
                .withMessageContaining("a reject reason is required for REJECTED");
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.NEW, OrderStatus.NEW,
                RejectReason.RISK_LIMIT, CancelReason.NONE, Liquidity.NONE, NULL, 0, 10, 0, NULL));
    }

    @Test
    void rejectedCancelKeepsTheOrdersWorkingStatus() {
        ExecutionReport cancelReject = report(Side.BUY, ExecType.REJECTED, OrderStatus.NEW,
                RejectReason.UNKNOWN_ORDER, CancelReason.NONE, Liquidity.NONE, NULL, 0, 10, 0, NULL);
        assertThat(cancelReject.status().isFinished()).isFalse();
    }

    @Test
    void cancelNeedsACancelReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.CANCELED,
                        OrderStatus.CANCELED, RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, NULL, 0, 0, 0, NULL))
                .withMessageContaining("a cancel needs a cancel reason");
        assertThat(report(Side.BUY, ExecType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE,
                CancelReason.IOC_REMAINDER, Liquidity.NONE, NULL, 0, 0, 3, 500_000).cancelReason())
                .isEqualTo(CancelReason.IOC_REMAINDER);
    }

    @Test
    void cancelReasonOnlyOnCancelsAndExpiries() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.NEW, OrderStatus.NEW,
                        RejectReason.NONE, CancelReason.USER, Liquidity.NONE, NULL, 0, 10, 0, NULL))
                .withMessageContaining("cancel reason USER is only allowed on CANCELED or EXPIRED");
    }

    @Test
    void finishedOrderMustLeaveNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.EXPIRED, OrderStatus.EXPIRED,
                        RejectReason.NONE, CancelReason.EXPIRED, Liquidity.NONE, NULL, 0, 5, 0, NULL))
                .withMessageContaining("a finished order leaves 0, got 5");
    }

    @Test
    void averagePriceIsPresentExactlyWhenSomethingFilled() {
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.NEW, OrderStatus.NEW,
                        RejectReason.NONE, CancelReason.NONE, Liquidity.NONE, NULL, 0, 10, 0, 500_000))
                .withMessageContaining("an average price is required once something is filled and only then");
        assertThatIllegalArgumentException().isThrownBy(() -> report(Side.BUY, ExecType.PARTIAL_FILL,
                OrderStatus.PARTIALLY_FILLED, RejectReason.NONE, CancelReason.NONE, Liquidity.MAKER, 500_000, 2, 8,
                2, NULL));
    }
}
