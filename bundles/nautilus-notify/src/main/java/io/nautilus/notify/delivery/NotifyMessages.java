package io.nautilus.notify.delivery;

import io.nautilus.api.alert.Severity;
import io.nautilus.notify.api.AlertView;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.config.ReceiverConfig;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Fills an exchange with a notification for its channel's route ({@link NotifyHeaders}). */
final class NotifyMessages {

    private NotifyMessages() {
    }

    static void prepare(Exchange exchange, Notification notification, ReceiverConfig receiver, int attempt) {
        Message in = exchange.getIn();
        String body = notification.body();
        in.setBody(body);
        in.setHeader(NotifyHeaders.URL, receiver.url());
        in.setHeader(NotifyHeaders.RECEIVER, receiver.name());
        in.setHeader(NotifyHeaders.CHANNEL, receiver.channel());
        in.setHeader(NotifyHeaders.KIND, notification.kind().name());
        in.setHeader(NotifyHeaders.SEVERITY, severity(notification));
        in.setHeader(NotifyHeaders.ATTEMPT, attempt);
        in.setHeader(NotifyHeaders.NOTIFICATION_ID, Long.toString(notification.id()));
        in.setHeader(NotifyHeaders.SUBJECT, notification.subject());
        String to = receiver.settings().getOrDefault("to", "");
        String from = receiver.settings().getOrDefault("from", "");
        if (!to.isBlank()) {
            in.setHeader(NotifyHeaders.TO, to);
            in.setHeader(NotifyHeaders.FORM, "To=" + encode(to) + (from.isBlank() ? "" : "&From=" + encode(from))
                    + "&Body=" + encode(body));
        }
        if (!from.isBlank()) {
            in.setHeader(NotifyHeaders.FROM, from);
        }
        String secret = receiver.secrets().getOrDefault("secret", "");
        if (!secret.isEmpty()) {
            in.setHeader(NotifyHeaders.SIGNATURE, "sha256=" + hmacSha256Hex(secret, body));
        }
        String username = receiver.settings().getOrDefault("username", "");
        String password = receiver.secrets().getOrDefault("password", "");
        if (http(receiver.url())) {
            if (!username.isEmpty() && !password.isEmpty()) {
                in.setHeader(NotifyHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
        } else if (!receiver.url().isBlank()) {
            exchange.setProperty(NotifyHeaders.ENDPOINT, endpoint(receiver.url(), username, password));
        }
        String token = receiver.secrets().getOrDefault("token", "");
        if (!token.isEmpty()) {
            exchange.setProperty(NotifyHeaders.TOKEN, token);
        }
        exchange.setProperty(NotifyHeaders.NOTIFICATION, notification);
    }

    static String severity(Notification notification) {
        Severity highest = Severity.INFO;
        for (AlertView alert : notification.alerts()) {
            if (alert.alert().severity().ordinal() > highest.ordinal()) {
                highest = alert.alert().severity();
            }
        }
        return highest.name();
    }

    /**
     * The HMAC-SHA256 of a body, as a receiver checks a signature.
     *
     * @param secret the shared secret
     * @param body   the body as sent
     * @return lower-case hex
     */
    static String hmacSha256Hex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static boolean http(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String endpoint(String url, String username, String password) {
        StringBuilder uri = new StringBuilder(url.strip());
        if (!username.isEmpty() && !url.contains("username=")) {
            uri.append(uri.indexOf("?") < 0 ? '?' : '&').append("username=").append(raw(username));
        }
        if (!password.isEmpty() && !url.contains("password=")) {
            uri.append(uri.indexOf("?") < 0 ? '?' : '&').append("password=").append(raw(password));
        }
        return uri.toString();
    }

    private static String raw(String value) {
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
