package io.nautilus.web.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {

    private static final long MINUTE = 60_000_000_000L;
    private static final WebContext.User ADMIN = new WebContext.User("admin", WebContext.Role.ADMIN);

    @Test
    void aSessionLivesWhileUsedAndEndsAfterItsIdleTimeout() {
        SessionStore sessions = new SessionStore(Duration.ofMinutes(30), 10);
        SessionStore.Session session = sessions.open(ADMIN, 0).orElseThrow();

        assertThat(sessions.find(session.id(), 29 * MINUTE)).contains(session);
        assertThat(sessions.find(session.id(), 58 * MINUTE)).contains(session);
        assertThat(sessions.find(session.id(), 89 * MINUTE)).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void sessionsBeyondTheMaximumAreRefusedUntilSomeEnd() {
        SessionStore sessions = new SessionStore(Duration.ofMinutes(30), 2);
        SessionStore.Session first = sessions.open(ADMIN, 0).orElseThrow();
        sessions.open(ADMIN, 0).orElseThrow();

        assertThat(sessions.open(ADMIN, MINUTE)).isEmpty();
        sessions.close(first.id());
        assertThat(sessions.open(ADMIN, MINUTE)).isPresent();
        assertThat(sessions.open(ADMIN, 31 * MINUTE)).isPresent();
    }

    @Test
    void idsAndCsrfTokensAreDistinctRandomValues() {
        SessionStore sessions = new SessionStore(Duration.ofMinutes(30), 10);
        SessionStore.Session a = sessions.open(ADMIN, 0).orElseThrow();
        SessionStore.Session b = sessions.open(ADMIN, 0).orElseThrow();

        assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
        assertThat(a.csrfToken()).isNotEqualTo(b.csrfToken());
    }

    @Test
    void aTokenWorksUntilItExpiresAndOnlyItsHashIsKept() {
        TokenStore tokens = new TokenStore();
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        String token = tokens.issue("cli", ADMIN, now.plusSeconds(60), now).orElseThrow().secret();

        assertThat(tokens.find(token, now.plusSeconds(59))).map(TokenStore.Token::user).contains(ADMIN);
        assertThat(tokens.find(token + "x", now)).isEmpty();
        assertThat(tokens.find(token, now.plusSeconds(60))).isEmpty();
    }

    @Test
    void tokensAreListedByIdWithoutSecretsAndARevokedOneStopsWorking() {
        TokenStore tokens = new TokenStore();
        Instant now = Instant.parse("2026-12-06T08:00:00Z");
        TokenStore.Issued first = tokens.issue("cli", ADMIN, now.plusSeconds(600), now).orElseThrow();
        TokenStore.Issued second = tokens.issue("prometheus", ADMIN, now.plusSeconds(60), now).orElseThrow();

        assertThat(tokens.list(now)).extracting(TokenStore.Token::id, TokenStore.Token::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), "cli"),
                        org.assertj.core.groups.Tuple.tuple(second.id(), "prometheus"));
        assertThat(tokens.list(now.plusSeconds(60))).extracting(TokenStore.Token::id).containsExactly(first.id());

        assertThat(tokens.revoke(first.id())).map(TokenStore.Token::name).contains("cli");
        assertThat(tokens.find(first.secret(), now)).isEmpty();
        assertThat(tokens.revoke(first.id())).isEmpty();
        assertThat(tokens.revoke("T999")).isEmpty();
    }
}
