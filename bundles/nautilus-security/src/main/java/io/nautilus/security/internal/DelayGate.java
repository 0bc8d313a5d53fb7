package io.nautilus.security.internal;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many login attempts wait out a throttle delay at the same time: a delayed attempt holds a thread of
 * the SSH server, so beyond the bound further delayed attempts are refused at once instead of tying up more.
 */
final class DelayGate {

    private final Semaphore permits;

    /** @param maxWaiting most attempts waiting at once (at least 1) */
    DelayGate(int maxWaiting) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1: " + maxWaiting);
        }
        this.permits = new Semaphore(maxWaiting);
    }

    /** @return true if the caller may wait; it must then call {@link #exit()} */
    boolean tryEnter() {
        return permits.tryAcquire();
    }

    /** Ends a wait that {@link #tryEnter()} allowed. */
    void exit() {
        permits.release();
    }
}
