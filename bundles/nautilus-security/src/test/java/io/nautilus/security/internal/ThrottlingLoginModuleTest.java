package io.nautilus.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the module in a real JAAS LoginContext, in front of a module that knows one password, as ThrottledRealm
 * builds Karaf's realm. */
class ThrottlingLoginModuleTest {

    /** Accepts user "admin" with password "right" (OPTIONAL, as Karaf's properties module). */
    public static final class OnePasswordModule implements LoginModule {
        private CallbackHandler handler;

        @Override
        public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            handler = callbackHandler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("u");
            PasswordCallback password = new PasswordCallback("p", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new FailedLoginException("no password");
            }
            if ("admin".equals(name.getName()) && "right".equals(new String(password.getPassword()))) {
                return true;
            }
            throw new FailedLoginException("Password for " + name.getName() + " does not match");
        }

        @Override
        public boolean commit() {
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    private final AtomicLong now = new AtomicLong(5_000_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 1000, 10_000, 900_000, 100, now::get);
    private DelayGate gate = new DelayGate(4);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void captureLog() {
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(stderr);
    }

    private Configuration realm() {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(ThrottlingLoginModule.class.getName(),
                            AppConfigurationEntry.LoginModuleControlFlag.REQUISITE,
                            Map.of(ThrottlingLoginModule.THROTTLE_OPTION, throttle,
                                    ThrottlingLoginModule.GATE_OPTION, gate)),
                    new AppConfigurationEntry(OnePasswordModule.class.getName(),
                            AppConfigurationEntry.LoginModuleControlFlag.OPTIONAL, Map.of())};
            }
        };
    }

    private void login(String user, String password, String address) throws LoginException {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", address));
        CallbackHandler handler = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback pw) {
                    pw.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        new LoginContext("karaf", subject, handler, realm()).login();
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFailedLoginIsLoggedWithUserAndAddressAndCounted() {
        assertThatThrownBy(() -> login("admin", "wrong", "/10.1.2.3:40001")).isInstanceOf(LoginException.class);
        assertThat(logText()).contains("Failed login for user 'admin' from ssh /10.1.2.3:40001 (1 in a row)");
        assertThat(throttle.tracked()).isEqualTo(1);
    }

    @Test
    void theThirdFailureFromAnAddressDelaysTheNextAttemptWhateverThePort() {
        for (int port = 40001; port <= 40003; port++) {
            int p = port;
            assertThatThrownBy(() -> login("admin", "wrong", "/10.1.2.3:" + p)).isInstanceOf(LoginException.class);
        }
        assertThat(logText()).contains("(3 in a row; the next attempt waits 1000 ms)");
        assertThat(throttle.delayBeforeAttempt("admin@ssh /10.1.2.3")).isEqualTo(1000);
    }

    @Test
    void aSuccessIsNotLoggedAsFailureAndClearsTheCount() throws LoginException {
        assertThatThrownBy(() -> login("admin", "wrong", "/10.1.2.3:40001")).isInstanceOf(LoginException.class);
        assertThatThrownBy(() -> login("admin", "wrong", "/10.1.2.3:40002")).isInstanceOf(LoginException.class);
        login("admin", "right", "/10.1.2.3:40003");
        assertThat(logText()).contains("Login of user 'admin' from ssh /10.1.2.3:40003 after 2 failed attempt(s)");
        assertThat(throttle.tracked()).isZero();
    }

    @Test
    void whenTooManyAttemptsAlreadyWaitADelayedOneIsRefusedUnchecked() throws LoginException {
        gate = new DelayGate(1);
        assertThat(gate.tryEnter()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("admin", "wrong", "/10.1.2.3:1")).isInstanceOf(LoginException.class);
        }
        assertThatThrownBy(() -> login("admin", "right", "/10.1.2.3:2")).isInstanceOf(FailedLoginException.class);
        assertThat(logText()).contains("Login of user 'admin' from ssh /10.1.2.3:2 refused unchecked");
        gate.exit();
        now.addAndGet(1000);
        login("admin", "right", "/10.1.2.3:3");
    }

    @Test
    void publicKeyAttemptsAreNeitherCountedNorDelayed() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", "/10.1.2.3:1"));
        CallbackHandler keyOnly = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName("admin");
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> new LoginContext("karaf", subject, keyOnly, realm()).login())
                    .isInstanceOf(LoginException.class);
        }
        assertThat(throttle.tracked()).isZero();
        assertThat(logText()).doesNotContain("Failed login");
    }

    @Test
    void aUserNameCannotForgeLogLines() {
        assertThatThrownBy(() -> login("admin\nFAKE login ok", "wrong", "/10.1.2.3:1"))
                .isInstanceOf(LoginException.class);
        assertThat(logText()).contains("user 'admin?FAKE login ok'").doesNotContain("\nFAKE");
    }

    @Test
    void theAddressKeyDropsThePortOnlyFromIpv4AndBracketedIpv6() {
        assertThat(ThrottlingLoginModule.host("ssh /127.0.0.1:53422")).isEqualTo("ssh /127.0.0.1");
        assertThat(ThrottlingLoginModule.host("ssh /[0:0:0:0:0:0:0:1]:53422")).isEqualTo("ssh /[0:0:0:0:0:0:0:1]");
        assertThat(ThrottlingLoginModule.host("local")).isEqualTo("local");
    }
}
