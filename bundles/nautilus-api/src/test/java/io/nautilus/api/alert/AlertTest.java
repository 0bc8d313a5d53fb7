package io.nautilus.api.alert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlertTest {

    @Test
    void severitiesAreOrderedByUrgency() {
        assertThat(Severity.CRITICAL.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.WARNING.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.isAtLeast(Severity.WARNING)).isFalse();
    }

    @Test
    void alertNeedsKeySourceAndText() {
        Alert alert = new Alert("venue-down:CME", Severity.CRITICAL, "venue", "CME session down", 5L);
        assertThat(alert.key()).isEqualTo("venue-down:CME");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Alert(" ", Severity.INFO, "risk", "text", 5L))
                .withMessage("alert ' ' from 'risk': key, source and text must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Alert("k", Severity.INFO, "risk", "text", -1L))
                .withMessage("alert 'k': timestamp -1 must not be negative");
    }

    @Test
    void deliveryResultsTellSuccessFromFailure() {
        assertThat(DeliveryResult.delivered("msg-1").isDelivered()).isTrue();
        assertThat(DeliveryResult.retryable("timeout").outcome()).isEqualTo(DeliveryResult.Outcome.RETRYABLE_FAILURE);
        assertThat(DeliveryResult.failed("bad address").isDelivered()).isFalse();
    }
}
