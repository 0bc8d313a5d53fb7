package io.nautilus.core;

import io.nautilus.api.Side;
import io.nautilus.api.order.CancelReason;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventLogTest {

    /** Writes n events into c (cleared first): order ids base, base+1, ...; every third a trade. */
    private static void write(Command c, long base, int n) {
        c.clearOutcome();
        for (int k = 0; k < n; k++) {
            long id = base + k;
            if (k % 3 == 1) {
                c.events.trade(id, 7, 3, Side.BUY, id + 1_000_000, 8, 100 + k, k + 1, 5, 6, 7, 8);
                c.events.setFees(k, -id, id);
            } else {
                c.events.canceled(id, 7, 3, Side.SELL, 100 + k, k + 1, CancelReason.USER);
                c.events.setAverages(k, id * 2, 0);
            }
        }
    }

    private static void check(Command c, long base, int n) {
        Events e = c.events;
        assertThat(e.size()).isEqualTo(n);
        int trades = 0;
        for (int k = 0; k < n; k++) {
            long id = base + k;
            assertThat(e.orderId(k)).as("event %d of %d from %d", k, n, base).isEqualTo(id);
            assertThat(e.price(k)).isEqualTo(100 + k);
            assertThat(e.qty(k)).isEqualTo(k + 1);
            if (k % 3 == 1) {
                trades++;
                assertThat(e.type(k)).isEqualTo(Events.TRADE);
                assertThat(e.counterOrderId(k)).isEqualTo(id + 1_000_000);
                assertThat(e.counterAccount(k)).isEqualTo(8);
                assertThat(e.fee(k)).isEqualTo(-id);
                assertThat(e.counterFee(k)).isEqualTo(id);
                assertThat(e.cumulative(k)).isEqualTo(7);
            } else {
                assertThat(e.type(k)).isEqualTo(Events.CANCELED);
                assertThat(e.side(k)).isEqualTo(Side.SELL);
                assertThat(e.reason(k)).isEqualTo(CancelReason.USER.ordinal());
                assertThat(e.average(k)).isEqualTo(id * 2);
                assertThat(e.counterAccount(k)).isEqualTo(Command.ANY);
            }
        }
        assertThat(e.trades()).isEqualTo(trades);
    }

    @Test
    void releasedRecordsAreWrittenAgainWithoutGrowingAcrossTheWrap() {
        EventLog log = new EventLog(16);
        Command[] slots = {new Command(log), new Command(log), new Command(log)};
        for (int i = 0; i < 1_000; i++) {
            Command c = slots[i % slots.length];
            int n = 1 + i % 5;
            write(c, i * 100L, n);
            check(c, i * 100L, n);
            log.release(c);
        }
        assertThat(log.capacity()).isEqualTo(16);
        assertThat(log.growths()).isZero();
    }

    @Test
    void unreleasedRecordsSurviveTheLogGrowing() {
        EventLog log = new EventLog(16);
        Command[] slots = new Command[8];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Command(log);
        }
        // two commands released, so the next ones start mid-array and wrap when the log grows
        write(slots[0], 0, 5);
        log.release(slots[0]);
        write(slots[1], 100, 5);
        log.release(slots[1]);
        for (int i = 2; i < slots.length; i++) {
            write(slots[i], i * 100L, 6);
        }
        assertThat(log.capacity()).isEqualTo(64);
        assertThat(log.growths()).isEqualTo(2);
        for (int i = 2; i < slots.length; i++) {
            check(slots[i], i * 100L, 6);
        }
        for (int i = 2; i < slots.length; i++) {
            log.release(slots[i]);
        }
        for (int i = 0; i < 100; i++) {
            write(slots[i % slots.length], i, 7);
            check(slots[i % slots.length], i, 7);
            log.release(slots[i % slots.length]);
        }
        assertThat(log.capacity()).isEqualTo(64);
    }

    @Test
    void oneCommandWithMoreEventsThanTheLogHolds() {
        EventLog log = new EventLog(16);
        Command c = new Command(log);
        write(c, 5, 1_000);
        check(c, 5, 1_000);
        assertThat(log.capacity()).isEqualTo(1_024);
    }

    @Test
    void reprocessingACommandStartsItsEventsAgain() {
        EventLog log = new EventLog(16);
        Command c = new Command(log);
        write(c, 5, 3);
        write(c, 50, 2);
        check(c, 50, 2);
        log.release(c);
        Command d = new Command(log);
        write(d, 500, 4);
        check(d, 500, 4);
    }

    @Test
    void aCommandOfItsOwnGrowsItsArray() {
        Command c = new Command();
        write(c, 9, 100);
        check(c, 9, 100);
        write(c, 10, 2);
        check(c, 10, 2);
    }

    @Test
    void refusesAnImpossibleCapacity() {
        assertThatThrownBy(() -> new EventLog(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A writer and a releasing reader on two threads, handing commands over through a sequence as the ring does: the
     * reader sees every command's events as written, while the writer wraps over released records and grows the log.
     */
    @Test
    void aReaderOnAnotherThreadSeesEachCommandAsWritten() throws Exception {
        EventLog log = new EventLog(16);
        Command[] slots = new Command[64];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Command(log);
        }
        int commands = 200_000;
        AtomicLong written = new AtomicLong(-1);
        AtomicLong read = new AtomicLong(-1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (long s = 0; s < commands; s++) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (written.get() < s) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError("writer stalled at " + written.get());
                        }
                        Thread.onSpinWait();
                    }
                    Command c = slots[(int) (s % slots.length)];
                    check(c, s * 10, eventsOf(s));
                    log.release(c);
                    read.set(s);
                }
            } catch (Throwable t) {
                failure.set(t);
                read.set(Long.MAX_VALUE);
            }
        }, "event-log-reader");
        reader.start();
        for (long s = 0; s < commands && failure.get() == null; s++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (read.get() < s - slots.length) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("reader stalled at " + read.get());
                }
                Thread.onSpinWait();
            }
            write(slots[(int) (s % slots.length)], s * 10, eventsOf(s));
            written.set(s);
        }
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(reader.isAlive()).isFalse();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        // 64 unreleased commands of at most 9 events fit in 1 024 records
        assertThat(log.capacity()).isLessThanOrEqualTo(1_024);
    }

    private static int eventsOf(long s) {
        return (int) (s % 10 == 0 ? 9 : s % 3);
    }
}
