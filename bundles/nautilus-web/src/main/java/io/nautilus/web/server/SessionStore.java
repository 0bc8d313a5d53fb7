package io.nautilus.web.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions in memory: a random id (the cookie), the user and the session's CSRF token; a session ends at
 * logout or after its idle timeout. A restart of the server logs everyone out.
 */
final class SessionStore {

    /**
     * One login session.
     *
     * @param id        the cookie value
     * @param user      who logged in
     * @param csrfToken the token state-changing requests must send in {@code X-CSRF-Token}
     */
    record Session(String id, WebContext.User user, String csrfToken) {
    }

    private record Entry(Session session, long lastUsed) {
    }

    private final ConcurrentHashMap<String, Entry> sessions = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final int max;

    /**
     * @param timeout how long a session lives without a request
     * @param max     most sessions at once
     */
    SessionStore(Duration timeout, int max) {
        this.timeoutNanos = timeout.toNanos();
        this.max = max;
    }

    /**
     * Opens a session.
     *
     * @param user who logged in
     * @param now  {@link System#nanoTime()}
     * @return the session, or empty when {@code max} sessions are open
     */
    Optional<Session> open(WebContext.User user, long now) {
        if (sessions.size() >= max) {
            sweep(now);
            if (sessions.size() >= max) {
                return Optional.empty();
            }
        }
        Session session = new Session(Secrets.random(), user, Secrets.random());
        sessions.put(session.id(), new Entry(session, now));
        return Optional.of(session);
    }

    /**
     * The live session of a cookie, touched.
     *
     * @param id  the cookie value
     * @param now {@link System#nanoTime()}
     * @return the session, or empty when it does not exist or timed out
     */
    Optional<Session> find(String id, long now) {
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (now - entry.lastUsed() > timeoutNanos) {
            sessions.remove(id, entry);
            return Optional.empty();
        }
        sessions.replace(id, entry, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    /**
     * Ends a session.
     *
     * @param id the cookie value
     */
    void close(String id) {
        sessions.remove(id);
    }

    /**
     * Ends the sessions that timed out.
     *
     * @param now {@link System#nanoTime()}
     */
    void sweep(long now) {
        sessions.values().removeIf(e -> now - e.lastUsed() > timeoutNanos);
    }

    /** @return open sessions */
    int size() {
        return sessions.size();
    }
}
