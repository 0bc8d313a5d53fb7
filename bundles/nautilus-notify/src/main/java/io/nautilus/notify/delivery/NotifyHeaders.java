package io.nautilus.notify.delivery;

/**
 * What a {@code nautilus-notify:<channel>} consumer puts on each exchange it starts a route with. The body is the
 * rendered body (a String). Headers named {@code Nautilus*} stay inside the platform: routes remove them before an
 * endpoint that would send them on (camel-mail and camel-http send other headers as mail or HTTP headers).
 * Secrets only ever travel as {@link #AUTHORIZATION} and the signature, or as exchange properties, which no
 * component sends.
 */
public final class NotifyHeaders {

    /** Header: the receiver's URL as configured ({@code receiver.<name>.url}); secrets added to it never. */
    public static final String URL = "NautilusNotifyUrl";
    /** Header: the receiver's name. */
    public static final String RECEIVER = "NautilusNotifyReceiver";
    /** Header: the channel. */
    public static final String CHANNEL = "NautilusNotifyChannel";
    /** Header: why it is sent: FIRING, REPEAT, ESCALATION, RESOLVED, SUMMARY or TEST. */
    public static final String KIND = "NautilusNotifyKind";
    /** Header: the highest severity of the alerts (INFO when there is none). */
    public static final String SEVERITY = "NautilusNotifySeverity";
    /** Header: the attempt, 1, 2, ... */
    public static final String ATTEMPT = "NautilusNotifyAttempt";
    /**
     * Header: {@code To=...&From=...&Body=...}, URL-encoded, from the {@code to} and {@code from} settings and the
     * rendered body: the form a Twilio-shaped SMS API takes. Set when the receiver has a {@code to} setting.
     */
    public static final String FORM = "NautilusNotifyForm";
    /** Header a route may set to report the provider's reference of a delivered message (e.g. its message id). */
    public static final String REFERENCE = "NautilusNotifyReference";

    /** Header: the notification's id; its retries keep it, so a receiver can drop duplicates. */
    public static final String NOTIFICATION_ID = "X-Nautilus-Notification-Id";
    /**
     * Header: {@code sha256=<hex>}, the HMAC-SHA256 of the body's UTF-8 bytes keyed with the receiver's secret
     * {@code secret}. Set when the receiver has one.
     */
    public static final String SIGNATURE = "X-Nautilus-Signature";
    /**
     * Header: {@code Basic <base64(username:password)>} for an HTTP(S) receiver with a {@code username} setting and a
     * {@code password} secret (e.g. a Twilio account SID and token).
     */
    public static final String AUTHORIZATION = "Authorization";
    /** Header: the rendered subject line (camel-mail's subject). */
    public static final String SUBJECT = "Subject";
    /** Header: the receiver's {@code to} setting when it has one (camel-mail's recipients). */
    public static final String TO = "To";
    /** Header: the receiver's {@code from} setting when it has one (camel-mail's sender). */
    public static final String FROM = "From";

    /** Exchange property: the {@link io.nautilus.notify.api.Notification} itself. */
    public static final String NOTIFICATION = "NautilusNotification";
    /**
     * Exchange property: for a receiver whose URL is not HTTP(S) (e.g. {@code smtp://}), that URL with the
     * {@code username} setting and {@code password} secret added as endpoint options, ready for {@code toD}.
     */
    public static final String ENDPOINT = "NautilusNotifyEndpoint";
    /** Exchange property: the receiver's secret {@code token} (an API key, e.g. a PagerDuty routing key), if any. */
    public static final String TOKEN = "NautilusNotifyToken";

    private NotifyHeaders() {
    }
}
