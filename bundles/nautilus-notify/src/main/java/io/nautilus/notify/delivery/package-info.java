/**
 * The delivery side of the notification engine. {@link io.nautilus.notify.delivery.Deliveries} takes what the
 * pipeline releases (it is its {@link io.nautilus.notify.engine.Dispatcher}), renders each message with the channel's
 * FreeMarker {@link io.nautilus.notify.delivery.Templates} and delivers it through a
 * {@link io.nautilus.notify.delivery.ChannelTransport}, one ordered queue and thread per receiver, with retries,
 * back-off and a dead-letter list, telling a {@link io.nautilus.notify.delivery.DeliveryListener} of every attempt.
 * {@link io.nautilus.notify.delivery.CamelChannelTransport} is the transport of the platform: the
 * {@code nautilus-notify} Camel component ({@link io.nautilus.notify.delivery.NotifyComponent}) whose
 * {@code nautilus-notify:<channel>} consumers start the channels' routes (camel-routes/notify-*.yaml) with the
 * headers of {@link io.nautilus.notify.delivery.NotifyHeaders}, and whose {@code nautilus-notify:topic} producer feeds
 * the {@link io.nautilus.notify.api.NotificationListener} services.
 */
package io.nautilus.notify.delivery;
