package io.nautilus.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed password logins per key (user and client address) and says how long the next attempt of a key must
 * wait: nothing until {@code freeFailures} failures in a row, then {@code baseDelayMillis}, doubling with every
 * further failure up to {@code maxDelayMillis} (3 free failures, 1 s base: attempts 1 to 3 at once, the 4th waits
 * 1 s, the 5th 2 s, the 6th 4 s, ...). A success forgets the key; so does a quiet period of
 * {@code forgetAfterMillis} after its last failure. At most {@code maxTracked} keys are kept (the least recently
 * used goes first), so a flood of invented user names cannot grow it without bound. Thread-safe.
 */
final class LoginThrottle {

    /** What a recorded failure means for the key's next attempt. */
    record Failure(int inARow, long nextDelayMillis) {
    }

    private static final class Entry {
        int failures;
        long lastFailureMillis;
    }

    private final int freeFailures;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final long forgetAfterMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    /**
     * @param freeFailures      failures in a row after which further attempts are delayed (at least 1)
     * @param baseDelayMillis   the first delay, in ms (at least 1)
     * @param maxDelayMillis    the longest delay, in ms (at least baseDelayMillis)
     * @param forgetAfterMillis quiet time after a key's last failure after which it starts afresh, in ms
     * @param maxTracked        most keys remembered (at least 1)
     * @param clock             milliseconds, monotonic
     */
    LoginThrottle(int freeFailures, long baseDelayMillis, long maxDelayMillis, long forgetAfterMillis,
            int maxTracked, LongSupplier clock) {
        if (freeFailures < 1 || baseDelayMillis < 1 || maxDelayMillis < baseDelayMillis || forgetAfterMillis < 1
                || maxTracked < 1) {
            throw new IllegalArgumentException("invalid login throttle: freeFailures=" + freeFailures
                    + " baseDelayMillis=" + baseDelayMillis + " maxDelayMillis=" + maxDelayMillis
                    + " forgetAfterMillis=" + forgetAfterMillis + " maxTracked=" + maxTracked);
        }
        this.freeFailures = freeFailures;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.forgetAfterMillis = forgetAfterMillis;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** @return the longest delay this throttle imposes, in ms */
    long maxDelayMillis() {
        return maxDelayMillis;
    }

    /**
     * @param key user and address
     * @return how long an attempt of this key must wait now, in ms (0: at once)
     */
    synchronized long delayBeforeAttempt(String key) {
        Entry entry = current(key);
        if (entry == null) {
            return 0;
        }
        long wait = entry.lastFailureMillis + delayAfter(entry.failures) - clock.getAsLong();
        return Math.max(0, Math.min(wait, maxDelayMillis));
    }

    /**
     * Records a failed attempt.
     *
     * @param key user and address
     * @return the failures in a row, this one included, and the delay now imposed on the next attempt
     */
    synchronized Failure recordFailure(String key) {
        Entry entry = current(key);
        if (entry == null) {
            entry = new Entry();
            entries.put(key, entry);
        }
        if (entry.failures < Integer.MAX_VALUE) {
            entry.failures++;
        }
        entry.lastFailureMillis = clock.getAsLong();
        return new Failure(entry.failures, delayAfter(entry.failures));
    }

    /**
     * Records a successful login: the key starts afresh.
     *
     * @param key user and address
     * @return the failures in a row that preceded it
     */
    synchronized int recordSuccess(String key) {
        Entry entry = current(key);
        entries.remove(key);
        return entry == null ? 0 : entry.failures;
    }

    /** @return the number of keys remembered */
    synchronized int tracked() {
        return entries.size();
    }

    /**
     * @param failures failures in a row
     * @return the delay they impose on the next attempt, in ms
     */
    long delayAfter(int failures) {
        int excess = failures - freeFailures + 1;
        if (excess <= 0) {
            return 0;
        }
        if (excess > 62 || baseDelayMillis > (maxDelayMillis >> (excess - 1))) {
            return maxDelayMillis;
        }
        return Math.min(maxDelayMillis, baseDelayMillis << (excess - 1));
    }

    private Entry current(String key) {
        Entry entry = entries.get(key);
        if (entry != null && clock.getAsLong() - entry.lastFailureMillis >= forgetAfterMillis) {
            entries.remove(key);
            return null;
        }
        return entry;
    }
}
