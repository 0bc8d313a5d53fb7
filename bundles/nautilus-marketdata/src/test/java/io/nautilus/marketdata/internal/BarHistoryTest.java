package io.nautilus.marketdata.internal;

import io.nautilus.api.marketdata.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.nautilus.marketdata.internal.Fixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarHistoryTest {

    private static Bar bar(long n) {
        return new Bar(BTC.id(), n, n + 1, 100, 100, 100, 100, 1, 1);
    }

    @Test
    void keepsTheMostRecentBarsOldestFirstUpToItsCapacity() {
        BarHistory history = new BarHistory(3);
        assertThat(history.last(5)).isEmpty();
        history.add(bar(1));
        history.add(bar(2));
        assertThat(history.last(5)).containsExactly(bar(1), bar(2));
        history.add(bar(3));
        history.add(bar(4));
        assertThat(history.last(5)).containsExactly(bar(2), bar(3), bar(4));
        assertThat(history.last(1)).containsExactly(bar(4));
        assertThat(history.last(0)).isEmpty();
        assertThat(history.total()).isEqualTo(4);
        assertThatThrownBy(() -> new BarHistory(0)).hasMessageContaining("at least 1");
    }

    @Test
    void aReaderWhileTheWriterLapsTheRingAlwaysGetsConsecutiveBars() throws InterruptedException {
        BarHistory history = new BarHistory(8);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> broken = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get() && broken.get() == null) {
                List<Bar> bars = history.last(5);
                for (int i = 1; i < bars.size(); i++) {
                    if (bars.get(i).startNanos() != bars.get(i - 1).startNanos() + 1) {
                        broken.set(bars.toString());
                    }
                }
            }
        });
        reader.start();
        for (long n = 0; n < 2_000_000; n++) {
            history.add(bar(n));
        }
        stop.set(true);
        reader.join(10_000);
        assertThat(broken.get()).isNull();
    }
}
