package io.nautilus.web.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Counts failed logins per user name and per client address; after too many within a window, that name or address
 * may not try again for a while (even with the right password). Bounded: at most {@value #MAX_KEYS} names and
 * addresses are tracked; when full, the longest-tracked entry is dropped.
 */
final class LoginLimiter {

    static final int MAX_KEYS = 20_000;

    private final int maxFailures;
    private final long windowNanos;
    private final long lockoutNanos;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        long windowStart;
        int failures;
        long lockedUntil;
    }

    /**
     * @param maxFailures failures within the window that cause a lockout
     * @param window      the time failures are counted over
     * @param lockout     how long a lockout lasts
     */
    LoginLimiter(int maxFailures, Duration window, Duration lockout) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.lockoutNanos = lockout.toNanos();
    }

    /**
     * Whether a login may be tried now.
     *
     * @param username the user name
     * @param address  the client's address
     * @param now      {@link System#nanoTime()}
     * @return 0 if it may, else the nanoseconds until it may
     */
    synchronized long retryAfter(String username, String address, long now) {
        return Math.max(lockedFor(userKey(username), now), lockedFor(addressKey(address), now));
    }

    /**
     * Counts a failed login.
     *
     * @param username the user name
     * @param address  the client's address
     * @param now      {@link System#nanoTime()}
     */
    synchronized void failed(String username, String address, long now) {
        fail(userKey(username), now);
        fail(addressKey(address), now);
    }

    /**
     * Forgets the failures of a user name after a successful login (the address keeps its count, so one address
     * cannot guess many names by logging in to its own account between guesses).
     *
     * @param username the user name
     */
    synchronized void succeeded(String username) {
        entries.remove(userKey(username));
    }

    /**
     * Drops entries that neither count nor lock any more.
     *
     * @param now {@link System#nanoTime()}
     */
    synchronized void sweep(long now) {
        entries.values().removeIf(e -> now - e.windowStart > windowNanos && now - e.lockedUntil >= 0);
    }

    /** @return how many names and addresses are tracked */
    synchronized int size() {
        return entries.size();
    }

    private long lockedFor(String key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            return 0;
        }
        long left = e.lockedUntil - now;
        return left > 0 ? left : 0;
    }

    private void fail(String key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            if (entries.size() >= MAX_KEYS) {
                sweep(now);
                if (entries.size() >= MAX_KEYS) {
                    Iterator<Entry> oldest = entries.values().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            e = new Entry();
            e.windowStart = now;
            e.lockedUntil = now;
            entries.put(key, e);
        }
        if (now - e.windowStart > windowNanos) {
            e.windowStart = now;
            e.failures = 0;
        }
        e.failures++;
        if (e.failures >= maxFailures) {
            e.lockedUntil = now + lockoutNanos;
            e.windowStart = now;
            e.failures = 0;
        }
    }

    private static String userKey(String username) {
        return "u:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
