package io.nautilus.web.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.security.auth.login.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JaasAuthenticatorTest {

    private static final String REALM = "nautilus-jaas-test";

    private Configuration previous;

    @BeforeEach
    void install() {
        previous = TestRealm.install(REALM);
    }

    @AfterEach
    void restore() {
        Configuration.setConfiguration(previous);
    }

    @Test
    void theHighestPlatformRoleWinsAndGroupsAreNotRoles() throws Exception {
        assertThat(new JaasAuthenticator(REALM).authenticate("admin", "admin-pw".toCharArray()))
                .contains(new WebContext.User("admin", WebContext.Role.ADMIN));
        assertThat(new JaasAuthenticator(REALM).authenticate("trader", "trader-pw".toCharArray()))
                .contains(new WebContext.User("trader", WebContext.Role.TRADER));
    }

    @Test
    void aWrongPasswordOrUnknownUserIsEmpty() throws Exception {
        assertThat(new JaasAuthenticator(REALM).authenticate("admin", "nope".toCharArray())).isEmpty();
        assertThat(new JaasAuthenticator(REALM).authenticate("nobody", "x".toCharArray())).isEmpty();
    }

    @Test
    void aUserWithoutAPlatformRoleIsRefused() {
        assertThatThrownBy(() -> new JaasAuthenticator(REALM).authenticate("ops", "ops-pw".toCharArray()))
                .isInstanceOf(Authenticator.NoRoleException.class)
                .hasMessage("user ops has none of the roles admin, trader, viewer");
    }

    @Test
    void aRealmThatDoesNotExistLogsInNobody() throws Exception {
        assertThat(new JaasAuthenticator("no-such-realm").authenticate("admin", "admin-pw".toCharArray())).isEmpty();
    }
}
