package io.nautilus.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.api.Side;
import io.nautilus.api.TimeInForce;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    @Test
    void enumNamesMatchInAnyCase() {
        assertThat(Choices.parse("side", "buy", Side.class)).isEqualTo(Side.BUY);
        assertThat(Choices.parse("--tif", " Gtd ", TimeInForce.class)).isEqualTo(TimeInForce.GTD);
    }

    @Test
    void unknownWordListsTheAllowedValues() {
        assertThatThrownBy(() -> Choices.parse("side", "BYU", Side.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("side 'BYU' is not one of BUY, SELL");
    }

    @Test
    void instantsParseToEpochNanosAndBack() {
        Instant at = Choices.instant("--expire", "2026-11-25T16:30:00.000000123Z");
        long nanos = Choices.epochNanos(at);
        assertThat(nanos).isEqualTo(at.getEpochSecond() * 1_000_000_000L + 123);
        assertThat(Choices.formatEpochNanos(nanos)).isEqualTo("2026-11-25T16:30:00.000000123Z");
        assertThat(Choices.formatEpochNanos(0)).isEqualTo("-");
    }

    @Test
    void badInstantShowsTheExpectedForm() {
        assertThatThrownBy(() -> Choices.instant("--expire", "tomorrow"))
                .hasMessage("--expire 'tomorrow' is not an ISO-8601 instant such as 2026-11-25T16:30:00Z");
    }
}
