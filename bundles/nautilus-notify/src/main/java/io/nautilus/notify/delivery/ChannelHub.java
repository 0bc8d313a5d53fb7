package io.nautilus.notify.delivery;

import io.nautilus.notify.api.Notification;
import io.nautilus.notify.api.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which running route reads each channel (the last started {@code nautilus-notify:<channel>} consumer; an earlier
 * one takes over again when it stops), and the {@link NotificationListener}s the {@code nautilus-notify:topic}
 * producer feeds.
 */
final class ChannelHub {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelHub.class);

    private final Map<String, Deque<NotifyConsumer>> consumers = new HashMap<>();
    private final List<NotificationListener> listeners = new CopyOnWriteArrayList<>();

    synchronized void add(NotifyConsumer consumer) {
        Deque<NotifyConsumer> readers = consumers.computeIfAbsent(consumer.channel(), c -> new ArrayDeque<>());
        if (!readers.isEmpty()) {
            LOG.warn("{} is read by more than one route; the last started ({}) delivers",
                    consumer.getEndpoint().getEndpointUri(), consumer.getRouteId());
        }
        readers.addFirst(consumer);
    }

    synchronized void remove(NotifyConsumer consumer) {
        Deque<NotifyConsumer> readers = consumers.get(consumer.channel());
        if (readers != null) {
            readers.remove(consumer);
            if (readers.isEmpty()) {
                consumers.remove(consumer.channel());
            }
        }
    }

    synchronized NotifyConsumer consumer(String channel) {
        Deque<NotifyConsumer> readers = consumers.get(channel);
        return readers == null ? null : readers.peekFirst();
    }

    void addListener(NotificationListener listener) {
        listeners.add(listener);
    }

    void removeListener(NotificationListener listener) {
        listeners.remove(listener);
    }

    /**
     * Hands a notification to every listener; one that throws is logged and the others still get it.
     *
     * @return how many listeners took it without throwing
     */
    int publish(Notification notification) {
        int told = 0;
        for (NotificationListener listener : listeners) {
            try {
                listener.onNotification(notification);
                told++;
            } catch (RuntimeException e) {
                LOG.warn("notification listener {} failed on notification {}: {}", listener.getClass().getName(),
                        notification.id(), e.toString());
            }
        }
        return told;
    }
}
