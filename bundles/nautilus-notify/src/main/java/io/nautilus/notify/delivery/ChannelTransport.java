package io.nautilus.notify.delivery;

import io.nautilus.api.alert.DeliveryResult;
import io.nautilus.notify.api.Notification;
import io.nautilus.notify.config.ReceiverConfig;

import java.time.Duration;

/**
 * Hands a rendered notification to its channel, e.g. the Camel route reading {@code nautilus-notify:<channel>}
 * ({@link CamelChannelTransport}).
 */
public interface ChannelTransport {

    /**
     * Delivers one notification once, waiting at most {@code timeout} for the outcome.
     *
     * @param notification the rendered message
     * @param receiver     the receiver (its URL, settings and secrets)
     * @param attempt      1 for the first attempt, then 2, 3, ...
     * @param timeout      the longest to wait; past it the attempt is a retryable failure
     * @return delivered, or failed with a one-line reason that holds no secret; retryable unless a retry cannot
     *         help (a rejected address, HTTP 4xx other than 408 and 429, bad credentials)
     */
    DeliveryResult send(Notification notification, ReceiverConfig receiver, int attempt, Duration timeout);

    /**
     * Whether a route delivers for a channel now.
     *
     * @param channel the channel, e.g. {@code email}
     * @return true when something reads {@code nautilus-notify:<channel>}
     */
    boolean hasRoute(String channel);
}
