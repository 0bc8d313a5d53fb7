package io.nautilus.shell.internal;

import static io.nautilus.shell.internal.FakeTradingCore.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.api.Side;
import io.nautilus.api.instrument.FixedPoint;
import io.nautilus.api.order.CancelReason;
import io.nautilus.api.order.ExecType;
import io.nautilus.api.order.ExecutionReport;
import io.nautilus.api.order.Liquidity;
import io.nautilus.api.order.OrderStatus;
import io.nautilus.api.order.RejectReason;
import io.nautilus.core.api.CommandResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportLinesTest {

    private final FakeTradingCore core = new FakeTradingCore();
    private final ReportLines lines = new ReportLines(new Scales(core::instrument));

    @Test
    void newOrderShowsDashesForLastAndAverage() {
        ExecutionReport ack = report(42, ExecType.NEW, OrderStatus.NEW, 0, 0, 10_000, 0, 0);
        assertThat(lines.report(ack)).isEqualTo("order 42 NEW NEW last - leaves 1.0000 cum 0.0000 avg -");
    }

    @Test
    void fillShowsLastQuantityAtPriceLeavesCumulativeAverageAndLiquidity() {
        ExecutionReport fill = report(42, ExecType.PARTIAL_FILL, OrderStatus.PARTIALLY_FILLED, 2_500, 10_125,
                7_500, 2_500, 10_125);
        assertThat(lines.report(fill)).isEqualTo("order 42 PARTIAL_FILL PARTIALLY_FILLED last 0.2500@101.25"
                + " leaves 0.7500 cum 0.2500 avg 101.25 TAKER");
    }

    @Test
    void cancelShowsItsReason() {
        ExecutionReport cancel = report(42, ExecType.CANCELED, OrderStatus.CANCELED, 0, 0, 0, 2_500, 10_125);
        assertThat(lines.report(cancel)).endsWith("avg 101.25 reason: KILL_SWITCH");
    }

    @Test
    void unknownInstrumentPrintsRawUnits() {
        ReportLines raw = new ReportLines(new Scales(id -> Optional.empty()));
        ExecutionReport ack = report(42, ExecType.NEW, OrderStatus.NEW, 0, 0, 10_000, 0, 0);
        assertThat(raw.report(ack)).isEqualTo("order 42 NEW NEW last - leaves 10000 cum 0 avg -");
    }

    @Test
    void acceptedOutcomeComesFirstThenEveryReport() {
        CommandResult result = FakeTradingCore.accepted(42,
                report(42, ExecType.NEW, OrderStatus.NEW, 0, 0, 10_000, 0, 0));
        assertThat(lines.lines(result)).containsExactly("accepted (seq 17, order 42)",
                "order 42 NEW NEW last - leaves 1.0000 cum 0.0000 avg -");
    }

    @Test
    void rejectNamesReasonDetailLimitAndWouldBeValue() {
        CommandResult result = new CommandResult(18, 0, RejectReason.RISK_LIMIT, "maxOrderQty", 1_000, 1_500,
                List.of());
        assertThat(ReportLines.outcome(result))
                .isEqualTo("rejected: risk limit (maxOrderQty: limit 1000, would be 1500)");
    }

    @Test
    void rejectAddsTheRejectedReportsText() {
        ExecutionReport rejected = new ExecutionReport(1, 5, 0, 0, FakeTradingCore.ACC_1, null,
                FakeTradingCore.BTC.id(), null, Side.BUY, ExecType.REJECTED, OrderStatus.REJECTED,
                RejectReason.TRADING_HALTED, CancelReason.NONE, Liquidity.NONE, "account ACC-1 is HALTED",
                FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, 1, 2);
        CommandResult result = new CommandResult(19, 0, RejectReason.TRADING_HALTED, null, 0, 0, List.of(rejected));
        assertThat(ReportLines.outcome(result)).isEqualTo("rejected: trading halted: account ACC-1 is HALTED");
        assertThat(lines.report(rejected)).isEqualTo("client order 5 REJECTED REJECTED last - leaves 0.0000"
                + " cum 0.0000 avg - reason: trading halted - account ACC-1 is HALTED");
    }

    @Test
    void aRejectTextThatAlreadyNamesTheReasonIsNotRepeated() {
        ExecutionReport rejected = new ExecutionReport(1, 6, 0, 0, FakeTradingCore.ACC_1, null,
                FakeTradingCore.BTC.id(), null, Side.BUY, ExecType.REJECTED, OrderStatus.REJECTED,
                RejectReason.RISK_LIMIT, CancelReason.NONE, Liquidity.NONE,
                "risk limit (maxOrderQty: limit 1000, would be 1500)",
                FixedPoint.NULL, 0, 0, 0, FixedPoint.NULL, 1, 2);
        assertThat(lines.report(rejected)).isEqualTo("client order 6 REJECTED REJECTED last - leaves 0.0000"
                + " cum 0.0000 avg - reason: risk limit (maxOrderQty: limit 1000, would be 1500)");
    }
}
