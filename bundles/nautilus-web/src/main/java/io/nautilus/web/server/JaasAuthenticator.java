package io.nautilus.web.server;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

/**
 * Logins against a JAAS realm: Karaf's {@code karaf} realm by default, the same users, password hashes and login
 * throttling as the shell. The user's platform role is the highest of the realm's role principals named
 * {@code admin}, {@code trader} or {@code viewer} (Karaf's {@code RolePrincipal}, groups already expanded).
 */
public final class JaasAuthenticator implements Authenticator {

    private final String realm;

    /**
     * @param realm the JAAS login context name, e.g. {@code karaf}
     */
    public JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Optional<WebContext.User> authenticate(String username, char[] password) throws NoRoleException {
        Subject subject = new Subject();
        LoginContext login;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the realm's login module class through the context class loader; Karaf's proxy module is on
        // the system class path, which a bundle's or a Vert.x worker's loader may not see
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            login = new LoginContext(realm, subject, callbacks -> answer(callbacks, username, password));
            login.login();
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
        try {
            WebContext.Role role = highestRole(subject);
            if (role == null) {
                throw new NoRoleException(username);
            }
            return Optional.of(new WebContext.User(username, role));
        } finally {
            try {
                login.logout();
            } catch (LoginException ignored) {
                // the subject is ours and dropped; nothing is left to release
            }
        }
    }

    /**
     * The platform role of an authenticated subject.
     *
     * @param subject the subject a login filled
     * @return the highest of its role principals that is a platform role, or null if it has none
     */
    static WebContext.Role highestRole(Subject subject) {
        WebContext.Role best = null;
        for (Principal principal : subject.getPrincipals()) {
            if (!principal.getClass().getSimpleName().equals("RolePrincipal")) {
                continue;
            }
            WebContext.Role role = switch (principal.getName().toLowerCase(Locale.ROOT)) {
                case "admin" -> WebContext.Role.ADMIN;
                case "trader" -> WebContext.Role.TRADER;
                case "viewer" -> WebContext.Role.VIEWER;
                default -> null;
            };
            if (role != null && (best == null || role.covers(best))) {
                best = role;
            }
        }
        return best;
    }

    private static void answer(Callback[] callbacks, String username, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(username);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
