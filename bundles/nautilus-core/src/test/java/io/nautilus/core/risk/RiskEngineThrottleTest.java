package io.nautilus.core.risk;

import io.nautilus.api.order.RejectReason;
import io.nautilus.core.Command;
import org.junit.jupiter.api.Test;

import static io.nautilus.core.risk.Desk.ALICE;
import static io.nautilus.core.risk.Desk.BOB;
import static io.nautilus.core.risk.Desk.ES;
import static io.nautilus.core.risk.Desk.T0;
import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineThrottleTest {

    private static final long PX = 1_000_000;
    private static final long MS = 1_000_000;

    private final Desk desk = new Desk();

    private Command buyAt(long offsetNanos) {
        desk.now = T0 + offsetNanos;
        return desk.buy(ALICE, ES, PX, 1);
    }

    private static void assertThrottled(Command c, String detail, long limit, long wouldBe) {
        assertThat(c.rejectReason).as("reason of %s", c).isEqualTo(RejectReason.THROTTLED);
        assertThat(c.rejectDetail).isEqualTo(detail);
        assertThat(c.rejectLimit).isEqualTo(limit);
        assertThat(c.rejectValue).isEqualTo(wouldBe);
    }

    @Test
    void ordersPerSecondSlideOverLogicalTime() {
        desk.limits("default.maxOrdersPerSecond=3");
        assertThat(buyAt(0).rejected()).isFalse();
        assertThat(buyAt(100 * MS).rejected()).isFalse();
        assertThat(buyAt(200 * MS).rejected()).isFalse();
        assertThrottled(buyAt(300 * MS), "maxOrdersPerSecond", 3, 4);
        assertThrottled(buyAt(1000 * MS - 1), "maxOrdersPerSecond", 3, 4);   // t0 is still inside (t - 1s, t]
        assertThat(buyAt(1000 * MS).rejected()).as("t0 left the window").isFalse();
        // (0.05s, 1.05s] holds 0.1s, 0.2s and 1.0s: a fixed window would have allowed this one
        assertThrottled(buyAt(1050 * MS), "maxOrdersPerSecond", 3, 4);
        assertThat(buyAt(1100 * MS).rejected()).isFalse();
    }

    @Test
    void throttleIsPerAccount() {
        desk.limits("default.maxOrdersPerSecond=1");
        assertThat(buyAt(0).rejected()).isFalse();
        assertThat(desk.buy(BOB, ES, PX, 1).rejected()).isFalse();
        assertThrottled(buyAt(0), "maxOrdersPerSecond", 1, 2);
    }

    @Test
    void ordersRejectedForAnyReasonConsumeNoBudget() {
        desk.limits("default.maxOrdersPerSecond=1\ndefault.maxOrderQty=10");
        desk.now = T0;
        assertThat(desk.buy(ALICE, ES, PX, 11).rejectReason).isEqualTo(RejectReason.RISK_LIMIT);
        assertThat(desk.buy(ALICE, ES, PX, 10).rejected()).isFalse();
        assertThrottled(desk.buy(ALICE, ES, PX, 10), "maxOrdersPerSecond", 1, 2);
        assertThrottled(desk.buy(ALICE, ES, PX, 10), "maxOrdersPerSecond", 1, 2);
        desk.now = T0 + 1000 * MS;
        assertThat(desk.buy(ALICE, ES, PX, 10).rejected()).isFalse();
    }

    @Test
    void cancelsHaveTheirOwnBudget() {
        desk.limits("default.maxCancelsPerSecond=1\naccount.alice.maxOrdersPerSecond=2");
        desk.now = T0;
        long a = desk.buy(ALICE, ES, PX, 1).orderId;
        long b = desk.buy(ALICE, ES, PX, 1).orderId;
        assertThat(desk.cancel(a).rejected()).isFalse();
        assertThrottled(desk.cancel(b), "maxCancelsPerSecond", 1, 2);
        assertThrottled(desk.reduce(b, 1), "maxCancelsPerSecond", 1, 2);
        assertThat(desk.matching.openOrderIds()).containsExactly(b);
        desk.now = T0 + 1000 * MS;
        assertThat(desk.cancel(b).rejected()).isFalse();
    }

    @Test
    void lowerRateLimitTakesEffectOnTheNextCommandKeepingRecentHistory() {
        desk.limits("default.maxOrdersPerSecond=5");
        for (int k = 0; k < 3; k++) {
            assertThat(buyAt(k * MS).rejected()).isFalse();
        }
        desk.limits("default.maxOrdersPerSecond=2");
        assertThrottled(buyAt(3 * MS), "maxOrdersPerSecond", 2, 3);
        desk.limits("account.alice.maxOrdersPerSecond=unlimited\ndefault.maxOrdersPerSecond=2");
        assertThat(buyAt(4 * MS).rejected()).isFalse();
    }

    @Test
    void zeroRateRejectsEverything() {
        desk.limits("account.alice.maxOrdersPerSecond=0");
        assertThrottled(buyAt(0), "maxOrdersPerSecond", 0, 1);
    }
}
