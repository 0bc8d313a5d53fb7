package io.nautilus.api.alert;

/**
 * One way of delivering alerts to humans, e.g. an SMTP mailbox, a Slack channel or a webhook; registered as
 * an OSGi service and called by the notification engine off the trading path.
 */
public interface AlertChannel {

    /**
     * The channel's id, unique in the platform and used in alert routing rules.
     *
     * @return e.g. {@code slack-ops}
     */
    String channelId();

    /**
     * Delivers one alert; may block up to the channel's configured timeout.
     *
     * @param alert the alert, already deduplicated and rate-limited by the notification engine
     * @return the outcome; failures are reported here rather than thrown
     */
    DeliveryResult deliver(Alert alert);
}
