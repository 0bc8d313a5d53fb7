package io.nautilus.security.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First login module (REQUISITE) of the realm {@link ThrottledRealm} wraps: it never grants a login, and refuses
 * one only when too many delayed attempts already wait ({@link DelayGate}); otherwise it watches password logins. Before the realm's own modules check a password, it makes the attempt wait as long as
 * the {@link LoginThrottle} says for this user and client address; after the realm decided, it records the outcome
 * and logs every failure with the user, the client address and the failures in a row. Public-key attempts (an SSH
 * client offers its keys before asking for a password) are neither counted nor delayed.
 */
public final class ThrottlingLoginModule implements LoginModule {

    /** Option carrying the {@link LoginThrottle} the realm shares between its logins. */
    static final String THROTTLE_OPTION = "io.nautilus.security.throttle";

    /** Option carrying the {@link DelayGate} bounding how many attempts wait at once. */
    static final String GATE_OPTION = "io.nautilus.security.gate";

    private static final Logger LOG = LoggerFactory.getLogger(ThrottlingLoginModule.class);
    private static final int MAX_SHOWN_NAME = 64;

    private Subject subject;
    private CallbackHandler handler;
    private LoginThrottle throttle;
    private DelayGate gate;
    private String user;
    private String address;
    private String key;

    /** Created by Karaf's JAAS proxy for each login. */
    public ThrottlingLoginModule() {
    }

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        Object t = options.get(THROTTLE_OPTION);
        Object g = options.get(GATE_OPTION);
        this.throttle = t instanceof LoginThrottle ? (LoginThrottle) t : null;
        this.gate = g instanceof DelayGate ? (DelayGate) g : null;
    }

    @Override
    public boolean login() throws LoginException {
        key = null;
        if (throttle == null || handler == null) {
            return false;
        }
        NameCallback name = new NameCallback("User: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException e) {
            return false;
        } catch (IOException e) {
            throw new LoginException("Cannot read the login: " + e.getMessage());
        } finally {
            char[] secret = password.getPassword();
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            password.clearPassword();
        }
        if (name.getName() == null) {
            return false;
        }
        user = printable(name.getName());
        address = clientAddress(subject);
        key = user + '@' + host(address);
        long wait = throttle.delayBeforeAttempt(key);
        if (wait > 0) {
            if (gate != null && !gate.tryEnter()) {
                LOG.warn("Login of user '{}' from {} refused unchecked: too many delayed login attempts at once",
                        user, address);
                throw new FailedLoginException("Too many login attempts");
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoginException("Interrupted while delaying a login");
            } finally {
                if (gate != null) {
                    gate.exit();
                }
            }
        }
        return false;
    }

    @Override
    public boolean commit() {
        if (key != null) {
            int failures = throttle.recordSuccess(key);
            if (failures > 0) {
                LOG.info("Login of user '{}' from {} after {} failed attempt(s) in a row", user, address, failures);
            }
            key = null;
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (key != null) {
            LoginThrottle.Failure failure = throttle.recordFailure(key);
            if (failure.nextDelayMillis() > 0) {
                LOG.warn("Failed login for user '{}' from {} ({} in a row; the next attempt waits {} ms)", user,
                        address, failure.inARow(), failure.nextDelayMillis());
            } else {
                LOG.warn("Failed login for user '{}' from {} ({} in a row)", user, address, failure.inARow());
            }
            key = null;
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    /** @return the client's address as Karaf's SSH server (or JMX, web console) recorded it, or "local" */
    static String clientAddress(Subject subject) {
        if (subject != null) {
            for (ClientPrincipal client : subject.getPrincipals(ClientPrincipal.class)) {
                if (client.getAddress() != null) {
                    return printable(client.getMethod() + " " + client.getAddress());
                }
            }
        }
        return "local";
    }

    /** @return the address without its port: "ssh /127.0.0.1:53422" gives "ssh /127.0.0.1" */
    static String host(String address) {
        int bracket = address.lastIndexOf(']');
        int colon = address.lastIndexOf(':');
        if (bracket >= 0) {
            return colon == bracket + 1 ? address.substring(0, colon) : address;
        }
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }

    /** @return the text with control characters replaced and cut to a sane length, safe for one log line */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN_NAME + 3));
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_SHOWN_NAME) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
