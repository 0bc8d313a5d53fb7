package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void formatsEachRange() {
        assertThat(Durations.format(-1)).isEqualTo("-");
        assertThat(Durations.format(0)).isEqualTo("0ms");
        assertThat(Durations.format(999)).isEqualTo("999ms");
        assertThat(Durations.format(12_345)).isEqualTo("12s");
        assertThat(Durations.format(184_000)).isEqualTo("3m 04s");
        assertThat(Durations.format(7_500_000)).isEqualTo("2h 05m");
        assertThat(Durations.format(273_600_000L)).isEqualTo("3d 04h");
    }
}
