package io.nautilus.history.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.AccountId;
import io.nautilus.api.InstrumentId;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-03T00:00:00Z");

    @Test
    void narrowsStepByStep() {
        HistoryQuery q = HistoryQuery.all().withAccount(AccountId.of("ACC1")).withInstrument(InstrumentId.of("X"))
                .withRange(T1, T2).withLimit(5);

        assertThat(q).isEqualTo(new HistoryQuery(AccountId.of("ACC1"), InstrumentId.of("X"), T1, T2, 5));
        assertThat(HistoryQuery.all()).isEqualTo(new HistoryQuery(null, null, null, null, 100));
        assertThat(q.withRange(T1, T1).from()).isEqualTo(T1);
    }

    @Test
    void refusesABadLimitOrAnInvertedRange() {
        assertThatThrownBy(() -> HistoryQuery.all().withLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit 0 is out of range; it must be 1 to 1000000");
        assertThatThrownBy(() -> HistoryQuery.all().withLimit(1_000_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistoryQuery.all().withRange(T2, T1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from 2026-01-03T00:00:00Z is after to 2026-01-02T00:00:00Z");
    }
}
