package io.nautilus.core.risk;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class RateWindowTest {

    private static final long MS = 1_000_000L;

    @Test
    void allowsAtMostCapacityInAnySecondAndFreesSlotsAsTheyLeaveIt() {
        RateWindow w = new RateWindow();
        w.resize(3);
        assertThat(w.tryAcquire(0)).isTrue();
        assertThat(w.tryAcquire(100 * MS)).isTrue();
        assertThat(w.tryAcquire(200 * MS)).isTrue();
        assertThat(w.tryAcquire(999 * MS)).as("4th inside (−1 s, 0.999 s]").isFalse();
        assertThat(w.inWindow(999 * MS)).isEqualTo(3);
        assertThat(w.tryAcquire(1000 * MS)).as("the one at 0 left the window at 1 s").isTrue();
        assertThat(w.tryAcquire(1050 * MS)).isFalse();
        assertThat(w.tryAcquire(1100 * MS)).isTrue();
        assertThat(w.inWindow(1100 * MS)).isEqualTo(3);
    }

    @Test
    void aLooseLimitHoldsOnlyWhatTheBusiestSecondNeeded() {
        RateWindow w = new RateWindow();
        w.resize(20_000);
        assertThat(w.slots()).isEqualTo(16);
        for (int k = 0; k < 5_000; k++) {
            assertThat(w.tryAcquire(k * MS)).isTrue(); // 1 000 a second for 5 s
        }
        assertThat(w.slots()).as("1 000 in a second need 1 024 slots, not 20 000").isEqualTo(1_024);
        assertThat(w.inWindow(4_999 * MS)).isEqualTo(1_000);
    }

    @Test
    void zeroRejectsEverythingAndUnlimitedHoldsNothing() {
        RateWindow w = new RateWindow();
        w.resize(0);
        assertThat(w.tryAcquire(0)).isFalse();
        w.resize(-1);
        assertThat(w.tryAcquire(0)).isTrue();
        assertThat(w.capacity()).isEqualTo(-1);
        assertThat(w.slots()).isZero();
    }

    @Test
    void resizingKeepsTheMostRecentAndASnapshotRestoresTheSameWindow() throws IOException {
        RateWindow w = new RateWindow();
        w.resize(100);
        for (int k = 0; k < 40; k++) {
            w.tryAcquire(k * 10 * MS); // wraps the ring once it has grown
        }
        w.resize(5);
        assertThat(w.inWindow(400 * MS)).isEqualTo(5);
        assertThat(w.tryAcquire(400 * MS)).as("5 of the last second kept").isFalse();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        w.write(new DataOutputStream(bytes));
        RateWindow restored = new RateWindow();
        restored.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(restored.capacity()).isEqualTo(5);
        for (long t = 400 * MS; t < 2_000 * MS; t += 7 * MS) {
            assertThat(restored.tryAcquire(t)).as("at %d ms", t / MS).isEqualTo(w.tryAcquire(t));
        }
    }
}
