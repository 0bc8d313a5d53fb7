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
        RateLog log = new RateLog();
        RateWindow w = new RateWindow(log);
        w.resize(20_000);
        assertThat(log.slots()).isEqualTo(16);
        for (int k = 0; k < 5_000; k++) {
            assertThat(w.tryAcquire(k * MS)).isTrue(); // 1 000 a second for 5 s
        }
        assertThat(log.slots()).as("1 000 in a second need 1 024 slots, not 20 000").isEqualTo(1_024);
        assertThat(w.inWindow(4_999 * MS)).isEqualTo(1_000);
    }

    @Test
    void windowsSharingALogCountOnlyTheirOwnTimes() {
        RateLog log = new RateLog();
        RateWindow a = new RateWindow(log);
        RateWindow b = new RateWindow(log);
        a.resize(2);
        b.resize(3);
        assertThat(a.tryAcquire(0)).isTrue();
        assertThat(b.tryAcquire(10 * MS)).isTrue();
        assertThat(a.tryAcquire(20 * MS)).isTrue();
        assertThat(a.tryAcquire(30 * MS)).as("a holds 2").isFalse();
        assertThat(b.tryAcquire(40 * MS)).isTrue();
        assertThat(b.tryAcquire(50 * MS)).isTrue();
        assertThat(b.tryAcquire(60 * MS)).as("b holds 3").isFalse();
        assertThat(b.tryAcquire(1_000 * MS)).as("a's time at 0 left, b's at 10 ms has not").isFalse();
        assertThat(a.tryAcquire(1_001 * MS)).isTrue();
        assertThat(b.tryAcquire(1_010 * MS)).isTrue();
        assertThat(a.inWindow(1_010 * MS)).isEqualTo(2);
        assertThat(b.inWindow(1_010 * MS)).isEqualTo(3);
        assertThat(log.slots()).as("at most 5 times held").isLessThanOrEqualTo(16);
    }

    /** The shared log decides as a window of its own per account that drops at every call (the former design). */
    @Test
    void sharedLogDecidesAsAnEagerWindowPerAccount() throws IOException {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 40; round++) {
            int n = 1 + random.nextInt(6);
            RateLog log = new RateLog();
            RateWindow[] windows = new RateWindow[n];
            Eager[] reference = new Eager[n];
            for (int k = 0; k < n; k++) {
                windows[k] = new RateWindow(log);
                reference[k] = new Eager();
                int capacity = random.nextInt(12) - 1;
                windows[k].resize(capacity);
                reference[k].resize(capacity);
            }
            long now = 0;
            for (int step = 0; step < 3_000; step++) {
                now += random.nextInt(4) == 0 ? random.nextInt(400) * MS : random.nextInt(30) * MS;
                int k = random.nextInt(n);
                if (random.nextInt(60) == 0) {
                    int capacity = random.nextInt(12) - 1;
                    windows[k].resize(capacity);
                    reference[k].resize(capacity);
                    continue;
                }
                if (random.nextInt(200) == 0) {
                    // every window through a snapshot into a new log
                    RateLog restored = new RateLog();
                    for (int j = 0; j < n; j++) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        windows[j].write(new DataOutputStream(bytes));
                        windows[j] = new RateWindow(restored);
                        windows[j].read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                    }
                    restored.sortByTime();
                    log = restored;
                }
                boolean allowed = reference[k].tryAcquire(now);
                assertThat(windows[k].tryAcquire(now)).as("round %d step %d window %d", round, step, k)
                        .isEqualTo(allowed);
                assertThat(windows[k].inWindow(now)).isEqualTo(reference[k].inWindow(now));
            }
            assertThat(log.size()).isLessThanOrEqualTo(n * 12 + 1);
        }
    }

    /** The former window: a list of its own times, dropping the old ones at each call. */
    private static final class Eager {
        private int capacity = -1;
        private final java.util.ArrayDeque<Long> times = new java.util.ArrayDeque<>();

        void resize(int c) {
            capacity = c;
            if (c < 0) {
                times.clear();
            }
            while (c >= 0 && times.size() > c) {
                times.removeFirst();
            }
        }

        boolean tryAcquire(long now) {
            if (capacity < 0) {
                return true;
            }
            while (!times.isEmpty() && now - times.peekFirst() >= RateWindow.WINDOW_NANOS) {
                times.removeFirst();
            }
            if (times.size() >= capacity) {
                return false;
            }
            times.addLast(now);
            return true;
        }

        int inWindow(long now) {
            int n = 0;
            for (long t : times) {
                if (now - t < RateWindow.WINDOW_NANOS) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void zeroRejectsEverythingAndUnlimitedHoldsNothing() {
        RateWindow w = new RateWindow();
        w.resize(0);
        assertThat(w.tryAcquire(0)).isFalse();
        w.resize(-1);
        assertThat(w.tryAcquire(0)).isTrue();
        assertThat(w.capacity()).isEqualTo(-1);
        assertThat(w.inWindow(0)).isZero();
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
