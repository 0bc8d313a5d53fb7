package io.nautilus.notify.api;

import java.util.Objects;

/**
 * A receiver as configured, with its delivery counts.
 *
 * @param name       the receiver's name, e.g. {@code ops-email}
 * @param channel    its channel, e.g. {@code email}; the Camel route {@code nautilus-notify:<channel>} delivers
 * @param address    where it delivers (recipients or URL), secrets masked; may be empty
 * @param enabled    false when its address is not configured (nothing is sent, alerts still recorded)
 * @param delivered  notifications delivered since start
 * @param failed     delivery attempts that failed since start (retries included)
 * @param deadLetters notifications given up after their last retry since start
 * @param queued     notifications waiting for delivery now (retrying included)
 * @param rolledUp   notifications the rate limit rolled into summaries since start
 * @param lastError  the last failure's reason, or empty
 */
public record ReceiverView(String name, String channel, String address, boolean enabled, long delivered,
                           long failed, long deadLetters, long queued, long rolledUp, String lastError) {

    /**
     * Checks the view.
     *
     * @throws NullPointerException if a component is null
     */
    public ReceiverView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(lastError, "lastError");
    }
}
