package io.nautilus.api.order;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderEnumsTest {

    @Test
    void finishedStatusesAreTheTerminalFixStates() {
        assertThat(OrderStatus.values()).filteredOn(OrderStatus::isFinished).containsExactlyInAnyOrder(
                OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.EXPIRED,
                OrderStatus.DONE_FOR_DAY);
    }

    @Test
    void orderStatusRoundTripsThroughFixCodes() {
        assertThat(OrderStatus.PARTIALLY_FILLED.fixCode()).isEqualTo('1');
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.fromFixCode(status.fixCode())).isEqualTo(status);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> OrderStatus.fromFixCode('Z'))
                .withMessage("FIX order status 'Z' is not supported");
    }

    @Test
    void onlyFillExecTypesCarryFills() {
        assertThat(ExecType.values()).filteredOn(ExecType::isFill)
                .containsExactlyInAnyOrder(ExecType.PARTIAL_FILL, ExecType.FILL);
        assertThat(ExecType.FILL.fixCode()).isEqualTo('F');
        assertThat(ExecType.TRIGGERED.fixCode()).isEqualTo('L');
    }

    @Test
    void rejectReasonCodesAreUniqueAndRoundTrip() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.toSet()))
                .hasSize(RejectReason.values().length);
        for (RejectReason reason : RejectReason.values()) {
            assertThat(RejectReason.fromCode(reason.code())).isEqualTo(reason);
        }
        assertThat(RejectReason.NONE.code()).isZero();
        assertThat(RejectReason.PRICE_NOT_ON_TICK.description()).isEqualTo("price not on tick");
        assertThatIllegalArgumentException().isThrownBy(() -> RejectReason.fromCode(50))
                .withMessage("reject reason code 50 is not defined");
        assertThatIllegalArgumentException().isThrownBy(() -> RejectReason.fromCode(-1));
    }

    @Test
    void cancelReasonCodesRoundTrip() {
        for (CancelReason reason : CancelReason.values()) {
            assertThat(CancelReason.fromCode(reason.code())).isEqualTo(reason);
        }
        assertThat(CancelReason.KILL_SWITCH.code()).isEqualTo(5);
        assertThatIllegalArgumentException().isThrownBy(() -> CancelReason.fromCode(99))
                .withMessage("cancel reason code 99 is not defined");
    }
}
