package io.nautilus.web.server;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JAAS realm for tests, installed as the JVM's {@link Configuration} under a name: users with passwords and roles,
 * given to the subject as principals of a class named {@code RolePrincipal} like Karaf's, plus a group principal.
 */
public final class TestRealm {

    /** The users: name -> password, then roles. */
    static final Map<String, List<String>> USERS = Map.of(
            "admin", List.of("admin-pw", "admin", "manager", "viewer"),
            "trader", List.of("trader-pw", "trader"),
            "viewer", List.of("viewer-pw", "viewer"),
            "ops", List.of("ops-pw", "manager"));

    private TestRealm() {
    }

    /**
     * Installs the realm.
     *
     * @param name the login context name
     * @return the configuration it replaced
     */
    public static Configuration install(String name) {
        Configuration previous = null;
        try {
            previous = Configuration.getConfiguration();
        } catch (SecurityException ignored) {
            // no configuration yet
        }
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String requested) {
                if (!name.equals(requested)) {
                    return null;
                }
                return new AppConfigurationEntry[] {new AppConfigurationEntry(Module.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, new HashMap<>())};
            }
        });
        return previous;
    }

    /** Karaf's role principal has this simple name. */
    record RolePrincipal(String getName) implements Principal {
    }

    /** Karaf's group principal: not a role. */
    record GroupPrincipal(String getName) implements Principal {
    }

    /** Checks the {@link #USERS}. */
    public static final class Module implements LoginModule {

        private Subject subject;
        private CallbackHandler handler;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                               Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            List<String> entry = USERS.get(name.getName());
            if (entry == null || !entry.get(0).equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong user or password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            List<String> entry = USERS.get(user);
            subject.getPrincipals().add(new GroupPrincipal("admingroup"));
            for (String role : entry.subList(1, entry.size())) {
                subject.getPrincipals().add(new RolePrincipal(role));
            }
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }
}
