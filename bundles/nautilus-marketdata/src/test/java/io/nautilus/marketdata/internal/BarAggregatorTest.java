package io.nautilus.marketdata.internal;

import io.nautilus.api.InstrumentId;
import io.nautilus.api.marketdata.Bar;
import io.nautilus.marketdata.api.BarSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarAggregatorTest {

    private static final InstrumentId ID = InstrumentId.of("BTC-USD");
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final List<Bar> bars = new ArrayList<>();

    private BarAggregator aggregator(BarSpec spec) {
        return new BarAggregator(ID, spec, (s, bar) -> {
            assertThat(s).isEqualTo(spec);
            bars.add(bar);
        });
    }

    @Test
    void timeBarsAreAlignedWithExactOhlcvAndSkipIntervalsWithoutTrades() {
        BarAggregator minute = aggregator(BarSpec.time(MINUTE));
        long t0 = 1_700_000_000L * SECOND; // 22:13:20 UTC, 20 s into its minute
        long minuteStart = t0 - 20 * SECOND;
        minute.onTrade(10_000, 5, t0);
        minute.onTrade(10_050, 2, t0 + 10 * SECOND);
        minute.onTrade(9_950, 1, t0 + 20 * SECOND);
        minute.onTrade(10_010, 3, t0 + 39 * SECOND); // last nanosecond-second of the minute
        minute.onTrade(10_100, 4, t0 + 40 * SECOND); // next minute opens
        minute.onTrade(10_200, 1, t0 + 40 * SECOND + 3 * MINUTE); // skips two empty minutes
        minute.onClock(t0 + 40 * SECOND + 4 * MINUTE);

        assertThat(bars).containsExactly(
                new Bar(ID, minuteStart, minuteStart + MINUTE, 10_000, 10_050, 9_950, 10_010, 11, 4),
                new Bar(ID, minuteStart + MINUTE, minuteStart + 2 * MINUTE, 10_100, 10_100, 10_100, 10_100, 4, 1),
                new Bar(ID, minuteStart + 4 * MINUTE, minuteStart + 5 * MINUTE, 10_200, 10_200, 10_200, 10_200, 1, 1));
    }

    @Test
    void clockBeforeTheIntervalEndsDoesNotCloseTheBar() {
        BarAggregator second = aggregator(BarSpec.time(SECOND));
        second.onTrade(100, 1, 5 * SECOND + 1);
        second.onClock(6 * SECOND - 1);
        assertThat(bars).isEmpty();
        second.onClock(6 * SECOND);
        assertThat(bars).containsExactly(new Bar(ID, 5 * SECOND, 6 * SECOND, 100, 100, 100, 100, 1, 1));
    }

    @Test
    void aLatePrintNeverReopensACompletedInterval() {
        BarAggregator second = aggregator(BarSpec.time(SECOND));
        second.onTrade(100, 1, 5 * SECOND);
        second.onTrade(101, 1, 6 * SECOND); // completes [5 s, 6 s)
        second.onTrade(99, 2, 5 * SECOND + 10); // late: joins the open [6 s, 7 s)
        second.onClock(7 * SECOND);
        second.onTrade(98, 3, 5 * SECOND + 20); // late, no open bar: opens [7 s, 8 s)
        second.onClock(8 * SECOND);
        assertThat(bars).containsExactly(
                new Bar(ID, 5 * SECOND, 6 * SECOND, 100, 100, 100, 100, 1, 1),
                new Bar(ID, 6 * SECOND, 7 * SECOND, 101, 101, 99, 99, 3, 2),
                new Bar(ID, 7 * SECOND, 8 * SECOND, 98, 98, 98, 98, 3, 1));
    }

    @Test
    void tickBarsCompleteEveryNTrades() {
        BarAggregator three = aggregator(BarSpec.ticks(3));
        three.onTrade(100, 1, 10);
        three.onTrade(103, 2, 20);
        three.onTrade(99, 3, 30);
        three.onTrade(101, 4, 40);
        assertThat(bars).containsExactly(new Bar(ID, 10, 31, 100, 103, 99, 99, 6, 3));
    }

    @Test
    void volumeBarsSplitTheTradeThatCrossesTheBoundary() {
        BarAggregator ten = aggregator(BarSpec.volume(10));
        ten.onTrade(100, 4, 1);
        ten.onTrade(102, 4, 2);
        ten.onTrade(98, 25, 3); // 2 completes bar 1, 10 fills bar 2, 10 fills bar 3, 3 opens bar 4
        ten.onTrade(97, 7, 4);  // completes bar 4
        assertThat(bars).containsExactly(
                new Bar(ID, 1, 4, 100, 102, 98, 98, 10, 3),
                new Bar(ID, 3, 4, 98, 98, 98, 98, 10, 1),
                new Bar(ID, 3, 4, 98, 98, 98, 98, 10, 1),
                new Bar(ID, 3, 5, 98, 98, 97, 97, 10, 2));
    }
}
