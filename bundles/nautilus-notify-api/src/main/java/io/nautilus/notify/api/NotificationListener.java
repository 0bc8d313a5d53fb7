package io.nautilus.notify.api;

/**
 * The in-platform topic of the {@code ui} channel: register an implementation as an OSGi service (whiteboard) and
 * it receives every notification the {@code ui} channel's route delivers, e.g. to stream it to browsers.
 *
 * <p>Called on the {@code ui} channel's delivery thread; an implementation must return quickly (hand the message
 * to its own queue) and not throw. A listener that throws is logged and the delivery still counts.
 */
@FunctionalInterface
public interface NotificationListener {

    /**
     * One notification delivered to the in-platform topic.
     *
     * @param notification the message
     */
    void onNotification(Notification notification);
}
