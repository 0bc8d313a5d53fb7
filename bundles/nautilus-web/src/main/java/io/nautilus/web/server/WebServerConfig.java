package io.nautilus.web.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The web server's configuration, PID {@code io.nautilus.web} ({@code etc/io.nautilus.web.cfg}). Keys with a dot
 * ({@code tls.keystore}) are the methods with an underscore.
 */
@ObjectClassDefinition(name = "Nautilus web server",
        description = "HTTP server of the REST API, the WebSocket streams, the dashboard and /metrics")
public @interface WebServerConfig {

    /** @return the address to listen on */
    @AttributeDefinition(description = "Address to listen on; 127.0.0.1 keeps the server local to this machine")
    String host() default "127.0.0.1";

    /** @return the port, 0 for any free port */
    @AttributeDefinition(description = "TCP port (0: any free port, logged at start)", min = "0", max = "65535")
    int port() default 8080;

    /** @return the key store of the server's certificate (PKCS12, or JKS when the name ends in .jks); empty: no TLS */
    @AttributeDefinition(description = "Key store with the server's certificate and key (PKCS12, or JKS for a .jks"
            + " file), relative to karaf.base; empty serves plain HTTP")
    String tls_keystore() default "";

    /** @return the key store's password */
    @AttributeDefinition(description = "Password of the key store", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String tls_password() default "";

    /** @return seconds a session lives without a request */
    @AttributeDefinition(description = "Seconds a login session lives without a request", min = "60", max = "86400")
    int session_timeout() default 1800;

    /** @return the most sessions at once */
    @AttributeDefinition(description = "Most login sessions at once; a login beyond it is refused (503)", min = "1")
    int session_max() default 10000;

    /** @return the largest request body in bytes */
    @AttributeDefinition(description = "Largest request body in bytes; a larger one is refused (413)", min = "1024",
            max = "104857600")
    int body_limit() default 1048576;

    /** @return failed logins of one user or address, within the window, after which logins are refused */
    @AttributeDefinition(description = "Failed logins of one user name or one client address within login.window"
            + " after which its logins are refused for login.lockout seconds", min = "1", max = "1000")
    int login_maxFailures() default 5;

    /** @return seconds failed logins are counted over */
    @AttributeDefinition(description = "Seconds failed logins are counted over", min = "1", max = "86400")
    int login_window() default 300;

    /** @return seconds logins are refused after too many failures */
    @AttributeDefinition(description = "Seconds logins are refused after too many failures", min = "1",
            max = "86400")
    int login_lockout() default 300;

    /** @return the JAAS realm logins are checked against */
    @AttributeDefinition(description = "JAAS realm (login context name) logins are checked against: Karaf's, the"
            + " same users as the shell")
    String login_realm() default "karaf";

    /** @return the longest life of a bearer token in seconds */
    @AttributeDefinition(description = "Longest life of a bearer token in seconds", min = "60")
    int token_maxTtl() default 2592000;
}
