package io.nautilus.marketdata.internal;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * The engine ring's wait strategy for its single consumer: spins briefly, then yields, then parks; a producer
 * pays one volatile read per publish and unparks only a consumer that is actually parked. Unlike
 * {@link com.lmax.disruptor.BlockingWaitStrategy} no lock is taken on publish, and unlike a busy spin an idle
 * engine costs no CPU on a shared machine.
 *
 * <p>No wake-up is lost: the consumer announces itself before re-reading the sequence it waits on, the producer
 * advances that sequence before reading the announcement (both volatile). Parks are bounded (1 ms) anyway.
 */
final class ParkingWaitStrategy implements WaitStrategy {

    private static final int SPINS = 64;
    private static final int YIELDS = 64;
    private static final long PARK_NANOS = 1_000_000L;

    private volatile Thread parked;

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        long available;
        int rounds = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (rounds < SPINS) {
                Thread.onSpinWait();
            } else if (rounds < SPINS + YIELDS) {
                Thread.yield();
            } else {
                parked = Thread.currentThread();
                if (dependentSequence.get() < sequence && !barrier.isAlerted()) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
                parked = null;
            }
            rounds++;
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        Thread thread = parked;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
