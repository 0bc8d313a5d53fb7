package io.nautilus.web.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's settings, checked, as {@link WebServerConfig} gives them.
 *
 * @param host            address to listen on
 * @param port            TCP port, 0 for any free port
 * @param keystore        key store of the TLS certificate, or null for plain HTTP
 * @param keystorePassword its password
 * @param sessionTimeout  how long a session lives without a request
 * @param maxSessions     most sessions at once
 * @param bodyLimit       largest request body in bytes
 * @param maxFailures     failed logins (per user name, per address) within {@code failureWindow} before a lockout
 * @param failureWindow   the time failed logins are counted over
 * @param lockout         how long logins are refused after too many failures
 * @param realm           the JAAS login context name
 * @param maxTokenTtl     the longest life of a bearer token
 */
public record WebSettings(String host, int port, Path keystore, String keystorePassword, Duration sessionTimeout,
                          int maxSessions, int bodyLimit, int maxFailures, Duration failureWindow, Duration lockout,
                          String realm, Duration maxTokenTtl) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the key and the value that is out of range
     */
    public WebSettings {
        require(host != null && !host.isBlank(), "host must not be empty");
        require(port >= 0 && port <= 65535, "port " + port + " must be within 0..65535");
        require(sessionTimeout.toSeconds() >= 1, "session.timeout " + sessionTimeout.toSeconds()
                + " must be at least 1 second");
        require(maxSessions >= 1, "session.max " + maxSessions + " must be at least 1");
        require(bodyLimit >= 1, "body.limit " + bodyLimit + " must be at least 1 byte");
        require(maxFailures >= 1, "login.maxFailures " + maxFailures + " must be at least 1");
        require(!failureWindow.isNegative() && !failureWindow.isZero(), "login.window must be positive");
        require(!lockout.isNegative() && !lockout.isZero(), "login.lockout must be positive");
        require(realm != null && !realm.isBlank(), "login.realm must not be empty");
        require(maxTokenTtl.toSeconds() >= 60, "token.maxTtl " + maxTokenTtl.toSeconds()
                + " must be at least 60 seconds");
        if (keystore != null) {
            require(keystorePassword != null, "tls.password is needed with tls.keystore");
        }
    }

    /**
     * The settings of a configuration.
     *
     * @param config the configuration
     * @param base   the directory a relative key store path is resolved against (karaf.base)
     * @return the settings
     * @throws IllegalArgumentException when a value is out of range
     */
    public static WebSettings of(WebServerConfig config, Path base) {
        String store = config.tls_keystore() == null ? "" : config.tls_keystore().trim();
        return new WebSettings(config.host().trim(), config.port(), store.isEmpty() ? null : base.resolve(store),
                config.tls_password(), Duration.ofSeconds(config.session_timeout()), config.session_max(),
                config.body_limit(), config.login_maxFailures(), Duration.ofSeconds(config.login_window()),
                Duration.ofSeconds(config.login_lockout()), config.login_realm().trim(),
                Duration.ofSeconds(config.token_maxTtl()));
    }

    /** @return whether the server serves HTTPS */
    public boolean tls() {
        return keystore != null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
