package io.nautilus.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnumsTest {

    @Test
    void sideOppositeIsAnInvolution() {
        assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
        assertThat(Side.SELL.opposite()).isEqualTo(Side.BUY);
        for (Side side : Side.values()) {
            assertThat(side.opposite().opposite()).isEqualTo(side);
        }
    }

    @Test
    void sideSignsQuantities() {
        assertThat(Side.BUY.sign()).isEqualTo(1);
        assertThat(Side.SELL.sign()).isEqualTo(-1);
        assertThat(Side.BUY.signed(150)).isEqualTo(150);
        assertThat(Side.SELL.signed(150)).isEqualTo(-150);
    }

    @Test
    void sideRoundTripsThroughFixCodes() {
        assertThat(Side.BUY.fixCode()).isEqualTo('1');
        for (Side side : Side.values()) {
            assertThat(Side.fromFixCode(side.fixCode())).isEqualTo(side);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Side.fromFixCode('5'))
                .withMessageContaining("'5'");
    }

    @Test
    void orderTypesDeclareWhichPricesTheyCarry() {
        assertThat(OrderType.MARKET.hasLimitPrice()).isFalse();
        assertThat(OrderType.MARKET.hasStopPrice()).isFalse();
        assertThat(OrderType.LIMIT.hasLimitPrice()).isTrue();
        assertThat(OrderType.LIMIT.hasStopPrice()).isFalse();
        assertThat(OrderType.STOP.hasLimitPrice()).isFalse();
        assertThat(OrderType.STOP.hasStopPrice()).isTrue();
        assertThat(OrderType.STOP_LIMIT.hasLimitPrice()).isTrue();
        assertThat(OrderType.STOP_LIMIT.hasStopPrice()).isTrue();
    }

    @Test
    void onlyIocAndFokAreImmediateAndOnlyGtdNeedsAnExpiry() {
        assertThat(TimeInForce.values()).filteredOn(TimeInForce::isImmediate)
                .containsExactlyInAnyOrder(TimeInForce.IOC, TimeInForce.FOK);
        assertThat(TimeInForce.values()).filteredOn(TimeInForce::requiresExpireTime)
                .containsExactly(TimeInForce.GTD);
        assertThat(TimeInForce.GTC.fixCode()).isEqualTo('1');
        assertThat(TimeInForce.DAY.fixCode()).isEqualTo('0');
    }

    @Test
    void orderFlagsCombineAndPrint() {
        int both = OrderFlags.POST_ONLY | OrderFlags.REDUCE_ONLY;
        assertThat(OrderFlags.isPostOnly(both)).isTrue();
        assertThat(OrderFlags.isReduceOnly(both)).isTrue();
        assertThat(OrderFlags.isPostOnly(OrderFlags.REDUCE_ONLY)).isFalse();
        assertThat(OrderFlags.isValid(both)).isTrue();
        assertThat(OrderFlags.isValid(8)).isFalse();
        assertThat(OrderFlags.toString(both)).isEqualTo("POST_ONLY|REDUCE_ONLY");
        assertThat(OrderFlags.toString(OrderFlags.NONE)).isEqualTo("NONE");
        assertThat(OrderFlags.toString(OrderFlags.POST_ONLY | 8)).isEqualTo("POST_ONLY|0x8");
    }

    @Test
    void onlyLoggedOnAndDegradedSessionsAreUsable() {
        assertThat(ConnectionState.values()).filteredOn(ConnectionState::isUsable)
                .containsExactlyInAnyOrder(ConnectionState.LOGGED_ON, ConnectionState.DEGRADED);
    }
}
