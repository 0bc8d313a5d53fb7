package io.nautilus.web.server;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for scripts, in memory: only the token's SHA-256 is kept; a token carries its user's role at the
 * time it was issued and ends at its expiry or when the server restarts. At most {@value #MAX} tokens live at once.
 */
final class TokenStore {

    static final int MAX = 10_000;

    /**
     * A live token.
     *
     * @param name    what the user called it
     * @param user    whose it is
     * @param expires when it stops working
     */
    record Token(String name, WebContext.User user, Instant expires) {
    }

    private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();

    /**
     * Issues a token.
     *
     * @param name    a name for it
     * @param user    its user
     * @param expires when it stops working
     * @param now     the current time
     * @return the token to give the user once, or empty when {@value #MAX} tokens live
     */
    Optional<String> issue(String name, WebContext.User user, Instant expires, Instant now) {
        if (tokens.size() >= MAX) {
            sweep(now);
            if (tokens.size() >= MAX) {
                return Optional.empty();
            }
        }
        String secret = "nat_" + Secrets.random();
        tokens.put(Secrets.hash(secret), new Token(name, user, expires));
        return Optional.of(secret);
    }

    /**
     * The live token of a request.
     *
     * @param secret what followed {@code Bearer }
     * @param now    the current time
     * @return the token, or empty when unknown or expired
     */
    Optional<Token> find(String secret, Instant now) {
        String key = Secrets.hash(secret);
        Token token = tokens.get(key);
        if (token == null) {
            return Optional.empty();
        }
        if (!token.expires().isAfter(now)) {
            tokens.remove(key, token);
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /**
     * Drops expired tokens.
     *
     * @param now the current time
     */
    void sweep(Instant now) {
        tokens.values().removeIf(t -> !t.expires().isAfter(now));
    }
}
