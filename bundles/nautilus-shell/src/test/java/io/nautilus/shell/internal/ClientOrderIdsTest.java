package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

    @Test
    void idsFollowTheClockAndStayStrictlyIncreasingWhenItStandsStillOrGoesBack() {
        long[] clock = {1_000};
        ClientOrderIds ids = new ClientOrderIds(() -> clock[0]);
        assertThat(ids.next()).isEqualTo(1_000);
        assertThat(ids.next()).isEqualTo(1_001);
        clock[0] = 500;
        assertThat(ids.next()).isEqualTo(1_002);
        clock[0] = 5_000;
        assertThat(ids.next()).isEqualTo(5_000);
    }

    @Test
    void theShellsIdsArePositive() {
        assertThat(ClientOrderIds.SHELL.next()).isPositive();
    }
}
