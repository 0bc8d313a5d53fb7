package io.nautilus.web.server;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bearer tokens for scripts, in memory: only the token's SHA-256 is kept; a token carries its user's role at the
 * time it was issued and ends at its expiry, when it is revoked or when the server restarts. At most {@value #MAX}
 * tokens live at once. Each has an id ({@code T1}, {@code T2}, ...) to list and revoke it by; the id is no secret.
 */
final class TokenStore {

    static final int MAX = 10_000;

    /**
     * A live token.
     *
     * @param id      its id, e.g. {@code T12}
     * @param name    what the user called it
     * @param user    whose it is
     * @param issued  when it was issued
     * @param expires when it stops working
     */
    record Token(String id, String name, WebContext.User user, Instant issued, Instant expires) {
    }

    /**
     * A token just issued.
     *
     * @param id     its id
     * @param secret the token to give the user once (only its SHA-256 is kept)
     */
    record Issued(String id, String secret) {
    }

    private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Issues a token.
     *
     * @param name    a name for it
     * @param user    its user
     * @param expires when it stops working
     * @param now     the current time
     * @return the token's id and the secret to give the user once, or empty when {@value #MAX} tokens live
     */
    Optional<Issued> issue(String name, WebContext.User user, Instant expires, Instant now) {
        if (tokens.size() >= MAX) {
            sweep(now);
            if (tokens.size() >= MAX) {
                return Optional.empty();
            }
        }
        String secret = "nat_" + Secrets.random();
        String id = "T" + ids.incrementAndGet();
        tokens.put(Secrets.hash(secret), new Token(id, name, user, now, expires));
        return Optional.of(new Issued(id, secret));
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

    /**
     * The live tokens, oldest first.
     *
     * @param now the current time (expired tokens are dropped first)
     * @return every live token; the secrets are not kept, so none is shown
     */
    List<Token> list(Instant now) {
        sweep(now);
        return tokens.values().stream().sorted(Comparator.comparingLong(t -> Long.parseLong(t.id().substring(1))))
                .toList();
    }

    /**
     * Ends a token now.
     *
     * @param id the token's id
     * @return the token ended, or empty when no live token has that id
     */
    Optional<Token> revoke(String id) {
        for (var entry : tokens.entrySet()) {
            if (entry.getValue().id().equals(id) && tokens.remove(entry.getKey(), entry.getValue())) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
