package io.nautilus.web.server;

import java.util.Optional;

/**
 * Checks a user name and password. Implementations may block (password hashing is slow by design): the server calls
 * them off the event loop.
 */
public interface Authenticator {

    /**
     * Checks a login.
     *
     * @param username the user name
     * @param password the password
     * @return the user with the highest platform role the realm gives, or empty when the name or password is wrong
     * @throws NoRoleException when the credentials are right but the user has none of the platform's roles
     */
    Optional<WebContext.User> authenticate(String username, char[] password) throws NoRoleException;

    /** The credentials were right but the user has no {@code admin}, {@code trader} or {@code viewer} role. */
    final class NoRoleException extends Exception {

        private static final long serialVersionUID = 1L;

        /**
         * @param username the user
         */
        public NoRoleException(String username) {
            super("user " + username + " has none of the roles admin, trader, viewer");
        }
    }
}
